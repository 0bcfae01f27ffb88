import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";
import { FIRST_PLAN_DAY, LAST_PLAN_DAY, PLAN_YEARS, todayInLondon } from "@/lib/dates";
import {
  isDueSoonSql,
  isLateSql,
  isOverdueSql,
  isStaleSql,
  isUndeliveredSql,
  milestoneSource,
  plannedDateSql,
  recommendationSource,
} from "@/lib/reform/milestone-rules";
import {
  MILESTONE_STATUSES,
  RESPONSE_CLASSES,
  type LatenessValue,
  type MilestoneStatusValue,
  type ResponseClassValue,
} from "@/lib/vocabulary";

// Every figure on the dashboard, counted by PostgreSQL: the app never loads all rows to count them.

export type StatusCounts = Record<MilestoneStatusValue, number>;
export type ClassCounts = Record<ResponseClassValue, number>;

export interface Dashboard {
  today: string;
  recommendationsByReview: Array<{ review: string; title: string; total: number; byClass: ClassCounts }>;
  recommendationsByClass: ClassCounts;
  milestonesByStatus: StatusCounts;
  milestoneTotal: number;
  overdue: number;
  /** `overdue`, split: date passed and not yet assessed, or assessed and late (lib/reform/milestone-rules.ts). */
  lateness: LatenessCounts;
  dueNext90Days: number;
  byPillar: Array<{
    number: number;
    title: string;
    milestones: StatusCounts;
    lateness: LatenessCounts;
    recommendations: ClassCounts;
  }>;
  byOutcome: Array<{
    number: number;
    kind: "outcome" | "enabler";
    title: string;
    milestones: StatusCounts;
    lateness: LatenessCounts;
    recommendations: ClassCounts;
  }>;
  timeline: Array<{ quarter: string; due: number; done: number; overdue: number }>;
  gaps: { undeliveredRecommendations: number; overdueMilestones: number; staleMilestones: number };
}

