import { LATENESS_KINDS, MILESTONE_GROUPS, MILESTONE_STATUSES, RESPONSE_CLASSES, REVIEW_CODES } from "@/lib/vocabulary";

// Every field of every open-data dataset, in the order the JSON API writes them and the CSV header lists them.
// The API's records (lib/reform/open-data.ts, app/api/v1/*) take their field names from here and the /open-data
// page prints these descriptions, so the documentation cannot drift from the output; a test checks that every
// field the API emits is described here. Change a dataset only by adding fields: people's scripts read them.

export interface FieldDoc {
  name: string;
  /** What a value looks like in the JSON answers. */
  type: string;
  description: string;
}

export interface DatasetDoc {
  id: "recommendations" | "milestones" | "pillars" | "outcomes" | "councils" | "programmes" | "local-actions";
  title: string;
  path: string;
  fields: readonly FieldDoc[];
}

const codes = (values: readonly string[]) => values.join(", ");
const COUNTS_NOTE = "In the CSV, one cell of code=count pairs separated by \u201c; \u201d.";

export const RECOMMENDATION_FIELD_DOCS = [
  {
    name: "code",
    type: "text",
    description: "The tracker's code: CR-01 to CR-97, CPE-01 to CPE-08, CMA-01 to CMA-08.",
  },
  { name: "review", type: "text", description: `The review that made it: ${codes(REVIEW_CODES)}.` },
  { name: "section", type: "text", description: "The section of the strategy's annex the row sits under." },
  { name: "subsection", type: "text or null", description: "The CMA market study's heading, where there is one." },
  { name: "pillar", type: "number", description: "The pillar of reform (1 to 6) the strategy places it under." },
  { name: "outcomes", type: "list of numbers", description: "The outcomes and enablers (1 to 6) it serves." },
  { name: "text", type: "text", description: "The recommendation, verbatim from the strategy's annex." },
  { name: "responseText", type: "text", description: "The government's response, verbatim from the strategy." },
  {
    name: "responseInherited",
    type: "true or false",
    description:
      "True when the response cell said \u201cAs above\u201d: responseText then holds the response it refers to.",
  },
  {
    name: "responseInheritedFrom",
    type: "text or null",
    description: "The code of the recommendation whose response was inherited.",
  },
  {
    name: "statedResponse",
    type: "text or null",
    description: "The CMA rows' own \u201cAccept\u201d or \u201cAccept in principle\u201d.",
  },
  {
    name: "responseClass",
    type: "text",
    description: `How the response was judged: ${codes(RESPONSE_CLASSES)}. See what each means on the statuses page.`,
  },
  {
    name: "responseRationale",
    type: "text",
    description: "Why the response was given that class, quoting the words of the response that decide it.",
  },
  { name: "milestones", type: "list of codes", description: "The milestones that deliver it." },
  {
    name: "sourceAnnex",
    type: "number",
    description: "The annex of the strategy it comes from (3, 4 or 5).",
  },
  { name: "sourceRow", type: "number", description: "Its row in that annex's table." },
  { name: "url", type: "address", description: "Its page on this site." },
  {
    name: "milestonesOverdueNotYetAssessed",
    type: "list of codes",
    description:
      "Its milestones whose planned date has passed and that nobody has assessed yet (lateness not_yet_assessed).",
  },
  {
    name: "milestonesAssessedLate",
    type: "list of codes",
    description:
      "Its milestones that staff have assessed and that are past their planned date (lateness assessed_late).",
  },
] as const satisfies readonly FieldDoc[];

export const MILESTONE_FIELD_DOCS = [
  { name: "code", type: "text", description: "The tracker's code, M-01 onwards, in the strategy's order." },
  { name: "group", type: "text", description: `Figure 3's heading it sits under: ${codes(MILESTONE_GROUPS)}.` },
  { name: "activity", type: "text", description: "Figure 3's activity (its row)." },
  { name: "title", type: "text", description: "The milestone, verbatim from Figure 3." },
  {
    name: "dateAsWritten",
    type: "text or null",
    description: "The date as the strategy wrote it, for example \u201csummer 2023\u201d.",
  },
  {
    name: "dueDate",
    type: "date (YYYY-MM-DD)",
    description: "The strategy's date as a day: the end of the period it names. Never moved.",
  },
  { name: "forecastDate", type: "date or null", description: "The date staff now forecast, when they have set one." },
  { name: "actualDate", type: "date or null", description: "The day it was completed, for a complete milestone." },
  { name: "plannedDate", type: "date", description: "forecastDate when set, otherwise dueDate." },
  { name: "status", type: "text", description: `Its status: ${codes(MILESTONE_STATUSES)}.` },
  {
    name: "overdue",
    type: "true or false",
    description:
      "True when its planned date has passed and it is neither complete nor superseded, whether or not anyone has assessed it.",
  },
  {
    name: "lastUpdated",
    type: "date and time or null",
    description: "When a member of staff last updated it (loading the strategy does not count).",
  },
  { name: "pillars", type: "list of numbers", description: "The pillars of reform (1 to 6) it serves." },
  { name: "outcomes", type: "list of numbers", description: "The outcomes and enablers (1 to 6) it serves." },
  { name: "recommendations", type: "list of codes", description: "The recommendations it delivers." },
  { name: "url", type: "address", description: "Its page on this site." },
  {
    name: "lateness",
    type: "text or null",
    description: `Which kind of overdue: ${codes(LATENESS_KINDS)}; null when it is not overdue. not_yet_assessed means the date passed while its status is still \u201cNot yet assessed\u201d, which is not evidence that it was missed.`,
  },
] as const satisfies readonly FieldDoc[];

