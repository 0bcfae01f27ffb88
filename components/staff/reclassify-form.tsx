"use client";

import { useActionState } from "react";
import { reclassify } from "@/app/(staff)/staff/actions";
import { FormErrorSummary } from "@/components/staff/form-errors";
import { Select, SubmitButton, TextArea } from "@/components/staff/fields";
import { errorMap, IDLE } from "@/lib/staff/action-result";
import { RESPONSE_CLASSES, RESPONSE_CLASS_DEFINITIONS, RESPONSE_CLASS_LABELS } from "@/lib/vocabulary";

export function ReclassifyForm({
  code,
  version,
  responseClass,
  rationale,
}: {
  code: string;
  version: number;
  responseClass: string;
  rationale: string;
}) {
  const [state, action, pending] = useActionState(reclassify, IDLE);
  const errors = errorMap(state.errors);
  const v = (name: string, fallback: string) => (state.values ? (state.values[name] ?? "") : fallback);
  return (
    <form key={state.attempt ?? 0} action={action} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={version} />
      <Select
        name="responseClass"
        label="How the government responded"
        error={errors.responseClass}
        defaultValue={v("responseClass", responseClass)}
        options={RESPONSE_CLASSES.map((c) => ({
          value: c,
          label: `${RESPONSE_CLASS_LABELS[c]}: ${RESPONSE_CLASS_DEFINITIONS[c]}`,
        }))}
      />
      <TextArea
        name="rationale"
        label="Rationale"
        hint="One sentence quoting the words of the response that decide the class. It is published."
        error={errors.rationale}
        defaultValue={v("rationale", rationale)}
        rows={3}
      />
      <TextArea
        name="reason"
        label="Reason for this correction"
        hint="It is published in the recommendation's history: write a short sentence (at least 20 characters and 3 words)."
        error={errors.reason}
        defaultValue={v("reason", "")}
        rows={3}
      />
      <SubmitButton>{pending ? "Saving…" : "Save correction"}</SubmitButton>
    </form>
  );
}
