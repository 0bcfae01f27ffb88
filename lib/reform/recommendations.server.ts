import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";
import { todayInLondon, toIsoDay } from "@/lib/dates";
import {
  isLateSql,
  isOverdue,
  isUndeliveredSql,
  latenessOf,
  milestoneSource,
  plannedDate,
  plannedDateSql,
  recommendationSource,
} from "@/lib/reform/milestone-rules";
import { historyUpTo, publicHistory, type HistoryEntry } from "@/lib/audit/history.server";
import type { RecommendationFilters } from "@/lib/validations/public-filters";
import type { LatenessValue, MilestoneStatusValue, ResponseClassValue } from "@/lib/vocabulary";
import { ITEM_CODE } from "@/lib/reform/codes";

export interface RecommendationSummary {
  code: string;
  review: string;
  reviewTitle: string;
  section: string;
  subsection: string | null;
  pillar: number;
  pillarTitle: string;
  outcomes: number[];
  text: string;
  responseText: string;
  responseClass: ResponseClassValue;
  responseRationale: string;
  statedResponse: string | null;
  responseInherited: boolean;
  responseInheritedFrom: string | null;
  sourceAnnex: number;
  sourceRow: number;
  milestones: string[];
  /** The same milestones with their status (as at the view's date), for lists that show progress. */
  linkedMilestones: LinkedMilestone[];
  /** Its milestones whose planned date has passed that nobody has assessed yet. */
  milestonesOverdueNotYetAssessed: string[];
  /** Its milestones that staff have assessed and that are late. */
  milestonesAssessedLate: string[];
}

export interface LinkedMilestone {
  code: string;
  title: string;
  status: MilestoneStatusValue;
}

export interface RecommendationList {
  total: number;
  page: number;
  pageSize: number;
  countsByClass: Record<ResponseClassValue, number>;
  items: RecommendationSummary[];
}

export const DEFAULT_PAGE_SIZE = 50;

function searchQuery(q: string) {
  return Prisma.sql`websearch_to_tsquery('english', ${q})`;
}

/** Recommendation alias `r` has a milestone (as at the view's date) overdue in this way. */
function hasLateMilestoneSql(kind: LatenessValue, today: string, asAt?: string) {
  return Prisma.sql`EXISTS (SELECT 1 FROM milestone_recommendation mr JOIN ${milestoneSource(asAt)} m ON m.id = mr.milestone_id
      WHERE mr.recommendation_id = r.id AND ${isLateSql(kind, today)})`;
}

