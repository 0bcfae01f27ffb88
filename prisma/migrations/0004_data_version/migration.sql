-- A counter of changes to the reform data, bumped by the database itself whenever an audit event about a milestone
-- or recommendation is written (every such write records one, in the same transaction). App instances put it in
-- their cache keys, so a change saved through any instance reaches the cached pages of every instance
-- (see docs/decisions/0005-caching-and-csp.md and docs/deployment.md).
CREATE TABLE "data_version" (
  "id" INTEGER PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "value" BIGINT NOT NULL,
  "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO "data_version" ("id", "value") VALUES (1, 0);

CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "value" = "value" + 1, "changed_at" = now() WHERE "id" = 1;
  RETURN NULL;
END
$$;

-- Once per statement: a bulk import that writes many events bumps it once per insert statement, not per row.
CREATE TRIGGER "audit_event_bumps_data_version" AFTER INSERT ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
