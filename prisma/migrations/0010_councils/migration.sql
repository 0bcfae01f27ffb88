-- Every English local authority with children's services duties (issue 15), from the reference list in
-- prisma/seed/data/councils. A council keeps its row, and its history, when it is reorganised: it is marked as ended,
-- with its successor. `slug` (thurrock) and `gss_code` (E06000034) each find it.
CREATE TABLE "council" (
  "id" SERIAL NOT NULL,
  "slug" TEXT NOT NULL,
  "gss_code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "official_name" TEXT NOT NULL,
  "type" TEXT NOT NULL,
  "type_name" TEXT NOT NULL,
  "region" TEXT NOT NULL,
  "started_on" DATE,
  "population_2020" INTEGER,
  "ended_on" DATE,
  "successor_id" INTEGER,
  CONSTRAINT "council_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "council_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  CONSTRAINT "council_gss_code_format" CHECK ("gss_code" ~ '^E[0-9]{8}$'),
  CONSTRAINT "council_successor_only_when_ended" CHECK ("successor_id" IS NULL OR "ended_on" IS NOT NULL)
);

CREATE UNIQUE INDEX "council_slug_key" ON "council"("slug");
CREATE UNIQUE INDEX "council_gss_code_key" ON "council"("gss_code");
CREATE INDEX "council_region_name_idx" ON "council"("region", "name");

-- Deferred, so that a backup restores councils in id order even when a successor has a higher id.
ALTER TABLE "council" ADD CONSTRAINT "council_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "council"("id")
  ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;
