import type { FieldError } from "@/lib/validations/milestone-update";

// What a staff form's server action sends back to the form.
export interface ActionState {
  status: "idle" | "error" | "saved";
  errors: FieldError[];
  /** Changes on every refused submission: forms are keyed on it, so every field (selects too) shows `values`. */
  attempt?: number;
  /** The values the user typed, so a refused form keeps them. */
  values?: Record<string, string>;
  message?: string;
  /** For a refused save because someone else saved first: what they changed. */
  conflict?: Array<{
    occurredAt: string;
    changes: Array<{ field: string; before: string | null; after: string | null }>;
    reason: string | null;
  }>;
}

/** What a staff edit (a reclassification, an added milestone) returns to its action. */
export type EditResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const IDLE: ActionState = { status: "idle", errors: [] };

export function errorMap(errors: FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) map[e.field] ??= e.message;
  return map;
}

/** Error summary links point at the field's id; evidence.2.url is the input evidenceUrl2. */
export function fieldId(field: string): string {
  const evidence = /^evidence\.(\d+)\.(title|url)$/.exec(field);
  if (evidence) return `evidence${evidence[2] === "url" ? "Url" : "Title"}${evidence[1]}`;
  if (field === "evidence") return "evidenceTitle0";
  if (field === "form") return "main-content";
  return field.split(".")[0]!;
}

/** For a submission whose form data could not be read (a Server Action is a public endpoint: anything can arrive). */
export const UNREADABLE_FORM_MESSAGE =
  "The form could not be read, so nothing was changed. Reload the page and try again.";

export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}

export function unreadableForm(): ActionState {
  return { status: "error", attempt: Date.now(), errors: [{ field: "form", message: UNREADABLE_FORM_MESSAGE }] };
}

/** A form field's text: "" when it is missing or is a file. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
