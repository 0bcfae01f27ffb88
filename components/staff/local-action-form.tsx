"use client";

import { useActionState } from "react";
import { createLocalAction, saveLocalAction } from "@/app/(staff)/staff/councils/actions";
import { FormErrorSummary } from "@/components/staff/form-errors";
import { SubmitButton, TextArea, TextInput } from "@/components/staff/fields";
import { errorMap, IDLE } from "@/lib/staff/action-result";
import { formatDay } from "@/lib/dates";
import { LOCAL_ACTION_LIMITS } from "@/lib/validations/local-action";
import { LOCAL_ACTION_STATUS_DEFINITIONS, MILESTONE_STATUSES, MILESTONE_STATUS_LABELS } from "@/lib/vocabulary";

// A council's local action: the form that adds one and the form that changes one (issue 15, items 3 and 4). Field
// names match lib/validations/local-action.ts, so each error links to its field. National items are typed as codes.

export interface EditableLocalAction {
  code: string;
  version: number;
  title: string;
  description: string;
  leadRole: string;
  status: string;
  dueDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  commentary: string | null;
  evidence: Array<{ title: string; url: string }>;
  milestones: string[];
  recommendations: string[];
  commitments: string[];
}

export function LocalActionForm({
  council,
  action,
}: {
  council: { slug: string; name: string };
  /** The action to change; none to add a new one. */
  action?: EditableLocalAction;
}) {
  const [state, formAction, pending] = useActionState(action ? saveLocalAction : createLocalAction, IDLE);
  const errors = errorMap(state.errors);
  // A refused form shows what the user typed; a fresh one shows the action as it is.
  const v = (name: string, fallback: string | null | undefined) =>
    state.values ? (state.values[name] ?? "") : (fallback ?? "");
  const evidence = action?.evidence ?? [];
  const evidenceRows = Math.min(LOCAL_ACTION_LIMITS.evidenceLinks, Math.max(evidence.length + 2, 3));
  const status = v("status", action?.status ?? "not_yet_assessed");

  return (
    <form key={state.attempt ?? 0} action={formAction} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      {state.conflict && action && (
        <div className="border-l-4 border-govuk-blue bg-govuk-light-grey p-4">
          <h2 className="text-xl font-bold">What the other person changed</h2>
          <ul className="list-disc pl-6">
            {state.conflict.flatMap((c) =>
              c.changes.map((change) => (
                <li key={`${c.occurredAt}-${change.field}`}>
                  {change.field}: {change.before ?? "(none)"} → {change.after ?? "(none)"}
                  {c.reason ? ` (reason: ${c.reason})` : ""}
                </li>
              )),
            )}
          </ul>
          <p className="mt-2">
            <a href={`/staff/councils/${council.slug}/actions/${action.code}`}>Reload the local action as it is now</a>,
            then make your changes again.
          </p>
        </div>
      )}
      <input type="hidden" name="council" value={council.slug} />
      {action && (
        <>
          <input type="hidden" name="code" value={action.code} />
          <input type="hidden" name="version" value={action.version} />
        </>
      )}
      <TextInput name="title" label="Title" error={errors.title} defaultValue={v("title", action?.title)} />
      <TextArea
        name="description"
        label="What the council is doing"
        hint="In plain English. This is published."
        error={errors.description}
        defaultValue={v("description", action?.description)}
      />
      <TextInput
        name="leadRole"
        label="Who leads it"
        hint="A role, not a person's name: for example Director of Children's Services."
        error={errors.leadRole}
        defaultValue={v("leadRole", action?.leadRole)}
      />
      <fieldset className="space-y-4" aria-describedby="national-hint">
        <legend className="text-xl font-bold">The national items it serves</legend>
        <p id="national-hint" className="text-govuk-secondary">
          Type the codes, separated by commas or spaces. Give at least one code in one of these boxes.
        </p>
        <TextInput
          name="milestones"
          label="National milestones"
          hint="For example M-30, M-31. Each milestone's code is on its page."
          error={errors.milestones}
          defaultValue={v("milestones", action?.milestones.join(", "))}
        />
        <TextInput
          name="recommendations"
          label="Recommendations"
          hint="For example CR-01, CPE-04, CMA-02."
          error={errors.recommendations}
          defaultValue={v("recommendations", action?.recommendations.join(", "))}
        />
        <TextInput
          name="commitments"
          label="Annex 1 actions"
          hint="For example A1-O1-N3, A1-O1-R2."
          error={errors.commitments}
          defaultValue={v("commitments", action?.commitments.join(", "))}
        />
      </fieldset>
      <StatusRadios value={status} error={errors.status} />
      {action ? (
        <div>
          <p className="font-bold">Due date</p>
          <p>
            {formatDay(action.dueDate)}. The council&apos;s own plan, set when the action was added: it is never moved,
            so slippage is measured from it. Give a forecast date if it will now finish later.
          </p>
        </div>
      ) : (
        <TextInput
          name="dueDate"
          type="date"
          label="Due date"
          hint="When the council plans to finish it. It cannot be changed later: a later date is a forecast."
          error={errors.dueDate}
          defaultValue={v("dueDate", null)}
          width="w-52"
        />
      )}
      <TextInput
        name="forecastDate"
        type="date"
        label="Forecast date"
        hint="When you now expect it to be done. Leave empty if it is on its due date."
        error={errors.forecastDate}
        defaultValue={v("forecastDate", action?.forecastDate)}
        width="w-52"
      />
      <TextInput
        name="actualDate"
        type="date"
        label="Actual completion date"
        hint="Only for a complete action. It cannot be in the future."
        error={errors.actualDate}
        defaultValue={v("actualDate", action?.actualDate)}
        width="w-52"
      />
      <TextArea
        name="commentary"
        label="Commentary"
        hint={`What has happened, in plain English. This is published. At most ${LOCAL_ACTION_LIMITS.commentary} characters.`}
        error={errors.commentary}
        defaultValue={v("commentary", action?.commentary)}
      />
      <fieldset className="space-y-4" aria-describedby="evidence-hint">
        <legend className="text-xl font-bold">Evidence links</legend>
        <p id="evidence-hint" className="text-govuk-secondary">
          Published documents that show progress, such as committee papers. Addresses must start with https:// or
          http://. Leave a row empty to remove it.
        </p>
        {errors.evidence && <p className="font-bold text-govuk-red">{errors.evidence}</p>}
        {Array.from({ length: evidenceRows }, (_, i) => (
          <div key={i} className="grid gap-4 sm:grid-cols-2">
            <TextInput
              name={`evidenceTitle${i}`}
              label={`Link ${i + 1} title`}
              error={errors[`evidence.${i}.title`]}
              defaultValue={v(`evidenceTitle${i}`, evidence[i]?.title)}
            />
            <TextInput
              name={`evidenceUrl${i}`}
              type="url"
              label={`Link ${i + 1} address`}
              error={errors[`evidence.${i}.url`]}
              defaultValue={v(`evidenceUrl${i}`, evidence[i]?.url)}
            />
          </div>
        ))}
      </fieldset>
      <TextArea
        name="reason"
        label={action ? "Reason for this change" : "Reason (optional)"}
        hint="Required when the forecast date moves later, or the status becomes at risk, delayed or superseded. It is published in the action's history: write a short sentence (at least 20 characters and 3 words)."
        error={errors.reason}
        defaultValue={v("reason", null)}
        rows={3}
      />
      <SubmitButton>{pending ? "Saving…" : action ? "Save changes" : "Add local action"}</SubmitButton>
    </form>
  );
}

