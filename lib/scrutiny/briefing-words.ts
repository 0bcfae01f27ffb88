import { formatDay } from "@/lib/dates";
import { describeChange } from "@/lib/scrutiny/change-words";
import { toQueryString } from "@/lib/validations/public-filters";
import type { Briefing, BriefingChange, BriefingTotals, LocalBriefing } from "@/lib/scrutiny/briefing.server";
import {
  LATENESS_DEFINITIONS,
  LATENESS_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_DEFINITIONS,
  RESPONSE_CLASS_LABELS,
  type ResponseClassValue,
} from "@/lib/vocabulary";

// The words of the briefing pack, written once for its three formats (the page, the PDF and the Word document), so
// that they say the same thing. Only words: each format lays them out in its own way.

export const BRIEFING_TITLE = "Children's social care reform: briefing pack";

/** The sections, in order, with the ids the page's contents list links to (and the PDF's bookmarks name). */
export function briefingSections(b: Briefing): Array<{ id: string; title: string }> {
  return [
    { id: "summary", title: "Summary" },
    { id: "status", title: "Progress by status" },
    { id: "changes", title: "What changed in the period" },
    { id: "late", title: "Milestones late or at risk" },
    {
      id: "due",
      title: b.nextMeeting ? "Milestones due before the next meeting" : "Milestones due in the next 90 days",
    },
    { id: "slippage", title: "Slippage" },
    { id: "recommendations", title: "Recommendations by government response" },
    ...(b.local ? [{ id: "local", title: `Local delivery: ${b.local.council.name}` }] : []),
    { id: "definitions", title: "Annex: definitions" },
  ];
}

/** The local section's sub-headings, in order (each format lays them out in its own way). */
export const LOCAL_HEADINGS = {
  actions: "Local actions",
  changes: "What changed locally in the period",
  slippage: "Local slippage",
  programmes: "National programmes",
} as const;

/** The local section's opening paragraph. */
export function localSummary(b: Briefing, local: LocalBriefing): string {
  const name = local.council.name;
  const scope = b.scope.kind === "all" ? "" : ` for ${b.scope.title}`;
  if (local.actions.length === 0)
    return `As at ${formatDay(b.asAt)}, ${name} had not published local actions${scope} on the tracker.`;
  const statuses = MILESTONE_STATUSES.filter((s) => local.byStatus[s] > 0).map(
    (s) => `${local.byStatus[s]} ${lower(MILESTONE_STATUS_LABELS[s])}`,
  );
  return [
    `As at ${formatDay(b.asAt)}, ${name} had published ${count(local.actions.length, "local action")}${scope}: ${list(statuses)}.`,
    `${local.slipped.length} ${local.slipped.length === 1 ? "has" : "have"} slipped or ${local.slipped.length === 1 ? "is" : "are"} overdue.`,
    `From ${formatDay(b.since)} to ${formatDay(b.asAt)}, ${name} published ${count(local.changes.length, "change")} to its local actions.`,
    `Local actions are published by the council itself; the national sections above are DfE's.`,
  ].join(" ");
}

/** One local action's line: "LA-3 Title: Delayed; planned for 30 September 2025, 92 days after the council's first date (30 June 2025)." */
export function localActionLine(a: LocalBriefing["actions"][number]): string {
  const dates =
    a.actualDate !== null
      ? `completed on ${formatDay(a.actualDate)}`
      : a.totalSlippageDays > 0
        ? `planned for ${formatDay(a.plannedDate)}, ${count(a.totalSlippageDays, "day")} after the council's first date (${formatDay(a.dueDate)})`
        : `planned for ${formatDay(a.plannedDate)}`;
  const overdue = a.lateness ? `; ${count(a.daysOverdue, "day")} overdue` : "";
  return `${MILESTONE_STATUS_LABELS[a.status]}; ${dates}${overdue}.`;
}

/** The national items a local action serves, for its line. */
export function servesLine(a: { milestones: string[]; recommendations: string[] }): string {
  const codes = [...a.milestones, ...a.recommendations];
  return codes.length ? `Serves ${list(codes)}.` : "Linked to no national milestone or recommendation.";
}

/** A programme spell in words. */
export function programmeLine(p: LocalBriefing["programmes"][number]): string {
  return `${p.name}: from ${formatDay(p.from)}${p.until ? ` until ${formatDay(p.until)}` : ""}.`;
}

