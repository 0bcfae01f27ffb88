import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import {
  CouncilDetail,
  CouncilList,
  LocalActionList,
  MilestoneList,
  NotFoundBody,
  OutcomeList,
  ParameterErrorBody,
  PillarList,
  ProgrammeDetail,
  ProgrammeList,
  RecommendationList,
  SearchResponse,
} from "@/lib/api/responses";
import {
  COUNCIL_FIELDS,
  LOCAL_ACTION_FIELDS,
  MILESTONE_FIELDS,
  OUTCOME_FIELDS,
  PILLAR_FIELDS,
  PROGRAMME_FIELDS,
  RECOMMENDATION_FIELDS,
} from "@/lib/reform/open-data-fields";
import { COUNCIL_API_PARAMETERS } from "@/lib/validations/councils";
import { LOCAL_ACTION_RULES } from "@/lib/validations/local-action-filters";
import {
  documentedParameters,
  FORMAT_ONLY_RULES,
  MILESTONE_RULES,
  RECOMMENDATION_RULES,
} from "@/lib/validations/public-filters";
import { SEARCH_RULES } from "@/lib/validations/search";
import { z } from "@/lib/validations/zod";

// The OpenAPI 3.1 description of the open-data API (/api/v1/openapi.json, and the page /open-data/api), generated
// from the zod schemas that validate each request (lib/validations/*) and shape each answer (lib/api/responses.ts).
// Nothing in it is written by hand but the words.
//
// To add an endpoint: write its route under app/api/v1, then add ONE entry to API_ENDPOINTS below naming its query
// parameters (the rules its route parses with), its answer's schema (the one its route passes to jsonResponse) and,
// if it offers format=csv, its CSV columns. tests/e2e/openapi.spec.ts fails for a route that has no entry here.

export interface ApiEndpoint {
  /** The address, with `{name}` for a path parameter, as OpenAPI writes it. */
  path: `/api/v1/${string}`;
  /** One line: what it gives. */
  summary: string;
  description: string;
  /** The documented query parameters: `documentedParameters(THE_RULES)` of the rules the route parses with. */
  query: Record<string, z.ZodType>;
  /** Path parameters, for an address of one record. */
  pathParameters?: Record<string, z.ZodType>;
  /** The JSON answer: the schema the route passes to jsonResponse. */
  response: z.ZodType;
  /** The CSV columns (its header row), when `format=csv` is offered. */
  csv?: readonly string[];
  /** Whether the address may name no record (404). */
  notFound?: string;
}

const FORMAT_ONLY = documentedParameters(FORMAT_ONLY_RULES);
const slug = (description: string) => ({ slug: z.string().min(1).meta({ description }) });

export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  {
    path: "/api/v1/recommendations",
    summary: "Recommendations",
    description:
      "The recommendations of the three reviews and the government's response to each, filtered like the /recommendations page, a page at a time.",
    query: documentedParameters(RECOMMENDATION_RULES),
    response: RecommendationList,
    csv: RECOMMENDATION_FIELDS,
  },
  {
    path: "/api/v1/milestones",
    summary: "Milestones",
    description:
      "The milestones of the strategy's Figure 3 and their progress, filtered like the /milestones page, a page at a time.",
    query: documentedParameters(MILESTONE_RULES),
    response: MilestoneList,
    csv: MILESTONE_FIELDS,
  },
  {
    path: "/api/v1/pillars",
    summary: "Pillars of reform",
    description: "The six pillars of reform, with their recommendations and milestones counted.",
    query: FORMAT_ONLY,
    response: PillarList,
    csv: PILLAR_FIELDS,
  },
  {
    path: "/api/v1/outcomes",
    summary: "Outcomes and enablers",
    description: "The four outcomes and two enablers, with Annex 1's commitments and counts.",
    query: FORMAT_ONLY,
    response: OutcomeList,
    csv: OUTCOME_FIELDS,
  },
  {
    path: "/api/v1/councils",
    summary: "Councils",
    description:
      "England's councils with children's services, filtered like the /councils page. Council data: mySociety, CC BY 4.0 (see each record's attribution).",
    query: COUNCIL_API_PARAMETERS,
    response: CouncilList,
    csv: COUNCIL_FIELDS,
  },
  {
    path: "/api/v1/councils/{slug}",
    summary: "One council",
    description:
      "One council, by its slug (thurrock) or its GSS code (E06000034), in any case, with its local actions counted by status. Takes no parameters.",
    query: {},
    pathParameters: slug("The council's slug or GSS code."),
    response: CouncilDetail,
    notFound: "No council has this slug or GSS code.",
  },
  {
    path: "/api/v1/programmes",
    summary: "National programmes",
    description:
      "The national programmes DfE staff have recorded, with their milestones and the councils taking part today.",
    query: FORMAT_ONLY,
    response: ProgrammeList,
    csv: PROGRAMME_FIELDS,
  },
  {
    path: "/api/v1/programmes/{slug}",
    summary: "One national programme",
    description: "One programme, with every council's dates of taking part. Takes no parameters.",
    query: {},
    pathParameters: slug("The programme's slug, as /api/v1/programmes lists it."),
    response: ProgrammeDetail,
    notFound: "No programme has this slug.",
  },
  {
    path: "/api/v1/local-actions",
    summary: "Local actions",
    description:
      "What each council says it is doing about the national reform: its local actions, each published and attributed to the council, now or as at a past day, a page at a time.",
    query: documentedParameters(LOCAL_ACTION_RULES([])),
    response: LocalActionList,
    csv: LOCAL_ACTION_FIELDS,
  },
  {
    path: "/api/v1/search",
    summary: "Search",
    description:
      "The site search: recommendations, milestones, pillars, outcomes and Annex 1 commitments matching the words, best first, with the matching passages.",
    query: documentedParameters(SEARCH_RULES),
    response: SearchResponse,
  },
  {
    path: "/api/v1/openapi.json",
    summary: "This description",
    description: "This API's OpenAPI 3.1 description, generated from the rules the API runs on. Takes no parameters.",
    query: {},
    response: z.looseObject({ openapi: z.literal("3.1.0") }),
  },
];

