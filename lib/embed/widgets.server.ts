import "server-only";
import { MILESTONE_STATUS_COLOURS } from "@/components/status-tags";
import { findCouncil } from "@/lib/councils/councils.server";
import { formatDateTime, formatDay } from "@/lib/dates";
import { localActionCountsByStatus } from "@/lib/local-actions/reads.server";
import { type LatenessCounts, type StatusCounts } from "@/lib/reform/dashboard.server";
import { CHART_COLOURS } from "@/lib/palette";
import { programmesOfCouncil } from "@/lib/programmes/programmes.server";
import {
  cachedDashboard,
  cachedMilestone,
  cachedOutcome,
  cachedPillar,
  publicRead,
} from "@/lib/reform/public-data.server";
import {
  LATENESS_TAG_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  OUTCOME_KIND_LABELS,
} from "@/lib/vocabulary";
import type { TagColour } from "@/components/ui/tag";
import { fullPagePath, type EmbedTarget } from "./targets";

// What each widget shows, read with the public pages' own reads (so texts are the seeds' and staff's, with direction
// controls neutralised) and drawn by lib/embed/render.ts. A widget says only what its full page says, shorter.

export interface WidgetChart {
  caption: string;
  /** What is counted: the heading of the numbers' column. */
  counted: string;
  rows: Array<{ label: string; count: number; colour: string }>;
}

export interface Widget {
  /** The document's title, and the iframe's `title` in the code to copy. */
  title: string;
  /** The line above the heading: "Pillar 3 of 6". */
  context: string;
  heading: string;
  tags: Array<{ label: string; colour: TagColour }>;
  chart: WidgetChart | null;
  /** Plain sentences below the chart. */
  sentences: string[];
  facts: Array<{ key: string; value: string }>;
  /** A list under its own small heading (a council's programmes). */
  list: { heading: string; items: string[] } | null;
  /** The full page the widget links back to (a path: lib/embed/render.ts makes it absolute). */
  pagePath: string;
}

