import { z } from "@/lib/validations/zod";
import { RECOMMENDATION_CODE } from "@/lib/reform/codes";
import { REGIONS } from "@/lib/seed/councils";
import type { SearchParamsLike } from "@/lib/search-params";
import {
  asAtRule,
  enumRule,
  FORMATS,
  formatRule,
  pageDescribed,
  pageSizeDescribed,
  parseWith,
  type ParameterRule,
  type ParseResult,
} from "@/lib/validations/public-filters";
import { MILESTONE_STATUSES } from "@/lib/vocabulary";

// The filters of /api/v1/local-actions (issue 15, item 8), by the rules of the other lists (public-filters.ts): an
// unknown name, a repeated one or a bad value is a 400 that says what is allowed. A council is named by its slug or
// its GSS code; which one it is, and whether it exists, the route asks the database.

export interface LocalActionListFilters {
  /** A council's slug or GSS code, as given (lower-cased slug, upper-cased code). */
  council?: string;
  region?: (typeof REGIONS)[number];
  programme?: string;
  status?: (typeof MILESTONE_STATUSES)[number];
  milestone?: string;
  recommendation?: string;
  page?: number;
  pageSize?: number;
  format?: (typeof FORMATS)[number];
  asAt?: string;
}

const COUNCIL = /^(e\d{8}|[a-z0-9]+(-[a-z0-9]+)*)$/i;

/** The rules, given the slugs of the programmes there are (a programme filter must name one). */
export const LOCAL_ACTION_RULES = (programmes: readonly string[]) =>
  ({
    council: {
      description: "Only this council's local actions: its slug (thurrock) or its GSS code (E06000034), in any case.",
      documented: z.string().max(100),
      check: (value) => {
        const v = value.trim();
        return COUNCIL.test(v) && v.length <= 100
          ? { ok: true, value: /^e\d{8}$/i.test(v) ? v.toUpperCase() : v.toLowerCase() }
          : { ok: false, message: `"council" must be a council's slug (like thurrock) or GSS code (like E06000034).` };
      },
    },
    region: { ...enumRule(REGIONS), description: "Only the local actions of councils in this English region." },
    programme: {
      description:
        "A programme's slug, one that /api/v1/programmes lists: only the local actions of councils that take or took part in it.",
      documented: z.string().max(100),
      check: (value) =>
        programmes.includes(value.trim())
          ? { ok: true, value: value.trim() }
          : {
              ok: false,
              message: programmes.length
                ? `"programme" must be the web address name of a programme: ${programmes.join(", ")}.`
                : `"programme" names no programme: none has been recorded yet.`,
            },
    },
    status: { ...enumRule(MILESTONE_STATUSES), description: "Only the local actions with this status." },
    milestone: {
      description: "Only the local actions that serve this national milestone.",
      schema: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^M-\d{1,6}$/),
      allowed: "a milestone's code, like M-30",
    },
    recommendation: {
      description: "Only the local actions that serve this recommendation.",
      schema: z.string().trim().toUpperCase().regex(RECOMMENDATION_CODE),
      allowed: "a recommendation's code, like CR-01",
    },
    page: pageDescribed,
    pageSize: pageSizeDescribed,
    format: formatRule,
    asAt: asAtRule,
  }) satisfies Record<string, ParameterRule>;

export function parseLocalActionFilters(
  params: SearchParamsLike,
  options: { strict: boolean; programmes: readonly string[] },
): ParseResult<LocalActionListFilters> {
  return parseWith<LocalActionListFilters>(LOCAL_ACTION_RULES(options.programmes), params, options);
}
