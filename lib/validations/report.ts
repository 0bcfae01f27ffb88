import { z } from "@/lib/validations/zod";
import { addDays, isPlausibleDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { type SearchParamsLike, toSearchParams } from "@/lib/search-params";
import type { ParameterError } from "@/lib/validations/public-filters";

// Parameters of the briefing pack (/report, /report/pdf and /report/docx). Defaults: as at today, changes in the 90
// days before. `asAt` follows the rule of every view (lib/dates.ts). `nextMeeting`, the date of the committee's next
// meeting, is optional: the pack then lists the milestones due before it (else those due in the next 90 days).
// `council` (a slug or an ONS code) adds that council's local section; whether it names a council is the page's and
// the downloads' to find out (a database read), here only its shape.

const day = (name: string) =>
  z.string().refine(isPlausibleDay, `"${name}" must be a real date as YYYY-MM-DD, for example 2024-06-30`);
const number1to6 = (name: string) =>
  z.coerce
    .number({ message: `"${name}" must be 1 to 6` })
    .int(`"${name}" must be 1 to 6`)
    .min(1, `"${name}" must be 1 to 6`)
    .max(6, `"${name}" must be 1 to 6`);

const COUNCIL_SHAPE = `"council" must be a council's address name (thurrock) or ONS code (E06000034)`;

/** The message for a well-formed council that names none. */
export const reportCouncilNotFound = (given: string) =>
  `There is no council "${given}": use its address name (thurrock) or ONS code (E06000034)`;

const schema = z.object({
  since: day("since").optional(),
  nextMeeting: day("nextMeeting").optional(),
  pillar: number1to6("pillar").optional(),
  outcome: number1to6("outcome").optional(),
  council: z
    .string()
    .max(100, COUNCIL_SHAPE)
    .regex(/^(e\d{8}|[a-z0-9]+(-[a-z0-9]+)*)$/i, COUNCIL_SHAPE)
    .transform((v) => v.toLowerCase())
    .optional(),
});

export interface ReportParams {
  since: string;
  asAt: string;
  pillar?: number;
  outcome?: number;
  nextMeeting?: string;
  council?: string;
}

export function parseReportParams(
  raw: SearchParamsLike,
  today = todayInLondon(),
): { ok: true; params: ReportParams } | { ok: false; errors: ParameterError[] } {
  const query = toSearchParams(raw);
  const single = Object.fromEntries(
    ["since", "pillar", "outcome", "nextMeeting", "council"].flatMap((name) => {
      const value = query.get(name);
      return value === null || value === "" ? [] : [[name, value]];
    }),
  );
  const asAtParam = parseAsAt(query, today);
  const parsed = schema.safeParse(single);
  if (!asAtParam.ok || !parsed.success) {
    const invalid = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ parameter: String(i.path[0]), message: i.message }));
    return { ok: false, errors: [...(asAtParam.ok ? [] : asAtParam.errors), ...invalid] };
  }
  const asAt = asAtParam.asAt ?? today;
  const since = parsed.data.since ?? addDays(asAt, -90);
  const errors: ParameterError[] = [];
  if (since > asAt) errors.push({ parameter: "since", message: `"since" must be on or before "asAt"` });
  if (parsed.data.nextMeeting !== undefined && parsed.data.nextMeeting < asAt) {
    errors.push({ parameter: "nextMeeting", message: `"nextMeeting" must be on or after "asAt"` });
  }
  if (parsed.data.pillar !== undefined && parsed.data.outcome !== undefined) {
    errors.push({ parameter: "outcome", message: "Choose a pillar or an outcome, not both" });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    params: {
      since,
      asAt,
      pillar: parsed.data.pillar,
      outcome: parsed.data.outcome,
      ...(parsed.data.nextMeeting ? { nextMeeting: parsed.data.nextMeeting } : {}),
      ...(parsed.data.council ? { council: parsed.data.council } : {}),
    },
  };
}