export function recommendationWhere(
  filters: RecommendationFilters,
  today = filters.asAt ?? todayInLondon(),
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.review) conditions.push(Prisma.sql`rv.code = ${filters.review}`);
  if (filters.pillar) conditions.push(Prisma.sql`p.number = ${filters.pillar}`);
  if (filters.class) conditions.push(Prisma.sql`rs.response_class = CAST(${filters.class} AS "ResponseClass")`);
  if (filters.outcome) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM recommendation_outcome ro JOIN outcome o ON o.id = ro.outcome_id
      WHERE ro.recommendation_id = r.id AND o.number = ${filters.outcome})`);
  }
  if (filters.status) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM milestone_recommendation mr JOIN ${milestoneSource(filters.asAt)} m ON m.id = mr.milestone_id
      WHERE mr.recommendation_id = r.id AND m.status = CAST(${filters.status} AS "MilestoneStatus"))`);
  }
  if (filters.gap === "undelivered") {
    conditions.push(isUndeliveredSql(Prisma.raw("rs")));
  }
  if (filters.lateness) conditions.push(hasLateMilestoneSql(filters.lateness, today, filters.asAt));
  if (filters.q) conditions.push(Prisma.sql`r.search @@ ${searchQuery(filters.q)}`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

function orderBy(filters: RecommendationFilters): Prisma.Sql {
  const documentOrder = Prisma.sql`r.source_annex, r.source_row`;
  const sort = filters.sort ?? (filters.q ? "relevance" : "code");
  switch (sort) {
    case "relevance":
      return filters.q
        ? Prisma.sql`ORDER BY ts_rank(r.search, ${searchQuery(filters.q)}) DESC, ${documentOrder}`
        : Prisma.sql`ORDER BY ${documentOrder}`;
    case "class":
      return Prisma.sql`ORDER BY rs.response_class, ${documentOrder}`;
    case "pillar":
      return Prisma.sql`ORDER BY p.number, ${documentOrder}`;
    case "code":
      return Prisma.sql`ORDER BY ${documentOrder}`;
  }
}

interface RecommendationRow {
  code: string;
  review: string;
  review_title: string;
  section: string;
  subsection: string | null;
  pillar: number;
  pillar_title: string;
  outcomes: number[];
  text: string;
  response_text: string;
  response_class: ResponseClassValue;
  response_rationale: string;
  stated_response: string | null;
  response_inherited: boolean;
  response_inherited_from: string | null;
  source_annex: number;
  source_row: number;
  milestones: string[];
}

/** `rs` carries the response class: now, or as at a past day. */
function fromClause(asAt?: string) {
  return Prisma.sql`FROM recommendation r JOIN ${recommendationSource(asAt)} rs ON rs.id = r.id
    JOIN review rv ON rv.id = r.review_id JOIN pillar p ON p.id = r.pillar_id`;
}

export async function listRecommendations(
  filters: RecommendationFilters,
  options: { all?: boolean; today?: string } = {},
): Promise<RecommendationList> {
  const today = filters.asAt ?? options.today ?? todayInLondon();
  const where = recommendationWhere(filters, today);
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = filters.page ?? 1;
  const limit = options.all ? Prisma.empty : Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const prisma = db();
  const [rows, classCounts] = await Promise.all([
    prisma.$queryRaw<RecommendationRow[]>`
      SELECT r.code, rv.code AS review, rv.title AS review_title, r.section, r.subsection, p.number AS pillar,
             p.title AS pillar_title, r.text, r.response_text, rs.response_class::text AS response_class,
             rs.response_rationale, r.stated_response, r.response_inherited, r.response_inherited_from,
             r.source_annex, r.source_row,
             ARRAY(SELECT o.number FROM recommendation_outcome ro JOIN outcome o ON o.id = ro.outcome_id WHERE ro.recommendation_id = r.id ORDER BY o.number) AS outcomes,
             ARRAY(SELECT m.code FROM milestone_recommendation mr JOIN milestone m ON m.id = mr.milestone_id WHERE mr.recommendation_id = r.id ORDER BY m.code) AS milestones
      ${fromClause(filters.asAt)}
      ${where}
      ${orderBy(filters)}
      ${limit}`,
    prisma.$queryRaw<Array<{ response_class: ResponseClassValue; n: bigint }>>`
      SELECT rs.response_class::text AS response_class, count(*) AS n ${fromClause(filters.asAt)} ${where} GROUP BY rs.response_class`,
  ]);
  const countsByClass = {
    accepted: 0,
    accepted_in_principle: 0,
    testing: 0,
    consulting: 0,
    not_accepted: 0,
  } satisfies Record<ResponseClassValue, number>;
  for (const c of classCounts) countsByClass[c.response_class] = Number(c.n);
  // Which of each one's milestones are late is judged from their states, read once for the whole list: as at a past
  // day those states are rebuilt from the audit trail, and a subquery per recommendation rebuilt them all again for
  // each one (on the benchmark's large dataset, a list of all 10,113 recommendations as at a day took minutes).
  const linked = await milestoneStatesOf(
    rows.map((r) => r.code),
    filters.asAt,
  );
  const late = (code: string, kind: LatenessValue) =>
    (linked.get(code) ?? []).filter((m) => latenessOf(m, today) === kind).map((m) => m.code);
  return {
    total: Object.values(countsByClass).reduce((a, b) => a + b, 0),
    page: options.all ? 1 : page,
    pageSize: options.all ? rows.length : pageSize,
    countsByClass,
    items: rows.map((r) => ({
      code: r.code,
      review: r.review,
      reviewTitle: r.review_title,
      section: r.section,
      subsection: r.subsection,
      pillar: r.pillar,
      pillarTitle: r.pillar_title,
      outcomes: r.outcomes,
      text: r.text,
      responseText: r.response_text,
      responseClass: r.response_class,
      responseRationale: r.response_rationale,
      statedResponse: r.stated_response,
      responseInherited: r.response_inherited,
      responseInheritedFrom: r.response_inherited_from,
      sourceAnnex: r.source_annex,
      sourceRow: r.source_row,
      milestones: r.milestones,
      linkedMilestones: (linked.get(r.code) ?? []).map(({ code, title, status }) => ({ code, title, status })),
      milestonesOverdueNotYetAssessed: late(r.code, "not_yet_assessed"),
      milestonesAssessedLate: late(r.code, "assessed_late"),
    })),
  };
}

/**
 * The milestones of each of these recommendations with their status, now or as at a past day (a milestone added
 * after that day is left out): one query for a whole page of recommendations.
 */
export async function linkedMilestonesOf(codes: string[], asAt?: string): Promise<Map<string, LinkedMilestone[]>> {
  const states = await milestoneStatesOf(codes, asAt);
  return new Map(
    [...states].map(([recommendation, milestones]) => [
      recommendation,
      milestones.map(({ code, title, status }) => ({ code, title, status })),
    ]),
  );
}

/** linkedMilestonesOf() with each milestone's planned date (its forecast date, else the strategy's), in code order. */
async function milestoneStatesOf(
  codes: string[],
  asAt?: string,
): Promise<Map<string, Array<LinkedMilestone & { plannedDate: string }>>> {
  const linked = new Map<string, Array<LinkedMilestone & { plannedDate: string }>>();
  if (codes.length === 0) return linked;
  const rows = await db().$queryRaw<Array<{ recommendation: string; planned_date: Date } & LinkedMilestone>>`
    SELECT r.code AS recommendation, m.code, m.title, m.status::text AS status, ${plannedDateSql} AS planned_date
    FROM milestone_recommendation mr
    JOIN recommendation r ON r.id = mr.recommendation_id
    JOIN ${milestoneSource(asAt)} m ON m.id = mr.milestone_id
    WHERE r.code = ANY(CAST(${codes} AS text[]))
    ORDER BY m.code`;
  for (const { recommendation, planned_date, ...milestone } of rows) {
    const list = linked.get(recommendation) ?? [];
    list.push({ ...milestone, plannedDate: toIsoDay(planned_date)! });
    linked.set(recommendation, list);
  }
  return linked;
}

export interface RecommendationDetail extends RecommendationSummary {
  outcomeLinks: Array<{ number: number; kind: "outcome" | "enabler"; title: string }>;
  milestoneLinks: Array<{
    code: string;
    title: string;
    status: MilestoneStatusValue;
    plannedDate: string;
    overdue: boolean;
    lateness: LatenessValue | null;
  }>;
  history: HistoryEntry[];
  version: number;
}

export async function getRecommendation(
  code: string,
  options: { today?: string; asAt?: string } = {},
): Promise<RecommendationDetail | null> {
  if (!ITEM_CODE.test(code)) return null;
  const today = options.asAt ?? options.today ?? todayInLondon();
  const r = await db().recommendation.findUnique({
    where: { code },
    include: {
      review: true,
      pillar: true,
      outcomes: { include: { outcome: true }, orderBy: { outcome: { number: "asc" } } },
      milestones: { include: { milestone: true }, orderBy: { milestone: { code: "asc" } } },
    },
  });
  if (!r) return null;
  if (options.asAt) {
    // As at a past day: the response class then, and the milestones as they stood then.
    const [then] = await db().$queryRaw<Array<{ response_class: ResponseClassValue; response_rationale: string }>>`
      SELECT rs.response_class::text AS response_class, rs.response_rationale FROM ${recommendationSource(options.asAt)} rs WHERE rs.id = ${r.id}`;
    if (then) Object.assign(r, { responseClass: then.response_class, responseRationale: then.response_rationale });
    const states = await db().$queryRaw<
      Array<{ code: string; status: MilestoneStatusValue; forecast_date: Date | null }>
    >`
      SELECT m.code, m.status::text AS status, m.forecast_date FROM ${milestoneSource(options.asAt)} m
      WHERE m.id IN (SELECT milestone_id FROM milestone_recommendation WHERE recommendation_id = ${r.id})`;
    const byCode = new Map(states.map((s) => [s.code, s]));
    r.milestones = r.milestones
      .filter(({ milestone }) => byCode.has(milestone.code))
      .map((link) => ({
        ...link,
        milestone: {
          ...link.milestone,
          status: byCode.get(link.milestone.code)!.status,
          forecastDate: byCode.get(link.milestone.code)!.forecast_date,
        },
      }));
  }
  const milestoneLinks = r.milestones.map(({ milestone: m }) => {
    const planned = toIsoDay(plannedDate(m))!;
    return {
      code: m.code,
      title: m.title,
      status: m.status,
      plannedDate: planned,
      overdue: isOverdue({ status: m.status, plannedDate: planned }, today),
      lateness: latenessOf({ status: m.status, plannedDate: planned }, today),
    };
  });
  const lateCodes = (kind: LatenessValue) => milestoneLinks.filter((m) => m.lateness === kind).map((m) => m.code);
  return {
    code: r.code,
    review: r.review.code,
    reviewTitle: r.review.title,
    section: r.section,
    subsection: r.subsection,
    pillar: r.pillar.number,
    pillarTitle: r.pillar.title,
    outcomes: r.outcomes.map((o) => o.outcome.number),
    text: r.text,
    responseText: r.responseText,
    responseClass: r.responseClass,
    responseRationale: r.responseRationale,
    statedResponse: r.statedResponse,
    responseInherited: r.responseInherited,
    responseInheritedFrom: r.responseInheritedFrom,
    sourceAnnex: r.sourceAnnex,
    sourceRow: r.sourceRow,
    milestones: r.milestones.map((m) => m.milestone.code),
    linkedMilestones: r.milestones.map(({ milestone: m }) => ({ code: m.code, title: m.title, status: m.status })),
    milestonesOverdueNotYetAssessed: lateCodes("not_yet_assessed"),
    milestonesAssessedLate: lateCodes("assessed_late"),
    outcomeLinks: r.outcomes.map((o) => ({ number: o.outcome.number, kind: o.outcome.kind, title: o.outcome.title })),
    milestoneLinks,
    history: historyUpTo(await publicHistory("recommendation", r.id), options.asAt),
    version: r.version,
  };
}
