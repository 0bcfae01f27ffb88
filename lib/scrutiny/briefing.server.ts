import "server-only";
import { db } from "@/lib/db/client.server";
import { milestoneStatesAsAt, recommendationClassesAsAt } from "@/lib/audit/as-at.server";
import { listChanges, type ChangesReport } from "@/lib/scrutiny/changes.server";
import { DELIVERY_EXPECTED_CLASSES, isOverdue, latenessOf } from "@/lib/reform/milestone-rules";
import {
  emptyClassCounts,
  emptyStatusCounts,
  type ClassCounts,
  type LatenessCounts,
  type StatusCounts,
} from "@/lib/reform/dashboard.server";
import type { LatenessValue, MilestoneStatusValue, ResponseClassValue } from "@/lib/vocabulary";

// The briefing pack a committee clerk puts in the agenda: the reform as it stood at the end of `asAt`
// (reconstructed from the audit trail) and what changed since the committee's last meeting (`since`),
// for the whole reform or one pillar or outcome. The HTML page and the PDF are both drawn from this.

export interface BriefingScope {
  kind: "all" | "pillar" | "outcome";
  number?: number;
  title: string;
}

export interface BriefingGroup {
  number: number;
  title: string;
  milestones: StatusCounts;
  recommendations: ClassCounts;
  overdue: number;
  /** `overdue`, split by whether staff have assessed the milestone (lib/reform/milestone-rules.ts). */
  lateness: LatenessCounts;
}

export interface BriefingMilestone {
  code: string;
  title: string;
  status: MilestoneStatusValue;
  dueDate: string;
  plannedDate: string;
  daysLate: number;
  lateness: LatenessValue | null;
}

