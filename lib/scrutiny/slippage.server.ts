import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";
import { todayInLondon, toIsoDay } from "@/lib/dates";
import { endOfUkDaySql } from "@/lib/audit/as-at.server";
import { CLOSED_STATUSES, latenessOf, milestoneSource, plannedDateSql } from "@/lib/reform/milestone-rules";
import { localActionCode } from "@/lib/local-actions/record";
import { localActionSource } from "@/lib/local-actions/states.server";
import type { LatenessValue, MilestoneStatusValue } from "@/lib/vocabulary";
import type { SlippageSort } from "@/lib/validations/slippage-sorts";

// The slippage register: for every milestone, the date the strategy gave it, each date it was re-planned to (with
// the reason and when), when it was actually completed, and how often and how far it has slipped. Built from the
// audit trail's update events; the strategy's date (due_date) is never moved. Slippage and lateness are different
// measures, shown side by side (issue 13): a milestone slips when staff move its date later; it is overdue when
// its planned date, moved or not, has passed and it is still open. Before any staff update nothing has slipped
// and every milestone whose date has passed is overdue.

export { SLIPPAGE_SORTS, type SlippageSort } from "@/lib/validations/slippage-sorts";

export interface Replan {
  /** When the new date was set (the audit event's time, ISO). */
  setAt: string;
  /** The planned date before this change: the previous forecast, or the strategy's date. */
  from: string;
  /** The new forecast date. */
  to: string;
  /** true when `to` is later than `from`. */
  slipped: boolean;
  reason: string | null;
}

export interface SlippageEntry {
  code: string;
  title: string;
  status: MilestoneStatusValue;
  /** The strategy's words, e.g. "summer 2023"; null for milestones added by staff. */
  dateAsWritten: string | null;
  dueDate: string;
  replans: Replan[];
  /** The current planned date (lib/reform/planned-date.ts). */
  plannedDate: string;
  actualDate: string | null;
  timesSlipped: number;
  /** Days from the strategy's date to the current planned date, never below 0. */
  totalSlippageDays: number;
  /** Which kind of overdue it is on the view's day (lib/reform/milestone-rules.ts), or null. */
  lateness: LatenessValue | null;
  /** Days from the planned date to the view's day when it is overdue, else 0. */
  daysOverdue: number;
}

interface Row {
  code: string;
  title: string;
  status: MilestoneStatusValue;
  date_as_written: string | null;
  due_date: Date;
  planned_date: Date;
  actual_date: Date | null;
  total_days: number;
  replans: Array<{ at: string; before: string | null; after: string; reason: string | null }> | null;
}

const ORDER: Record<SlippageSort, Prisma.Sql> = {
  slippage: Prisma.sql`ORDER BY total_days DESC, times DESC, m.code`,
  code: Prisma.sql`ORDER BY m.code`,
};

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function slippageRegister(
  options: { sort?: SlippageSort; asAt?: string; today?: string } = {},
): Promise<SlippageEntry[]> {
  const sort = options.sort ?? "slippage";
  const today = options.asAt ?? options.today ?? todayInLondon();
  // As at a past day: the milestones as they stood then, and only the re-plans made by then.
  const eventBound = options.asAt ? Prisma.sql`AND a.occurred_at < ${endOfUkDaySql(options.asAt)}` : Prisma.empty;
  const rows = await db().$queryRaw<Row[]>`
    SELECT m.code, m.title, m.status::text AS status, m.date_as_written, m.due_date,
           ${plannedDateSql} AS planned_date, m.actual_date,
           GREATEST(0, ${plannedDateSql} - m.due_date)::int AS total_days,
           rp.replans, COALESCE(rp.times, 0) AS times
    FROM ${milestoneSource(options.asAt)} m
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object(
               'at', to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'before', a.before->>'forecastDate',
               'after', a.after->>'forecastDate',
               'reason', a.reason) ORDER BY a.occurred_at, a.id) AS replans,
             count(*) FILTER (WHERE a.after->>'forecastDate' > COALESCE(NULLIF(a.before->>'forecastDate', ''), to_char(m.due_date, 'YYYY-MM-DD'))) AS times
      FROM audit_event a
      WHERE a.entity_type = 'milestone' AND a.entity_id = m.id AND a.action = 'update'
        AND NULLIF(a.after->>'forecastDate', '') IS NOT NULL
        AND a.after->>'forecastDate' IS DISTINCT FROM NULLIF(a.before->>'forecastDate', '')
        ${eventBound}
    ) rp ON true
    ${ORDER[sort]}`;
  return rows.map((r) => {
    const dueDate = toIsoDay(r.due_date)!;
    const replans: Replan[] = (r.replans ?? []).map((p) => {
      const from = p.before || dueDate;
      return { setAt: p.at, from, to: p.after, slipped: p.after > from, reason: p.reason };
    });
    const plannedDate = toIsoDay(r.planned_date)!;
    const lateness = latenessOf({ status: r.status, plannedDate }, today);
    return {
      code: r.code,
      title: r.title,
      status: r.status,
      dateAsWritten: r.date_as_written,
      dueDate,
      replans,
      plannedDate,
      actualDate: toIsoDay(r.actual_date),
      timesSlipped: replans.filter((p) => p.slipped).length,
      totalSlippageDays: Number(r.total_days),
      lateness,
      daysOverdue: lateness ? daysBetween(plannedDate, today) : 0,
    };
  });
}