export const PILLAR_FIELD_DOCS = [
  { name: "number", type: "number", description: "The pillar's number, 1 to 6." },
  { name: "title", type: "text", description: "The pillar, verbatim from the strategy." },
  { name: "section", type: "text", description: "The name of the Annex 3 section that matches the pillar." },
  { name: "strategyChapter", type: "number", description: "The strategy's chapter about the pillar." },
  { name: "chapterTitle", type: "text", description: "That chapter's title." },
  { name: "outcomes", type: "list of numbers", description: "The outcomes and enablers the pillar serves." },
  {
    name: "recommendationsByResponseClass",
    type: "object of counts",
    description: `Its recommendations counted by response class. ${COUNTS_NOTE}`,
  },
  {
    name: "milestonesByStatus",
    type: "object of counts",
    description: `Its milestones counted by status. ${COUNTS_NOTE}`,
  },
  { name: "url", type: "address", description: "Its page on this site." },
] as const satisfies readonly FieldDoc[];

export const OUTCOME_FIELD_DOCS = [
  { name: "number", type: "number", description: "1 to 4 for the outcomes, 5 and 6 for the enablers." },
  { name: "kind", type: "text", description: "outcome or enabler." },
  { name: "title", type: "text", description: "The outcome or enabler, verbatim from the strategy." },
  { name: "pillars", type: "list of numbers", description: "The pillars that serve it." },
  {
    name: "nextActions",
    type: "list of texts",
    description: "Annex 1's \u201cWhat will we do next?\u201d actions, verbatim.",
  },
  {
    name: "twoYearResults",
    type: "list of texts",
    description: "Annex 1's \u201cWhat will we have achieved after 2 years?\u201d results, verbatim.",
  },
  {
    name: "recommendationsByResponseClass",
    type: "object of counts",
    description: `Recommendations serving it, counted by response class. ${COUNTS_NOTE}`,
  },
  {
    name: "milestonesByStatus",
    type: "object of counts",
    description: `Milestones serving it, counted by status. ${COUNTS_NOTE}`,
  },
  { name: "url", type: "address", description: "Its page on this site." },
] as const satisfies readonly FieldDoc[];

export const COUNCIL_FIELD_DOCS = [
  { name: "slug", type: "text", description: "The council's stable name in addresses, for example thurrock." },
  { name: "gssCode", type: "text", description: "The council's ONS GSS code, for example E06000034." },
  { name: "name", type: "text", description: "The council's usual name." },
  { name: "officialName", type: "text", description: "The council's official name." },
  {
    name: "type",
    type: "text",
    description: "CTY (county), UA (unitary authority), MD (metropolitan district), LBO (London borough) or CC.",
  },
  { name: "typeName", type: "text", description: "The type in words." },
  { name: "region", type: "text", description: "The English region the council is in." },
  { name: "population2020", type: "number or null", description: "Its population in 2020, as the source gives it." },
  { name: "startedOn", type: "date or null", description: "The day the council began, where the source gives one." },
  {
    name: "endedOn",
    type: "date or null",
    description: "The day a reorganised council ended; null for a council that still exists.",
  },
  { name: "successor", type: "text or null", description: "The slug of the council that took over from it." },
  { name: "url", type: "address", description: "Its page on this site." },
  {
    name: "attribution",
    type: "text",
    description: "Where the council data comes from and its licence (mySociety, CC BY 4.0), to quote when reusing it.",
  },
] as const satisfies readonly FieldDoc[];

type Names<T extends readonly FieldDoc[]> = { [K in keyof T]: T[K] extends { name: infer N } ? N : never };
const names = <T extends readonly FieldDoc[]>(docs: T) => docs.map((d) => d.name) as unknown as Names<T>;

export const RECOMMENDATION_FIELDS = names(RECOMMENDATION_FIELD_DOCS);
export const MILESTONE_FIELDS = names(MILESTONE_FIELD_DOCS);
export const PILLAR_FIELDS = names(PILLAR_FIELD_DOCS);
export const OUTCOME_FIELDS = names(OUTCOME_FIELD_DOCS);
export const COUNCIL_FIELDS = names(COUNCIL_FIELD_DOCS);

