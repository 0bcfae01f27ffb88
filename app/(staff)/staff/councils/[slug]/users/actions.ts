"use server";

import { revalidatePath } from "next/cache";
import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import { sessionUserId } from "@/lib/auth/options.server";
import {
  deactivateCouncilUser,
  inviteCouncilUser,
  prepareCouncilDeactivation,
  reactivateCouncilUser,
  resetCouncilUserPassword,
  type OneTimePasswordResult,
} from "@/lib/auth/users.server";
import { ROLE_LABELS } from "@/lib/vocabulary";
import { isFormData, UNREADABLE_FORM_MESSAGE, formText } from "@/lib/staff/action-result";
import type { UsersActionState, UsersIntent } from "@/app/(staff)/staff/users/state";
import {
  describeDatabaseError,
  isDatabaseUnavailable,
  TRY_AGAIN_LATER_MESSAGE,
  TRY_AGAIN_MESSAGE,
} from "@/lib/db/errors";

// The one server action of a council's accounts page (decision 0017): its council lead (or an admin) invites,
// deactivates, reactivates and resets the council's editors. Every form names the council; the domain functions
// check, against the database, that the signed-in user may manage that council's accounts and this account.

const INTENTS: readonly UsersIntent[] = ["invite", "deactivate", "reactivate", "reset"];

function oneTimePassword(result: Extract<OneTimePasswordResult, { ok: true }>) {
  return {
    email: result.user.email,
    name: result.user.name,
    password: result.oneTimePassword,
    expiresAt: result.user.oneTimePasswordExpiresAt!.toISOString(),
  };
}

export async function manageCouncilUsers(_previous: UsersActionState, form: FormData): Promise<UsersActionState> {
  if (!isFormData(form)) return { status: "error", errors: [{ field: "form", message: UNREADABLE_FORM_MESSAGE }] };
  const intent = formText(form, "intent") as UsersIntent;
  if (!INTENTS.includes(intent))
    return {
      status: "error",
      errors: [{ field: "form", message: "Something went wrong. Reload the page and try again." }],
    };
  const council = formText(form, "council");
  const userIdText = formText(form, "userId");
  const userId = /^\d{1,9}$/.test(userIdText) ? Number(userIdText) : undefined;
  const values = { email: formText(form, "email"), name: formText(form, "name"), role: formText(form, "role") };
  const page = `/staff/councils/${encodeURIComponent(council)}/users`;

  try {
    const actorId = await sessionUserId();
    switch (intent) {
      case "invite": {
        const result = await inviteCouncilUser(actorId, { council, ...values });
        if (!result.ok) return { status: "error", intent, errors: result.errors, values };
        revalidatePath(page);
        return {
          status: "done",
          intent,
          userId: result.user.id,
          errors: [],
          message: `Account created for ${result.user.name} (${result.user.email}), ${ROLE_LABELS[result.user.role].toLowerCase()} of ${result.user.council?.name ?? "the council"}.`,
          oneTimePassword: oneTimePassword(result),
        };
      }
      case "reset": {
        const result = await resetCouncilUserPassword(actorId, { council, userId: userIdText });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        revalidatePath(page);
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `The password of ${result.user.name} (${result.user.email}) has been reset. Their old password no longer works.`,
          oneTimePassword: oneTimePassword(result),
        };
      }
      case "deactivate": {
        // Two steps, without JavaScript too: the first names the account and asks; only confirm=yes deactivates.
        if (formText(form, "confirm") !== "yes") {
          const checked = await prepareCouncilDeactivation(actorId, { council, userId: userIdText });
          if (!checked.ok) return { status: "error", intent, userId, errors: checked.errors };
          return {
            status: "confirm",
            intent,
            userId,
            errors: [],
            confirm: { name: checked.user.name, email: checked.user.email },
          };
        }
        const result = await deactivateCouncilUser(actorId, { council, userId: userIdText });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        revalidatePath(page);
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `${result.user.email} has been deactivated and can no longer sign in.`,
        };
      }
      case "reactivate": {
        const result = await reactivateCouncilUser(actorId, { council, userId: userIdText });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        revalidatePath(page);
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `${result.user.email} has been reactivated and can sign in again with their password.`,
        };
      }
      default:
        throw new Error(`unhandled intent ${intent}`);
    }
  } catch (error) {
    const keep = intent === "invite" ? values : undefined;
    if (error instanceof NotSignedInError || error instanceof ForbiddenError) {
      return { status: "error", intent, userId, errors: [{ field: "form", message: error.message }], values: keep };
    }
    if (isDatabaseUnavailable(error)) {
      console.error(`council accounts: database unavailable (${describeDatabaseError(error)})`);
      const message = intent === "invite" ? TRY_AGAIN_MESSAGE : TRY_AGAIN_LATER_MESSAGE;
      return { status: "error", intent, userId, errors: [{ field: "form", message }], values: keep };
    }
    throw error;
  }
}