/** The status as radios, each with what it means (the milestone statuses' words, lib/vocabulary.ts). */
function StatusRadios({ value, error }: { value: string; error?: string }) {
  return (
    <div className={`space-y-1 ${error ? "border-l-4 border-govuk-red pl-3" : ""}`}>
      <fieldset aria-describedby={error ? "status-error" : undefined}>
        <legend className="text-xl font-bold">Status</legend>
        {error && (
          <p id="status-error" className="font-bold text-govuk-red">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        )}
        <div className="mt-2 space-y-3">
          {MILESTONE_STATUSES.map((s, i) => (
            <div key={s} className="flex items-start gap-2">
              {/* The first radio carries the field's id, so the error summary's link lands on the group. */}
              <input
                id={i === 0 ? "status" : `status-${s}`}
                type="radio"
                name="status"
                value={s}
                defaultChecked={value === s}
                aria-describedby={`status-${s}-hint`}
                className="mt-1 h-6 w-6 shrink-0"
              />
              <div>
                <label htmlFor={i === 0 ? "status" : `status-${s}`} className="font-bold">
                  {MILESTONE_STATUS_LABELS[s]}
                </label>
                <p id={`status-${s}-hint`} className="text-govuk-secondary">
                  {LOCAL_ACTION_STATUS_DEFINITIONS[s]}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
