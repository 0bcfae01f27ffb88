import "server-only";
import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import { describeDatabaseError, isDatabaseUnavailable, TRY_AGAIN_MESSAGE } from "@/lib/db/errors";
import type { ActionState } from "@/lib/staff/action-result";

// What the staff forms' Server Actions (DfE's forms and a council's local action forms) answer when a write is
// refused or the database cannot be reached: the form comes back with what was typed and a message that says why.

/**
 * What was typed, to put back in a refused form. A field sent more than once (ticked checkboxes) keeps every value,
 * separated by commas (checkbox values are numbers).
 */
export function typedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return out;
}

/** The answer to a write refused (not signed in, not allowed) or met by an unavailable database; else rethrown. */
export function refusedWrite(error: unknown, form: FormData, log: string): ActionState {
  const failed = (message: string): ActionState => ({
    status: "error",
    attempt: Date.now(),
    errors: [{ field: "form", message }],
    values: typedValues(form),
  });
  if (error instanceof NotSignedInError || error instanceof ForbiddenError) return failed(error.message);
  if (isDatabaseUnavailable(error)) {
    console.error(`${log}: database unavailable (${describeDatabaseError(error)})`);
    return failed(TRY_AGAIN_MESSAGE);
  }
  throw error;
}
