import "server-only";
import { db } from "@/lib/db/client.server";
import { STRATEGY_PUBLISHED, todayInLondon } from "@/lib/dates";
import { describeChanges, type HistoryChange } from "@/lib/audit/describe";
import { upgradeState } from "@/lib/audit/records";

// The public history of a milestone or recommendation, from the audit trail: when, what changed, why.
// Staff names and emails stay out of it: the public sees that DfE staff made a change, not who.
// Staff pages (private, never stored by the front server) read staffHistory, which also says who.

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

/** Who is looking at a staff history: a council's account, or DfE staff (no council). */
export interface HistoryViewer {
  councilId: number | null;
}

/**
 * A milestone's or local action's history for its staff page, oldest first (as publicHistory, for HistoryList): when,
 * what changed, why, and who. Each account is named with its organisation, which an account never changes (decision
 * 0017), not its role, which may have changed since. A council's staff see the names of their own council's accounts
 * and "DfE staff" for DfE's; DfE staff, who manage every account, see every name. Changes made without an account
 * (the source data, a script) say what made them.
 */
export async function staffHistory(
  entityType: "milestone" | "local_action",
  entityId: number,
  viewer: HistoryViewer,
): Promise<HistoryEntry[]> {
  const events = await db().auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: {
      occurredAt: true,
      action: true,
      actorLabel: true,
      before: true,
      after: true,
      reason: true,
      actor: { select: { name: true, councilId: true, council: { select: { name: true } } } },
    },
  });
  // The same states the public histories compare: a local action's upgraded to its current shape (localChanges), a
  // milestone's as stored (publicHistory), so a change reads the same on the staff page as on the public one.
  const shape = (stored: unknown) => (entityType === "local_action" ? upgradeState("local_action", stored) : stored);
  return events.map((e) => {
    const added = e.action === "create";
    const sourceData = added && e.actor === null && entityType === "milestone";
    return {
      occurredAt: sourceData ? STRATEGY_PUBLISHED_ON : e.occurredAt.toISOString(),
      action: e.action,
      byStaff: !sourceData,
      summary: sourceData
        ? "Published in Stable Homes, Built on Love (February 2023)"
        : `${added ? "Added" : "Updated"} by ${whoMade(e.actor, e.actorLabel, viewer)}`,
      changes: added ? [] : describeChanges(shape(e.before), shape(e.after)),
      reason: e.reason,
    };
  });
}

/** A milestone's staff history by its code (M-07), or null if there is no such milestone. */
export async function milestoneStaffHistory(code: string, viewer: HistoryViewer): Promise<HistoryEntry[] | null> {
  const milestone = await db().milestone.findUnique({ where: { code }, select: { id: true } });
  return milestone ? staffHistory("milestone", milestone.id, viewer) : null;
}

function whoMade(
  actor: { name: string; councilId: number | null; council: { name: string } | null } | null,
  label: string,
  viewer: HistoryViewer,
): string {
  if (!actor) return label;
  if (actor.council)
    return viewer.councilId === null || viewer.councilId === actor.councilId
      ? `${actor.name} (${actor.council.name})`
      : actor.council.name;
  return viewer.councilId === null ? `${actor.name} (DfE)` : "DfE staff";
}

/** The history up to the end of UK day `asAt` (its events are stamped in UTC), or all of it without `asAt`. */
export function historyUpTo<T extends { occurredAt: string }>(history: T[], asAt?: string): T[] {
  return asAt ? history.filter((h) => todayInLondon(new Date(h.occurredAt)) <= asAt) : history;
}
