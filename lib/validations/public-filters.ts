import { z } from "@/lib/validations/zod";
import { checkAsAt, isRealDay, PLAN_YEARS, STRATEGY_PUBLISHED, todayInLondon } from "@/lib/dates";
import { type SearchParamsLike, toSearchParams } from "@/lib/search-params";
import { withoutControlCharacters } from "@/lib/validations/text";
import {
  LATENESS_KINDS,
  MILESTONE_GROUPS,
  MILESTONE_STATUSES,
  RESPONSE_CLASSES,
  REVIEW_CODES,
  type ReviewCode,
} from "@/lib/vocabulary";

// The filters of the public lists, shared by the pages (/recommendations, /milestones), the JSON API
// (/api/v1/...) and the CSV downloads, so a rule is written once and a shared URL means the same everywhere.

export const RECOMMENDATION_SORTS = ["code", "relevance", "class", "pillar"] as const;
export const RECOMMENDATION_GAPS = ["undelivered"] as const;
export const MILESTONE_SORTS = ["due", "code", "status"] as const;
export const MILESTONE_GAPS = ["overdue", "stale"] as const;
export const DUE_WINDOWS = ["overdue", "next-90-days", ...PLAN_YEARS, "later"] as const;
export const FORMATS = ["json", "csv"] as const;

const number1to6 = z.coerce.number().int().min(1).max(6);
const isoDay = z.string().refine(isRealDay).meta({ format: "date" });

export type ParameterRule = (
  | {
      schema: z.ZodType;
      /** What the error message lists as allowed. */
      allowed: string;
    }
  /**
   * A rule with its own messages; `value: undefined` means "no filter". `documented` is the schema the OpenAPI
   * document gives the parameter (lib/api/openapi.ts), since a function cannot describe itself.
   */
  | { check: (value: string) => { ok: true; value: unknown } | { ok: false; message: string }; documented: z.ZodType }
) & {
  /** What the parameter does, for the API's documentation. */
  description?: string;
  /** Documented as required: the parser gives its own error when it is missing (lib/validations/search.ts). */
  required?: true;
};

/** A rule with what it does, for the OpenAPI document; the rule itself is unchanged. */
const described = (rule: ParameterRule, description: string): ParameterRule => ({ ...rule, description });

/** The schema of each parameter of a list of rules, with its description: the OpenAPI document's query parameters. */
export function documentedParameters(rules: Record<string, ParameterRule>): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => {
      const schema = "check" in rule ? rule.documented : rule.schema;
      // A list of values or a range is in the schema itself; what a text may hold is said in words too.
      const says = "allowed" in rule && !(rule.schema instanceof z.ZodEnum || rule.schema instanceof z.ZodNumber);
      const description = [rule.description, says ? `Allowed: ${rule.allowed}.` : ""].join(" ").trim();
      return [name, (rule.required ? schema : schema.optional()).meta({ description })];
    }),
  );
}

/** The one `asAt` rule of every view (lib/dates.ts): as at today is today's view, no filter. */
export const asAtRule: ParameterRule = {
  check: (value) => {
    const checked = checkAsAt(value, todayInLondon());
    return checked.ok ? { ok: true, value: checked.asAt ?? undefined } : checked;
  },
  documented: z.iso.date(),
  description: `Show the data as it was at the end of this past UK day (YYYY-MM-DD), rebuilt from the audit trail; today means now. From ${STRATEGY_PUBLISHED} (when the strategy was published) to today.`,
};

export const enumRule = (values: readonly string[]): ParameterRule => ({
  schema: z.enum(values as [string, ...string[]]),
  allowed: values.join(", "),
});
export const pageRule: ParameterRule = {
  schema: z.coerce.number().int().min(1).max(100_000),
  allowed: "a whole number from 1",
};
export const pageSizeRule: ParameterRule = {
  schema: z.coerce.number().int().min(1).max(500),
  allowed: "a whole number from 1 to 500",
};

/** Search words, for the lists' `q` and the site search (lib/validations/search.ts). */
export const SEARCH_WORDS_MAX = 200;
export const searchWordsRule: ParameterRule = {
  schema: z
    .string()
    .trim()
    .min(1)
    .max(SEARCH_WORDS_MAX)
    .refine(...withoutControlCharacters("Search words")),
  allowed: `search words, at most ${SEARCH_WORDS_MAX} characters, without control characters`,
};

