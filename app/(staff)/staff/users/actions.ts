"use server";

import { revalidatePath } from "next/cache";
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
import { formText } from "@/lib/staff/action-result";
import type { UsersActionState, UsersIntent } from "@/app/(staff)/staff/users/state";
import {
  ACCOUNT_DONE,
  accountActionFailure,
  accountChanged,
  oneTimePasswordOf,
  readAccountForm,
} from "@/app/(staff)/staff/users/account-action";

// The one server action of the staff accounts page. Every form on the page posts here with an `intent`; the
// signed-in user comes from the session cookie, and the domain function checks against the database that they
// are an active admin before it validates and writes anything. Account changes are not public: nothing to publish.

const INTENTS: readonly UsersIntent[] = ["invite", "role", "deactivate", "reactivate", "reset", "sign-out", "unlock"];

export async function manageUsers(_previous: UsersActionState, submitted: FormData): Promise<UsersActionState> {
  const read = readAccountForm(submitted, INTENTS);
  if (!read.ok) return read.state;
  const { form, intent, userIdText, userId } = read;
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
          oneTimePassword: oneTimePasswordOf(result),
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
          message: ACCOUNT_DONE.reset(result.user),
          oneTimePassword: oneTimePasswordOf(result),
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
        return accountChanged(
          await deactivateUser(actorId, { userId: userIdText }),
          { intent, userId },
          ACCOUNT_DONE.deactivate,
          () => revalidatePath("/staff/users"),
        );
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
        return accountChanged(
          await liftSignInLock(actorId, { userId: userIdText }),
          { intent, userId },
          ACCOUNT_DONE.unlock,
          () => revalidatePath("/staff/users"),
        );
      }
      case "reactivate": {
        return accountChanged(
          await reactivateUser(actorId, { userId: userIdText }),
          { intent, userId },
          ACCOUNT_DONE.reactivate,
          () => revalidatePath("/staff/users"),
        );
      }
    }
  } catch (error) {
    return accountActionFailure(error, { intent, userId, values, log: "staff accounts" });
  }
}
