-- National programmes that involve particular councils (issue 15, item 2), for example the Families First for
-- Children Pathfinder and the Regional Care Cooperative pathfinders of the strategy. None is seeded: which councils
-- take part, and from when, is entered by DfE staff, each change audited as a "programme" record (lib/audit/records.ts).
CREATE TABLE "programme" (
  "id" SERIAL NOT NULL,
  "slug" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "description" TEXT NOT NULL,
  "started_on" DATE,
  "ended_on" DATE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "programme_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "programme_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  CONSTRAINT "programme_dates_in_order" CHECK ("ended_on" IS NULL OR "started_on" IS NULL OR "ended_on" >= "started_on")
);
CREATE UNIQUE INDEX "programme_slug_key" ON "programme"("slug");

-- The national milestones a programme delivers.
CREATE TABLE "programme_milestone" (
  "programme_id" INTEGER NOT NULL,
  "milestone_id" INTEGER NOT NULL,
  CONSTRAINT "programme_milestone_pkey" PRIMARY KEY ("programme_id", "milestone_id"),
  CONSTRAINT "programme_milestone_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id")
    ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "programme_milestone_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id")
    ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "programme_milestone_milestone_id_idx" ON "programme_milestone"("milestone_id");

-- A council's participation in a programme, from a day and (once it ends) until a day. A council may leave and
-- join again: each spell is its own row.
CREATE TABLE "programme_council" (
  "id" SERIAL NOT NULL,
  "programme_id" INTEGER NOT NULL,
  "council_id" INTEGER NOT NULL,
  "from_date" DATE NOT NULL,
  "until_date" DATE,
  CONSTRAINT "programme_council_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "programme_council_dates_in_order" CHECK ("until_date" IS NULL OR "until_date" >= "from_date"),
  CONSTRAINT "programme_council_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id")
    ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "programme_council_council_id_fkey" FOREIGN KEY ("council_id") REFERENCES "council"("id")
    ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "programme_council_programme_id_council_id_from_date_key"
  ON "programme_council"("programme_id", "council_id", "from_date");
CREATE INDEX "programme_council_council_id_idx" ON "programme_council"("council_id");

-- A programme's change is a change to public pages (the programme's, its councils', /councils): it moves the data
-- version, as milestone and recommendation events do (0004, 0006), so the front server renders them again.
CREATE OR REPLACE FUNCTION "bump_data_version_for_reform_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "inserted_events" WHERE "entity_type" IN ('milestone', 'recommendation', 'programme')) THEN
    UPDATE "data_version" SET "value" = "value" + 1, "changed_at" = now() WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;
