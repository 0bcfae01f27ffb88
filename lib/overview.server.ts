import "server-only";
import { db } from "@/lib/db/client.server";
import type { MilestoneStatusValue, ResponseClassValue } from "@/lib/vocabulary";

export interface ReformOverview {
  reviews: Array<{ code: string; title: string; shortTitle: string; recommendations: number }>;
  responseClasses: Array<{ responseClass: ResponseClassValue; count: number }>;
  milestoneStatuses: Array<{ status: MilestoneStatusValue; count: number }>;
  pillars: Array<{ number: number; title: string; recommendations: number; milestones: number }>;
  outcomes: Array<{ number: number; kind: "outcome" | "enabler"; title: string }>;
  totals: { recommendations: number; milestones: number };
}

/** The headline figures of the reform, counted in the database. */
export async function summariseReform(): Promise<ReformOverview> {
  const prisma = db();
  const [reviews, responseClasses, milestoneStatuses, pillars, outcomes] = await Promise.all([
    prisma.review.findMany({
      orderBy: { responseAnnex: "asc" },
      select: { code: true, title: true, shortTitle: true, _count: { select: { recommendations: true } } },
    }),
    prisma.recommendation.groupBy({ by: ["responseClass"], _count: { _all: true } }),
    prisma.milestone.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.pillar.findMany({
      orderBy: { number: "asc" },
      select: { number: true, title: true, _count: { select: { recommendations: true, milestones: true } } },
    }),
    prisma.outcome.findMany({ orderBy: { number: "asc" }, select: { number: true, kind: true, title: true } }),
  ]);
  return {
    reviews: reviews.map((r) => ({ code: r.code, title: r.title, shortTitle: r.shortTitle, recommendations: r._count.recommendations })),
    responseClasses: responseClasses.map((r) => ({ responseClass: r.responseClass, count: r._count._all })),
    milestoneStatuses: milestoneStatuses.map((m) => ({ status: m.status, count: m._count._all })),
    pillars: pillars.map((p) => ({
      number: p.number,
      title: p.title,
      recommendations: p._count.recommendations,
      milestones: p._count.milestones,
    })),
    outcomes,
    totals: {
      recommendations: reviews.reduce((sum, r) => sum + r._count.recommendations, 0),
      milestones: milestoneStatuses.reduce((sum, m) => sum + m._count._all, 0),
    },
  };
}
