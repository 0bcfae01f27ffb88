import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MilestoneStatusValue, ResponseClassValue, RoleValue } from "@/lib/vocabulary";

// Small builders for test data: each test states only what it is about.

export async function createReferenceData(prisma: PrismaClient) {
  await prisma.review.createMany({
    data: [
      {
        code: "CR",
        title: "Care Review",
        shortTitle: "Care Review",
        author: "Review",
        published: "2022",
        responseAnnex: 3,
      },
      {
        code: "CPE",
        title: "Child Protection in England",
        shortTitle: "CPE",
        author: "Panel",
        published: "2022",
        responseAnnex: 4,
      },
      { code: "CMA", title: "CMA market study", shortTitle: "CMA", author: "CMA", published: "2022", responseAnnex: 5 },
    ],
  });
  await prisma.pillar.createMany({
    data: [1, 2, 3, 4, 5, 6].map((n) => ({
      number: n,
      title: `Pillar ${n}`,
      section: `Section ${n}`,
      strategyChapter: n + 1,
      chapterTitle: `Chapter ${n + 1}`,
    })),
  });
  await prisma.outcome.createMany({
    data: [1, 2, 3, 4, 5, 6].map((n) => ({
      number: n,
      kind: n <= 4 ? ("outcome" as const) : ("enabler" as const),
      title: `Outcome ${n}`,
      annex1Title: `Outcome ${n}`,
    })),
  });
}

let row = 0;

export async function createRecommendation(
  prisma: PrismaClient,
  input: {
    code: string;
    review?: string;
    pillar: number;
    responseClass: ResponseClassValue;
    outcomes?: number[];
    text?: string;
    response?: string;
  },
) {
  const review = await prisma.review.findUniqueOrThrow({ where: { code: input.review ?? "CR" } });
  const pillar = await prisma.pillar.findUniqueOrThrow({ where: { number: input.pillar } });
  const outcomes = await prisma.outcome.findMany({ where: { number: { in: input.outcomes ?? [input.pillar] } } });
  return prisma.recommendation.create({
    data: {
      code: input.code,
      reviewId: review.id,
      pillarId: pillar.id,
      section: pillar.section,
      sourceAnnex: review.responseAnnex,
      sourceRow: ++row,
      text: input.text ?? `Recommendation ${input.code}`,
      responseText: input.response ?? `Response to ${input.code}`,
      responseClass: input.responseClass,
      responseRationale: `Rationale for ${input.code}`,
      outcomes: { create: outcomes.map((o) => ({ outcomeId: o.id })) },
    },
  });
}

export async function createMilestone(
  prisma: PrismaClient,
  input: {
    code: string;
    dueDate: string;
    status?: MilestoneStatusValue;
    forecastDate?: string;
    actualDate?: string;
    pillars?: number[];
    outcomes?: number[];
    recommendations?: string[];
    group?: "addressing_urgent_issues" | "setting_national_direction" | "laying_the_groundwork";
    activity?: string;
  },
) {
  const pillars = await prisma.pillar.findMany({ where: { number: { in: input.pillars ?? [] } } });
  const outcomes = await prisma.outcome.findMany({ where: { number: { in: input.outcomes ?? [] } } });
  const recommendations = await prisma.recommendation.findMany({
    where: { code: { in: input.recommendations ?? [] } },
  });
  const day = (d?: string) => (d ? new Date(`${d}T00:00:00Z`) : null);
  return prisma.milestone.create({
    data: {
      code: input.code,
      group: input.group ?? "addressing_urgent_issues",
      activity: input.activity ?? "An activity",
      title: `Milestone ${input.code}`,
      dateAsWritten: input.dueDate,
      dueDate: day(input.dueDate)!,
      forecastDate: day(input.forecastDate),
      actualDate: day(input.actualDate),
      status: input.status ?? "not_yet_assessed",
      pillars: { create: pillars.map((p) => ({ pillarId: p.id })) },
      outcomes: { create: outcomes.map((o) => ({ outcomeId: o.id })) },
      recommendations: { create: recommendations.map((r) => ({ recommendationId: r.id })) },
    },
  });
}

/** A user; a council account (council_editor, council_lead) names its council by slug. */
export async function createUser(prisma: PrismaClient, input: { email: string; role?: RoleValue; council?: string }) {
  const council = input.council
    ? await prisma.council.findUniqueOrThrow({ where: { slug: input.council }, select: { id: true } })
    : null;
  return prisma.user.create({
    data: {
      email: input.email,
      name: input.email.split("@")[0]!,
      role: input.role ?? "editor",
      councilId: council?.id ?? null,
    },
  });
}

/** A staff update recorded in the audit trail at a given moment. */
export async function recordStaffEvent(
  prisma: PrismaClient,
  input: {
    actorId: number;
    milestoneCode: string;
    occurredAt: string;
    before?: object;
    after?: object;
    reason?: string;
  },
) {
  const m = await prisma.milestone.findUniqueOrThrow({ where: { code: input.milestoneCode } });
  return prisma.auditEvent.create({
    data: {
      occurredAt: new Date(input.occurredAt),
      actorId: input.actorId,
      actorLabel: "staff",
      action: "update",
      entityType: "milestone",
      entityId: m.id,
      entityCode: m.code,
      before: input.before ?? {},
      after: input.after ?? {},
      reason: input.reason ?? null,
    },
  });
}
