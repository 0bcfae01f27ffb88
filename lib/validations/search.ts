import { hasControlCharacters } from "@/lib/validations/text";
import {
  enumRule,
  pageRule,
  type ParameterError,
  type ParameterRule,
  parseWith,
  type ParseResult,
  SEARCH_WORDS_MAX,
} from "@/lib/validations/public-filters";
import { type SearchParamsLike, toSearchParams } from "@/lib/search-params";
import { z } from "@/lib/validations/zod";

// The site search (/search and /api/v1/search): one rule for the page and the API, as for the lists.

/** What the search looks in, in the order results of equal rank are listed. */
export const SEARCH_KINDS = ["recommendation", "milestone", "pillar", "outcome", "commitment"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_PAGE_SIZE = 20;

export interface SearchQuery {
  q: string;
  kind?: SearchKind;
  page?: number;
  pageSize?: number;
}

// The search words get their own messages: "q" is the one parameter a reader types, so say exactly what is wrong.
const qRule: ParameterRule = {
  check: (value) => {
    const q = value.trim();
    if (hasControlCharacters(q))
      return { ok: false, message: `Search words must not contain hidden control characters: type them again.` };
    if (q.length > SEARCH_WORDS_MAX)
      return {
        ok: false,
        message: `Search words must be ${SEARCH_WORDS_MAX} characters or fewer (these are ${q.length}).`,
      };
    return { ok: true, value: q };
  },
  documented: z.string().min(1).max(SEARCH_WORDS_MAX),
  description: `The words to search for, at most ${SEARCH_WORDS_MAX} characters, without control characters.`,
  required: true,
};

export const SEARCH_RULES = {
  q: qRule,
  kind: { ...enumRule(SEARCH_KINDS), description: "Only results of this kind." },
  page: { ...pageRule, description: "Which page of results to give, from 1." },
  pageSize: {
    schema: z.coerce.number().int().min(1).max(100),
    allowed: "a whole number from 1 to 100",
    description: `How many results a page holds (${SEARCH_PAGE_SIZE} when not given).`,
  },
} satisfies Record<string, ParameterRule>;

export const MISSING_SEARCH_WORDS: ParameterError = {
  parameter: "q",
  message: `Enter words to search for, in "q" (for example q=kinship).`,
};

/**
 * The search of a page or API request. Words are required: an empty or missing `q` is an error, since a search for
 * nothing has no ranking and no snippets. Pages ignore parameters they do not know; the API names them.
 */
export function parseSearch(params: SearchParamsLike, options = { strict: false }): ParseResult<SearchQuery> {
  const query = toSearchParams(params);
  const parsed = parseWith<Partial<SearchQuery>>(SEARCH_RULES, query, options);
  const errors = parsed.ok ? [] : [...parsed.errors];
  // The shared parser skips an empty value as "no filter"; here no words at all is an error of its own.
  const noWords = !query.getAll("q").some((v) => v.trim() !== "");
  if (noWords) errors.unshift(MISSING_SEARCH_WORDS);
  if (errors.length || !parsed.ok) return { ok: false, errors };
  const { q, ...rest } = parsed.filters;
  return { ok: true, filters: { q: q!, ...rest } };
}
