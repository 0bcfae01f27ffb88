"use client";

import { useActionState } from "react";
import { saveMilestone } from "@/app/(staff)/staff/actions";
import { FormErrorSummary } from "@/components/staff/form-errors";
import { Select, SubmitButton, TextArea, TextInput } from "@/components/staff/fields";
import { errorMap, IDLE } from "@/lib/staff/action-result";
import { LIMITS } from "@/lib/validations/milestone-update";
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS } from "@/lib/vocabulary";

export interface EditableMilestone {
  code: string;
  version: number;
  status: string;
  forecastDate: string | null;
  actualDate: string | null;
  commentary: string | null;
  evidence: Array<{ title: string; url: string }>;
}

export function MilestoneEditForm({ milestone }: { milestone: EditableMilestone }) {
  const [state, action, pending] = useActionState(saveMilestone, IDLE);
  const errors = errorMap(state.errors);
  // A refused form shows what the user typed; a fresh one shows the milestone as it is.
  const v = (name: string, fallback: string | null) => (state.values ? (state.values[name] ?? "") : (fallback ?? ""));
  const evidenceRows = Math.min(LIMITS.evidenceLinks, Math.max(milestone.evidence.length + 2, 3));

  return (
    <form key={state.attempt ?? 0} action={action} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      {state.conflict && (
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
            <a href={`/staff/milestones/${milestone.code}`}>Reload the milestone as it is now</a>, then make your
            changes again.
          </p>
        </div>
      )}
      <input type="hidden" name="code" value={milestone.code} />
      <input type="hidden" name="version" value={milestone.version} />
      <Select
        name="status"
        label="Status"
        error={errors.status}
        defaultValue={v("status", milestone.status)}
        options={MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_LABELS[s] }))}
      />
      <TextInput
        name="forecastDate"
        type="date"
        label="Forecast date"
        hint="When you now expect it to be done. Leave empty if it is on its original date."
        error={errors.forecastDate}
        defaultValue={v("forecastDate", milestone.forecastDate)}
        width="w-52"
      />
      <TextInput
        name="actualDate"
        type="date"
        label="Actual completion date"
        hint="Only for a complete milestone. It cannot be in the future."
        error={errors.actualDate}
        defaultValue={v("actualDate", milestone.actualDate)}
        width="w-52"
      />
      <TextArea
        name="commentary"
        label="Commentary"
        hint={`What has happened, in plain English. This is published. At most ${LIMITS.commentary} characters.`}
        error={errors.commentary}
        defaultValue={v("commentary", milestone.commentary)}
      />
      <fieldset className="space-y-4" aria-describedby="evidence-hint">
        <legend className="text-xl font-bold">Evidence links</legend>
        <p id="evidence-hint" className="text-govuk-secondary">
          Published documents that show progress. Addresses must start with https:// or http://. Leave a row empty to
          remove it.
        </p>
        {errors.evidence && <p className="font-bold text-govuk-red">{errors.evidence}</p>}
        {Array.from({ length: evidenceRows }, (_, i) => (
          <div key={i} className="grid gap-4 sm:grid-cols-2">
            <TextInput
              name={`evidenceTitle${i}`}
              label={`Link ${i + 1} title`}
              error={errors[`evidence.${i}.title`]}
              defaultValue={v(`evidenceTitle${i}`, milestone.evidence[i]?.title ?? null)}
            />
            <TextInput
              name={`evidenceUrl${i}`}
              type="url"
              label={`Link ${i + 1} address`}
              error={errors[`evidence.${i}.url`]}
              defaultValue={v(`evidenceUrl${i}`, milestone.evidence[i]?.url ?? null)}
            />
          </div>
        ))}
      </fieldset>
      <TextArea
        name="reason"
        label="Reason for this change"
        hint="Required when the forecast date moves later, or the status becomes at risk, delayed or superseded. It is published in the milestone's history: write a short sentence (at least 20 characters and 3 words)."
        error={errors.reason}
        defaultValue={v("reason", null)}
        rows={3}
      />
      <SubmitButton>{pending ? "Saving…" : "Save changes"}</SubmitButton>
    </form>
  );
}
