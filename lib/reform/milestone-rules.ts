import { Prisma } from "@/lib/generated/prisma/client";
import { endOfUkDaySql, milestonesAsAtSql, recommendationsAsAtSql } from "@/lib/audit/as-at.server";
import { addDays } from "@/lib/dates";
import type { LatenessValue, MilestoneStatusValue } from "@/lib/vocabulary";

// What "overdue" and "stale" mean, written once. A milestone's current planned date is its forecast date when
// staff have set one, otherwise the date in the strategy. It is overdue when that date has passed and it is
// neither complete nor superseded; it is stale when it is still open and no member of staff has updated it in
// the last 90 days (the source-data load does not count as an update); it is due soon when it is open and planned
// for today or the next 90 days.

export const CLOSED_STATUSES: MilestoneStatusValue[] = ["complete", "superseded"];
export const STALE_AFTER_DAYS = 90;
export const DUE_SOON_DAYS = 90;

export { plannedDate, plannedDateSql } from "@/lib/reform/planned-date";
import { plannedDateSql } from "@/lib/reform/planned-date";

/** Open: not in CLOSED_STATUSES (the same list as isOverdue() uses). */
export const isOpenSql = Prisma.sql`m.status::text NOT IN (${Prisma.join(CLOSED_STATUSES)})`;

export function isOverdueSql(today: string) {
  return Prisma.sql`(${isOpenSql} AND ${plannedDateSql} < CAST(${today} AS date))`;
}

export function isDueSoonSql(today: string) {
  return Prisma.sql`(${isOpenSql} AND ${plannedDateSql} BETWEEN CAST(${today} AS date) AND CAST(${addDays(today, DUE_SOON_DAYS)} AS date))`;
}

/** The latest staff update of milestone alias `m` (up to the end of `asAt`, when given), or null. */
export function lastStaffUpdateSql(asAt?: string) {
  return Prisma.sql`(
  SELECT max(a.occurred_at) FROM audit_event a
  WHERE a.entity_type = 'milestone' AND a.entity_id = m.id AND a.actor_id IS NOT NULL
  ${asAt ? Prisma.sql`AND a.occurred_at < ${endOfUkDaySql(asAt)}` : Prisma.empty}
)`;
}

export function isStaleSql(today: string, asAt?: string) {
  return Prisma.sql`(${isOpenSql} AND COALESCE(${lastStaffUpdateSql(asAt)} < CAST(${today} AS date) - ${STALE_AFTER_DAYS}::int, true))`;
}

/**
 * The milestones as they are now, or as they were at the end of a past UK day (rebuilt from the audit trail).
 * Queries read `FROM ${milestoneSource(asAt)} m` and work the same either way.
 */
export function milestoneSource(asAt?: string | null): Prisma.Sql {
  return asAt ? Prisma.sql`(${milestonesAsAtSql(asAt)})` : Prisma.sql`milestone`;
}

/** The recommendations' response classes now, or at the end of a past UK day. */
export function recommendationSource(asAt?: string | null): Prisma.Sql {
  return asAt ? Prisma.sql`(${recommendationsAsAtSql(asAt)})` : Prisma.sql`recommendation`;
}

export function isOverdue(m: { status: MilestoneStatusValue; plannedDate: string }, today: string): boolean {
  return !CLOSED_STATUSES.includes(m.status) && m.plannedDate < today;
}

// Overdue, split in two (issue 13): before any staff update every milestone is "Not yet assessed", so its date
// passing says nothing about delivery. "not_yet_assessed": overdue and nobody has given it a status yet;
// "assessed_late": overdue with a status staff chose. Every page, the briefing and the API read the split from here.

/** The kind of lateness of milestone alias `m`, as SQL: true when it is overdue in that way. */
export function isLateSql(kind: LatenessValue, today: string): Prisma.Sql {
  const assessed =
    kind === "not_yet_assessed"
      ? Prisma.sql`m.status = 'not_yet_assessed'`
      : Prisma.sql`m.status <> 'not_yet_assessed'`;
  return Prisma.sql`(${isOverdueSql(today)} AND ${assessed})`;
}

/** The same rule in TypeScript: null when the milestone is not overdue. */
export function latenessOf(
  m: { status: MilestoneStatusValue; plannedDate: string },
  today: string,
): LatenessValue | null {
  if (!isOverdue(m, today)) return null;
  return m.status === "not_yet_assessed" ? "not_yet_assessed" : "assessed_late";
}

/** The response classes for which a scrutineer expects a milestone: the government said it would act. */
export const DELIVERY_EXPECTED_CLASSES = ["accepted", "accepted_in_principle", "testing"] as const;

/**
 * "Undelivered": recommendation alias `r` (its response class as at the view's date, in column `response_class`)
 * is one the government said it would act on, and no milestone delivers it.
 */
export function isUndeliveredSql(r: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${r}.response_class IN (${Prisma.join(DELIVERY_EXPECTED_CLASSES.map((c) => Prisma.sql`CAST(${c} AS "ResponseClass")`))})
    AND NOT EXISTS (SELECT 1 FROM milestone_recommendation mr WHERE mr.recommendation_id = ${r}.id)`;
}
