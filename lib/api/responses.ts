import { z } from "@/lib/validations/zod";
import {
  COUNCIL_FIELD_DOCS,
  type FieldDoc,
  LOCAL_ACTION_FIELD_DOCS,
  MILESTONE_FIELD_DOCS,
  OUTCOME_FIELD_DOCS,
  PILLAR_FIELD_DOCS,
  PROGRAMME_FIELD_DOCS,
  RECOMMENDATION_FIELD_DOCS,
} from "@/lib/reform/open-data-fields";
import { SEARCH_KINDS } from "@/lib/validations/search";
import {
  LATENESS_KINDS,
  MILESTONE_GROUPS,
  MILESTONE_STATUS_LABELS,
  MILESTONE_STATUSES,
  RESPONSE_CLASS_LABELS,
  RESPONSE_CLASSES,
  REVIEW_CODES,
} from "@/lib/vocabulary";

// What the open-data API sends, as zod schemas. The routes build their answers with the types these give
// (lib/reform/open-data.ts, lib/councils/open-data.ts, lib/programmes/open-data.ts), so a field cannot be added,
// dropped or change type without the OpenAPI document (lib/api/openapi.ts) changing with it; the descriptions of
// the datasets' fields are the ones /open-data prints (lib/reform/open-data-fields.ts). tests/e2e/openapi.spec.ts
// checks real answers against the document.

type FieldNames<T extends readonly FieldDoc[]> = T[number]["name"];

/**
 * One dataset's record: a schema for each documented field, in the documented order, each with its description.
 * TypeScript refuses a field the documentation lacks, and a documented field without a schema.
 */
function documentedRecord<const T extends readonly FieldDoc[], S extends Record<FieldNames<T>, z.ZodType>>(
  id: string,
  docs: T,
  shapes: S & Record<Exclude<keyof S, FieldNames<T>>, never>,
): z.ZodObject<S> {
  const shape = Object.fromEntries(
    docs.map((d) => [d.name, (shapes as Record<string, z.ZodType>)[d.name]!.meta({ description: d.description })]),
  );
  return z.object(shape).meta({ id }) as unknown as z.ZodObject<S>;
}

const day = () => z.iso.date();
const address = () => z.url();
const count = () => z.int().min(0);
/** An object of counts, one for each value of a vocabulary, each described by the value's label. */
const countsOf = <const T extends readonly string[]>(values: T, label: (value: T[number]) => string) =>
  z.object(
    Object.fromEntries(values.map((v) => [v, count().meta({ description: label(v) })])) as {
      [K in T[number]]: ReturnType<typeof count>;
    },
  );
const outcomeNumber = () => z.int().min(1).max(6);
const milestoneCode = () => z.string().regex(/^M-\d+$/);

export const ResponseClassCounts = countsOf(RESPONSE_CLASSES, (c) => `How many: ${RESPONSE_CLASS_LABELS[c]}.`).meta({
  id: "ResponseClassCounts",
});
export const MilestoneStatusCounts = countsOf(
  MILESTONE_STATUSES,
  (s) => `How many: ${MILESTONE_STATUS_LABELS[s]}.`,
).meta({ id: "MilestoneStatusCounts" });

export const RecommendationRecord = documentedRecord("Recommendation", RECOMMENDATION_FIELD_DOCS, {
  code: z.string().regex(/^(CR|CPE|CMA)-\d+$/),
  review: z.enum(REVIEW_CODES),
  section: z.string(),
  subsection: z.string().nullable(),
  pillar: outcomeNumber(),
  outcomes: z.array(outcomeNumber()),
  text: z.string(),
  responseText: z.string(),
  responseInherited: z.boolean(),
  responseInheritedFrom: z.string().nullable(),
  statedResponse: z.string().nullable(),
  responseClass: z.enum(RESPONSE_CLASSES),
  responseRationale: z.string(),
  milestones: z.array(milestoneCode()),
  sourceAnnex: z.int().min(1),
  sourceRow: z.int().min(1),
  url: address(),
  milestonesOverdueNotYetAssessed: z.array(milestoneCode()),
  milestonesAssessedLate: z.array(milestoneCode()),
});

export const MilestoneRecord = documentedRecord("Milestone", MILESTONE_FIELD_DOCS, {
  code: milestoneCode(),
  group: z.enum(MILESTONE_GROUPS),
  activity: z.string(),
  title: z.string(),
  dateAsWritten: z.string().nullable(),
  dueDate: day(),
  forecastDate: day().nullable(),
  actualDate: day().nullable(),
  plannedDate: day(),
  status: z.enum(MILESTONE_STATUSES),
  overdue: z.boolean(),
  lastUpdated: z.iso.datetime().nullable(),
  pillars: z.array(outcomeNumber()),
  outcomes: z.array(outcomeNumber()),
  recommendations: z.array(z.string()),
  url: address(),
  lateness: z.enum(LATENESS_KINDS).nullable(),
});

