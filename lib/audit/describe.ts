import { FIELD_LABELS, MILESTONE_STATUS_LABELS, RESPONSE_CLASS_LABELS, type FieldName } from "@/lib/vocabulary";

// A change to an audited record, field by field, in words: the public history, the conflict message of the
// milestone form and the CSV import's preview all show changes this way.

export interface HistoryChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** Values shown in words rather than as stored codes ("On track", not "on_track"). */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: MILESTONE_STATUS_LABELS,
  responseClass: RESPONSE_CLASS_LABELS,
};

function display(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    return value
      .map((v) =>
        typeof v === "object" && v && "title" in v && "url" in v ? `${String(v.title)} (${String(v.url)})` : String(v),
      )
      .join("; ");
  }
  const shown = String(value);
  return VALUE_LABELS[field]?.[shown] ?? shown;
}

/** The fields that differ between two states (of any shape an event ever had), labelled and in words. */
export function describeChanges(before: unknown, after: unknown): HistoryChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  // Only the fields people are shown: audit records also hold versions and links.
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f): f is FieldName =>
    Object.hasOwn(FIELD_LABELS, f),
  );
  return fields
    .filter((f) => display(f, b[f]) !== display(f, a[f]))
    .map((f) => ({ field: FIELD_LABELS[f], before: display(f, b[f]), after: display(f, a[f]) }));
}
