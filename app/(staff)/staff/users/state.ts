import type { FieldError } from "@/lib/validations/milestone-update";

// What the users page's server action sends back to the page (kept apart from actions.ts, which may only
// export async functions).

export type UsersIntent = "invite" | "role" | "deactivate" | "reactivate" | "reset" | "sign-out" | "unlock";

export interface UsersActionState {
  /** "confirm": a deactivation waits for the admin to confirm it (nothing written yet). */
  status: "idle" | "error" | "done" | "confirm";
  intent?: UsersIntent;
  /** The account the action was about (not set for a refused invitation). */
  userId?: number;
  errors: FieldError[];
  /** What the admin typed into the invitation form, so a refused invitation keeps it. */
  values?: { email: string; name: string; role: string; council?: string };
  /** The account a deactivation waits to be confirmed for. */
  confirm?: { name: string; email: string };
  /** What was done, in a sentence. */
  message?: string;
  /** After an invitation or a reset: the one-time password, shown once and never stored in clear. */
  oneTimePassword?: { email: string; name: string; password: string; expiresAt: string };
}

export const USERS_IDLE: UsersActionState = { status: "idle", errors: [] };

/** The id of the element an error should take the admin to. */
export function usersFieldId(state: Pick<UsersActionState, "intent" | "userId">, field: string): string {
  if (state.intent === "invite") {
    if (field === "role") return "invite-role-admin"; // the first radio
    return field === "form" ? "invite-heading" : `invite-${field}`;
  }
  if (state.userId === undefined) return "users-heading";
  if (state.intent === "role") return `role-${state.userId}`;
  return `user-${state.userId}`;
}
