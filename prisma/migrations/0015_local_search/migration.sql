-- The site search finds councils, national programmes and councils' local actions (issue 15): "Thurrock" finds the
-- council's page. Generated, GIN-indexed columns like those of migration 0011 (decision 0014): a council's names and
-- GSS code, a programme's name and description, a local action's title, description and commentary. Generated, so a
-- council's change to a local action is searchable as soon as it is saved; never written by the app.
ALTER TABLE "council" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "name" || ' ' || "gss_code"), 'A') ||
  setweight(to_tsvector('english', "official_name"), 'B')
) STORED;
CREATE INDEX "council_search_idx" ON "council" USING GIN ("search");

ALTER TABLE "programme" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "name"), 'A') ||
  setweight(to_tsvector('english', "description"), 'B')
) STORED;
CREATE INDEX "programme_search_idx" ON "programme" USING GIN ("search");

ALTER TABLE "local_action" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "title"), 'A') ||
  setweight(to_tsvector('english', "description"), 'B') ||
  setweight(to_tsvector('english', coalesce("commentary", '')), 'C')
) STORED;
CREATE INDEX "local_action_search_idx" ON "local_action" USING GIN ("search");