export const PillarRecord = documentedRecord("Pillar", PILLAR_FIELD_DOCS, {
  number: outcomeNumber(),
  title: z.string(),
  section: z.string(),
  strategyChapter: z.int().min(1),
  chapterTitle: z.string(),
  outcomes: z.array(outcomeNumber()),
  recommendationsByResponseClass: ResponseClassCounts,
  milestonesByStatus: MilestoneStatusCounts,
  url: address(),
});

export const OutcomeRecord = documentedRecord("Outcome", OUTCOME_FIELD_DOCS, {
  number: outcomeNumber(),
  kind: z.enum(["outcome", "enabler"]),
  title: z.string(),
  pillars: z.array(outcomeNumber()),
  nextActions: z.array(z.string()),
  twoYearResults: z.array(z.string()),
  recommendationsByResponseClass: ResponseClassCounts,
  milestonesByStatus: MilestoneStatusCounts,
  url: address(),
});

export const CouncilRecord = documentedRecord("Council", COUNCIL_FIELD_DOCS, {
  slug: z.string(),
  gssCode: z.string().regex(/^E\d{8}$/),
  name: z.string(),
  officialName: z.string(),
  type: z.string(),
  typeName: z.string(),
  region: z.string(),
  population2020: z.int().min(0).nullable(),
  startedOn: day().nullable(),
  endedOn: day().nullable(),
  successor: z.string().nullable(),
  url: address(),
  attribution: z.string(),
});

/** One council, as /api/v1/councils/{slug} gives it: the list's fields and its local actions counted by status. */
export const CouncilDetail = CouncilRecord.extend({
  localActionsByStatus: MilestoneStatusCounts.meta({
    description: "The council's local actions (issue 15) counted by status; every status is listed, 0 when none.",
  }),
}).meta({ id: "CouncilDetail" });

export const LocalActionRecord = documentedRecord("LocalAction", LOCAL_ACTION_FIELD_DOCS, {
  council: z.string(),
  councilGssCode: z.string().regex(/^E\d{8}$/),
  councilName: z.string(),
  region: z.string(),
  code: z.string().regex(/^LA-\d+$/),
  title: z.string(),
  description: z.string(),
  leadRole: z.string(),
  status: z.enum(MILESTONE_STATUSES),
  dueDate: day(),
  forecastDate: day().nullable(),
  actualDate: day().nullable(),
  plannedDate: day(),
  lateness: z.enum(LATENESS_KINDS).nullable(),
  slipped: z.boolean(),
  commentary: z.string().nullable(),
  evidence: z.array(z.string()),
  milestones: z.array(milestoneCode()),
  recommendations: z.array(z.string()),
  annex1Actions: z.array(z.string().regex(/^A1-O\d{1,2}-[NR]\d{1,2}$/)),
  addedAt: z.iso.datetime(),
  lastChanged: z.iso.datetime(),
  url: address(),
});

export const ProgrammeRecord = documentedRecord("Programme", PROGRAMME_FIELD_DOCS, {
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  startedOn: day().nullable(),
  endedOn: day().nullable(),
  milestones: z.array(milestoneCode()),
  councilsNow: z.array(z.string().regex(/^E\d{8}$/)),
  url: address(),
});

export const ProgrammeCouncilSpell = z
  .object({
    slug: z.string().meta({ description: "The council's stable name in addresses." }),
    gssCode: z.string().meta({ description: "The council's ONS GSS code." }),
    name: z.string().meta({ description: "The council's usual name." }),
    region: z.string().meta({ description: "The English region the council is in." }),
    from: day().meta({ description: "The day the council joined the programme." }),
    until: day().nullable().meta({ description: "The day it left; null while it takes part." }),
  })
  .meta({ id: "ProgrammeCouncilSpell", description: "One spell of a council in the programme." });

export const ProgrammeDetail = ProgrammeRecord.extend({
  councils: z.array(ProgrammeCouncilSpell).meta({
    description:
      "Every council that takes or took part, with its dates; a council that left and joined again has a spell for each time.",
  }),
}).meta({ id: "ProgrammeDetail" });

const SnippetPart = z
  .object({
    text: z.string().meta({ description: "The stored text's own characters, never markup." }),
    match: z.boolean().meta({ description: "True for words that matched the search." }),
  })
  .meta({ id: "SnippetPart", description: "A run of text, plain or a match: mark the matches as you like." });

