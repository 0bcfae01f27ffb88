"use server";

import { revalidatePath } from "next/cache";
import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import { sessionUserId } from "@/lib/auth/options.server";
import {
  changeUserRole,
  deactivateUser,
  inviteUser,
  liftSignInLock,
  prepareDeactivation,
  reactivateUser,
  resetPassword,
  signOutEverywhere,
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

// The one server action of the staff accounts page. Every form on the page posts here with an `intent`; the
// signed-in user comes from the session cookie, and the domain function checks against the database that they
// are an active admin before it validates and writes anything. Account changes are not public: nothing to publish.

const INTENTS: readonly UsersIntent[] = ["invite", "role", "deactivate", "reactivate", "reset", "sign-out", "unlock"];

export async function manageUsers(_previous: UsersActionState, form: FormData): Promise<UsersActionState> {
  if (!isFormData(form)) return { status: "error", errors: [{ field: "form", message: UNREADABLE_FORM_MESSAGE }] };
  const intent = formText(form, "intent") as UsersIntent;
  if (!INTENTS.includes(intent))
    return {
      status: "error",
      errors: [{ field: "form", message: "Something went wrong. Reload the page and try again." }],
    };
  const userIdText = formText(form, "userId");
  const userId = /^\d{1,9}$/.test(userIdText) ? Number(userIdText) : undefined;
  const values = {
    email: formText(form, "email"),
    name: formText(form, "name"),
    role: formText(form, "role"),
    council: formText(form, "council"),
  };

  try {
    const actorId = await sessionUserId();
    switch (intent) {
      case "invite": {
        const result = await inviteUser(actorId, values);
        if (!result.ok) return { status: "error", intent, errors: result.errors, values };
        revalidatePath("/staff/users");
        return {
          status: "done",
          intent,
          userId: result.user.id,
          errors: [],
          message: `Account created for ${result.user.name} (${result.user.email}), ${ROLE_LABELS[result.user.role].toLowerCase()}.`,
          oneTimePassword: {
            email: result.user.email,
            name: result.user.name,
            password: result.oneTimePassword,
            expiresAt: result.user.oneTimePasswordExpiresAt!.toISOString(),
          },
        };
      }
      case "reset": {
        const result = await resetPassword(actorId, { userId: userIdText });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        revalidatePath("/staff/users");
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `The password of ${result.user.name} (${result.user.email}) has been reset. Their old password no longer works.`,
          oneTimePassword: {
            email: result.user.email,
            name: result.user.name,
            password: result.oneTimePassword,
            expiresAt: result.user.oneTimePasswordExpiresAt!.toISOString(),
          },
        };
      }
      case "role": {
        const result = await changeUserRole(actorId, { userId: userIdText, role: values.role });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        revalidatePath("/staff/users");
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `${result.user.email} is now an ${ROLE_LABELS[result.user.role].toLowerCase()}.`,
        };
      }
      case "deactivate": {
        // Two steps, without JavaScript too: the first names the account and asks; only confirm=yes deactivates.
        if (formText(form, "confirm") !== "yes") {
          const checked = await prepareDeactivation(actorId, { userId: userIdText });
          if (!checked.ok) return { status: "error", intent, userId, errors: checked.errors };
          return {
            status: "confirm",
            intent,
            userId,
            errors: [],
            confirm: { name: checked.user.name, email: checked.user.email },
          };
        }
        const result = await deactivateUser(actorId, { userId: userIdText });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        revalidatePath("/staff/users");
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `${result.user.email} has been deactivated and can no longer sign in.`,
        };
      }
      case "sign-out": {
        const result = await signOutEverywhere(actorId, { userId: userIdText });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `Signed out everywhere: ${result.ended === 1 ? "1 session" : `${result.ended} sessions`} ended.`,
        };
      }
      case "unlock": {
        const result = await liftSignInLock(actorId, { userId: userIdText });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        revalidatePath("/staff/users");
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `The sign-in lock on ${result.user.email} has been lifted: they can sign in again now.`,
        };
      }
      case "reactivate": {
        const result = await reactivateUser(actorId, { userId: userIdText });
        if (!result.ok) return { status: "error", intent, userId, errors: result.errors };
        revalidatePath("/staff/users");
        return {
          status: "done",
          intent,
          userId,
          errors: [],
          message: `${result.user.email} has been reactivated and can sign in again with their password.`,
        };
      }
    }
  } catch (error) {
    if (error instanceof NotSignedInError || error instanceof ForbiddenError) {
      return {
        status: "error",
        intent,
        userId,
        errors: [{ field: "form", message: error.message }],
        values: intent === "invite" ? values : undefined,
      };
    }
    if (isDatabaseUnavailable(error)) {
      console.error(`staff accounts: database unavailable (${describeDatabaseError(error)})`);
      const message = intent === "invite" ? TRY_AGAIN_MESSAGE : TRY_AGAIN_LATER_MESSAGE;
      return {
        status: "error",
        intent,
        userId,
        errors: [{ field: "form", message }],
        values: intent === "invite" ? values : undefined,
      };
    }
    throw error;
  }
}
