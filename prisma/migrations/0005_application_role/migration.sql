-- The application's own database role. The running app connects as a login role that is a member of
-- "reform_tracker_app", never as the owner of the tables: it may read and write the tracker's data, and it may add
-- to the audit trail, but it may not change or remove a single audit record (UPDATE, DELETE and TRUNCATE are not
-- granted), nor alter a table, drop a trigger or touch the migration records. The append-only trigger of 0001 stays as a
-- second lock, for the owner too. Migrations, the seed loader and backups run as the owner. See docs/deployment.md
-- and docs/decisions/0004-audit-trail.md.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reform_tracker_app') THEN
    CREATE ROLE "reform_tracker_app" NOLOGIN;
  END IF;
EXCEPTION
  -- Two databases in one cluster migrated at once (test runs): the other one created it first.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA "public" TO "reform_tracker_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "reform_tracker_app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "public" TO "reform_tracker_app";

-- The audit trail: read and append only.
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM "reform_tracker_app";
-- The migration records: read only (the health check compares them with the build's migrations).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM "reform_tracker_app";

-- Tables and sequences that later migrations add get the same everyday rights; a later migration that adds another
-- append-only table must revoke them explicitly, as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "reform_tracker_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT USAGE, SELECT ON SEQUENCES TO "reform_tracker_app";