function statusChart(caption: string, counts: StatusCounts, counted = "Milestones"): WidgetChart {
  return {
    caption,
    counted,
    rows: MILESTONE_STATUSES.filter((s) => counts[s] > 0).map((s) => ({
      label: MILESTONE_STATUS_LABELS[s],
      count: counts[s],
      colour: CHART_COLOURS[MILESTONE_STATUS_COLOURS[s]],
    })),
  };
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The sentence the pillar and outcome pages say about overdue milestones (components/progress-section.tsx). */
function latenessSentence(lateness: LatenessCounts): string {
  const overdue = lateness.not_yet_assessed + lateness.assessed_late;
  if (overdue === 0) return "No milestone here is past its planned date and still open.";
  return (
    `${overdue} ${overdue === 1 ? "milestone is" : "milestones are"} past the planned date and not complete: ` +
    `${lateness.not_yet_assessed} not yet assessed by staff and ${lateness.assessed_late} assessed and late.`
  );
}

const cachedProgrammesOfCouncil = publicRead(programmesOfCouncil);
const cachedCouncil = publicRead(findCouncil);

async function pillarWidget(target: EmbedTarget): Promise<Widget | null> {
  const n = Number(target.id);
  const [pillar, dashboard] = await Promise.all([cachedPillar(n), cachedDashboard()]);
  const counts = dashboard.byPillar.find((p) => p.number === n);
  if (!pillar || !counts) return null;
  return {
    title: `Pillar ${n}: ${pillar.title} - progress`,
    context: `Pillar ${n} of 6`,
    heading: pillar.title,
    tags: [],
    chart: statusChart(`Its ${total(counts.milestones)} milestones by status`, counts.milestones),
    sentences: [latenessSentence(counts.lateness)],
    facts: [],
    list: null,
    pagePath: fullPagePath(target),
  };
}

async function outcomeWidget(target: EmbedTarget): Promise<Widget | null> {
  const n = Number(target.id);
  const [outcome, dashboard] = await Promise.all([cachedOutcome(n), cachedDashboard()]);
  const counts = dashboard.byOutcome.find((o) => o.number === n);
  if (!outcome || !counts) return null;
  return {
    title: `Outcome ${n}: ${outcome.title} - progress`,
    context: `${OUTCOME_KIND_LABELS[outcome.kind]} ${n}`,
    heading: outcome.title,
    tags: [],
    chart: statusChart(`Its ${total(counts.milestones)} milestones by status`, counts.milestones),
    sentences: [latenessSentence(counts.lateness)],
    facts: [],
    list: null,
    pagePath: fullPagePath(target),
  };
}

async function milestoneWidget(target: EmbedTarget): Promise<Widget | null> {
  const m = await cachedMilestone(target.id);
  if (!m) return null;
  return {
    title: `Milestone ${m.code}: ${m.title}`,
    context: `Milestone ${m.code} · ${m.activity}`,
    heading: m.title,
    tags: [
      { label: MILESTONE_STATUS_LABELS[m.status], colour: MILESTONE_STATUS_COLOURS[m.status] },
      ...(m.lateness
        ? [
            {
              label: LATENESS_TAG_LABELS[m.lateness],
              colour: (m.lateness === "assessed_late" ? "red" : "orange") as TagColour,
            },
          ]
        : []),
    ],
    chart: null,
    sentences: [],
    facts: [
      { key: "Due date", value: formatDay(m.dueDate) },
      { key: "Forecast date", value: m.forecastDate ? formatDay(m.forecastDate) : "None set" },
      { key: "Actual completion date", value: m.actualDate ? formatDay(m.actualDate) : "Not complete" },
      { key: "Last updated by staff", value: m.lastUpdated ? formatDateTime(m.lastUpdated) : "Never" },
    ],
    list: null,
    pagePath: fullPagePath(target),
  };
}

/** A council's local progress: its local actions by status (issue 15), and the national programmes it is in. */
async function councilWidget(target: EmbedTarget): Promise<Widget | null> {
  const council = await cachedCouncil(target.id);
  if (!council || council.slug !== target.id) return null;
  const [programmes, actions] = await Promise.all([
    cachedProgrammesOfCouncil(council.slug),
    localActionCountsByStatus(council.gssCode),
  ]);
  const actionTotal = total(actions);
  return {
    title: `${council.name}: local progress on the reform`,
    context: council.region,
    heading: council.name,
    tags: [],
    chart:
      actionTotal > 0
        ? statusChart(
            `Its ${actionTotal} local ${actionTotal === 1 ? "action" : "actions"} by status`,
            actions,
            "Local actions",
          )
        : null,
    sentences: [
      ...(council.endedOn
        ? [
            `This council ended on ${formatDay(council.endedOn)}.` +
              (council.successor ? ` Its services passed to ${council.successor.name}.` : ""),
          ]
        : []),
      ...(actionTotal === 0 ? [`${council.name} has not published local actions yet.`] : []),
    ],
    facts: [],
    list: {
      heading: "National programmes",
      items:
        programmes.length === 0
          ? ["No national programme has been recorded for it."]
          : programmes.map(
              (p) =>
                `${p.name}: from ${formatDay(p.from)}${p.until ? ` until ${formatDay(p.until)}` : ""}${p.current ? " (taking part now)" : ""}`,
            ),
    },
    pagePath: fullPagePath(target),
  };
}

const READERS: Record<EmbedTarget["kind"], (target: EmbedTarget) => Promise<Widget | null>> = {
  pillars: pillarWidget,
  outcomes: outcomeWidget,
  milestones: milestoneWidget,
  councils: councilWidget,
};

/** The widget for a target, or null when there is no such pillar, outcome, milestone or council. */
export function readWidget(target: EmbedTarget): Promise<Widget | null> {
  return READERS[target.kind](target);
}
