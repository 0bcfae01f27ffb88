"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionUserId } from "@/lib/auth/options.server";
import { addLocalAction, updateLocalAction } from "@/lib/local-actions/writes.server";
import { isFormData, unreadableForm, type ActionState, formText } from "@/lib/staff/action-result";
import { refusedWrite, typedValues } from "@/lib/staff/write-failure.server";
import { codesFromText } from "@/lib/validations/local-action";
import { evidenceFromForm } from "@/lib/validations/milestone-update";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

// Server actions of a council's local action forms (issue 15, items 3 and 4). The signed-in user comes from the
// session cookie; addLocalAction and updateLocalAction check against the database that they may write this
// council's local actions (a council account only its own), validate, and write with the audit event.

/** The fields both forms send, as the writes take them. */
function localActionFields(form: FormData) {
  return {
    council: formText(form, "council"),
    title: formText(form, "title"),
    description: formText(form, "description"),
    leadRole: formText(form, "leadRole"),
    status: formText(form, "status"),
    forecastDate: formText(form, "forecastDate"),
    actualDate: formText(form, "actualDate"),
    commentary: formText(form, "commentary"),
    evidence: evidenceFromForm(form),
    milestones: codesFromText(formText(form, "milestones")),
    recommendations: codesFromText(formText(form, "recommendations")),
    commitments: codesFromText(formText(form, "commitments")),
    reason: formText(form, "reason"),
  };
}

/** After a save: the browser's copies of the council's staff pages are out of date (its list shows the old status). */
function savedPage(council: string, code: string): string {
  const base = `/staff/councils/${encodeURIComponent(council)}`;
  revalidatePath(base, "layout");
  return `${base}/actions/${encodeURIComponent(code)}?saved=1`;
}

export async function createLocalAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = { ...localActionFields(form), dueDate: formText(form, "dueDate") };
  let result;
  try {
    result = await addLocalAction(await sessionUserId(), input);
  } catch (error) {
    return refusedWrite(error, form, "local action write");
  }
  if (!result.ok) return { status: "error", attempt: Date.now(), errors: result.errors, values: typedValues(form) };
  redirect(savedPage(input.council, result.code));
}

export async function saveLocalAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = { ...localActionFields(form), code: formText(form, "code"), version: formText(form, "version") };
  let result;
  try {
    result = await updateLocalAction(await sessionUserId(), input);
  } catch (error) {
    return refusedWrite(error, form, "local action write");
  }
  if (!result.ok) {
    return {
      status: "error",
      attempt: Date.now(),
      errors: result.errors,
      values: typedValues(form),
      conflict: result.kind === "conflict" ? withDirectionControlsNeutralised(result.theirChanges) : undefined,
    };
  }
  redirect(savedPage(input.council, input.code));
}