export const PROGRAMME_FIELD_DOCS = [
  {
    name: "slug",
    type: "text",
    description: "The programme's stable name in addresses, for example families-first-pathfinder.",
  },
  { name: "name", type: "text", description: "The programme's name, as DfE staff recorded it." },
  { name: "description", type: "text", description: "What the programme is, in plain English." },
  { name: "startedOn", type: "date or null", description: "The day the programme began, when it has been recorded." },
  { name: "endedOn", type: "date or null", description: "The day the programme ended, when it has been recorded." },
  {
    name: "milestones",
    type: "list of text",
    description: "The codes of the national milestones it delivers. In the CSV, one cell separated by \u201c; \u201d.",
  },
  {
    name: "councilsNow",
    type: "list of text",
    description:
      "The GSS codes of the councils taking part today (UK time); /api/v1/programmes/{slug} gives every council's dates. In the CSV, one cell separated by \u201c; \u201d.",
  },
  { name: "url", type: "address", description: "Its page on this site." },
] as const satisfies readonly FieldDoc[];

export const PROGRAMME_FIELDS = names(PROGRAMME_FIELD_DOCS);

const LIST_NOTE = "In the CSV, one cell separated by \u201c; \u201d.";
export const LOCAL_ACTION_FIELD_DOCS = [
  { name: "council", type: "text", description: "The slug of the council that published it, for example thurrock." },
  { name: "councilGssCode", type: "text", description: "That council's ONS GSS code, for example E06000034." },
  { name: "councilName", type: "text", description: "That council's usual name." },
  { name: "region", type: "text", description: "The English region the council is in." },
  {
    name: "code",
    type: "text",
    description: "The action's code within its council, LA-1, LA-2 and so on: council and code together name it.",
  },
  { name: "title", type: "text", description: "The action, in the council's words." },
  { name: "description", type: "text", description: "What the council is doing, in its words." },
  {
    name: "leadRole",
    type: "text",
    description:
      "Who leads it, as a role (for example Director of Children\u2019s Services), never a person\u2019s name.",
  },
  {
    name: "status",
    type: "text",
    description: `Its status, in the milestones\u2019 vocabulary: ${codes(MILESTONE_STATUSES)}.`,
  },
  {
    name: "dueDate",
    type: "date",
    description: "The date the council set when it added the action. It never moves: slippage is measured from it.",
  },
  { name: "forecastDate", type: "date or null", description: "When the council now expects it done, if it says." },
  { name: "actualDate", type: "date or null", description: "When it was completed." },
  { name: "plannedDate", type: "date", description: "The forecast date when there is one, otherwise the due date." },
  {
    name: "lateness",
    type: "text or null",
    description: `Overdue on the day viewed, as for milestones: ${codes(LATENESS_KINDS)}; null when it is not overdue.`,
  },
  {
    name: "slipped",
    type: "true or false",
    description: "True when the forecast date is later than the due date.",
  },
  { name: "commentary", type: "text or null", description: "The council\u2019s latest commentary." },
  { name: "evidence", type: "list of addresses", description: `Links to its evidence. ${LIST_NOTE}` },
  {
    name: "milestones",
    type: "list of text",
    description: `The codes of the national milestones it serves, for example M-30. ${LIST_NOTE}`,
  },
  {
    name: "recommendations",
    type: "list of text",
    description: `The codes of the recommendations it serves, for example CR-01. ${LIST_NOTE}`,
  },
  {
    name: "annex1Actions",
    type: "list of text",
    description: `The codes of the strategy\u2019s Annex 1 actions it serves, for example A1-O1-N3 (outcome 1, third \u201cWhat will we do next?\u201d action) or A1-O1-R2 (its second two-year result). ${LIST_NOTE}`,
  },
  { name: "addedAt", type: "date and time", description: "When the council published it (UTC, ISO 8601)." },
  { name: "lastChanged", type: "date and time", description: "When the council last changed it (UTC, ISO 8601)." },
  { name: "url", type: "address", description: "Its page on this site, with its history of changes." },
] as const satisfies readonly FieldDoc[];

export const LOCAL_ACTION_FIELDS = names(LOCAL_ACTION_FIELD_DOCS);

export const DATASETS: readonly DatasetDoc[] = [
  {
    id: "recommendations",
    title: "Recommendations",
    path: "/api/v1/recommendations",
    fields: RECOMMENDATION_FIELD_DOCS,
  },
  { id: "milestones", title: "Milestones", path: "/api/v1/milestones", fields: MILESTONE_FIELD_DOCS },
  { id: "pillars", title: "Pillars", path: "/api/v1/pillars", fields: PILLAR_FIELD_DOCS },
  { id: "outcomes", title: "Outcomes and enablers", path: "/api/v1/outcomes", fields: OUTCOME_FIELD_DOCS },
  { id: "councils", title: "Councils", path: "/api/v1/councils", fields: COUNCIL_FIELD_DOCS },
  { id: "programmes", title: "National programmes", path: "/api/v1/programmes", fields: PROGRAMME_FIELD_DOCS },
  {
    id: "local-actions",
    title: "Councils\u2019 local actions",
    path: "/api/v1/local-actions",
    fields: LOCAL_ACTION_FIELD_DOCS,
  },
];
