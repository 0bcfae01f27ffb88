-- Lock-outs that an attacker cannot hold for ever (docs/decisions/0013-sign-in-lock-out.md).
--
-- client_key: which budget of failed attempts an attempt counts towards. NULL: a client we do not know, which shares
-- the account's budget (5 per 15 minutes) with every other unknown client. 'device:<id>': a browser holding a device
-- cookie that this account signed in with before; it has a budget of its own, so guesses from elsewhere cannot lock
-- it out. 'session:<id>': a signed-in session checking the current password before a change.
-- checked: false for an attempt refused because its budget was spent (the password was not looked at); such
-- attempts are kept for the record but count towards nothing, so refused attempts no longer extend a lock-out.
ALTER TABLE "sign_in_attempt" ADD COLUMN "client_key" TEXT;
ALTER TABLE "sign_in_attempt" ADD COLUMN "checked" BOOLEAN NOT NULL DEFAULT true;
CREATE INDEX "sign_in_attempt_client_key_occurred_at_idx" ON "sign_in_attempt" ("client_key", "occurred_at");

-- An administrator lifted the lock-out of this account's unknown clients at this moment: failures before it count
-- towards nothing.
ALTER TABLE "app_user" ADD COLUMN "sign_in_lock_lifted_at" TIMESTAMPTZ(3);
