import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import type { OneTimePasswordResult, SignInLock, UserResult } from "@/lib/auth/users.server";
import { formatDateTime } from "@/lib/dates";
import {
  describeDatabaseError,
  isDatabaseUnavailable,
  TRY_AGAIN_LATER_MESSAGE,
  TRY_AGAIN_MESSAGE,
} from "@/lib/db/errors";
import { formText, isFormData, UNREADABLE_FORM_MESSAGE } from "@/lib/staff/action-result";
import type { UsersActionState, UsersIntent } from "@/app/(staff)/staff/users/state";

// What the two account pages and their Server Actions share (the staff accounts page, and a council's accounts page,
// decision 0017): a lock-out as the table shows it, reading the form's intent and account, the sentences that say what
// was done, and the answer to a refusal or an unavailable database. Kept apart from the actions.ts files, which may only export async functions.

type Done = { email: string; name: string };

/** The sentence that says what was done to an account. */
export const ACCOUNT_DONE = {
  reset: (u: Done) => `The password of ${u.name} (${u.email}) has been reset. Their old password no longer works.`,
  deactivate: (u: Done) => `${u.email} has been deactivated and can no longer sign in.`,
  reactivate: (u: Done) => `${u.email} has been reactivated and can sign in again with their password.`,
  unlock: (u: Done) => `The sign-in lock on ${u.email} has been lifted: they can sign in again now.`,
} as const;

/**
 * The answer to an account change that names one account: the errors that refused it, or (after `whenDone`, which
 * refreshes the page) the sentence that says what was done.
 */
export function accountChanged(
  result: UserResult,
  context: { intent: UsersIntent; userId: number | undefined },
  message: (user: Done) => string,
  whenDone: () => void,
): UsersActionState {
  if (!result.ok) return { status: "error", ...context, errors: result.errors };
  whenDone();
  return { status: "done", ...context, errors: [], message: message(result.user) };
}

/** An account's sign-in lock-out as the accounts table shows it: how many failures, and when it ends (UK time). */
export function signInLockRow(lock: SignInLock | undefined): { failures: number; until: string } | null {
  return lock ? { failures: lock.failures, until: formatDateTime(lock.until.toISOString()) } : null;
}

/** The one-time password of an invitation or a reset, shown once on the page. */
export function oneTimePasswordOf(result: Extract<OneTimePasswordResult, { ok: true }>) {
  return {
    email: result.user.email,
    name: result.user.name,
    password: result.oneTimePassword,
    expiresAt: result.user.oneTimePasswordExpiresAt!.toISOString(),
  };
}

/** The intent and the account a form names, or the answer to a form that could not be read. */
export function readAccountForm(
  form: unknown,
  intents: readonly UsersIntent[],
):
  | { ok: true; form: FormData; intent: UsersIntent; userIdText: string; userId: number | undefined }
  | { ok: false; state: UsersActionState } {
  if (!isFormData(form))
    return { ok: false, state: { status: "error", errors: [{ field: "form", message: UNREADABLE_FORM_MESSAGE }] } };
  const intent = formText(form, "intent") as UsersIntent;
  if (!intents.includes(intent))
    return {
      ok: false,
      state: {
        status: "error",
        errors: [{ field: "form", message: "Something went wrong. Reload the page and try again." }],
      },
    };
  const userIdText = formText(form, "userId");
  const userId = /^\d{1,9}$/.test(userIdText) ? Number(userIdText) : undefined;
  return { ok: true, form, intent, userIdText, userId };
}

/**
 * The answer to an account change that was refused (not signed in, not allowed) or met an unavailable database;
 * anything else is thrown again. A refused invitation keeps what was typed.
 */
export function accountActionFailure(
  error: unknown,
  context: { intent: UsersIntent; userId: number | undefined; values: UsersActionState["values"]; log: string },
): UsersActionState {
  const values = context.intent === "invite" ? context.values : undefined;
  const refused = (message: string): UsersActionState => ({
    status: "error",
    intent: context.intent,
    userId: context.userId,
    errors: [{ field: "form", message }],
    values,
  });
  if (error instanceof NotSignedInError || error instanceof ForbiddenError) return refused(error.message);
  if (isDatabaseUnavailable(error)) {
    console.error(`${context.log}: database unavailable (${describeDatabaseError(error)})`);
    return refused(context.intent === "invite" ? TRY_AGAIN_MESSAGE : TRY_AGAIN_LATER_MESSAGE);
  }
  throw error;
}
