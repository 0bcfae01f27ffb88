import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";
import { LAST_PLAN_DAY, todayInLondon, toIsoDay } from "@/lib/dates";
import {
  isDueSoonSql,
  isOverdue,
  isOverdueSql,
  isStaleSql,
  lastStaffUpdateSql,
  milestoneSource,
  plannedDate,
  plannedDateSql,
} from "@/lib/reform/milestone-rules";
import { historyUpTo, publicHistory, type HistoryEntry } from "@/lib/audit/history.server";
import type { MilestoneFilters } from "@/lib/validations/public-filters";
import type { MilestoneGroupValue, MilestoneStatusValue, ResponseClassValue } from "@/lib/vocabulary";
import { ITEM_CODE } from "@/lib/reform/codes";

export interface MilestoneSummary {
  code: string;
  group: MilestoneGroupValue;
  activity: string;
  title: string;
  dateAsWritten: string | null;
  dueDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  plannedDate: string;
  status: MilestoneStatusValue;
  overdue: boolean;
  lastUpdated: string | null;
  pillars: number[];
  outcomes: number[];
  recommendations: string[];
}

export interface MilestoneList {
  total: number;
  page: number;
  pageSize: number;
  items: MilestoneSummary[];
}

export const DEFAULT_PAGE_SIZE = 50;

/** The words of milestone `m` as migration 0011's generated column `milestone.search` holds them. */
const milestoneSearchDocumentSql = Prisma.sql`(setweight(to_tsvector('english', m.code || ' ' || m.title), 'A') ||
  setweight(to_tsvector('english', m.activity), 'B') || setweight(to_tsvector('english', coalesce(m.commentary, '')), 'C'))`;

