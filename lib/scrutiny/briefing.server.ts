import "server-only";
import { addDays } from "@/lib/dates";
import {
  summariseDashboard,
  type ClassCounts,
  type LatenessCounts,
  type StatusCounts,
} from "@/lib/reform/dashboard.server";
import { listMilestones, type MilestoneSummary } from "@/lib/reform/milestones.server";
import { listRecommendations } from "@/lib/reform/recommendations.server";
import { listOutcomes, listPillars } from "@/lib/reform/pillars-outcomes.server";
import { CLOSED_STATUSES, DUE_SOON_DAYS } from "@/lib/reform/milestone-rules";
import { listChanges, type ChangeEntityType } from "@/lib/scrutiny/changes.server";
import { localSlippageRegister, type LocalSlippageEntry } from "@/lib/scrutiny/slippage.server";
import { findCouncil } from "@/lib/councils/councils.server";
import { programmesOfCouncil } from "@/lib/programmes/programmes.server";
import {
  CHANGE_KINDS,
  MILESTONE_STATUSES,
  RESPONSE_CLASSES,
  type ChangeKind,
  type ResponseClassValue,
} from "@/lib/vocabulary";

// The briefing pack a council officer puts in a committee's agenda: the reform as it stood at the end of `asAt`
// (rebuilt from the audit trail) and what changed in the period since `since`, for the whole reform or one pillar or
// outcome. The page, the PDF and the Word document are all drawn from this one object.
//
// Every figure comes from the queries the dashboard, pillar and outcome pages use (one definition of each count):
// the status and response counts from summariseDashboard() (its whole-reform totals, or its row for the pillar or
// outcome), the milestones from listMilestones() with the pillar page's filter (their `overdue` flag is the milestone
// list's), the recommendations and the gaps from listRecommendations() (its `gap=undelivered` filter). Nothing is
// recounted here with rules of its own; only the changes are narrowed to the items in scope.

export interface BriefingScope {
  kind: "all" | "pillar" | "outcome";
  number?: number;
  /** "The whole reform", "Pillar 1" or "Enabler 5": for a running header. */
  name: string;
  /** "The whole reform", "Pillar 1: …" or "Outcome 2: …". */
  title: string;
}

/** A milestone as the milestone list gives it, named with its activity ("Family Networks pilot: Wave 2"). */
export interface BriefingMilestone extends MilestoneSummary {
  name: string;
  /** Days from the strategy's date to the planned date, never below 0. */
  daysLate: number;
}

/** One published change (one audit event), listed once however many pillars it belongs to. */
export interface BriefingChange {
  eventId: string;
  occurredAt: string;
  entityType: ChangeEntityType;
  /** M-30, CR-01, or a local action's code within its council (LA-3). */
  code: string;
  name: string;
  /** The kinds of change the event is, in CHANGE_KINDS order, each with its from and to (lib/scrutiny/changes). */
  parts: Array<{ kind: ChangeKind; from: string | null; to: string | null }>;
  reason: string | null;
}

export interface BriefingRecommendation {
  code: string;
  /** The recommendation's first paragraph, whole. */
  text: string;
  responseClass: ResponseClassValue;
}

/**
 * Each list of the pack holds at most this many items. On the benchmark's large dataset the whole reform
 * had 11,781 changes since the strategy, 10,113 recommendation codes and 2,454 undelivered recommendations: listed in
 * full, the page was 9 MB and the PDF did not finish (with 100 of each it took 40 s for 42 pages: @react-pdf's page
 * breaking grows faster than the page count). A committee reads the counts, which always cover everything, and the
 * first items of each list; the pack says how many there are and links to the site's list of them all. The real
 * reform's lists are shorter (37 milestones, at most 29 recommendations of a class, 42 undelivered): it lists everything.
 */
export const BRIEFING_LIST_LIMIT = 50;

