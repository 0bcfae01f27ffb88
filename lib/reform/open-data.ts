import type { MilestoneRecord, RecommendationRecord, SearchResultRecord } from "@/lib/api/responses";
import { writeCsv, type CsvValue } from "@/lib/csv";
import type { MilestoneSummary } from "@/lib/reform/milestones.server";
import type { RecommendationSummary } from "@/lib/reform/recommendations.server";
import type { SearchResult } from "@/lib/reform/search.server";
import { snippetText } from "@/lib/reform/snippets";
import type { ReviewCode } from "@/lib/vocabulary";

// The open-data shapes: the field names of the JSON API and the header row of the CSV downloads are the same,
// and each is described in lib/reform/open-data-fields.ts (shown on /open-data). Change them only by adding fields.

export { MILESTONE_FIELDS, OUTCOME_FIELDS, PILLAR_FIELDS, RECOMMENDATION_FIELDS } from "@/lib/reform/open-data-fields";

export function recommendationRecord(r: RecommendationSummary, origin: string): RecommendationRecord {
  return {
    code: r.code,
    // The review table holds the three reviews of REVIEW_CODES, loaded from the seed and never edited.
    review: r.review as ReviewCode,
    section: r.section,
    subsection: r.subsection,
    pillar: r.pillar,
    outcomes: r.outcomes,
    text: r.text,
    responseText: r.responseText,
    responseInherited: r.responseInherited,
    responseInheritedFrom: r.responseInheritedFrom,
    statedResponse: r.statedResponse,
    responseClass: r.responseClass,
    responseRationale: r.responseRationale,
    milestones: r.milestones,
    sourceAnnex: r.sourceAnnex,
    sourceRow: r.sourceRow,
    url: `${origin}/recommendations/${r.code}`,
    milestonesOverdueNotYetAssessed: r.milestonesOverdueNotYetAssessed,
    milestonesAssessedLate: r.milestonesAssessedLate,
  };
}

export function milestoneRecord(m: MilestoneSummary, origin: string): MilestoneRecord {
  return {
    code: m.code,
    group: m.group,
    activity: m.activity,
    title: m.title,
    dateAsWritten: m.dateAsWritten,
    dueDate: m.dueDate,
    forecastDate: m.forecastDate,
    actualDate: m.actualDate,
    plannedDate: m.plannedDate,
    status: m.status,
    overdue: m.overdue,
    lastUpdated: m.lastUpdated,
    pillars: m.pillars,
    outcomes: m.outcomes,
    recommendations: m.recommendations,
    url: `${origin}/milestones/${m.code}`,
    lateness: m.lateness,
  };
}

/** The CSV download of a list: a column per field, by the rules every CSV of the app follows (lib/csv.ts). */
export function toCsv(fields: readonly string[], records: ReadonlyArray<Readonly<Record<string, CsvValue>>>): string {
  return writeCsv(
    fields,
    records.map((r) => fields.map((f) => r[f])),
  );
}

/** Counts by status or class as CSV cells: `on_track=3; delayed=1`. */
export function countCells(counts: Record<string, number>): string[] {
  return Object.entries(counts).map(([k, v]) => `${k}=${v}`);
}

/**
 * One result of /api/v1/search. Highlighted text is given as parts, each plain or a match, so that a user of the
 * data can mark the matches as they like without parsing markup.
 */
export function searchResultRecord(r: SearchResult, origin: string): SearchResultRecord {
  return {
    kind: r.kind,
    code: r.code,
    title: snippetText(r.title),
    titleParts: r.title,
    snippets: r.snippets,
    rank: Math.round(r.rank * 1e6) / 1e6,
    ...(r.responseClass && { responseClass: r.responseClass }),
    ...(r.milestones && {
      milestones: r.milestones.map((m) => ({
        code: m.code,
        title: m.title,
        status: m.status,
        url: `${origin}/milestones/${m.code}`,
      })),
    }),
    ...(r.status && { status: r.status }),
    ...(r.outcomeKind && { outcomeKind: r.outcomeKind }),
    ...(r.commitmentKind && { commitmentKind: r.commitmentKind }),
    url: `${origin}${r.path}`,
  };
}