const pillarRule: ParameterRule = { schema: number1to6, allowed: "1, 2, 3, 4, 5, 6" };
/** The `format` parameter of every list of the API. */
export const formatRule = described(
  enumRule(FORMATS),
  "json (the default) or csv: the same fields as a CSV file with a header row; a CSV holds every matching record (no pages).",
);
/** The rules of a list with no filters (/api/v1/pillars, outcomes, programmes). */
export const FORMAT_ONLY_RULES = { format: formatRule } satisfies Record<string, ParameterRule>;

export const pageDescribed = described(pageRule, "Which page of results to give, from 1.");
export const pageSizeDescribed = described(pageSizeRule, "How many records a page holds (50 when not given).");

export const RECOMMENDATION_RULES = {
  review: described(enumRule(REVIEW_CODES), "Only the recommendations of this review."),
  pillar: described(pillarRule, "Only the recommendations the strategy places under this pillar of reform."),
  outcome: described(pillarRule, "Only the recommendations that serve this outcome or enabler."),
  class: described(enumRule(RESPONSE_CLASSES), "Only the recommendations whose government response has this class."),
  status: described(enumRule(MILESTONE_STATUSES), "Only the recommendations with a milestone of this status."),
  gap: described(
    enumRule(RECOMMENDATION_GAPS),
    "undelivered: recommendations the government said it would act on that no milestone delivers.",
  ),
  lateness: described(enumRule(LATENESS_KINDS), "Only the recommendations with a milestone overdue in this way."),
  q: described(searchWordsRule, "Words in the recommendation or its response."),
  sort: described(
    enumRule(RECOMMENDATION_SORTS),
    "The order: code (the strategy's order, the default), relevance (the default with q), class or pillar.",
  ),
  page: pageDescribed,
  pageSize: pageSizeDescribed,
  format: formatRule,
  asAt: asAtRule,
} satisfies Record<string, ParameterRule>;

export const MILESTONE_RULES = {
  group: described(enumRule(MILESTONE_GROUPS), "Only the milestones under this heading of Figure 3."),
  activity: {
    description: "Only the milestones of this Figure 3 activity, its name exactly as the data gives it.",
    schema: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .refine(...withoutControlCharacters("The activity")),
    allowed: "an activity name, at most 300 characters, without control characters",
  },
  pillar: described(pillarRule, "Only the milestones that serve this pillar of reform."),
  outcome: described(pillarRule, "Only the milestones that serve this outcome or enabler."),
  status: described(enumRule(MILESTONE_STATUSES), "Only the milestones with this status."),
  due: described(
    enumRule(DUE_WINDOWS),
    "Only the milestones planned in this window: overdue, the next 90 days, a year of the plan, or after it.",
  ),
  dueFrom: described(
    { schema: isoDay, allowed: "a date as YYYY-MM-DD" },
    "Only the milestones planned on or after this day.",
  ),
  dueTo: described(
    { schema: isoDay, allowed: "a date as YYYY-MM-DD" },
    "Only the milestones planned on or before this day (not before dueFrom).",
  ),
  gap: described(
    enumRule(MILESTONE_GAPS),
    "overdue: open and past their planned date; stale: open and not updated by staff for 90 days.",
  ),
  q: described(searchWordsRule, "Words in the milestone's code, title, activity or commentary."),
  lateness: described(enumRule(LATENESS_KINDS), "Only the overdue milestones of this kind."),
  sort: described(enumRule(MILESTONE_SORTS), "The order: due (planned date, the default), code or status."),
  page: pageDescribed,
  pageSize: pageSizeDescribed,
  format: formatRule,
  asAt: asAtRule,
} satisfies Record<string, ParameterRule>;

export interface RecommendationFilters {
  review?: ReviewCode;
  pillar?: number;
  outcome?: number;
  class?: (typeof RESPONSE_CLASSES)[number];
  status?: (typeof MILESTONE_STATUSES)[number];
  gap?: (typeof RECOMMENDATION_GAPS)[number];
  /** Recommendations with a milestone overdue in this way. */
  lateness?: (typeof LATENESS_KINDS)[number];
  q?: string;
  sort?: (typeof RECOMMENDATION_SORTS)[number];
  page?: number;
  pageSize?: number;
  format?: (typeof FORMATS)[number];
  /** Show the state at the end of this past UK day, rebuilt from the audit trail. */
  asAt?: string;
}

