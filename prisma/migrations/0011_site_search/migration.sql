-- One search across the whole tracker (/search and /api/v1/search): milestones, pillars, outcomes and the Annex 1
-- commitments get the generated full-text column recommendations have had since migration 0002. Generated, so a
-- staff change to a milestone's commentary is searchable as soon as it is saved; never written by the app.
-- Weights rank a match in a title (A) above one in a heading or activity (B), above one in commentary (C).
ALTER TABLE "milestone" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "code" || ' ' || "title"), 'A') ||
  setweight(to_tsvector('english', "activity"), 'B') ||
  setweight(to_tsvector('english', coalesce("commentary", '')), 'C')
) STORED;
CREATE INDEX "milestone_search_idx" ON "milestone" USING GIN ("search");

ALTER TABLE "pillar" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "title"), 'A') ||
  setweight(to_tsvector('english', "chapter_title" || ' ' || "section"), 'B')
) STORED;
CREATE INDEX "pillar_search_idx" ON "pillar" USING GIN ("search");

ALTER TABLE "outcome" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "title"), 'A') ||
  setweight(to_tsvector('english', "annex1_title"), 'B')
) STORED;
CREATE INDEX "outcome_search_idx" ON "outcome" USING GIN ("search");

ALTER TABLE "outcome_commitment" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "text"), 'A')
) STORED;
CREATE INDEX "outcome_commitment_search_idx" ON "outcome_commitment" USING GIN ("search");