export const SearchResultRecord = z
  .object({
    kind: z.enum(SEARCH_KINDS).meta({ description: "What was found." }),
    code: z.string().meta({
      description: "Its code (CR-37, M-30); for a pillar, outcome or commitment, the pillar's or outcome's number.",
    }),
    title: z.string().meta({ description: "Its title as plain text." }),
    titleParts: z.array(SnippetPart).meta({ description: "The title in parts, with the matches marked." }),
    snippets: z
      .array(
        z
          .object({
            field: z
              .enum([
                "text",
                "response",
                "activity",
                "commentary",
                "chapterTitle",
                "section",
                "annex1Title",
                "commitment",
                "officialName",
                "description",
              ])
              .meta({ description: "The field the words matched in." }),
            parts: z.array(SnippetPart).meta({ description: "The passage in parts, with the matches marked." }),
          })
          .meta({ id: "SearchSnippet", description: "A passage where the words matched." }),
      )
      .meta({ description: "Passages where the words matched." }),
    rank: z.number().min(0).meta({ description: "How well it matched, higher first (to six decimal places)." }),
    responseClass: z
      .enum(RESPONSE_CLASSES)
      .optional()
      .meta({ description: "A recommendation's government response class." }),
    milestones: z
      .array(
        z
          .object({
            code: milestoneCode().meta({ description: "The milestone's code." }),
            title: z.string().meta({ description: "The milestone, verbatim from Figure 3." }),
            status: z.enum(MILESTONE_STATUSES).meta({ description: "Its status." }),
            url: address().meta({ description: "Its page on this site." }),
          })
          .meta({ id: "LinkedMilestone", description: "A milestone of the recommendation, with its status." }),
      )
      .optional()
      .meta({ description: "A recommendation's milestones, each with its status." }),
    status: z.enum(MILESTONE_STATUSES).optional().meta({ description: "A milestone's status." }),
    outcomeKind: z
      .enum(["outcome", "enabler"])
      .optional()
      .meta({ description: "An outcome's kind, or an Annex 1 commitment's outcome kind." }),
    commitmentKind: z.enum(["next_action", "two_year_result"]).optional().meta({
      description: "An Annex 1 commitment: next_action (What will we do next?) or two_year_result.",
    }),
    council: z
      .object({
        slug: z.string().meta({ description: "The council's slug." }),
        name: z.string().meta({ description: "The council's name." }),
        url: address().meta({ description: "The council's page on this site." }),
      })
      .optional()
      .meta({ description: "A local action's council, to which it is attributed (never to a person)." }),
    url: address().meta({ description: "The page that shows it on this site." }),
  })
  .meta({ id: "SearchResult" });

const total = () => count().meta({ description: "How many records match, on every page." });
const page = () => z.int().min(1).meta({ description: "The page of results given." });
const pageSize = () => z.int().min(1).meta({ description: "At most how many records a page holds." });

export const RecommendationList = z.object({
  total: total(),
  page: page(),
  pageSize: pageSize(),
  countsByResponseClass: ResponseClassCounts.meta({
    description: "The matching recommendations counted by response class.",
  }),
  items: z.array(RecommendationRecord).meta({ description: "This page's recommendations." }),
});

export const MilestoneList = z.object({
  total: total(),
  page: page(),
  pageSize: pageSize(),
  items: z.array(MilestoneRecord).meta({ description: "This page's milestones." }),
});

export const LocalActionList = z.object({
  total: total(),
  page: page(),
  pageSize: pageSize(),
  items: z.array(LocalActionRecord).meta({ description: "This page's local actions." }),
});

const wholeList = <T extends z.ZodType>(item: T) =>
  z.object({
    total: count().meta({ description: "How many records there are." }),
    items: z.array(item).meta({ description: "Every record." }),
  });

export const PillarList = wholeList(PillarRecord);
export const OutcomeList = wholeList(OutcomeRecord);
export const CouncilList = wholeList(CouncilRecord);
export const ProgrammeList = wholeList(ProgrammeRecord);

export const SearchResponse = z.object({
  q: z.string().meta({ description: "The words searched for, trimmed." }),
  kind: z.enum(SEARCH_KINDS).nullable().meta({ description: "The kind of result asked for, or null for every kind." }),
  total: total(),
  page: page(),
  pageSize: pageSize(),
  countsByKind: countsOf(SEARCH_KINDS, (k) => `How many results are a ${k}.`).meta({
    description: "Matches counted by kind, whatever `kind` asks for.",
  }),
  items: z.array(SearchResultRecord).meta({ description: "This page's results, best first." }),
});

export const ParameterErrorBody = z
  .object({
    error: z.literal("Bad query parameter").meta({ description: "Always these words." }),
    message: z.string().meta({ description: "Every problem, in one sentence each." }),
    errors: z
      .array(
        z
          .object({
            parameter: z.string().meta({ description: "The query parameter at fault." }),
            message: z.string().meta({ description: "What is wrong with it and what to send instead." }),
          })
          .meta({ id: "ParameterProblem" }),
      )
      .min(1)
      .meta({ description: "Each problem, with the parameter it is about." }),
  })
  .meta({ id: "ParameterError", description: "A query parameter is unknown, repeated or has a value not allowed." });

export const NotFoundBody = z
  .object({
    error: z.literal("Not found").meta({ description: "Always these words." }),
    message: z.string().meta({ description: "What was not found." }),
  })
  .meta({ id: "NotFound", description: "No record has this slug or code." });

export type RecommendationRecord = z.output<typeof RecommendationRecord>;
export type MilestoneRecord = z.output<typeof MilestoneRecord>;
export type PillarRecord = z.output<typeof PillarRecord>;
export type OutcomeRecord = z.output<typeof OutcomeRecord>;
export type CouncilRecord = z.output<typeof CouncilRecord>;
export type ProgrammeRecord = z.output<typeof ProgrammeRecord>;
export type ProgrammeDetail = z.output<typeof ProgrammeDetail>;
export type SearchResultRecord = z.output<typeof SearchResultRecord>;
