"use server";

import { redirect } from "next/navigation";
import { NotSignedInError } from "@/lib/auth/actor.server";
import { currentSession } from "@/lib/auth/options.server";
import { changeOwnPassword } from "@/lib/auth/users.server";
import { isFormData, unreadableForm, type ActionState, formText } from "@/lib/staff/action-result";
import { describeDatabaseError, isDatabaseUnavailable, TRY_AGAIN_LATER_MESSAGE } from "@/lib/db/errors";

// Changing your own password. The passwords typed are never sent back to the browser, even when refused.

export async function changePassword(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  let result;
  try {
    const session = await currentSession();
    result = await changeOwnPassword(
      session?.userId ?? null,
      {
        currentPassword: formText(form, "currentPassword"),
        newPassword: formText(form, "newPassword"),
        confirmPassword: formText(form, "confirmPassword"),
      },
      { keepSession: session?.sid },
    );
  } catch (error) {
    if (error instanceof NotSignedInError) redirect("/staff/sign-in");
    if (isDatabaseUnavailable(error)) {
      console.error(`password change: database unavailable (${describeDatabaseError(error)})`);
      return { status: "error", errors: [{ field: "form", message: TRY_AGAIN_LATER_MESSAGE }] };
    }
    throw error;
  }
  if (!result.ok) return { status: "error", errors: result.errors };
  redirect("/staff?password=changed");
}