/** "1 milestone", "2 milestones". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** The cover's lines under the title. */
export function coverLines(b: Briefing): string[] {
  return [
    b.local ? `${b.scope.title}, with ${b.local.council.name}'s local delivery` : b.scope.title,
    `As at ${formatDay(b.asAt)}`,
    `Period covered: ${formatDay(b.since)} to ${formatDay(b.asAt)}`,
    ...(b.nextMeeting ? [`For the meeting on ${formatDay(b.nextMeeting)}`] : []),
  ];
}

/** The one-paragraph summary in words. */
export function summaryParagraph(b: Briefing): string {
  const scope = b.scope.kind === "all" ? "the reform" : b.scope.title;
  const statuses = MILESTONE_STATUSES.filter((s) => b.milestones.byStatus[s] > 0).map(
    (s) => `${b.milestones.byStatus[s]} ${lower(MILESTONE_STATUS_LABELS[s])}`,
  );
  const classes = RESPONSE_CLASSES.filter((c) => b.recommendations.byClass[c] > 0).map(
    (c) => `${b.recommendations.byClass[c]} ${lower(RESPONSE_CLASS_LABELS[c])}`,
  );
  const changes = b.totals.changes;
  return [
    `As at ${formatDay(b.asAt)}, ${scope} has ${count(b.milestones.total, "milestone")}` +
      (statuses.length ? `: ${list(statuses)}.` : "."),
    `${b.milestones.overdue} ${b.milestones.overdue === 1 ? "is" : "are"} overdue (the planned date has passed and the milestone is neither complete nor superseded): ` +
      `${b.milestones.lateness.not_yet_assessed} of them not yet assessed by anyone, which is not evidence that ${b.milestones.lateness.not_yet_assessed === 1 ? "it was" : "they were"} missed, and ` +
      `${b.milestones.lateness.assessed_late} assessed by staff and late; ` +
      `${b.totals.lateOrAtRisk} ${b.totals.lateOrAtRisk === 1 ? "is" : "are"} late or at risk, and ` +
      `${b.totals.slipped} ${b.totals.slipped === 1 ? "has" : "have"} been re-planned later than the strategy's date.`,
    `From ${formatDay(b.since)} to ${formatDay(b.asAt)}, ${count(changes, "change was", "changes were")} published.`,
    `Of ${count(b.recommendations.total, "recommendation")}, the government's response was ` +
      (classes.length ? `${list(classes)}` : "not recorded") +
      `; ${b.recommendations.undelivered} accepted or being tested ${b.recommendations.undelivered === 1 ? "has" : "have"} no milestone delivering ${b.recommendations.undelivered === 1 ? "it" : "them"}.`,
  ].join(" ");
}

/** A list of the pack cut to BRIEFING_LIST_LIMIT items: one the Briefing totals, or one response class's codes. */
export type CutList = keyof BriefingTotals | { responseClass: ResponseClassValue };

/**
 * Said under a cut list (null when it shows every item): how many of how many it shows, and a link to where the site
 * lists them all, in the pack's scope and as at its date. The milestone lists link to the site's list that holds them.
 */
export function moreItems(
  b: Briefing,
  list: CutList,
  shown: number,
): { sentence: string; linkText: string; path: string } | null {
  const total =
    typeof list === "object"
      ? b.recommendationsByClass.find((g) => g.responseClass === list.responseClass)!.total
      : b.totals[list];
  if (shown >= total) return null;
  const scope = b.scope.kind === "all" ? {} : { [b.scope.kind]: b.scope.number };
  const places: Record<keyof BriefingTotals, [path: string, where: string]> = {
    changes: [`/changes${toQueryString({ since: b.since, until: b.asAt, ...scope })}`, "the list of changes"],
    undelivered: [
      `/recommendations${toQueryString({ gap: "undelivered", ...scope, asAt: b.asAt })}`,
      "the recommendation list",
    ],
    slipped: [`/slippage${toQueryString({ asAt: b.asAt })}`, "the slippage register"],
    dueSoon: [
      `/milestones${toQueryString({ dueFrom: b.asAt, dueTo: b.dueUntil, ...scope, asAt: b.asAt })}`,
      "the milestone list",
    ],
    lateOrAtRisk: [`/milestones${toQueryString({ ...scope, asAt: b.asAt, sort: "status" })}`, "the milestone list"],
  };
  const [path, where] =
    typeof list === "object"
      ? [
          `/recommendations${toQueryString({ class: list.responseClass, ...scope, asAt: b.asAt })}`,
          "the recommendation list",
        ]
      : places[list];
  // Thousands with a comma, as GOV.UK writes them: "The first 50 of 2,454".
  const all = total.toLocaleString("en-GB");
  return {
    sentence: `The first ${shown} of ${all} are listed here.`,
    linkText: `See all ${all} in ${where} on the site`,
    path,
  };
}