export type LatenessCounts = Record<LatenessValue, number>;

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(MILESTONE_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function emptyClassCounts(): ClassCounts {
  return Object.fromEntries(RESPONSE_CLASSES.map((c) => [c, 0])) as ClassCounts;
}

interface LatenessRow {
  not_yet_assessed: bigint;
  assessed_late: bigint;
}

/** Two count columns, `not_yet_assessed` and `assessed_late`, over milestone alias `m`. */
function latenessCountsSql(today: string): Prisma.Sql {
  return Prisma.sql`count(*) FILTER (WHERE ${isLateSql("not_yet_assessed", today)}) AS not_yet_assessed,
               count(*) FILTER (WHERE ${isLateSql("assessed_late", today)}) AS assessed_late`;
}

function toLatenessCounts(rows: LatenessRow[]): LatenessCounts {
  return {
    not_yet_assessed: rows.reduce((sum, r) => sum + Number(r.not_yet_assessed), 0),
    assessed_late: rows.reduce((sum, r) => sum + Number(r.assessed_late), 0),
  };
}

/** Quarters shown on the timeline: the strategy's phase one and the year after it. */
export const TIMELINE_QUARTERS = PLAN_YEARS.flatMap((y) => [1, 2, 3, 4].map((q) => `${y} Q${q}`));

/** The dashboard now, or (with `asAt`) as the reform stood at the end of that past day. */
export async function summariseDashboard(options: { today?: string; asAt?: string } = {}): Promise<Dashboard> {
  const asAt = options.asAt;
  const today = asAt ?? options.today ?? todayInLondon();
  const prisma = db();
  const milestones = milestoneSource(asAt);
  const recommendations = recommendationSource(asAt);

  const [
    byReviewClass,
    byStatus,
    [headline],
    pillarStatus,
    pillarClass,
    outcomeStatus,
    outcomeClass,
    timeline,
    [gaps],
    pillars,
    outcomes,
    reviews,
  ] = await Promise.all([
    prisma.$queryRaw<Array<{ review: string; response_class: ResponseClassValue; n: bigint }>>`
        SELECT rv.code AS review, r.response_class::text AS response_class, count(*) AS n
        FROM ${recommendations} r JOIN review rv ON rv.id = r.review_id GROUP BY rv.code, r.response_class`,
    prisma.$queryRaw<Array<{ status: MilestoneStatusValue; n: bigint }>>`
        SELECT m.status::text AS status, count(*) AS n FROM ${milestones} m GROUP BY m.status`,
    prisma.$queryRaw<Array<{ overdue: bigint; due_soon: bigint } & LatenessRow>>`
        SELECT count(*) FILTER (WHERE ${isOverdueSql(today)}) AS overdue,
               ${latenessCountsSql(today)},
               count(*) FILTER (WHERE ${isDueSoonSql(today)}) AS due_soon
        FROM ${milestones} m`,
    prisma.$queryRaw<Array<{ number: number; status: MilestoneStatusValue; n: bigint } & LatenessRow>>`
        SELECT p.number, m.status::text AS status, count(*) AS n, ${latenessCountsSql(today)}
        FROM milestone_pillar mp JOIN pillar p ON p.id = mp.pillar_id JOIN ${milestones} m ON m.id = mp.milestone_id
        GROUP BY p.number, m.status`,
    prisma.$queryRaw<Array<{ number: number; response_class: ResponseClassValue; n: bigint }>>`
        SELECT p.number, r.response_class::text AS response_class, count(*) AS n
        FROM ${recommendations} r JOIN pillar p ON p.id = r.pillar_id GROUP BY p.number, r.response_class`,
    prisma.$queryRaw<Array<{ number: number; status: MilestoneStatusValue; n: bigint } & LatenessRow>>`
        SELECT o.number, m.status::text AS status, count(*) AS n, ${latenessCountsSql(today)}
        FROM milestone_outcome mo JOIN outcome o ON o.id = mo.outcome_id JOIN ${milestones} m ON m.id = mo.milestone_id
        GROUP BY o.number, m.status`,
    prisma.$queryRaw<Array<{ number: number; response_class: ResponseClassValue; n: bigint }>>`
        SELECT o.number, r.response_class::text AS response_class, count(*) AS n
        FROM recommendation_outcome ro JOIN outcome o ON o.id = ro.outcome_id JOIN ${recommendations} r ON r.id = ro.recommendation_id
        GROUP BY o.number, r.response_class`,
    prisma.$queryRaw<Array<{ quarter: string; due: bigint; done: bigint; overdue: bigint }>>`
        SELECT to_char(${plannedDateSql}, 'YYYY "Q"Q') AS quarter,
               count(*) AS due,
               count(*) FILTER (WHERE m.status = 'complete') AS done,
               count(*) FILTER (WHERE ${isOverdueSql(today)}) AS overdue
        FROM ${milestones} m
        WHERE ${plannedDateSql} BETWEEN CAST(${FIRST_PLAN_DAY} AS date) AND CAST(${LAST_PLAN_DAY} AS date)
        GROUP BY 1`,
    prisma.$queryRaw<Array<{ undelivered: bigint; overdue: bigint; stale: bigint }>>`
        SELECT
          (SELECT count(*) FROM ${recommendations} r WHERE ${isUndeliveredSql(Prisma.raw("r"))}) AS undelivered,
          (SELECT count(*) FROM ${milestones} m WHERE ${isOverdueSql(today)}) AS overdue,
          (SELECT count(*) FROM ${milestones} m WHERE ${isStaleSql(today, asAt)}) AS stale`,
    prisma.pillar.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true } }),
    prisma.outcome.findMany({ orderBy: { number: "asc" }, select: { number: true, kind: true, title: true } }),
    prisma.review.findMany({ orderBy: { responseAnnex: "asc" }, select: { code: true, title: true } }),
  ]);

  const recommendationsByClass = emptyClassCounts();
  const reviewClass = new Map(reviews.map((r) => [r.code, emptyClassCounts()]));
  for (const row of byReviewClass) {
    reviewClass.get(row.review)![row.response_class] = Number(row.n);
    recommendationsByClass[row.response_class] += Number(row.n);
  }
  const milestonesByStatus = emptyStatusCounts();
  for (const row of byStatus) milestonesByStatus[row.status] = Number(row.n);

  const statusBy = (rows: Array<{ number: number; status: MilestoneStatusValue; n: bigint }>, n: number) => {
    const counts = emptyStatusCounts();
    for (const row of rows.filter((r) => r.number === n)) counts[row.status] = Number(row.n);
    return counts;
  };
  const latenessBy = (rows: Array<{ number: number } & LatenessRow>, n: number) =>
    toLatenessCounts(rows.filter((r) => r.number === n));
  const classBy = (rows: Array<{ number: number; response_class: ResponseClassValue; n: bigint }>, n: number) => {
    const counts = emptyClassCounts();
    for (const row of rows.filter((r) => r.number === n)) counts[row.response_class] = Number(row.n);
    return counts;
  };
  const quarter = new Map(timeline.map((t) => [t.quarter, t]));

  return {
    today,
    recommendationsByReview: reviews.map((r) => {
      const byClass = reviewClass.get(r.code)!;
      return { review: r.code, title: r.title, total: Object.values(byClass).reduce((a, b) => a + b, 0), byClass };
    }),
    recommendationsByClass,
    milestonesByStatus,
    milestoneTotal: Object.values(milestonesByStatus).reduce((a, b) => a + b, 0),
    overdue: Number(headline?.overdue ?? 0),
    lateness: toLatenessCounts(headline ? [headline] : []),
    dueNext90Days: Number(headline?.due_soon ?? 0),
    byPillar: pillars.map((p) => ({
      ...p,
      milestones: statusBy(pillarStatus, p.number),
      lateness: latenessBy(pillarStatus, p.number),
      recommendations: classBy(pillarClass, p.number),
    })),
    byOutcome: outcomes.map((o) => ({
      ...o,
      milestones: statusBy(outcomeStatus, o.number),
      lateness: latenessBy(outcomeStatus, o.number),
      recommendations: classBy(outcomeClass, o.number),
    })),
    timeline: TIMELINE_QUARTERS.map((q) => {
      const t = quarter.get(q);
      return { quarter: q, due: Number(t?.due ?? 0), done: Number(t?.done ?? 0), overdue: Number(t?.overdue ?? 0) };
    }),
    gaps: {
      undeliveredRecommendations: Number(gaps?.undelivered ?? 0),
      overdueMilestones: Number(gaps?.overdue ?? 0),
      staleMilestones: Number(gaps?.stale ?? 0),
    },
  };
}
