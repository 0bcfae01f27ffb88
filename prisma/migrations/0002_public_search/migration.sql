-- Full-text search across a recommendation's own words and the government's response, ranked: a match in the
-- recommendation or its code counts more (A) than a match in the response (B). Generated, so it never goes stale.
ALTER TABLE "recommendation" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "code" || ' ' || "text"), 'A') ||
  setweight(to_tsvector('english', "response_text"), 'B')
) STORED;

CREATE INDEX "recommendation_search_idx" ON "recommendation" USING GIN ("search");

-- Milestone filters by group, and the "no update for 90 days" check (latest staff event per milestone).
CREATE INDEX "milestone_group_idx" ON "milestone"("group");
CREATE INDEX "audit_event_staff_entity_idx" ON "audit_event"("entity_type", "entity_id", "occurred_at") WHERE "actor_id" IS NOT NULL;
