import { z } from "@/lib/validations/zod";
import { RECOMMENDATION_CODE } from "@/lib/reform/codes";
import { REGIONS } from "@/lib/seed/councils";
import type { SearchParamsLike } from "@/lib/search-params";
import {
  asAtRule,
  enumRule,
  FORMATS,
  pageRule,
  pageSizeRule,
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

const rules = (programmes: readonly string[]) =>
  ({
    council: {
      check: (value) => {
        const v = value.trim();
        return COUNCIL.test(v) && v.length <= 100
          ? { ok: true, value: /^e\d{8}$/i.test(v) ? v.toUpperCase() : v.toLowerCase() }
          : { ok: false, message: `"council" must be a council's slug (like thurrock) or GSS code (like E06000034).` };
      },
    },
    region: enumRule(REGIONS),
    programme: {
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
    status: enumRule(MILESTONE_STATUSES),
    milestone: {
      schema: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^M-\d{1,6}$/),
      allowed: "a milestone's code, like M-30",
    },
    recommendation: {
      schema: z.string().trim().toUpperCase().regex(RECOMMENDATION_CODE),
      allowed: "a recommendation's code, like CR-01",
    },
    page: pageRule,
    pageSize: pageSizeRule,
    format: enumRule(FORMATS),
    asAt: asAtRule,
  }) satisfies Record<string, ParameterRule>;

export function parseLocalActionFilters(
  params: SearchParamsLike,
  options: { strict: boolean; programmes: readonly string[] },
): ParseResult<LocalActionListFilters> {
  return parseWith<LocalActionListFilters>(rules(options.programmes), params, options);
}
