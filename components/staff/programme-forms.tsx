"use client";

import { useActionState } from "react";
import {
  addCouncilToProgramme,
  createProgramme,
  endCouncilInProgramme,
  saveProgrammeDetails,
  saveProgrammeMilestones,
} from "@/app/(staff)/staff/actions";
import { FormErrorSummary } from "@/components/staff/form-errors";
import { SubmitButton, TextArea, TextInput } from "@/components/staff/fields";
import { errorMap, IDLE } from "@/lib/staff/action-result";

// The staff forms for national programmes: one thing per form, as the GOV.UK pattern asks. Every change is
// published with its reason, and names the version of the programme it was made to.

const REASON_HINT =
  "It is published in the programme's history: write a short sentence (at least 20 characters and 3 words).";

interface Programme {
  slug: string;
  version: number;
  name: string;
  description: string;
  startedOn: string | null;
  endedOn: string | null;
  milestoneCodes: string[];
}

function useProgrammeForm(action: typeof createProgramme) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = errorMap(state.errors);
  const typed = (name: string, initial = "") => state.values?.[name] ?? initial;
  return { state, formAction, pending, errors, typed };
}

function Target({ programme }: { programme: Pick<Programme, "slug" | "version"> }) {
  return (
    <>
      <input type="hidden" name="programme" value={programme.slug} />
      <input type="hidden" name="version" value={programme.version} />
    </>
  );
}

function DetailFields({
  errors,
  typed,
  programme,
}: {
  errors: Record<string, string>;
  typed: (name: string, initial?: string) => string;
  programme?: Programme;
}) {
  return (
    <>
      <TextInput name="name" label="Name" error={errors.name} defaultValue={typed("name", programme?.name)} />
      <TextArea
        name="description"
        label="What it is"
        hint="In plain English, from the source that announced it"
        error={errors.description}
        defaultValue={typed("description", programme?.description)}
      />
      <TextInput
        name="startedOn"
        type="date"
        label="Start date (optional)"
        error={errors.startedOn}
        defaultValue={typed("startedOn", programme?.startedOn ?? "")}
        width="w-52"
      />
      <TextInput
        name="endedOn"
        type="date"
        label="End date (optional)"
        error={errors.endedOn}
        defaultValue={typed("endedOn", programme?.endedOn ?? "")}
        width="w-52"
      />
    </>
  );
}

export function NewProgrammeForm() {
  const { state, formAction, pending, errors, typed } = useProgrammeForm(createProgramme);
  return (
    <form key={state.attempt ?? 0} action={formAction} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      <TextInput
        name="slug"
        label="Web address name"
        hint="Lower-case words joined by hyphens, for example families-first-pathfinder. It cannot be changed later."
        error={errors.slug}
        defaultValue={typed("slug")}
      />
      <DetailFields errors={errors} typed={typed} />
      <TextArea
        name="reason"
        label="Why it is being recorded"
        hint={REASON_HINT}
        error={errors.reason}
        defaultValue={typed("reason")}
        rows={3}
      />
      <SubmitButton>{pending ? "Adding…" : "Add programme"}</SubmitButton>
    </form>
  );
}

export function ProgrammeDetailsForm({ programme }: { programme: Programme }) {
  const { state, formAction, pending, errors, typed } = useProgrammeForm(saveProgrammeDetails);
  return (
    <form key={state.attempt ?? 0} action={formAction} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      <Target programme={programme} />
      <DetailFields errors={errors} typed={typed} programme={programme} />
      <TextArea
        name="reason"
        label="Reason for the change"
        hint={REASON_HINT}
        error={errors.reason}
        defaultValue={typed("reason")}
        rows={3}
      />
      <SubmitButton>{pending ? "Saving…" : "Save details"}</SubmitButton>
    </form>
  );
}

export function ProgrammeMilestonesForm({ programme }: { programme: Programme }) {
  const { state, formAction, pending, errors, typed } = useProgrammeForm(saveProgrammeMilestones);
  const fieldError = errors.milestones ?? Object.entries(errors).find(([k]) => k.startsWith("milestones."))?.[1];
  return (
    <form key={state.attempt ?? 0} action={formAction} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      <Target programme={programme} />
      <TextInput
        name="milestones"
        label="Milestones it delivers"
        hint="Codes separated by commas, for example M-20, M-21. The list replaces the one there is: leave a code out to unlink it."
        error={fieldError}
        defaultValue={typed("milestones", programme.milestoneCodes.join(", "))}
      />
      <TextArea
        name="reason"
        label="Reason for the change"
        hint={REASON_HINT}
        error={errors.reason}
        defaultValue={typed("reason")}
        rows={3}
      />
      <SubmitButton>{pending ? "Saving…" : "Save milestones"}</SubmitButton>
    </form>
  );
}

export function AddProgrammeCouncilForm({ programme }: { programme: Programme }) {
  const { state, formAction, pending, errors, typed } = useProgrammeForm(addCouncilToProgramme);
  return (
    <form key={state.attempt ?? 0} action={formAction} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      <Target programme={programme} />
      <TextInput
        name="council"
        label="Council"
        hint="Its web address name or GSS code, for example thurrock or E06000034 (see the list of councils)"
        error={errors.council}
        defaultValue={typed("council")}
      />
      <TextInput
        name="from"
        type="date"
        label="Takes part from"
        error={errors.from}
        defaultValue={typed("from")}
        width="w-52"
      />
      <TextInput
        name="until"
        type="date"
        label="Until (optional)"
        hint="Leave empty while it still takes part"
        error={errors.until}
        defaultValue={typed("until")}
        width="w-52"
      />
      <TextArea
        name="reason"
        label="Reason for the change"
        hint={REASON_HINT}
        error={errors.reason}
        defaultValue={typed("reason")}
        rows={3}
      />
      <SubmitButton>{pending ? "Adding…" : "Add council"}</SubmitButton>
    </form>
  );
}

export function EndProgrammeCouncilForm({
  programme,
  spell,
}: {
  programme: Programme;
  spell: { gssCode: string; name: string; from: string };
}) {
  const { state, formAction, pending, errors, typed } = useProgrammeForm(endCouncilInProgramme);
  return (
    <form key={state.attempt ?? 0} action={formAction} className="max-w-2xl space-y-6" noValidate>
      <FormErrorSummary errors={state.errors} />
      <Target programme={programme} />
      <input type="hidden" name="council" value={spell.gssCode} />
      <input type="hidden" name="from" value={spell.from} />
      <TextInput
        name="until"
        type="date"
        label={`The last day ${spell.name} takes part`}
        error={errors.until}
        defaultValue={typed("until")}
        width="w-52"
      />
      <TextArea
        name="reason"
        label="Reason for the change"
        hint={REASON_HINT}
        error={errors.reason}
        defaultValue={typed("reason")}
        rows={3}
      />
      <SubmitButton>{pending ? "Saving…" : "End its participation"}</SubmitButton>
    </form>
  );
}