/** The lists of the pack that are cut to BRIEFING_LIST_LIMIT, with how many items each holds in all. */
export interface BriefingTotals {
  changes: number;
  lateOrAtRisk: number;
  dueSoon: number;
  slipped: number;
  undelivered: number;
}

export interface Briefing {
  since: string;
  asAt: string;
  /** The date of the committee's next meeting, when given. */
  nextMeeting?: string;
  /** Milestones planned from `asAt` to this day are "due before the next meeting" (or in the next 90 days). */
  dueUntil: string;
  scope: BriefingScope;
  /** `lateness` splits `overdue`: date passed and not yet assessed, or assessed and late (lib/reform/milestone-rules). */
  milestones: { total: number; byStatus: StatusCounts; overdue: number; lateness: LatenessCounts };
  recommendations: { total: number; byClass: ClassCounts; undelivered: number };
  /** `items`: the first BRIEFING_LIST_LIMIT; `counts` count them all. */
  changes: { counts: Record<ChangeKind, number>; items: BriefingChange[] };
  /** How many items each cut list below holds in all (the lists hold the first BRIEFING_LIST_LIMIT). */
  totals: BriefingTotals;
  /** Open milestones whose planned date has passed, or that staff marked at risk or delayed. */
  lateOrAtRisk: BriefingMilestone[];
  dueSoon: BriefingMilestone[];
  /** Milestones re-planned later than the strategy's date, most days first. */
  slipped: BriefingMilestone[];
  /** `codes`: the first BRIEFING_LIST_LIMIT of the `total` in each class. */
  recommendationsByClass: Array<{ responseClass: ResponseClassValue; codes: string[]; total: number }>;
  /** Accepted (fully or in principle) or being tested, and no milestone delivers it. */
  undelivered: BriefingRecommendation[];
  /** The council's local section, when the pack was asked for one. */
  local?: LocalBriefing;
}

/**
 * A council's local section (issue 15, item 7): its local actions in the pack's scope as they stood at `asAt` (those
 * serving a milestone or recommendation in scope; all of them for the whole reform), what it changed in the period,
 * its local slippage and its national programmes. Attributed to the council, never to a person.
 */
export interface LocalBriefing {
  council: { slug: string; name: string; gssCode: string; region: string };
  actions: LocalSlippageEntry[];
  byStatus: StatusCounts;
  changes: BriefingChange[];
  /** Local actions re-planned later than the council's first date, or overdue, the longest slippage first. */
  slipped: LocalSlippageEntry[];
  /** Programmes it took part in by `asAt`. */
  programmes: Array<{ slug: string; name: string; from: string; until: string | null }>;
}

