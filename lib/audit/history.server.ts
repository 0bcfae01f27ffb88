import "server-only";
import { db } from "@/lib/db/client.server";
import { STRATEGY_PUBLISHED, todayInLondon } from "@/lib/dates";
import { describeChanges, type HistoryChange } from "@/lib/audit/describe";

// The public history of a milestone or recommendation, from the audit trail: when, what changed, why.
// Staff names and emails stay out of it: the public sees that DfE staff made a change, not who.

/** The moment the public history gives the strategy's own items: the start of its publication day. */
export const STRATEGY_PUBLISHED_ON = `${STRATEGY_PUBLISHED}T00:00:00.000Z`;

export interface HistoryEntry {
  occurredAt: string;
  action: string;
  byStaff: boolean;
  summary: string;
  changes: HistoryChange[];
  reason: string | null;
}

export async function publicHistory(
  entityType: "milestone" | "recommendation",
  entityId: number,
): Promise<HistoryEntry[]> {
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
