-- One-time passwords (invitations, resets, the first admin) stop working 72 hours after they are made: one sent and
-- never used is not a way in for ever. Accounts that still hold one get 72 hours from this migration.
ALTER TABLE "app_user" ADD COLUMN "one_time_password_expires_at" TIMESTAMPTZ(3);

UPDATE "app_user" SET "one_time_password_expires_at" = now() + interval '72 hours' WHERE "must_change_password";
