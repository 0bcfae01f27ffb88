import type { PrismaClient } from "@/lib/generated/prisma/client";
import { milestoneStateOf, recommendationStateOf } from "@/lib/audit/records";
import { recordAuditEvents } from "@/lib/audit/trail.server";
import { readReformDataset, type ReformDataset } from "@/lib/seed/dataset";
import { readCouncils, type SeedCouncil } from "@/lib/seed/councils";
import { ADVISORY_LOCKS } from "@/lib/db/locks";
import { commitmentCode } from "@/lib/reform/codes";

export const SOURCE_ACTOR_LABEL = "Source: Stable Homes, Built on Love (DfE, February 2023)";

// Any constant: serialises loads when several app instances start at once.
const SEED_LOCK = ADVISORY_LOCKS.seed;

export interface LoadResult {
  inserted: {
    reviews: number;
    pillars: number;
    outcomes: number;
    recommendations: number;
    milestones: number;
    councils: number;
  };
  total: number;
}

/**
 * Puts into the database whatever part of the reform dataset is not there yet, and nothing else.
 * Rows are matched on their stable codes and never updated, and links are only made for rows created in this
 * load, so whatever staff have changed since (a status, a response class, a removed link) survives every
 * restart. Each created recommendation and milestone gets its "created" audit event in the same transaction.
 * The reference list of councils (lib/seed/councils.ts) is loaded the same way.
 */
export async function loadReformData(
  prisma: PrismaClient,
  dataset: ReformDataset = readReformDataset(),
  councilList: SeedCouncil[] = readCouncils(),
): Promise<LoadResult> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;

      const reviews = await tx.review.createManyAndReturn({ data: dataset.reviews, skipDuplicates: true });
      const pillars = await tx.pillar.createManyAndReturn({
        data: dataset.pillars.map(({ number, title, section, strategyChapter, chapterTitle }) => ({
          number,
          title,
          section,
          strategyChapter,
          chapterTitle,
        })),
        skipDuplicates: true,
      });
      const outcomes = await tx.outcome.createManyAndReturn({
        data: dataset.outcomes.map(({ number, kind, title, annex1Title }) => ({ number, kind, title, annex1Title })),
        skipDuplicates: true,
      });

      const reviewId = new Map((await tx.review.findMany()).map((r) => [r.code, r.id]));
      const pillarByNumber = new Map((await tx.pillar.findMany()).map((p) => [p.number, p]));
      const pillarIdBySection = new Map([...pillarByNumber.values()].map((p) => [p.section, p.id]));
      const outcomeId = new Map((await tx.outcome.findMany()).map((o) => [o.number, o.id]));

      const newOutcomeNumbers = new Set(outcomes.map((o) => o.number));
      for (const outcome of dataset.outcomes.filter((o) => newOutcomeNumbers.has(o.number))) {
        const id = outcomeId.get(outcome.number)!;
        await tx.pillarOutcome.createMany({
          data: outcome.pillarNumbers.map((n) => ({ outcomeId: id, pillarId: pillarByNumber.get(n)!.id })),
          skipDuplicates: true,
        });
        await tx.outcomeCommitment.createMany({
          data: [
            ...outcome.nextActions.map((text, i) => ({
              outcomeId: id,
              kind: "next_action" as const,
              position: i + 1,
              code: commitmentCode(outcome.number, "next_action", i + 1),
              text,
            })),
            ...outcome.twoYearResults.map((text, i) => ({
              outcomeId: id,
              kind: "two_year_result" as const,
              position: i + 1,
              code: commitmentCode(outcome.number, "two_year_result", i + 1),
              text,
            })),
          ],
          skipDuplicates: true,
        });
      }

      const recommendations = await tx.recommendation.createManyAndReturn({
        data: dataset.recommendations.map((r) => ({
          code: r.code,
          reviewId: reviewId.get(r.review)!,
          pillarId: pillarIdBySection.get(r.section)!,
          section: r.section,
          subsection: r.subsection,
          sourceAnnex: r.sourceAnnex,
          sourceRow: r.sourceRow,
          text: r.text,
          responseText: r.response,
          responseInherited: r.responseInherited,
          responseInheritedFrom: r.responseInheritedFrom,
          statedResponse: r.statedResponse,
          responseClass: r.responseClass,
          responseRationale: r.rationale,
        })),
        skipDuplicates: true,
      });
      const seedRecommendation = new Map(dataset.recommendations.map((r) => [r.code, r]));
      await tx.recommendationOutcome.createMany({
        data: recommendations.flatMap((r) =>
          seedRecommendation
            .get(r.code)!
            .outcomes.map((n) => ({ recommendationId: r.id, outcomeId: outcomeId.get(n)! })),
        ),
        skipDuplicates: true,
      });

      const milestones = await tx.milestone.createManyAndReturn({
        data: dataset.milestones.map((m) => ({
          code: m.code,
          group: m.group,
          activity: m.activity,
          title: m.title,
          dateAsWritten: m.dateAsWritten,
          dueDate: new Date(`${m.dueDate}T00:00:00Z`),
          sourceLine: m.sourceLine,
        })),
        skipDuplicates: true,
      });
      const recommendationId = new Map(
        (await tx.recommendation.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]),
      );
      const seedMilestone = new Map(dataset.milestones.map((m) => [m.code, m]));
      const links = milestones.map((m) => ({ id: m.id, seed: seedMilestone.get(m.code)! }));
      await tx.milestonePillar.createMany({
        data: links.flatMap(({ id, seed }) =>
          seed.pillars.map((n) => ({ milestoneId: id, pillarId: pillarByNumber.get(n)!.id })),
        ),
        skipDuplicates: true,
      });
      await tx.milestoneOutcome.createMany({
        data: links.flatMap(({ id, seed }) =>
          seed.outcomes.map((n) => ({ milestoneId: id, outcomeId: outcomeId.get(n)! })),
        ),
        skipDuplicates: true,
      });
      await tx.milestoneRecommendation.createMany({
        data: links.flatMap(({ id, seed }) =>
          seed.recommendations.map((code) => ({ milestoneId: id, recommendationId: recommendationId.get(code)! })),
        ),
        skipDuplicates: true,
      });

      const source = { id: null, label: SOURCE_ACTOR_LABEL };
      await recordAuditEvents(tx, [
        ...recommendations.map((r) => ({
          actor: source,
          action: "create" as const,
          entityType: "recommendation" as const,
          entityId: r.id,
          entityCode: r.code,
          after: recommendationStateOf(r),
        })),
        ...milestones.map((m) => ({
          actor: source,
          action: "create" as const,
          entityType: "milestone" as const,
          entityId: m.id,
          entityCode: m.code,
          after: { ...milestoneStateOf({ ...m, evidence: [] }), dueDate: m.dueDate.toISOString().slice(0, 10) },
        })),
      ]);

      // Councils are matched on their GSS code (and slug): one already here, perhaps marked as ended since, is kept.
      const councils = await tx.council.createManyAndReturn({
        data: councilList.map((c) => ({
          ...c,
          startedOn: c.startedOn ? new Date(`${c.startedOn}T00:00:00Z`) : null,
        })),
        skipDuplicates: true,
      });

      const inserted = {
        reviews: reviews.length,
        pillars: pillars.length,
        outcomes: outcomes.length,
        recommendations: recommendations.length,
        milestones: milestones.length,
        councils: councils.length,
      };
      const total = Object.values(inserted).reduce((a, b) => a + b, 0);
      if (total > 0) await tx.seedRun.create({ data: { datasetHash: dataset.hash, inserted: total } });
      return { inserted, total };
    },
    { timeout: 60_000 },
  );
}