export interface MilestoneFilters {
  group?: (typeof MILESTONE_GROUPS)[number];
  activity?: string;
  pillar?: number;
  outcome?: number;
  status?: (typeof MILESTONE_STATUSES)[number];
  due?: (typeof DUE_WINDOWS)[number];
  dueFrom?: string;
  dueTo?: string;
  gap?: (typeof MILESTONE_GAPS)[number];
  /** Words in the milestone's code, title, activity or commentary. */
  q?: string;
  /** Overdue milestones of one kind: date passed and not yet assessed, or assessed and late. */
  lateness?: (typeof LATENESS_KINDS)[number];
  sort?: (typeof MILESTONE_SORTS)[number];
  page?: number;
  pageSize?: number;
  format?: (typeof FORMATS)[number];
  /** Show the state at the end of this past UK day, rebuilt from the audit trail. */
  asAt?: string;
}

export interface ParameterError {
  parameter: string;
  message: string;
}

export type ParseResult<T> = { ok: true; filters: T } | { ok: false; errors: ParameterError[] };

function entries(params: SearchParamsLike): Array<[string, string[]]> {
  const query = toSearchParams(params);
  return [...new Set(query.keys())].map((k) => [k, query.getAll(k)]);
}

export function parseWith<T>(
  rules: Record<string, ParameterRule>,
  params: SearchParamsLike,
  options: { strict: boolean },
): ParseResult<T> {
  const filters: Record<string, unknown> = {};
  const errors: ParameterError[] = [];
  for (const [name, values] of entries(params)) {
    // Own properties only: a parameter named "constructor" or "__proto__" is unknown, not Object's own.
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule) {
      if (options.strict) {
        errors.push({
          parameter: name,
          message: `Unknown parameter "${name}". Allowed parameters: ${Object.keys(rules).join(", ")}.`,
        });
      }
      continue;
    }
    // An empty value (a form field left blank) means "no filter".
    const nonEmpty = values.filter((v) => v.trim() !== "");
    if (nonEmpty.length === 0) continue;
    if (nonEmpty.length > 1) {
      errors.push({ parameter: name, message: `"${name}" was given ${nonEmpty.length} times; give it once.` });
      continue;
    }
    if ("check" in rule) {
      const checked = rule.check(nonEmpty[0]!);
      if (!checked.ok) errors.push({ parameter: name, message: checked.message });
      else if (checked.value !== undefined) filters[name] = checked.value;
      continue;
    }
    const parsed = rule.schema.safeParse(nonEmpty[0]);
    if (parsed.success) filters[name] = parsed.data;
    else
      errors.push({
        parameter: name,
        message: `"${name}" must be ${rule.allowed.includes(",") ? "one of: " : ""}${rule.allowed}.`,
      });
  }
  if (typeof filters.dueFrom === "string" && typeof filters.dueTo === "string" && filters.dueFrom > filters.dueTo) {
    errors.push({ parameter: "dueTo", message: `"dueTo" must be on or after "dueFrom".` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, filters: filters as T };
}

/** Pages ignore parameters they do not know (tracking tags and the like); the API names them. */
export function parseRecommendationFilters(
  params: SearchParamsLike,
  options = { strict: false },
): ParseResult<RecommendationFilters> {
  return parseWith<RecommendationFilters>(RECOMMENDATION_RULES, params, options);
}

export function parseMilestoneFilters(
  params: SearchParamsLike,
  options = { strict: false },
): ParseResult<MilestoneFilters> {
  return parseWith<MilestoneFilters>(MILESTONE_RULES, params, options);
}

/** How many filters narrow a list (not its order, page, format or date): what a closed filter form says. */
export function appliedFilters(filters: object): number {
  return Object.entries(filters).filter(
    ([name, value]) => value !== undefined && !["sort", "page", "pageSize", "format", "asAt"].includes(name),
  ).length;
}

/** The query string for a set of filters, in a stable order, leaving out empty ones. */
export function toQueryString(filters: object, overrides: Record<string, string | number | undefined> = {}): string {
  const merged: Record<string, unknown> = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const key of Object.keys(merged).sort()) {
    const value = merged[key];
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