export interface Briefing {
  since: string;
  asAt: string;
  scope: BriefingScope;
  totals: {
    milestones: number;
    byStatus: StatusCounts;
    overdue: number;
    lateness: LatenessCounts;
    recommendations: number;
    byClass: ClassCounts;
  };
  pillars: BriefingGroup[];
  outcomes: BriefingGroup[];
  overdue: BriefingMilestone[];
  slipped: BriefingMilestone[];
  changes: ChangesReport;
  undelivered: Array<{ code: string; text: string; responseClass: ResponseClassValue }>;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function buildBriefing(input: {
  since: string;
  asAt: string;
  pillar?: number;
  outcome?: number;
}): Promise<Briefing> {
  const prisma = db();
  const [milestoneStates, recommendationStates, milestones, recommendations, pillars, outcomes, changes] =
    await Promise.all([
      milestoneStatesAsAt(input.asAt),
      recommendationClassesAsAt(input.asAt),
      prisma.milestone.findMany({
        select: {
          code: true,
          title: true,
          pillars: { select: { pillar: { select: { number: true } } } },
          outcomes: { select: { outcome: { select: { number: true } } } },
          recommendations: { select: { recommendationId: true } },
        },
      }),
      prisma.recommendation.findMany({
        select: {
          id: true,
          code: true,
          text: true,
          pillar: { select: { number: true } },
          outcomes: { select: { outcome: { select: { number: true } } } },
          milestones: { select: { milestone: { select: { code: true } } } },
        },
        orderBy: [{ sourceAnnex: "asc" }, { sourceRow: "asc" }],
      }),
      prisma.pillar.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true } }),
      prisma.outcome.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true } }),
      listChanges({ since: input.since, until: input.asAt }),
    ]);

  const links = new Map(
    milestones.map((m) => [
      m.code,
      {
        title: m.title,
        pillars: m.pillars.map((p) => p.pillar.number),
        outcomes: m.outcomes.map((o) => o.outcome.number),
      },
    ]),
  );
  const inScope = (p: number[], o: number[]) =>
    (input.pillar === undefined || p.includes(input.pillar)) &&
    (input.outcome === undefined || o.includes(input.outcome));

  const states = milestoneStates
    .map((s) => ({ ...s, ...links.get(s.code)! }))
    .filter((s) => s.title !== undefined && inScope(s.pillars, s.outcomes));
  const overdue = (s: (typeof states)[number]) => isOverdue(s, input.asAt);
  const countLateness = (items: typeof states): LatenessCounts => ({
    not_yet_assessed: items.filter((s) => latenessOf(s, input.asAt) === "not_yet_assessed").length,
    assessed_late: items.filter((s) => latenessOf(s, input.asAt) === "assessed_late").length,
  });
  const classByCode = new Map(recommendationStates.map((r) => [r.code, r.responseClass]));
  const recs = recommendations
    .filter(
      (r) =>
        classByCode.has(r.code) &&
        inScope(
          [r.pillar.number],
          r.outcomes.map((o) => o.outcome.number),
        ),
    )
    .map((r) => ({
      ...r,
      responseClass: classByCode.get(r.code)!,
      outcomeNumbers: r.outcomes.map((o) => o.outcome.number),
    }));

  const group = (
    number: number,
    title: string,
    milestoneIn: (s: (typeof states)[number]) => boolean,
    recIn: (r: (typeof recs)[number]) => boolean,
  ): BriefingGroup => {
    const byStatus = emptyStatusCounts();
    const mine = states.filter(milestoneIn);
    for (const s of mine) byStatus[s.status] += 1;
    const byClass = emptyClassCounts();
    for (const r of recs.filter(recIn)) byClass[r.responseClass] += 1;
    return {
      number,
      title,
      milestones: byStatus,
      recommendations: byClass,
      overdue: mine.filter(overdue).length,
      lateness: countLateness(mine),
    };
  };

  const totalStatus = emptyStatusCounts();
  for (const s of states) totalStatus[s.status] += 1;
  const totalClass = emptyClassCounts();
  for (const r of recs) totalClass[r.responseClass] += 1;
  const toItem = (s: (typeof states)[number]): BriefingMilestone => ({
    code: s.code,
    title: s.title,
    status: s.status,
    dueDate: s.dueDate,
    plannedDate: s.plannedDate,
    daysLate: Math.max(0, daysBetween(s.dueDate, s.plannedDate)),
    lateness: latenessOf(s, input.asAt),
  });

  const scopeTitle =
    input.pillar !== undefined
      ? `Pillar ${input.pillar}: ${pillars.find((p) => p.number === input.pillar)?.title ?? ""}`
      : input.outcome !== undefined
        ? `Outcome ${input.outcome}: ${outcomes.find((o) => o.number === input.outcome)?.title ?? ""}`
        : "The whole reform";
  const scopedChanges: ChangesReport =
    input.pillar !== undefined
      ? { ...changes, pillars: changes.pillars.filter((p) => p.number === input.pillar) }
      : changes;

  return {
    since: input.since,
    asAt: input.asAt,
    scope: {
      kind: input.pillar !== undefined ? "pillar" : input.outcome !== undefined ? "outcome" : "all",
      number: input.pillar ?? input.outcome,
      title: scopeTitle,
    },
    totals: {
      milestones: states.length,
      byStatus: totalStatus,
      overdue: states.filter(overdue).length,
      lateness: countLateness(states),
      recommendations: recs.length,
      byClass: totalClass,
    },
    pillars: pillars.map((p) =>
      group(
        p.number,
        p.title,
        (s) => s.pillars.includes(p.number),
        (r) => r.pillar.number === p.number,
      ),
    ),
    outcomes: outcomes.map((o) =>
      group(
        o.number,
        o.title,
        (s) => s.outcomes.includes(o.number),
        (r) => r.outcomeNumbers.includes(o.number),
      ),
    ),
    overdue: states
      .filter(overdue)
      .map(toItem)
      .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate)),
    slipped: states
      .filter((s) => s.plannedDate > s.dueDate)
      .map(toItem)
      .sort((a, b) => b.daysLate - a.daysLate),
    changes: scopedChanges,
    undelivered: recs
      .filter(
        (r) => (DELIVERY_EXPECTED_CLASSES as readonly string[]).includes(r.responseClass) && r.milestones.length === 0,
      )
      .map((r) => ({ code: r.code, text: r.text.split("\n\n")[0]!, responseClass: r.responseClass })),
  };
}
