import { z } from "@/lib/validations/zod";
import { addDays } from "@/lib/dates";
import { SLIPPAGE_SORTS, type SlippageSort } from "@/lib/validations/slippage-sorts";

// Query parameters of /changes (since, until), /slippage (sort) and of any "as at" view (asAt). The URL holds
// them so that a view can be shared; a bad value gives an error summary, never a crash.

/** Stable Homes, Built on Love was published on 2 February 2023: nothing in the tracker is older. */
export const EARLIEST_DAY = "2023-02-02";

export const isoDaySchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  });

export interface ParameterError {
  parameter: string;
  message: string;
}

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function single(params: SearchParamsLike, name: string): { value?: string; error?: ParameterError } {
  const values = params instanceof URLSearchParams ? params.getAll(name) : [params[name]].flat().filter((v): v is string => v !== undefined);
  const nonEmpty = values.filter((v) => v.trim() !== "");
  if (nonEmpty.length === 0) return {};
  if (nonEmpty.length > 1) return { error: { parameter: name, message: `"${name}" was given ${nonEmpty.length} times; give it once.` } };
  return { value: nonEmpty[0]!.trim() };
}

function day(params: SearchParamsLike, name: string, label: string, today: string): { value?: string; error?: ParameterError } {
  const { value, error } = single(params, name);
  if (error || value === undefined) return { error };
  if (!isoDaySchema.safeParse(value).success) {
    return { error: { parameter: name, message: `${label} must be a real date written as YYYY-MM-DD, for example ${today}` } };
  }
  if (value > today) return { error: { parameter: name, message: `${label} must be today or in the past` } };
  return { value };
}

/** Suggested periods for /changes, for links when no start date is given. */
export function suggestedPeriods(today: string): Array<{ label: string; since: string }> {
  return [
    { label: "the last 30 days", since: addDays(today, -29) },
    { label: "the last 90 days", since: addDays(today, -89) },
    { label: "the last year", since: addDays(today, -364) },
    { label: "since the strategy was published (2 February 2023)", since: EARLIEST_DAY },
  ];
}

export type ChangesParams =
  | { ok: true; since: string; until: string }
  /** `missing`: no start date yet (a first visit): show the form and suggestions, not errors. */
  | { ok: false; missing: boolean; errors: ParameterError[]; since?: string; until?: string };

export function parseChangesParams(params: SearchParamsLike, today: string): ChangesParams {
  const since = day(params, "since", "The start date", today);
  const until = day(params, "until", "The end date", today);
  const errors = [since.error, until.error].filter((e): e is ParameterError => e !== undefined);
  if (errors.length) return { ok: false, missing: false, errors, since: since.value, until: until.value };
  if (since.value === undefined) {
    return { ok: false, missing: true, errors: [], until: until.value };
  }
  const end = until.value ?? today;
  if (since.value > end) {
    return {
      ok: false,
      missing: false,
      errors: [{ parameter: "until", message: "The end date must be the same as or after the start date" }],
      since: since.value,
      until: until.value,
    };
  }
  return { ok: true, since: since.value, until: end };
}

export function parseSlippageSort(params: SearchParamsLike): { ok: true; sort: SlippageSort } | { ok: false; errors: ParameterError[] } {
  const { value, error } = single(params, "sort");
  if (error) return { ok: false, errors: [error] };
  if (value === undefined) return { ok: true, sort: "slippage" };
  if (!(SLIPPAGE_SORTS as readonly string[]).includes(value)) {
    return { ok: false, errors: [{ parameter: "sort", message: `"sort" must be one of: ${SLIPPAGE_SORTS.join(", ")}.` }] };
  }
  return { ok: true, sort: value as SlippageSort };
}

/** `?asAt=YYYY-MM-DD` for any public view: absent means today. */
export function parseAsAt(params: SearchParamsLike, today: string): { ok: true; asAt: string | null } | { ok: false; errors: ParameterError[] } {
  const { value, error } = day(params, "asAt", "The \"as at\" date", today);
  if (error) return { ok: false, errors: [error] };
  if (value === undefined || value === today) return { ok: true, asAt: null };
  return { ok: true, asAt: value };
}