export interface BriefingInput {
  since: string;
  asAt: string;
  pillar?: number;
  outcome?: number;
  nextMeeting?: string;
  /** A council's slug or GSS code: add its local section. It must name a council (the callers check). */
  council?: string;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A milestone's name for people: its activity and its title ("Wave 2" means nothing on its own). */
export function milestoneName(m: { activity: string; title: string }): string {
  return `${m.activity}: ${m.title}`;
}

export async function buildBriefing(input: BriefingInput): Promise<Briefing> {
  const scopeFilter = { pillar: input.pillar, outcome: input.outcome, asAt: input.asAt };
  const [dashboard, milestoneList, recommendationList, undeliveredList, pillars, outcomes, changes] = await Promise.all(
    [
      summariseDashboard({ asAt: input.asAt }),
      listMilestones({ ...scopeFilter, sort: "due" }, { all: true }),
      listRecommendations(scopeFilter, { all: true }),
      listRecommendations({ ...scopeFilter, gap: "undelivered" }, { all: true }),
      listPillars(),
      listOutcomes(),
      listChanges({ since: input.since, until: input.asAt }),
    ],
  );

  const outcome = outcomes.find((o) => o.number === input.outcome);
  const outcomeName = `${outcome?.kind === "enabler" ? "Enabler" : "Outcome"} ${input.outcome}`;
  const scope: BriefingScope =
    input.pillar !== undefined
      ? {
          kind: "pillar",
          number: input.pillar,
          name: `Pillar ${input.pillar}`,
          title: `Pillar ${input.pillar}: ${pillars.find((p) => p.number === input.pillar)?.title ?? ""}`,
        }
      : input.outcome !== undefined
        ? {
            kind: "outcome",
            number: input.outcome,
            name: outcomeName,
            title: `${outcomeName}: ${outcome?.title ?? ""}`,
          }
        : { kind: "all", name: "The whole reform", title: "The whole reform" };

  // The counts the dashboard, pillar and outcome pages show for this scope and date.
  const counts =
    input.pillar !== undefined
      ? dashboard.byPillar.find((p) => p.number === input.pillar)
      : input.outcome !== undefined
        ? dashboard.byOutcome.find((o) => o.number === input.outcome)
        : { milestones: dashboard.milestonesByStatus, recommendations: dashboard.recommendationsByClass };
  if (!counts) throw new Error(`No pillar or outcome numbered ${input.pillar ?? input.outcome}`);

  const items: BriefingMilestone[] = milestoneList.items.map((m) => ({
    ...m,
    name: milestoneName(m),
    daysLate: Math.max(0, daysBetween(m.dueDate, m.plannedDate)),
  }));
  const open = (m: BriefingMilestone) => !CLOSED_STATUSES.includes(m.status);
  const dueUntil = input.nextMeeting ?? addDays(input.asAt, DUE_SOON_DAYS);

  // Changes narrowed to the milestones and recommendations in scope, each event once (/changes lists an event under
  // every pillar it belongs to).
  const milestoneNames = new Map(items.map((m) => [m.code, m.name]));
  const recommendationCodes = new Set(recommendationList.items.map((r) => r.code));
  const byEvent = new Map<string, BriefingChange>();
  for (const group of changes.pillars) {
    for (const kind of CHANGE_KINDS) {
      for (const c of group.byKind[kind]) {
        if (c.entityType === "local_action") continue; // the national section (listChanges' default scope)
        const inScope = c.entityType === "milestone" ? milestoneNames.has(c.code) : recommendationCodes.has(c.code);
        if (!inScope) continue;
        const change = byEvent.get(c.eventId) ?? {
          eventId: c.eventId,
          occurredAt: c.occurredAt,
          entityType: c.entityType,
          code: c.code,
          name: c.entityType === "milestone" ? milestoneNames.get(c.code)! : `Recommendation ${c.code}`,
          parts: [],
          reason: c.reason,
        };
        if (!change.parts.some((p) => p.kind === kind)) change.parts.push({ kind, from: c.from, to: c.to });
        byEvent.set(c.eventId, change);
      }
    }
  }
  const changeItems = [...byEvent.values()].sort(
    (a, b) => a.occurredAt.localeCompare(b.occurredAt) || Number(a.eventId) - Number(b.eventId),
  );
  for (const c of changeItems) c.parts.sort((a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind));
  const changeCounts = Object.fromEntries(
    CHANGE_KINDS.map((k) => [k, changeItems.filter((c) => c.parts.some((p) => p.kind === k)).length]),
  ) as Record<ChangeKind, number>;

  const local = input.council
    ? await localBriefing(input, {
        scope: scope.kind,
        milestones: new Set(items.map((m) => m.code)),
        recommendations: recommendationCodes,
      })
    : undefined;

  const firstParagraph = (text: string) => text.split("\n\n")[0]!;
  const first = <T>(list: T[]) => list.slice(0, BRIEFING_LIST_LIMIT);
  const lateOrAtRisk = items.filter((m) => m.overdue || m.status === "at_risk" || m.status === "delayed");
  const dueSoon = items.filter((m) => open(m) && m.plannedDate >= input.asAt && m.plannedDate <= dueUntil);
  const slipped = items.filter((m) => m.plannedDate > m.dueDate).sort((a, b) => b.daysLate - a.daysLate);
  const milestoneTotal = Object.values(counts.milestones).reduce((a, b) => a + b, 0);
  const recommendationTotal = Object.values(counts.recommendations).reduce((a, b) => a + b, 0);

  return {
    since: input.since,
    asAt: input.asAt,
    ...(input.nextMeeting ? { nextMeeting: input.nextMeeting } : {}),
    dueUntil,
    scope,
    milestones: {
      total: milestoneTotal,
      byStatus: counts.milestones,
      overdue: scope.kind === "all" ? dashboard.overdue : items.filter((m) => m.overdue).length,
      lateness:
        scope.kind === "all"
          ? dashboard.lateness
          : {
              not_yet_assessed: items.filter((m) => m.lateness === "not_yet_assessed").length,
              assessed_late: items.filter((m) => m.lateness === "assessed_late").length,
            },
    },
    recommendations: {
      total: recommendationTotal,
      byClass: counts.recommendations,
      undelivered: undeliveredList.total,
    },
    changes: { counts: changeCounts, items: first(changeItems) },
    totals: {
      changes: changeItems.length,
      lateOrAtRisk: lateOrAtRisk.length,
      dueSoon: dueSoon.length,
      slipped: slipped.length,
      undelivered: undeliveredList.items.length,
    },
    lateOrAtRisk: first(lateOrAtRisk),
    dueSoon: first(dueSoon),
    slipped: first(slipped),
    recommendationsByClass: RESPONSE_CLASSES.map((c) => {
      const codes = recommendationList.items.filter((r) => r.responseClass === c).map((r) => r.code);
      return { responseClass: c, codes: first(codes), total: codes.length };
    }),
    undelivered: first(undeliveredList.items).map((r) => ({
      code: r.code,
      text: firstParagraph(r.text),
      responseClass: r.responseClass,
    })),
    ...(local ? { local } : {}),
  };
}

async function localBriefing(
  input: BriefingInput,
  inScope: { scope: BriefingScope["kind"]; milestones: Set<string>; recommendations: Set<string> },
): Promise<LocalBriefing> {
  const council = await findCouncil(input.council!);
  if (!council) throw new Error(`No council ${input.council}`);
  const [register, changes, programmes] = await Promise.all([
    localSlippageRegister({ council: council.gssCode, asAt: input.asAt, sort: "code" }),
    listChanges({ since: input.since, until: input.asAt, council: council.gssCode }),
    programmesOfCouncil(council.slug),
  ]);
  const all = inScope.scope === "all";
  const actions = register.entries.filter(
    (a) =>
      all ||
      a.milestones.some((c) => inScope.milestones.has(c)) ||
      a.recommendations.some((c) => inScope.recommendations.has(c)),
  );
  const codes = new Set(actions.map((a) => a.code));
  const byStatus = Object.fromEntries(MILESTONE_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const a of actions) byStatus[a.status] += 1;
  return {
    council: { slug: council.slug, name: council.name, gssCode: council.gssCode, region: council.region },
    actions,
    byStatus,
    // Oldest first, as the national list; a change to an action now out of scope is left out, as nationally.
    changes: changes.changes
      .filter((c) => all || codes.has(c.code))
      .map((c) => ({
        eventId: c.eventId,
        occurredAt: c.occurredAt,
        entityType: c.entityType,
        code: c.code,
        name: c.title,
        parts: c.changes,
        reason: c.reason,
      }))
      .reverse(),
    slipped: actions
      .filter((a) => a.timesSlipped > 0 || a.lateness !== null)
      .sort((a, b) => b.totalSlippageDays - a.totalSlippageDays || b.daysOverdue - a.daysOverdue),
    programmes: programmes
      .filter((p) => p.from <= input.asAt)
      .map((p) => ({
        slug: p.slug,
        name: p.name,
        from: p.from,
        until: p.until && p.until <= input.asAt ? p.until : null,
      })),
  };
}