/** A council's local action in the register: measured as a milestone is, from the council's own first date. */
export interface LocalSlippageEntry extends Omit<SlippageEntry, "dateAsWritten"> {
  council: { slug: string; name: string };
  /** The national milestones and recommendations it served (then, as at a past day). */
  milestones: string[];
  recommendations: string[];
}

interface LocalRow {
  slug: string;
  name: string;
  number: number;
  title: string;
  status: MilestoneStatusValue;
  due_date: Date;
  planned_date: Date;
  actual_date: Date | null;
  total_days: number;
  replans: Array<{ at: string; before: string | null; after: string; reason: string | null }> | null;
  milestones: string[];
  recommendations: string[];
}

const LOCAL_ORDER: Record<SlippageSort, Prisma.Sql> = {
  slippage: Prisma.sql`ORDER BY total_days DESC, times DESC, co.name, la.number`,
  code: Prisma.sql`ORDER BY co.name, la.number`,
};

/**
 * Councils' local actions in the slippage register (issue 15): one council's (`council`, a GSS code) all of them;
 * every council's, only those that have slipped or are overdue, the first `limit` in the sort order (a register of
 * every council's every action would run to thousands of rows). The due date is the council's own first plan, fixed
 * when the action was added; re-plans come from the audit trail, as for milestones.
 */
export async function localSlippageRegister(
  options: { sort?: SlippageSort; asAt?: string; today?: string; council?: string; limit?: number } = {},
): Promise<{ entries: LocalSlippageEntry[]; total: number }> {
  const sort = options.sort ?? "slippage";
  const today = options.asAt ?? options.today ?? todayInLondon();
  const eventBound = options.asAt ? Prisma.sql`AND a.occurred_at < ${endOfUkDaySql(options.asAt)}` : Prisma.empty;
  const planned = Prisma.sql`COALESCE(la.forecast_date, la.due_date)`;
  const which = options.council
    ? Prisma.sql`WHERE co.gss_code = ${options.council}`
    : Prisma.sql`WHERE (COALESCE(rp.times, 0) > 0
        OR (la.status NOT IN (${Prisma.join(CLOSED_STATUSES)}) AND ${planned} < CAST(${today} AS date)))`;
  const rows = await db().$queryRaw<Array<LocalRow & { full_count: bigint }>>`
    SELECT co.slug, co.name, la.number, la.title, la.status, la.due_date, ${planned} AS planned_date, la.actual_date,
           GREATEST(0, ${planned} - la.due_date)::int AS total_days, rp.replans, COALESCE(rp.times, 0) AS times,
           la.milestones, la.recommendations, count(*) OVER () AS full_count
    FROM ${localActionSource(options.asAt)} la
    JOIN council co ON co.id = la.council_id
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object(
               'at', to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'before', a.before->>'forecastDate',
               'after', a.after->>'forecastDate',
               'reason', a.reason) ORDER BY a.occurred_at, a.id) AS replans,
             count(*) FILTER (WHERE a.after->>'forecastDate' > COALESCE(NULLIF(a.before->>'forecastDate', ''), to_char(la.due_date, 'YYYY-MM-DD'))) AS times
      FROM audit_event a
      WHERE a.entity_type = 'local_action' AND a.entity_id = la.id AND a.action = 'update'
        AND NULLIF(a.after->>'forecastDate', '') IS NOT NULL
        AND a.after->>'forecastDate' IS DISTINCT FROM NULLIF(a.before->>'forecastDate', '')
        ${eventBound}
    ) rp ON true
    ${which}
    ${LOCAL_ORDER[sort]}
    ${options.limit ? Prisma.sql`LIMIT ${options.limit}` : Prisma.empty}`;
  const entries = rows.map((r) => {
    const dueDate = toIsoDay(r.due_date)!;
    const replans: Replan[] = (r.replans ?? []).map((p) => {
      const from = p.before || dueDate;
      return { setAt: p.at, from, to: p.after, slipped: p.after > from, reason: p.reason };
    });
    const plannedDate = toIsoDay(r.planned_date)!;
    const lateness = latenessOf({ status: r.status, plannedDate }, today);
    return {
      council: { slug: r.slug, name: r.name },
      milestones: r.milestones,
      recommendations: r.recommendations,
      code: localActionCode(r.number),
      title: r.title,
      status: r.status,
      dueDate,
      replans,
      plannedDate,
      actualDate: toIsoDay(r.actual_date),
      timesSlipped: replans.filter((p) => p.slipped).length,
      totalSlippageDays: Number(r.total_days),
      lateness,
      daysOverdue: lateness ? daysBetween(plannedDate, today) : 0,
    };
  });
  return { entries, total: rows[0] ? Number(rows[0].full_count) : 0 };
}