/** What changed in one event, and why: "Status changed from Not yet assessed to Delayed. Reason: …". */
export function changeSentence(c: BriefingChange): string {
  const parts = c.parts.map((p, i) => (i === 0 ? describeChange(p) : lower(describeChange(p))));
  return `${parts.join("; ")}.${c.reason ? ` Reason: ${c.reason}` : ""}`;
}

/** The date a change was published, as a UK day. */
export function changeDay(c: BriefingChange): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(new Date(c.occurredAt));
}

export function milestoneDates(m: { plannedDate: string; dueDate: string; daysLate: number }): string {
  return m.daysLate > 0
    ? `Planned for ${formatDay(m.plannedDate)}, ${count(m.daysLate, "day")} after the strategy's ${formatDay(m.dueDate)}`
    : `Planned for ${formatDay(m.plannedDate)}`;
}

export function dueSectionIntro(b: Briefing): string {
  return b.nextMeeting
    ? `Open milestones planned from ${formatDay(b.asAt)} to the next meeting on ${formatDay(b.nextMeeting)}.`
    : `Open milestones planned from ${formatDay(b.asAt)} to ${formatDay(b.dueUntil)}. Give the date of the next meeting to list those due before it.`;
}

// @react-pdf/renderer cannot write a tagged PDF: the pack says so where it is offered and in the PDF itself.

/** Said beside the download links on the page. */
export const PDF_NOT_TAGGED =
  "The PDF is not tagged, so a screen reader cannot follow its headings and tables: use this page or the Word document instead.";

/** Said in the PDF, with the address of the same pack as a web page. */
export function pdfNotTaggedNote(htmlUrl: string): string {
  return `This PDF is not tagged, so a screen reader cannot follow its headings and tables. The same briefing is on the web at ${htmlUrl}, and as a Word document.`;
}

/** The annex: what each word in the pack means (docs/reform-data.md, lib/reform/milestone-rules.ts). */
export function definitions(withLocal = false): Array<{ term: string; meaning: string }> {
  return [
    {
      term: "As at",
      meaning: "The pack shows the reform as it stood at the end of that day, rebuilt from the record of every change.",
    },
    {
      term: "Planned date",
      meaning:
        "The forecast date staff have set for a milestone, or, when they have set none, the date in the strategy (Stable Homes, Built on Love, February 2023).",
    },
    {
      term: "Overdue",
      meaning: "The planned date has passed and the milestone is neither complete nor superseded.",
    },
    { term: LATENESS_LABELS.not_yet_assessed, meaning: LATENESS_DEFINITIONS.not_yet_assessed },
    { term: LATENESS_LABELS.assessed_late, meaning: LATENESS_DEFINITIONS.assessed_late },
    {
      term: "Late or at risk",
      meaning: "Overdue, or marked at risk or delayed by staff.",
    },
    {
      term: "Slipped",
      meaning:
        "Re-planned to a date later than the one in the strategy; the days are counted from the strategy's date.",
    },
    ...(withLocal
      ? [
          {
            term: "Local action",
            meaning:
              "A council's own record of what it is doing about national milestones and recommendations, published by the council; its slippage is counted from the date the council first planned.",
          },
        ]
      : []),
    {
      term: "Undelivered",
      meaning:
        "A recommendation the government accepted (fully or in principle) or is testing, which no milestone delivers.",
    },
    {
      term: MILESTONE_STATUS_LABELS.not_yet_assessed,
      meaning:
        "The source documents report no progress, so every milestone starts with this status until staff assess it.",
    },
    ...RESPONSE_CLASSES.map((c) => ({ term: RESPONSE_CLASS_LABELS[c], meaning: RESPONSE_CLASS_DEFINITIONS[c] })),
  ];
}

/** The source line: the site's public address, never the address a request came in on. */
export function sourceLine(origin: string): string {
  return `Source: Reform Tracker, ${origin}, from Stable Homes, Built on Love (Department for Education, February 2023). Contains public sector information licensed under the Open Government Licence v3.0.`;
}
