import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";
import {
  endOfUkDaySql,
  localActionsAsAtSql,
  milestoneStatesAsAt,
  recommendationClassesAsAt,
} from "@/lib/audit/as-at.server";
import { describeChanges, type HistoryChange } from "@/lib/audit/describe";
import { upgradeState, type LocalActionState } from "@/lib/audit/records";
import { toIsoDay } from "@/lib/dates";
import { latenessOf, plannedDate } from "@/lib/reform/milestone-rules";
import { publicRead } from "@/lib/reform/public-data.server";
import { localActionCode } from "@/lib/local-actions/record";
import type { REGIONS } from "@/lib/seed/councils";
import {
  MILESTONE_STATUSES,
  type LatenessValue,
  type MilestoneStatusValue,
  type ResponseClassValue,
} from "@/lib/vocabulary";

// Public reads of councils' local actions (issue 15, items 3 and 8): the council page, a local action's page and
// /api/v1/local-actions. Every read goes through localActionsAsAtSql (lib/audit/as-at.server.ts): the state is the
// last audit event's, so "now" and "as at a past day" are one query with or without a bound. Changes are
// attributed to the council, never to a person: no actor is read here.

export interface LocalActionView {
  /** LA-3: numbered within its council. */
  code: string;
  number: number;
  council: { slug: string; name: string; gssCode: string; region: string };
  title: string;
  description: string;
  leadRole: string;
  status: MilestoneStatusValue;
  dueDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  /** The forecast date, else the due date (the milestone's rule). */
  plannedDate: string;
  commentary: string | null;
  evidence: Array<{ title: string; url: string }>;
  milestones: string[];
  recommendations: string[];
  commitments: string[];
  /** Overdue, as for milestones (lib/reform/milestone-rules.ts), on the day viewed. */
  lateness: LatenessValue | null;
  /** Forecast later than the date the council first set. */
  slipped: boolean;
  addedAt: string;
  changedAt: string;
}

export interface LocalActionFilters {
  /** A council's GSS code (pages and the API resolve a slug first: lib/councils/councils.server.ts findCouncil). */
  council?: string;
  region?: (typeof REGIONS)[number];
  /** A programme's slug: actions of councils that take or took part in it. */
  programme?: string;
  status?: MilestoneStatusValue;
  /** A national milestone's code (M-30): actions that serve it. */
  milestone?: string;
  /** A recommendation's code (CR-01): actions that serve it. */
  recommendation?: string;
  /** One action of the council: its number (LA-3 is 3). */
  number?: number;
}

interface Row {
  number: number;
  s: unknown;
  added_at: Date;
  changed_at: Date;
  slug: string;
  name: string;
  gss_code: string;
  region: string;
  total: bigint;
}

