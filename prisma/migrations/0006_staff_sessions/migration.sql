-- Staff sessions that can be ended: the session cookie names one, and every staff request checks it is still live
-- (lib/auth/sessions.server.ts). Sign-out ends it; "sign out everywhere", a password change, a reset, a role change
-- or a deactivation end an account's sessions; and each ends 8 hours after sign-in whatever its cookie says.
CREATE TABLE "staff_session" (
    "id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "ended_why" TEXT,

    CONSTRAINT "staff_session_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "staff_session_user_id_idx" ON "staff_session"("user_id");

ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Only a change to the reform data moves the public data version (migration 0004): events about staff accounts
-- (invitations, role changes, resets) used to move it too, and every stored public page was rendered again.
CREATE FUNCTION "bump_data_version_for_reform_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "inserted_events" WHERE "entity_type" IN ('milestone', 'recommendation')) THEN
    UPDATE "data_version" SET "value" = "value" + 1, "changed_at" = now() WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER "audit_event_bumps_data_version" ON "audit_event";

CREATE TRIGGER "audit_event_bumps_data_version" AFTER INSERT ON "audit_event"
  REFERENCING NEW TABLE AS "inserted_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_for_reform_changes"();