const ETAG_NOTE =
  "Answers carry an ETag: send it back in If-None-Match and an unchanged answer is 304 Not Modified, with no body. Anyone may read them from any website (Access-Control-Allow-Origin: *).";

function operation(endpoint: ApiEndpoint): ZodOpenApiOperationObject {
  const columns = endpoint.csv
    ? `With format=csv: a CSV file (UTF-8 with a byte order mark, a header row) whose columns are, in order: ${endpoint.csv.join(", ")}.`
    : "";
  return {
    operationId: endpoint.path
      .replace("/api/v1/", "")
      .replace(/\{(\w+)\}/g, "by-$1")
      .replace(/[^a-z0-9]+/gi, "-"),
    summary: endpoint.summary,
    description: endpoint.description,
    requestParams: {
      query: z.object(endpoint.query),
      ...(endpoint.pathParameters && { path: z.object(endpoint.pathParameters) }),
    },
    responses: {
      "200": {
        description: [`The ${endpoint.summary.toLowerCase()}.`, columns].join(" ").trim(),
        headers: z.object({ ETag: z.string().meta({ description: "A validator of this answer, for If-None-Match." }) }),
        content: {
          "application/json": { schema: endpoint.response },
          ...(endpoint.csv && {
            "text/csv": { schema: z.string().meta({ description: columns }) },
          }),
        },
      },
      "304": { description: "Not modified: the answer has the ETag sent in If-None-Match." },
      "400": {
        description:
          endpoint.pathParameters || Object.keys(endpoint.query).length === 0
            ? "A query parameter was given: this address takes none."
            : "A parameter is unknown, given twice, or has a value not allowed.",
        content: { "application/json": { schema: ParameterErrorBody } },
      },
      ...(endpoint.notFound && {
        "404": { description: endpoint.notFound, content: { "application/json": { schema: NotFoundBody } } },
      }),
    },
  };
}

let built: { origin: string; document: ReturnType<typeof createDocument> } | undefined;

/** The document, for the site at `origin` (its one server). Built once per address: the rules do not change. */
export function openApiDocument(origin: string): ReturnType<typeof createDocument> {
  if (built?.origin === origin) return built.document;
  const paths: ZodOpenApiPathsObject = Object.fromEntries(
    API_ENDPOINTS.map((endpoint) => [endpoint.path, { get: operation(endpoint) }]),
  );
  const document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Reform Tracker open data API",
      version: "1",
      description: `The data of England's children's social care reform tracker, free to reuse under the Open Government Licence v3.0 (council names and codes: CC BY 4.0, from mySociety). Fields are only ever added, never renamed or removed. ${ETAG_NOTE}`,
      license: {
        name: "Open Government Licence v3.0",
        url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
      },
    },
    servers: [{ url: origin }],
    paths,
  });
  built = { origin, document };
  return document;
}