export function milestoneWhere(filters: MilestoneFilters, today: string, asAt?: string): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.group) conditions.push(Prisma.sql`m."group" = CAST(${filters.group} AS "MilestoneGroup")`);
  if (filters.activity) conditions.push(Prisma.sql`m.activity = ${filters.activity}`);
  if (filters.status) conditions.push(Prisma.sql`m.status = CAST(${filters.status} AS "MilestoneStatus")`);
  if (filters.pillar) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM milestone_pillar mp JOIN pillar p ON p.id = mp.pillar_id
      WHERE mp.milestone_id = m.id AND p.number = ${filters.pillar})`);
  }
  if (filters.outcome) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM milestone_outcome mo JOIN outcome o ON o.id = mo.outcome_id
      WHERE mo.milestone_id = m.id AND o.number = ${filters.outcome})`);
  }
  switch (filters.due) {
    case "overdue":
      conditions.push(isOverdueSql(today));
      break;
    case "next-90-days":
      conditions.push(isDueSoonSql(today));
      break;
    case "later":
      conditions.push(Prisma.sql`${plannedDateSql} > CAST(${LAST_PLAN_DAY} AS date)`);
      break;
    case undefined:
      break;
    default:
      conditions.push(Prisma.sql`EXTRACT(YEAR FROM ${plannedDateSql}) = ${Number(filters.due)}`);
  }
  if (filters.dueFrom) conditions.push(Prisma.sql`${plannedDateSql} >= CAST(${filters.dueFrom} AS date)`);
  if (filters.dueTo) conditions.push(Prisma.sql`${plannedDateSql} <= CAST(${filters.dueTo} AS date)`);
  if (filters.gap === "overdue") conditions.push(isOverdueSql(today));
  if (filters.gap === "stale") conditions.push(isStaleSql(today, asAt));
  if (filters.q) {
    // As at a past day the commentary is the one of that day, so the words are looked for in it, not in today's.
    const words = asAt ? milestoneSearchDocumentSql : Prisma.sql`m.search`;
    conditions.push(Prisma.sql`${words} @@ websearch_to_tsquery('english', ${filters.q})`);
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const ORDER: Record<NonNullable<MilestoneFilters["sort"]>, Prisma.Sql> = {
  due: Prisma.sql`ORDER BY ${plannedDateSql}, m.code`,
  code: Prisma.sql`ORDER BY m.code`,
  status: Prisma.sql`ORDER BY m.status, ${plannedDateSql}, m.code`,
};

interface MilestoneRow {
  code: string;
  group: MilestoneGroupValue;
  activity: string;
  title: string;
  date_as_written: string | null;
  due_date: Date;
  forecast_date: Date | null;
  actual_date: Date | null;
  planned_date: Date;
  status: MilestoneStatusValue;
  last_updated: Date | null;
  pillars: number[];
  outcomes: number[];
  recommendations: string[];
}

function toSummary(row: MilestoneRow, today: string): MilestoneSummary {
  const plannedDate = toIsoDay(row.planned_date)!;
  return {
    code: row.code,
    group: row.group,
    activity: row.activity,
    title: row.title,
    dateAsWritten: row.date_as_written,
    dueDate: toIsoDay(row.due_date)!,
    forecastDate: toIsoDay(row.forecast_date),
    actualDate: toIsoDay(row.actual_date),
    plannedDate,
    status: row.status,
    overdue: isOverdue({ status: row.status, plannedDate }, today),
    lastUpdated: row.last_updated ? row.last_updated.toISOString() : null,
    pillars: row.pillars,
    outcomes: row.outcomes,
    recommendations: row.recommendations,
  };
}

/**
 * Milestones matching the filters, a page at a time (or all of them, for downloads, with `all`). With
 * `filters.asAt`, as they stood at the end of that day: statuses and dates from the audit trail, and "overdue"
 * judged on that day.
 */
export async function listMilestones(
  filters: MilestoneFilters,
  options: { today?: string; all?: boolean } = {},
): Promise<MilestoneList> {
  const asAt = filters.asAt;
  const today = asAt ?? options.today ?? todayInLondon();
  const where = milestoneWhere(filters, today, asAt);
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = filters.page ?? 1;
  const limit = options.all ? Prisma.empty : Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const prisma = db();
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<MilestoneRow[]>`
      SELECT m.code, m."group"::text AS "group", m.activity, m.title, m.date_as_written, m.due_date, m.forecast_date,
             m.actual_date, ${plannedDateSql} AS planned_date, m.status::text AS status, ${lastStaffUpdateSql(asAt)} AS last_updated,
             ARRAY(SELECT p.number FROM milestone_pillar mp JOIN pillar p ON p.id = mp.pillar_id WHERE mp.milestone_id = m.id ORDER BY p.number) AS pillars,
             ARRAY(SELECT o.number FROM milestone_outcome mo JOIN outcome o ON o.id = mo.outcome_id WHERE mo.milestone_id = m.id ORDER BY o.number) AS outcomes,
             ARRAY(SELECT r.code FROM milestone_recommendation mr JOIN recommendation r ON r.id = mr.recommendation_id WHERE mr.milestone_id = m.id ORDER BY r.source_annex, r.source_row) AS recommendations
      FROM ${milestoneSource(asAt)} m
      ${where}
      ${ORDER[filters.sort ?? "due"]}
      ${limit}`,
    prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM ${milestoneSource(asAt)} m ${where}`,
  ]);
  return {
    total: Number(count?.n ?? 0),
    page: options.all ? 1 : page,
    pageSize: options.all ? rows.length : pageSize,
    items: rows.map((r) => toSummary(r, today)),
  };
}

/** The distinct activities, for the activity filter. */
export async function listMilestoneActivities(): Promise<string[]> {
  const rows = await db().milestone.findMany({
    distinct: ["activity"],
    select: { activity: true },
    orderBy: { activity: "asc" },
  });
  return rows.map((r) => r.activity);
}

export interface MilestoneDetail extends MilestoneSummary {
  commentary: string | null;
  sourceLine: number | null;
  version: number;
  evidence: Array<{ title: string; url: string }>;
  pillarLinks: Array<{ number: number; title: string }>;
  outcomeLinks: Array<{ number: number; kind: "outcome" | "enabler"; title: string }>;
  recommendationLinks: Array<{ code: string; text: string; responseClass: ResponseClassValue }>;
  history: HistoryEntry[];
}

export async function getMilestone(
  code: string,
  options: { today?: string; asAt?: string } = {},
): Promise<MilestoneDetail | null> {
  if (!ITEM_CODE.test(code)) return null;
  const today = options.asAt ?? options.today ?? todayInLondon();
  const current = await db().milestone.findUnique({
    where: { code },
    include: {
      evidence: { orderBy: { position: "asc" } },
      pillars: { include: { pillar: true }, orderBy: { pillar: { number: "asc" } } },
      outcomes: { include: { outcome: true }, orderBy: { outcome: { number: "asc" } } },
      recommendations: { include: { recommendation: true } },
    },
  });
  if (!current) return null;
  let m = current;
  if (options.asAt) {
    // As at a past day: status, dates, commentary and evidence as the audit trail says they were then.
    const [then] = await db().$queryRaw<
      Array<{
        status: MilestoneStatusValue;
        forecast_date: Date | null;
        actual_date: Date | null;
        commentary: string | null;
        evidence: Array<{ title: string; url: string }>;
        version: number;
      }>
    >`
      SELECT m.status::text AS status, m.forecast_date, m.actual_date, m.commentary, m.evidence, m.version
      FROM ${milestoneSource(options.asAt)} m WHERE m.code = ${code}`;
    if (!then) return null;
    m = {
      ...current,
      status: then.status,
      forecastDate: then.forecast_date,
      actualDate: then.actual_date,
      commentary: then.commentary,
      version: Number(then.version),
      evidence: then.evidence.map((e, i) => ({
        id: 0,
        milestoneId: current.id,
        position: i + 1,
        title: e.title,
        url: e.url,
      })),
    };
  }
  const history = historyUpTo(await publicHistory("milestone", m.id), options.asAt);
  const lastStaff = history.filter((h) => h.byStaff).at(-1);
  const planned = toIsoDay(plannedDate(m))!;
  const recommendations = [...m.recommendations]
    .map((r) => r.recommendation)
    .sort((a, b) => a.sourceAnnex - b.sourceAnnex || a.sourceRow - b.sourceRow);
  return {
    code: m.code,
    group: m.group,
    activity: m.activity,
    title: m.title,
    dateAsWritten: m.dateAsWritten,
    dueDate: toIsoDay(m.dueDate)!,
    forecastDate: toIsoDay(m.forecastDate),
    actualDate: toIsoDay(m.actualDate),
    plannedDate: planned,
    status: m.status,
    overdue: isOverdue({ status: m.status, plannedDate: planned }, today),
    lastUpdated: lastStaff?.occurredAt ?? null,
    pillars: m.pillars.map((p) => p.pillar.number),
    outcomes: m.outcomes.map((o) => o.outcome.number),
    recommendations: recommendations.map((r) => r.code),
    commentary: m.commentary,
    sourceLine: m.sourceLine,
    version: m.version,
    evidence: m.evidence.map((e) => ({ title: e.title, url: e.url })),
    pillarLinks: m.pillars.map((p) => ({ number: p.pillar.number, title: p.pillar.title })),
    outcomeLinks: m.outcomes.map((o) => ({ number: o.outcome.number, kind: o.outcome.kind, title: o.outcome.title })),
    recommendationLinks: recommendations.map((r) => ({ code: r.code, text: r.text, responseClass: r.responseClass })),
    history,
  };
}
