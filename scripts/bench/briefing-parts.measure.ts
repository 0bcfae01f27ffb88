// One database's part of scripts/bench/briefing.ts, run by it through vitest (scripts/bench/briefing.vitest.config.mts)
// with DATABASE_URL, BRIEFING_SINCE (one day), BRIEFING_RUNS and BRIEFING_OUT (where the figures go, as JSON) set.
// Not a test: it asserts nothing and `npm test` does not run it.
import { writeFileSync } from "node:fs";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { test } from "vitest";
import { todayInLondon } from "@/lib/dates";
import { db } from "@/lib/db/client.server";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { listMilestones } from "@/lib/reform/milestones.server";
import { listRecommendations } from "@/lib/reform/recommendations.server";
import { listOutcomes, listPillars } from "@/lib/reform/pillars-outcomes.server";
import { listChanges } from "@/lib/scrutiny/changes.server";
import { buildBriefing } from "@/lib/scrutiny/briefing.server";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";
import { renderBriefingPdf } from "@/lib/scrutiny/briefing-pdf.server";
import { renderBriefingDocx } from "@/lib/scrutiny/briefing-docx.server";
import { BriefingDocument } from "@/components/report/briefing-document";
import { fmt, int, percentile } from "./common";

const ORIGIN = "https://reform-tracker.example";

/** One part of the pack: the median of the runs and the first run, in ms, and what it made. */
export interface Part {
  part: string;
  ms: number;
  firstMs: number;
  size: string;
}

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; firstMs: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = await work();
    times.push(performance.now() - started);
  }
  return {
    ms: percentile(
      [...times].sort((a, b) => a - b),
      50,
    ),
    firstMs: times[0]!,
    value: value as T,
  };
}

test("the whole-reform briefing pack, part by part", async () => {
  const since = process.env.BRIEFING_SINCE!;
  const runs = Number(process.env.BRIEFING_RUNS ?? 3);
  const out = process.env.BRIEFING_OUT!;
  const asAt = todayInLondon();
  const scope = { asAt };
  const parts: Part[] = [];
  const add = (part: string, t: { ms: number; firstMs: number }, size = "") => {
    parts.push({ part, ms: t.ms, firstMs: t.firstMs, size });
    process.stderr.write(`[briefing bench]   ${part}: ${fmt(t.ms, 0)} ms (first ${fmt(t.firstMs, 0)} ms) ${size}\n`);
  };

  await db().$queryRaw`SELECT 1`; // the pool's first connection is not the pack's cost
  add("summariseDashboard (the counts)", await timed(runs, () => summariseDashboard({ asAt })));
  const milestones = await timed(runs, () => listMilestones({ ...scope, sort: "due" }, { all: true }));
  add("listMilestones, all", milestones, `${int(milestones.value.items.length)} milestones`);
  const recommendations = await timed(runs, () => listRecommendations(scope, { all: true }));
  add("listRecommendations, all", recommendations, `${int(recommendations.value.items.length)} recommendations`);
  const undelivered = await timed(runs, () => listRecommendations({ ...scope, gap: "undelivered" }, { all: true }));
  add("listRecommendations, undelivered", undelivered, `${int(undelivered.value.items.length)} recommendations`);
  add("listPillars and listOutcomes", await timed(runs, () => Promise.all([listPillars(), listOutcomes()])));
  const changes = await timed(runs, () => listChanges({ since, until: asAt }));
  add("listChanges (national)", changes, `${int(changes.value.events)} events`);

  const briefing = await timed(runs, () => buildBriefing({ since, asAt }));
  const b = briefing.value;
  add(
    "buildBriefing (the reads above, in parallel, and its own work)",
    briefing,
    `${int(b.changes.items.length)} changes, ${int(b.lateOrAtRisk.length)} late or at risk, ${int(b.dueSoon.length)} due, ` +
      `${int(b.slipped.length)} slipped, ${int(b.recommendationsByClass.reduce((n, g) => n + g.codes.length, 0))} codes, ` +
      `${int(b.undelivered.length)} undelivered`,
  );
  add(
    "withDirectionControlsNeutralised (every public read)",
    await timed(runs, async () => withDirectionControlsNeutralised(b)),
  );

  const htmlUrl = `${ORIGIN}/report?since=${since}`;
  const html = await timed(runs, async () => renderToString(createElement(BriefingDocument, { b, origin: ORIGIN })));
  add("page: BriefingDocument to HTML", html, `${fmt(html.value.length / 1024, 0)} KB`);
  const pdf = await timed(runs, () => renderBriefingPdf(b, ORIGIN, htmlUrl));
  const pages = (pdf.value.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
  add("PDF: renderBriefingPdf", pdf, `${fmt(pdf.value.length / 1024, 0)} KB, ${int(pages)} pages`);
  const docx = await timed(runs, () => renderBriefingDocx(b, ORIGIN, htmlUrl));
  add("Word: renderBriefingDocx", docx, `${fmt(docx.value.length / 1024, 0)} KB`);
  await db().$disconnect();
  writeFileSync(out, JSON.stringify(parts));
});
