"use server";

import { revalidatePath } from "next/cache";
import { sessionUserId } from "@/lib/auth/options.server";
import {
  deactivateCouncilUser,
  inviteCouncilUser,
  liftCouncilSignInLock,
  prepareCouncilDeactivation,
  reactivateCouncilUser,
  resetCouncilUserPassword,
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

// The one server action of a council's accounts page (decision 0017): its council lead (or an admin) invites,
// deactivates, reactivates and resets the council's editors, and lifts their sign-in lock-outs. Every form names the council; the domain functions
// check, against the database, that the signed-in user may manage that council's accounts and this account.

const INTENTS: readonly UsersIntent[] = ["invite", "deactivate", "reactivate", "reset", "unlock"];

export async function manageCouncilUsers(_previous: UsersActionState, submitted: FormData): Promise<UsersActionState> {
  const read = readAccountForm(submitted, INTENTS);
  if (!read.ok) return read.state;
  const { form, intent, userIdText, userId } = read;
  const council = formText(form, "council");
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
          oneTimePassword: oneTimePasswordOf(result),
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
          message: ACCOUNT_DONE.reset(result.user),
          oneTimePassword: oneTimePasswordOf(result),
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
        return accountChanged(
          await deactivateCouncilUser(actorId, { council, userId: userIdText }),
          { intent, userId },
          ACCOUNT_DONE.deactivate,
          () => revalidatePath(page),
        );
      }
      case "reactivate": {
        return accountChanged(
          await reactivateCouncilUser(actorId, { council, userId: userIdText }),
          { intent, userId },
          ACCOUNT_DONE.reactivate,
          () => revalidatePath(page),
        );
      }
      case "unlock": {
        return accountChanged(
          await liftCouncilSignInLock(actorId, { council, userId: userIdText }),
          { intent, userId },
          ACCOUNT_DONE.unlock,
          () => revalidatePath(page),
        );
      }
      default:
        throw new Error(`unhandled intent ${intent}`);
    }
  } catch (error) {
    return accountActionFailure(error, { intent, userId, values, log: "council accounts" });
  }
}
