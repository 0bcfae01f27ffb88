import "server-only";
import { db } from "@/lib/db/client.server";
import { STRATEGY_PUBLISHED, todayInLondon } from "@/lib/dates";
import { MILESTONE_STATUS_LABELS, RESPONSE_CLASS_LABELS } from "@/lib/vocabulary";

// The public history of a milestone or recommendation, from the audit trail: when, what changed, why.
// Staff names and emails stay out of it: the public sees that DfE staff made a change, not who.

/** The moment the public history gives the strategy's own items: the start of its publication day. */
export const STRATEGY_PUBLISHED_ON = `${STRATEGY_PUBLISHED}T00:00:00.000Z`;

export interface HistoryChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface HistoryEntry {
  occurredAt: string;
  action: string;
  byStaff: boolean;
  summary: string;
  changes: HistoryChange[];
  reason: string | null;
}

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  dueDate: "Due date",
  forecastDate: "Forecast date",
  actualDate: "Actual completion date",
  commentary: "Commentary",
  evidence: "Evidence",
  responseClass: "Response class",
  responseRationale: "Rationale",
  title: "Title",
};

function display(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v && "title" in v ? String(v.title) : String(v))).join("; ");
  return String(value);
}

/** Values shown in words rather than as stored codes ("On track", not "on_track"). */
const VALUE_LABELS: Record<string, Record<string, string>> = { status: MILESTONE_STATUS_LABELS, responseClass: RESPONSE_CLASS_LABELS };

function displayField(field: string, value: unknown): string | null {
  const shown = display(value);
  return shown === null ? null : (VALUE_LABELS[field]?.[shown] ?? shown);
}

export function describeChanges(before: unknown, after: unknown): HistoryChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f in FIELD_LABELS);
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((f) => ({ field: FIELD_LABELS[f]!, before: displayField(f, b[f]), after: displayField(f, a[f]) }));
}

export async function publicHistory(entityType: "milestone" | "recommendation", entityId: number): Promise<HistoryEntry[]> {
  const events = await db().auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { occurredAt: true, action: true, actorId: true, before: true, after: true, reason: true },
  });
  return events.map((e) => ({
    // The source-data load records when this database was filled; the public history shows when it was published.
    occurredAt: e.action === "create" && e.actorId === null ? STRATEGY_PUBLISHED_ON : e.occurredAt.toISOString(),
    action: e.action,
    byStaff: e.actorId !== null,
    summary:
      e.action === "create"
        ? e.actorId === null
          ? "Published in Stable Homes, Built on Love (February 2023)"
          : "Added by DfE programme staff"
        : "Updated by DfE programme staff",
    changes: e.action === "create" ? [] : describeChanges(e.before, e.after),
    reason: e.reason,
  }));
}

/** The history up to the end of UK day `asAt` (its events are stamped in UTC), or all of it without `asAt`. */
export function historyUpTo<T extends { occurredAt: string }>(history: T[], asAt?: string): T[] {
  return asAt ? history.filter((h) => todayInLondon(new Date(h.occurredAt)) <= asAt) : history;
}
