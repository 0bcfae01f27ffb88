import { REGIONS } from "@/lib/seed/councils";
import { type SearchParamsLike, toSearchParams } from "@/lib/search-params";
import { withoutControlCharacters } from "@/lib/validations/text";
import { documentedParameters, formatRule, type ParameterError } from "@/lib/validations/public-filters";
import { PROGRAMME_SLUG, PROGRAMME_SLUG_MAX } from "@/lib/validations/programmes";
import { z } from "@/lib/validations/zod";

// Parameters of /councils and /api/v1/councils. As for the other lists, the page shows an error summary for a bad
// value and the API answers 400; the API also refuses names it does not know.

export const COUNCIL_QUERY_MAX = 100;

/**
 * The API's parameters as the OpenAPI document gives them (lib/api/openapi.ts). The parser below checks the same
 * limits with messages of its own; tests/e2e/openapi.spec.ts sends a bad value of each and expects its 400.
 */
export const COUNCIL_API_PARAMETERS = {
  q: z
    .string()
    .max(COUNCIL_QUERY_MAX)
    .optional()
    .meta({
      description: `Words in the council's name or official name, every one of them; at most ${COUNCIL_QUERY_MAX} characters, without control characters.`,
    }),
  region: z.enum(REGIONS).optional().meta({ description: "Only the councils in this English region." }),
  programme: z.string().max(PROGRAMME_SLUG_MAX).regex(PROGRAMME_SLUG).optional().meta({
    description:
      "A programme's slug, one that /api/v1/programmes lists: only the councils that take or took part in it.",
  }),
  publishes: z.enum(["yes", "no"]).optional().meta({
    description:
      "yes: only the councils that publish local actions (at least one); no: only those that have published none yet.",
  }),
  format: documentedParameters({ format: formatRule }).format!,
} satisfies Record<keyof CouncilListParams, z.ZodType>;

export interface CouncilListParams {
  q?: string;
  region?: (typeof REGIONS)[number];
  /** A programme's slug: councils that take or took part in it. */
  programme?: string;
  /** The page's filter (issue 15): councils that publish local actions ("yes": at least one) or do not ("no"). */
  publishes?: "yes" | "no";
  format: "json" | "csv";
}

export function parseCouncilParams(
  params: SearchParamsLike,
  /** `programmes`: the slugs of the programmes there are; a programme filter must name one of them. */
  options: { strict: boolean; programmes: readonly string[] },
): { ok: true; params: CouncilListParams } | { ok: false; errors: ParameterError[]; params: CouncilListParams } {
  const query = toSearchParams(params);
  const allowed = options.strict
    ? ["q", "region", "programme", "publishes", "format"]
    : ["q", "region", "programme", "publishes", "asAt"];
  const errors: ParameterError[] = [];
  const result: CouncilListParams = { format: "json" };
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name).filter((v) => v.trim() !== "");
    if (!allowed.includes(name)) {
      if (options.strict)
        errors.push({
          parameter: name,
          message: `Unknown parameter "${name}". Allowed parameters: ${allowed.join(", ")}.`,
        });
      continue;
    }
    if (values.length === 0) continue;
    if (values.length > 1) {
      errors.push({ parameter: name, message: `"${name}" was given ${values.length} times; give it once.` });
      continue;
    }
    const value = values[0]!.trim();
    if (name === "q") {
      const [valid, message] = withoutControlCharacters("The search");
      if (value.length > COUNCIL_QUERY_MAX)
        errors.push({ parameter: "q", message: `The search must be ${COUNCIL_QUERY_MAX} characters or fewer` });
      else if (!valid(value)) errors.push({ parameter: "q", message: String(message) });
      else result.q = value;
    } else if (name === "region") {
      if ((REGIONS as readonly string[]).includes(value)) result.region = value as (typeof REGIONS)[number];
      else errors.push({ parameter: "region", message: `"region" must be one of: ${REGIONS.join(", ")}.` });
    } else if (name === "programme") {
      if (options.programmes.includes(value)) result.programme = value;
      else
        errors.push({
          parameter: "programme",
          message: options.programmes.length
            ? `"programme" must be the web address name of a programme: ${options.programmes.join(", ")}.`
            : `"programme" names no programme: none has been recorded yet.`,
        });
    } else if (name === "publishes") {
      if (value === "yes" || value === "no") result.publishes = value;
      else errors.push({ parameter: "publishes", message: `"publishes" must be one of: yes, no.` });
    } else if (name === "format") {
      if (value === "json" || value === "csv") result.format = value;
      else errors.push({ parameter: "format", message: `"format" must be one of: json, csv.` });
    }
  }
  return errors.length ? { ok: false, errors, params: result } : { ok: true, params: result };
}
