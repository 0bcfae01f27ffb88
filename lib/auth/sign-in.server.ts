import "server-only";
import type { RoleValue } from "@/lib/vocabulary";
import { neutraliseControlCharacters } from "@/lib/validations/text";
import { UNUSABLE_HASH, verifyPassword } from "@/lib/auth/passwords.server";
import { db, WRITE_TRANSACTION } from "@/lib/db/client.server";
import type { Device } from "@/lib/auth/device-cookie";

// Rate limits on failed sign-ins, counted in the database so every app instance agrees. The limit per account
// applies to the email typed, whether or not an account has it, so the answer never tells if an email exists.
// Known devices have a budget of their own, so an attacker cannot hold a member of staff out (decision 0013).
export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export const BAD_CREDENTIALS = "Enter a correct email address and password.";
export const TOO_MANY_ATTEMPTS =
  `Too many attempts to sign in. Wait ${WINDOW_MINUTES} minutes, then try again. If this is your account, you can ` +
  "still sign in on a computer you have signed in on before, or ask an administrator to lift the lock (a council " +
  "editor can also ask their council lead).";
export const TOO_MANY_PASSWORD_CHECKS = `Too many wrong passwords. Wait ${WINDOW_MINUTES} minutes, then try again.`;
export const ONE_TIME_PASSWORD_EXPIRED =
  "Your one-time password has expired. Ask an administrator to reset your password: they will give you a new one.";

/** Attempts older than this are needed by no limit: each sign-in prunes a batch of them. */
const KEEP_ATTEMPTS_HOURS = 24;
const PRUNE_BATCH = 500;

/** The advisory lock that serialises sign-ins and password checks of one account. */
export function accountLockKey(email: string): string {
  return `sign-in:${email}`;
}

export type SignInResult =
  | {
      ok: true;
      user: { id: number; email: string; name: string; role: RoleValue };
      /** Whether the attempt came with this account's device cookie (if not, the caller issues one). */
      knownDevice: boolean;
    }
  | { ok: false; message: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The budget of failed attempts an attempt counts towards (sign_in_attempt.client_key, migration 0008). */
export function deviceClientKey(device: Device): string {
  return `device:${device.id}`;
}
export function sessionClientKey(sessionId: string): string {
  return `session:${sessionId}`;
}

/**
 * Checks an email and password. Failures count towards one of two budgets of MAX_FAILURES_PER_ACCOUNT per
 * WINDOW_MINUTES: a browser holding a device cookie this account signed in with before (`device`) has its own;
 * every other client shares the account's, which an administrator can reset (`signInLockLiftedAt`). Clients we do
 * not know are also limited per address. An attempt refused because its budget is spent is recorded unchecked and
 * counts towards nothing, so refusals never extend a lock-out (docs/decisions/0013-sign-in-lock-out.md).
 */
export async function signInWithPassword(
  emailInput: string,
  password: string,
  ip: string,
  options: { device?: Device | null } = {},
): Promise<SignInResult> {
  // Control characters (which PostgreSQL cannot store) become U+FFFD: such an address matches no account.
  const email = neutraliseControlCharacters(normaliseEmail(emailInput)).slice(0, 320);
  const windowStart = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  // Counting the failures, checking the password and recording the attempt happen under a lock on the email, so
  // attempts sent in parallel queue up and each sees the ones before it: no more guesses than the limit allows.
  return db().$transaction(async (tx): Promise<SignInResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${accountLockKey(email)}))`;
    // Oldest first, a bounded batch at a time, so the table holds about a day of attempts and no sign-in waits long.
    await tx.$executeRaw`DELETE FROM sign_in_attempt WHERE id IN (
      SELECT id FROM sign_in_attempt WHERE occurred_at < now() - make_interval(hours => ${KEEP_ATTEMPTS_HOURS}) ORDER BY id LIMIT ${PRUNE_BATCH})`;
    const user = await tx.user.findUnique({ where: { email } });
    // A device cookie counts only for the account it was issued to.
    const device = options.device && user && options.device.userId === user.id ? options.device : null;
    const clientKey = device ? deviceClientKey(device) : null;
    const lifted = user?.signInLockLiftedAt;
    const budgetSince = !device && lifted && lifted > windowStart ? lifted : windowStart;
    const [budgetFailures, addressFailures] = await Promise.all([
      tx.signInAttempt.count({
        where: { email, clientKey, checked: true, succeeded: false, occurredAt: { gte: budgetSince } },
      }),
      device
        ? 0
        : tx.signInAttempt.count({ where: { ip, checked: true, succeeded: false, occurredAt: { gte: windowStart } } }),
    ]);
    if (budgetFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS) {
      await tx.signInAttempt.create({ data: { email, ip, clientKey, succeeded: false, checked: false } });
      return { ok: false, message: TOO_MANY_ATTEMPTS };
    }

    const matches = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? UNUSABLE_HASH);
    const correct = Boolean(user && user.active && user.passwordHash && matches);
    // Only someone who knows the one-time password learns that it has expired.
    const expired = Boolean(
      correct &&
      user?.mustChangePassword &&
      user.oneTimePasswordExpiresAt &&
      user.oneTimePasswordExpiresAt <= new Date(),
    );
    const succeeded = correct && !expired;
    await tx.signInAttempt.create({ data: { email, ip, clientKey, succeeded } });
    if (expired) return { ok: false, message: ONE_TIME_PASSWORD_EXPIRED };
    if (!succeeded || !user) return { ok: false, message: BAD_CREDENTIALS };

    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      knownDevice: device !== null,
    };
  }, WRITE_TRANSACTION);
}