function whereOf(filters: LocalActionFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.council !== undefined) conditions.push(Prisma.sql`c.gss_code = ${filters.council}`);
  if (filters.number !== undefined) conditions.push(Prisma.sql`l.number = ${filters.number}`);
  if (filters.region !== undefined) conditions.push(Prisma.sql`c.region = ${filters.region}`);
  if (filters.programme !== undefined)
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM programme_council pc JOIN programme p ON p.id = pc.programme_id
      WHERE pc.council_id = c.id AND p.slug = ${filters.programme})`);
  if (filters.status !== undefined) conditions.push(Prisma.sql`l.s->>'status' = ${filters.status}`);
  if (filters.milestone !== undefined)
    conditions.push(Prisma.sql`l.s->'milestones' @> jsonb_build_array(CAST(${filters.milestone} AS text))`);
  if (filters.recommendation !== undefined)
    conditions.push(Prisma.sql`l.s->'recommendations' @> jsonb_build_array(CAST(${filters.recommendation} AS text))`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

function viewOf(row: Row, day: string): LocalActionView {
  const state: LocalActionState = upgradeState("local_action", row.s);
  const planned = plannedDate(state);
  return {
    code: localActionCode(row.number),
    number: row.number,
    council: { slug: row.slug, name: row.name, gssCode: row.gss_code, region: row.region },
    title: state.title,
    description: state.description,
    leadRole: state.leadRole,
    status: state.status,
    dueDate: state.dueDate,
    forecastDate: state.forecastDate,
    actualDate: state.actualDate,
    plannedDate: planned,
    commentary: state.commentary,
    evidence: state.evidence,
    milestones: state.milestones,
    recommendations: state.recommendations,
    commitments: state.commitments,
    lateness: latenessOf({ status: state.status, plannedDate: planned }, day),
    slipped: state.forecastDate !== null && state.forecastDate > state.dueDate,
    addedAt: row.added_at.toISOString(),
    changedAt: row.changed_at.toISOString(),
  };
}

/**
 * Local actions as they are now, or at the end of UK day `asAt`, by council name then number. `today` decides
 * lateness (the day viewed: `asAt` when given). Without `page`, every match.
 */
export async function listLocalActions(
  filters: LocalActionFilters,
  options: { asAt?: string | null; today: string; page?: number; pageSize?: number },
): Promise<{ total: number; items: LocalActionView[] }> {
  const paging =
    options.page !== undefined && options.pageSize !== undefined
      ? Prisma.sql`LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`
      : Prisma.empty;
  const rows = await db().$queryRaw<Row[]>`
    SELECT l.number, l.s, l.added_at, l.changed_at, c.slug, c.name, c.gss_code, c.region, count(*) OVER () AS total
    FROM (${localActionsAsAtSql(options.asAt)}) l
    JOIN council c ON c.id = l.council_id
    ${whereOf(filters)}
    ORDER BY c.name, c.id, l.number
    ${paging}`;
  const day = options.asAt ?? options.today;
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (!rows.length && options.page !== undefined && options.page > 1) {
    // Past the last page: say how many there are all the same.
    const counted = await db().$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM (${localActionsAsAtSql(options.asAt)}) l JOIN council c ON c.id = l.council_id
      ${whereOf(filters)}`;
    total = Number(counted[0]?.n ?? 0);
  }
  return { total, items: rows.map((row) => viewOf(row, day)) };
}

/** How many of a council's local actions have each status (now or as at a day), every status listed. */
export async function localActionCountsByStatus(
  gssCode: string,
  asAt?: string | null,
): Promise<Record<MilestoneStatusValue, number>> {
  const rows = await db().$queryRaw<Array<{ status: string; n: bigint }>>`
    SELECT l.s->>'status' AS status, count(*) AS n
    FROM (${localActionsAsAtSql(asAt)}) l JOIN council c ON c.id = l.council_id
    WHERE c.gss_code = ${gssCode}
    GROUP BY 1`;
  const counts = Object.fromEntries(MILESTONE_STATUSES.map((s) => [s, 0])) as Record<MilestoneStatusValue, number>;
  for (const row of rows)
    if (Object.hasOwn(counts, row.status)) counts[row.status as MilestoneStatusValue] = Number(row.n);
  return counts;
}

/** Late or slipping: overdue on the day viewed, or forecast later than first planned. What the council page lists. */
export function localSlippage(actions: LocalActionView[]): LocalActionView[] {
  return actions.filter((a) => a.lateness !== null || a.slipped);
}

export interface LocalChange {
  occurredAt: string;
  /** LA-3 */
  code: string;
  title: string;
  added: boolean;
  changes: HistoryChange[];
  reason: string | null;
}

/**
 * A council's local changes, newest first (up to the end of UK day `asAt`, when given): what changed, in words,
 * and why. `code` limits them to one action.
 */
export async function localChanges(
  gssCode: string,
  options: { asAt?: string | null; number?: number; limit?: number },
): Promise<LocalChange[]> {
  const rows = await db().$queryRaw<
    Array<{ occurred_at: Date; action: string; before: unknown; after: unknown; reason: string | null; number: number }>
  >`
    SELECT a.occurred_at, a.action, a.before, a.after, a.reason, la.number
    FROM audit_event a JOIN local_action la ON la.id = a.entity_id JOIN council c ON c.id = la.council_id
    WHERE a.entity_type = 'local_action' AND c.gss_code = ${gssCode}
      ${options.number !== undefined ? Prisma.sql`AND la.number = ${options.number}` : Prisma.empty}
      ${options.asAt ? Prisma.sql`AND a.occurred_at < ${endOfUkDaySql(options.asAt)}` : Prisma.empty}
    ORDER BY a.occurred_at DESC, a.id DESC
    ${options.limit !== undefined ? Prisma.sql`LIMIT ${options.limit}` : Prisma.empty}`;
  return rows.map((row) => {
    const after = upgradeState("local_action", row.after);
    return {
      occurredAt: row.occurred_at.toISOString(),
      code: localActionCode(row.number),
      title: after.title,
      added: row.action === "create",
      changes: row.action === "create" ? [] : describeChanges(upgradeState("local_action", row.before), after),
      reason: row.reason,
    };
  });
}

