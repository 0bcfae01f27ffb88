-- A council's local actions (issue 15, item 3): its own record of what it is doing about national items, audited
-- as a "local_action" record exactly as milestones are (lib/audit/records.ts), with the same concurrency rule
-- (a version number the editor started from). Council accounts (item 4) write them, scoped to one council.

-- Annex 1 actions get stable public codes, so a local action can say which ones it serves: outcome 1's third "What
-- will we do next?" action is A1-O1-N3, its second two-year result A1-O1-R2. Derived from where the text sits in the
-- strategy, which never changes; the source load writes the same codes (lib/seed/load-reform-data.server.ts).
ALTER TABLE "outcome_commitment" ADD COLUMN "code" TEXT;
UPDATE "outcome_commitment" c
   SET "code" = 'A1-O' || o."number" || '-' || CASE c."kind" WHEN 'next_action' THEN 'N' ELSE 'R' END || c."position"
  FROM "outcome" o WHERE o."id" = c."outcome_id";
ALTER TABLE "outcome_commitment" ALTER COLUMN "code" SET NOT NULL;
CREATE UNIQUE INDEX "outcome_commitment_code_key" ON "outcome_commitment"("code");

-- Council accounts: a council editor writes one council's local actions; a council lead may also manage that
-- council's editors (decision 0017, which changes 0006). Every council account belongs to exactly one council,
-- and no DfE account belongs to one. (Compared as text: a value added to an enum cannot be used as one in the
-- transaction that adds it.)
ALTER TYPE "Role" ADD VALUE 'council_editor';
ALTER TYPE "Role" ADD VALUE 'council_lead';
ALTER TABLE "app_user" ADD COLUMN "council_id" INTEGER;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_council_id_fkey" FOREIGN KEY ("council_id") REFERENCES "council"("id")
  ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_council_role_has_council"
  CHECK (("role"::text IN ('council_editor', 'council_lead')) = ("council_id" IS NOT NULL));
CREATE INDEX "app_user_council_id_idx" ON "app_user"("council_id");

CREATE TABLE "local_action" (
  "id" SERIAL NOT NULL,
  "council_id" INTEGER NOT NULL,
  -- Numbered within the council: Thurrock's third local action is LA-3, its address /councils/thurrock/actions/LA-3.
  "number" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "description" TEXT NOT NULL,
  -- The lead as a role ("Director of Children's Services"), never a person's name.
  "lead_role" TEXT NOT NULL,
  "status" "MilestoneStatus" NOT NULL,
  -- The council's own plan, set when the action is added and never moved: slippage is measured from it.
  "due_date" DATE NOT NULL,
  "forecast_date" DATE,
  "actual_date" DATE,
  "commentary" TEXT,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "local_action_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "local_action_number_positive" CHECK ("number" > 0),
  CONSTRAINT "local_action_council_id_fkey" FOREIGN KEY ("council_id") REFERENCES "council"("id")
    ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "local_action_council_id_number_key" ON "local_action"("council_id", "number");
CREATE INDEX "local_action_status_idx" ON "local_action"("status");

CREATE TABLE "local_action_evidence" (
  "id" SERIAL NOT NULL,
  "local_action_id" INTEGER NOT NULL,
  "position" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "url" TEXT NOT NULL,
  CONSTRAINT "local_action_evidence_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "local_action_evidence_local_action_id_fkey" FOREIGN KEY ("local_action_id") REFERENCES "local_action"("id")
    ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "local_action_evidence_local_action_id_position_key"
  ON "local_action_evidence"("local_action_id", "position");

-- The national items a local action serves: milestones, recommendations and Annex 1 actions.
CREATE TABLE "local_action_milestone" (
  "local_action_id" INTEGER NOT NULL,
  "milestone_id" INTEGER NOT NULL,
  CONSTRAINT "local_action_milestone_pkey" PRIMARY KEY ("local_action_id", "milestone_id"),
  CONSTRAINT "local_action_milestone_local_action_id_fkey" FOREIGN KEY ("local_action_id") REFERENCES "local_action"("id")
    ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "local_action_milestone_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id")
    ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "local_action_milestone_milestone_id_idx" ON "local_action_milestone"("milestone_id");

CREATE TABLE "local_action_recommendation" (
  "local_action_id" INTEGER NOT NULL,
  "recommendation_id" INTEGER NOT NULL,
  CONSTRAINT "local_action_recommendation_pkey" PRIMARY KEY ("local_action_id", "recommendation_id"),
  CONSTRAINT "local_action_recommendation_local_action_id_fkey" FOREIGN KEY ("local_action_id")
    REFERENCES "local_action"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "local_action_recommendation_recommendation_id_fkey" FOREIGN KEY ("recommendation_id")
    REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "local_action_recommendation_recommendation_id_idx" ON "local_action_recommendation"("recommendation_id");

CREATE TABLE "local_action_commitment" (
  "local_action_id" INTEGER NOT NULL,
  "commitment_id" INTEGER NOT NULL,
  CONSTRAINT "local_action_commitment_pkey" PRIMARY KEY ("local_action_id", "commitment_id"),
  CONSTRAINT "local_action_commitment_local_action_id_fkey" FOREIGN KEY ("local_action_id")
    REFERENCES "local_action"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "local_action_commitment_commitment_id_fkey" FOREIGN KEY ("commitment_id")
    REFERENCES "outcome_commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "local_action_commitment_commitment_id_idx" ON "local_action_commitment"("commitment_id");

-- A data version per scope (issue 15, item 3): a council's change must not empty the cache of every national page.
-- data_version (0004) stays the national counter, moved by milestone, recommendation and programme events.
-- A local action's event moves 'local' (pages that show local counts: /councils, compare pages, national milestone
-- and recommendation pages, /changes, /slippage) and 'council:<GSS code>' (that council's own pages), not the
-- national counter. Rows appear on a council's first change; a missing row reads as 0.
CREATE TABLE "data_scope_version" (
  "scope" TEXT NOT NULL,
  "value" BIGINT NOT NULL,
  "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "data_scope_version_pkey" PRIMARY KEY ("scope"),
  CONSTRAINT "data_scope_version_scope_format" CHECK ("scope" = 'local' OR "scope" ~ '^council:E[0-9]{8}$')
);

CREATE OR REPLACE FUNCTION "bump_data_version_for_reform_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "inserted_events" WHERE "entity_type" IN ('milestone', 'recommendation', 'programme')) THEN
    UPDATE "data_version" SET "value" = "value" + 1, "changed_at" = now() WHERE "id" = 1;
  END IF;
  IF EXISTS (SELECT 1 FROM "inserted_events" WHERE "entity_type" = 'local_action') THEN
    INSERT INTO "data_scope_version" ("scope", "value")
      SELECT 'local', 1
      UNION
      SELECT DISTINCT 'council:' || c."gss_code", 1
        FROM "inserted_events" e
        JOIN "local_action" a ON a."id" = e."entity_id"
        JOIN "council" c ON c."id" = a."council_id"
       WHERE e."entity_type" = 'local_action'
    ON CONFLICT ("scope") DO UPDATE
      SET "value" = "data_scope_version"."value" + 1, "changed_at" = now();
  END IF;
  RETURN NULL;
END
$$;
