"use server";

import { redirect } from "next/navigation";
import { NotSignedInError } from "@/lib/auth/actor.server";
import { currentSession, sessionUserId } from "@/lib/auth/options.server";
import { signOutEverywhere } from "@/lib/auth/users.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import {
  addProgramme,
  addProgrammeCouncil,
  endProgrammeCouncil,
  setProgrammeMilestones,
  updateProgrammeDetails,
} from "@/lib/staff/programmes.server";
import { isFormData, unreadableForm, type ActionState, formText } from "@/lib/staff/action-result";
import { refusedWrite, typedValues } from "@/lib/staff/write-failure.server";
import { evidenceFromForm, type FieldError } from "@/lib/validations/milestone-update";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

// Server actions of the staff forms. Each one: who is signed in (from the session cookie), then the domain
// function, which checks the user's role against the database, validates with zod and writes the change with
// its audit record in one transaction. Nothing here trusts the browser.

export async function saveMilestone(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = {
    code: formText(form, "code"),
    version: formText(form, "version"),
    status: formText(form, "status"),
    forecastDate: formText(form, "forecastDate"),
    actualDate: formText(form, "actualDate"),
    commentary: formText(form, "commentary"),
    evidence: evidenceFromForm(form),
    reason: formText(form, "reason"),
  };
  let result;
  try {
    result = await recordMilestoneUpdate(await sessionUserId(), input);
  } catch (error) {
    return refusedWrite(error, form, "staff write");
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
  redirect(`/staff/milestones/${encodeURIComponent(input.code)}?saved=1`);
}

export async function reclassify(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = {
    code: formText(form, "code"),
    version: formText(form, "version"),
    responseClass: formText(form, "responseClass"),
    rationale: formText(form, "rationale"),
    reason: formText(form, "reason"),
  };
  let result;
  try {
    result = await reclassifyRecommendation(await sessionUserId(), input);
  } catch (error) {
    return refusedWrite(error, form, "staff write");
  }
  if (!result.ok) return { status: "error", attempt: Date.now(), errors: result.errors, values: typedValues(form) };
  redirect(`/staff/recommendations/${encodeURIComponent(input.code)}?saved=1`);
}

export async function createMilestone(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = {
    group: formText(form, "group"),
    activity: formText(form, "activity"),
    title: formText(form, "title"),
    dueDate: formText(form, "dueDate"),
    pillars: form.getAll("pillars").map(String),
    outcomes: form.getAll("outcomes").map(String),
    recommendations: formText(form, "recommendations")
      .split(/[\s,;]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
    reason: formText(form, "reason"),
  };
  let result;
  try {
    result = await addMilestone(await sessionUserId(), input);
  } catch (error) {
    return refusedWrite(error, form, "staff write");
  }
  if (!result.ok) return { status: "error", attempt: Date.now(), errors: result.errors, values: typedValues(form) };
  redirect(`/staff/milestones/${result.value.code}?saved=1`);
}

/** "Sign out everywhere": ends every session of the signed-in account, this one too, then goes to sign-in. */
export async function signOutEverywhereAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  try {
    const session = await currentSession();
    if (!session) throw new NotSignedInError();
    await signOutEverywhere(session.userId, { userId: String(session.userId) });
  } catch (error) {
    return refusedWrite(error, form, "staff write");
  }
  redirect("/staff/sign-in?signedOut=everywhere");
}

// National programmes (issue 15, item 2). Each form names the programme and the version it was opened at.

const programmePage = (slug: string, saved: string) => `/staff/programmes/${encodeURIComponent(slug)}?saved=${saved}`;

/** Runs a programme write and answers the form: a refusal keeps what was typed; a save goes back to the programme. */
async function programmeWrite(
  form: FormData,
  write: (
    userId: number | null,
  ) => Promise<{ ok: true; value: { slug: string } } | { ok: false; errors: FieldError[] }>,
  saved: string,
): Promise<ActionState> {
  let result;
  try {
    result = await write(await sessionUserId());
  } catch (error) {
    return refusedWrite(error, form, "staff write");
  }
  if (!result.ok) return { status: "error", attempt: Date.now(), errors: result.errors, values: typedValues(form) };
  redirect(programmePage(result.value.slug, saved));
}

const codeList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

/** The form's text fields of these names, "" for any missing. */
function texts<N extends string>(form: FormData, names: readonly N[]): Record<N, string> {
  return Object.fromEntries(names.map((name) => [name, formText(form, name)])) as Record<N, string>;
}

const DETAILS = ["name", "description", "startedOn", "endedOn", "reason"] as const;
const A_PROGRAMME = ["programme", "version"] as const;
const A_SPELL = ["programme", "version", "council", "from", "until", "reason"] as const;

export async function createProgramme(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = texts(form, ["slug", ...DETAILS]);
  return programmeWrite(form, (u) => addProgramme(u, input), "added");
}

export async function saveProgrammeDetails(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = texts(form, [...A_PROGRAMME, ...DETAILS]);
  return programmeWrite(form, (u) => updateProgrammeDetails(u, input), "details");
}

export async function saveProgrammeMilestones(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = { ...texts(form, [...A_PROGRAMME, "reason"]), milestones: codeList(formText(form, "milestones")) };
  return programmeWrite(form, (u) => setProgrammeMilestones(u, input), "milestones");
}

export async function addCouncilToProgramme(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = texts(form, A_SPELL);
  return programmeWrite(form, (u) => addProgrammeCouncil(u, input), "council-added");
}

export async function endCouncilInProgramme(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!isFormData(form)) return unreadableForm();
  const input = texts(form, A_SPELL);
  return programmeWrite(form, (u) => endProgrammeCouncil(u, input), "council-ended");
}