export interface NationalItemStatus {
  milestones: Array<{
    code: string;
    title: string;
    status: MilestoneStatusValue;
    lateness: LatenessValue | null;
    plannedDate: string;
  }>;
  recommendations: Array<{ code: string; text: string; responseClass: ResponseClassValue }>;
  commitments: Array<{ code: string; text: string; outcome: number }>;
}

/**
 * The national items some local actions serve, with their national status (now, or as at `asAt`): the national
 * picture beside the local one.
 */
export async function nationalItemsServed(
  actions: Array<Pick<LocalActionView, "milestones" | "recommendations" | "commitments">>,
  options: { asAt?: string | null; today: string },
): Promise<NationalItemStatus> {
  const codes = (pick: (a: (typeof actions)[number]) => string[]) => [...new Set(actions.flatMap(pick))].sort();
  const milestoneCodes = codes((a) => a.milestones);
  const recommendationCodes = codes((a) => a.recommendations);
  const commitmentCodes = codes((a) => a.commitments);
  const day = options.asAt ?? options.today;

  const [milestoneRows, recommendationRows, commitmentRows, states, classes] = await Promise.all([
    db().milestone.findMany({
      where: { code: { in: milestoneCodes } },
      select: { code: true, title: true, status: true, dueDate: true, forecastDate: true },
    }),
    db().recommendation.findMany({
      where: { code: { in: recommendationCodes } },
      select: { code: true, text: true, responseClass: true, sourceAnnex: true, sourceRow: true },
      orderBy: [{ sourceAnnex: "asc" }, { sourceRow: "asc" }],
    }),
    db().outcomeCommitment.findMany({
      where: { code: { in: commitmentCodes } },
      select: { code: true, text: true, outcome: { select: { number: true } } },
      orderBy: { code: "asc" },
    }),
    options.asAt && milestoneCodes.length ? milestoneStatesAsAt(options.asAt) : Promise.resolve(null),
    options.asAt && recommendationCodes.length ? recommendationClassesAsAt(options.asAt) : Promise.resolve(null),
  ]);
  const stateOf = new Map(states?.map((s) => [s.code, s]));
  const classOf = new Map(classes?.map((c) => [c.code, c.responseClass]));
  return {
    milestones: milestoneRows
      .map((m) => {
        const then = stateOf.get(m.code);
        const status = then?.status ?? m.status;
        const planned =
          then?.plannedDate ?? plannedDate({ forecastDate: toIsoDay(m.forecastDate), dueDate: toIsoDay(m.dueDate)! });
        return {
          code: m.code,
          title: m.title,
          status,
          plannedDate: planned,
          lateness: latenessOf({ status, plannedDate: planned }, day),
        };
      })
      // As at a day, a milestone staff added later did not exist yet.
      .filter((m) => !states || stateOf.has(m.code))
      .sort((a, b) => Number(a.code.slice(2)) - Number(b.code.slice(2))),
    recommendations: recommendationRows.map((r) => ({
      code: r.code,
      text: r.text,
      responseClass: classOf.get(r.code) ?? r.responseClass,
    })),
    commitments: commitmentRows.map((c) => ({ code: c.code, text: c.text, outcome: c.outcome.number })),
  };
}

// What pages read: once per render however often asked (React cache), with direction controls neutralised, as every
// public read is (lib/reform/public-data.server.ts).
export const cachedLocalActions = publicRead(listLocalActions);
export const cachedLocalChanges = publicRead(localChanges);
export const cachedNationalItemsServed = publicRead(nationalItemsServed);
