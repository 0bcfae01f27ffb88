"use client";

import { useActionState } from "react";
import { createMilestone } from "@/app/(staff)/staff/actions";
import { FormErrorSummary } from "@/components/staff/form-errors";
import { Checkboxes, Select, SubmitButton, TextArea, TextInput } from "@/components/staff/fields";
import { errorMap, IDLE } from "@/lib/staff/action-result";
import { MILESTONE_GROUPS, MILESTONE_GROUP_LABELS } from "@/lib/vocabulary";

export function NewMilestoneForm({
  pillars,
  outcomes,
}: {
  pillars: Array<{ number: number; title: string }>;
  outcomes: Array<{ number: number; title: string }>;
}) {
  const [state, action, pending] = useActionState(createMilestone, IDLE);
  const errors = errorMap(state.errors);
  const fieldError = (name: string) =>
    errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
  const v = (name: string) => state.values?.[name] ?? "";
  return (
    <form key={state.attempt ?? 0} action={action} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      <Select
        name="group"
        label="Group"
        error={errors.group}
        defaultValue={v("group") || MILESTONE_GROUPS[2]}
        options={MILESTONE_GROUPS.map((g) => ({ value: g, label: MILESTONE_GROUP_LABELS[g] }))}
      />
      <TextInput
        name="activity"
        label="Activity"
        hint="For example, Regional Care Cooperatives"
        error={errors.activity}
        defaultValue={v("activity")}
      />
      <TextInput
        name="title"
        label="Milestone"
        hint="What will have happened, in plain English"
        error={errors.title}
        defaultValue={v("title")}
      />
      <TextInput
        name="dueDate"
        type="date"
        label="Due date"
        error={errors.dueDate}
        defaultValue={v("dueDate")}
        width="w-52"
      />
      <Checkboxes
        name="pillars"
        legend="Pillars it serves"
        error={fieldError("pillars")}
        checked={v("pillars").split(",")}
        options={pillars.map((p) => ({ value: String(p.number), label: `${p.number}. ${p.title}` }))}
      />
      <Checkboxes
        name="outcomes"
        legend="Outcomes and enablers it serves"
        error={fieldError("outcomes")}
        checked={v("outcomes").split(",")}
        options={outcomes.map((o) => ({ value: String(o.number), label: `${o.number}. ${o.title}` }))}
      />
      <TextInput
        name="recommendations"
        label="Recommendations it delivers (optional)"
        hint="Codes separated by commas, for example CR-01, CPE-02"
        error={fieldError("recommendations")}
        defaultValue={v("recommendations")}
      />
      <TextArea
        name="reason"
        label="Why it is being added"
        hint="It is published in the milestone's history: write a short sentence (at least 20 characters and 3 words)."
        error={errors.reason}
        defaultValue={v("reason")}
        rows={3}
      />
      <SubmitButton>{pending ? "Adding…" : "Add milestone"}</SubmitButton>
    </form>
  );
}
