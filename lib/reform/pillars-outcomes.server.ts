import "server-only";
import { db } from "@/lib/db/client.server";

export interface PillarDetail {
  number: number;
  title: string;
  section: string;
  strategyChapter: number;
  chapterTitle: string;
  outcomes: Array<{ number: number; kind: "outcome" | "enabler"; title: string }>;
}

export async function listPillars(): Promise<PillarDetail[]> {
  const pillars = await db().pillar.findMany({
    orderBy: { number: "asc" },
    include: { outcomes: { include: { outcome: true }, orderBy: { outcome: { number: "asc" } } } },
  });
  return pillars.map((p) => ({
    number: p.number,
    title: p.title,
    section: p.section,
    strategyChapter: p.strategyChapter,
    chapterTitle: p.chapterTitle,
    outcomes: p.outcomes.map((o) => ({ number: o.outcome.number, kind: o.outcome.kind, title: o.outcome.title })),
  }));
}

export async function getPillar(number: number): Promise<PillarDetail | null> {
  return (await listPillars()).find((p) => p.number === number) ?? null;
}

export interface OutcomeDetail {
  number: number;
  kind: "outcome" | "enabler";
  title: string;
  annex1Title: string;
  pillars: Array<{ number: number; title: string }>;
  nextActions: string[];
  twoYearResults: string[];
}

export async function listOutcomes(): Promise<OutcomeDetail[]> {
  const outcomes = await db().outcome.findMany({
    orderBy: { number: "asc" },
    include: {
      pillars: { include: { pillar: true }, orderBy: { pillar: { number: "asc" } } },
      commitments: { orderBy: [{ kind: "asc" }, { position: "asc" }] },
    },
  });
  return outcomes.map((o) => ({
    number: o.number,
    kind: o.kind,
    title: o.title,
    annex1Title: o.annex1Title,
    pillars: o.pillars.map((p) => ({ number: p.pillar.number, title: p.pillar.title })),
    nextActions: o.commitments.filter((c) => c.kind === "next_action").map((c) => c.text),
    twoYearResults: o.commitments.filter((c) => c.kind === "two_year_result").map((c) => c.text),
  }));
}

export async function getOutcome(number: number): Promise<OutcomeDetail | null> {
  return (await listOutcomes()).find((o) => o.number === number) ?? null;
}
