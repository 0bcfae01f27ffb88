import { addDays, formatDay, isRealDay, STRATEGY_PUBLISHED } from "@/lib/dates";
import { type SearchParamsLike, toSearchParams } from "@/lib/search-params";
import { SLIPPAGE_SORTS, type SlippageSort } from "@/lib/validations/slippage-sorts";

// Query parameters of /changes (since, until) and /slippage (sort); `asAt`, which every view takes, is in
// lib/dates.ts. The URL holds them so that a view can be shared; a bad value gives an error summary, never a crash.

export interface ParameterError {
  parameter: string;
  message: string;
}

function single(params: SearchParamsLike, name: string): { value?: string; error?: ParameterError } {
  const values = toSearchParams(params).getAll(name);
  const nonEmpty = values.filter((v) => v.trim() !== "");
  if (nonEmpty.length === 0) return {};
  if (nonEmpty.length > 1)
    return { error: { parameter: name, message: `"${name}" was given ${nonEmpty.length} times; give it once.` } };
  return { value: nonEmpty[0]!.trim() };
}

function day(
  params: SearchParamsLike,
  name: string,
  label: string,
  today: string,
): { value?: string; error?: ParameterError } {
  const { value, error } = single(params, name);
  if (error || value === undefined) return { error };
  if (!isRealDay(value)) {
    return {
      error: { parameter: name, message: `${label} must be a real date written as YYYY-MM-DD, for example ${today}` },
    };
  }
  if (value > today) return { error: { parameter: name, message: `${label} must be today or in the past` } };
  return { value };
}

/** Suggested periods for /changes, for links when no start date is given: "Changes {label}". */
export function suggestedPeriods(today: string): Array<{ label: string; since: string }> {
  return [
    { label: "in the last 30 days", since: addDays(today, -29) },
    { label: "in the last 90 days", since: addDays(today, -89) },
    { label: "in the last year", since: addDays(today, -364) },
    { label: `since the strategy was published (${formatDay(STRATEGY_PUBLISHED)})`, since: STRATEGY_PUBLISHED },
  ];
}

/** A pillar or an outcome or enabler, 1 to 6: the same rule and message as the lists' filters. */
function numberOneToSix(params: SearchParamsLike, name: string): { value?: number; error?: ParameterError } {
  const { value, error } = single(params, name);
  if (error || value === undefined) return { error };
  if (!/^[1-6]$/.test(value))
    return { error: { parameter: name, message: `"${name}" must be one of: 1, 2, 3, 4, 5, 6.` } };
  return { value: Number(value) };
}

/**
 * A council named in the address, by slug (thurrock) or ONS code (E06000034), either in any case. Whether it names a
 * council is the page's to find out (a database read); here only its shape.
 */
function councilKey(params: SearchParamsLike): { value?: string; error?: ParameterError } {
  const { value, error } = single(params, "council");
  if (error || value === undefined) return { error };
  if (value.length > 100 || !(/^e\d{8}$/i.test(value) || /^[a-z0-9]+(-[a-z0-9]+)*$/i.test(value)))
    return { error: { parameter: "council", message: COUNCIL_NOT_FOUND(value) } };
  return { value: value.toLowerCase() };
}

/** The message for a council the address names that there is not. */
export const COUNCIL_NOT_FOUND = (given: string) =>
  `There is no council "${given.slice(0, 100)}": choose one from the list, or use its address name (thurrock) or ONS code (E06000034).`;

/** Whose changes /changes lists: DfE's to the national reform, or councils' to their local actions. */
export const CHANGE_SOURCES = ["national", "local"] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

function changeSource(params: SearchParamsLike): { value?: ChangeSource; error?: ParameterError } {
  const { value, error } = single(params, "scope");
  if (error || value === undefined) return { error };
  if (!(CHANGE_SOURCES as readonly string[]).includes(value))
    return { error: { parameter: "scope", message: `"scope" must be one of: ${CHANGE_SOURCES.join(", ")}.` } };
  return { value: value as ChangeSource };
}

export interface ChangesScope {
  pillar?: number;
  outcome?: number;
  /** A council's slug or GSS code (lower case): its local changes only. */
  council?: string;
  scope?: ChangeSource;
}

export type ChangesParams =
  | ({ ok: true; since: string; until: string } & ChangesScope)
  /** `missing`: no start date yet (a first visit): show the form and suggestions, not errors. */
  | ({ ok: false; missing: boolean; errors: ParameterError[]; since?: string; until?: string } & ChangesScope);

export function parseChangesParams(params: SearchParamsLike, today: string): ChangesParams {
  const since = day(params, "since", "The start date", today);
  const until = day(params, "until", "The end date", today);
  const pillar = numberOneToSix(params, "pillar");
  const outcome = numberOneToSix(params, "outcome");
  const council = councilKey(params);
  const source = changeSource(params);
  const scope: ChangesScope = {
    pillar: pillar.value,
    outcome: outcome.value,
    council: council.value,
    scope: source.value,
  };
  const errors = [since.error, until.error, pillar.error, outcome.error, council.error, source.error].filter(
    (e): e is ParameterError => e !== undefined,
  );
  if (errors.length) return { ok: false, missing: false, errors, since: since.value, until: until.value, ...scope };
  if (since.value === undefined) {
    return { ok: false, missing: true, errors: [], until: until.value, ...scope };
  }
  const end = until.value ?? today;
  if (since.value > end) {
    return {
      ok: false,
      missing: false,
      errors: [{ parameter: "until", message: "The end date must be the same as or after the start date" }],
      since: since.value,
      until: until.value,
      ...scope,
    };
  }
  return { ok: true, since: since.value, until: end, ...scope };
}

/** /slippage's `council`: one council's local actions only. */
export function parseSlippageCouncil(
  params: SearchParamsLike,
): { ok: true; council?: string } | { ok: false; errors: ParameterError[] } {
  const { value, error } = councilKey(params);
  return error ? { ok: false, errors: [error] } : { ok: true, council: value };
}

export function parseSlippageSort(
  params: SearchParamsLike,
): { ok: true; sort: SlippageSort } | { ok: false; errors: ParameterError[] } {
  const { value, error } = single(params, "sort");
  if (error) return { ok: false, errors: [error] };
  if (value === undefined) return { ok: true, sort: "slippage" };
  if (!(SLIPPAGE_SORTS as readonly string[]).includes(value)) {
    return {
      ok: false,
      errors: [{ parameter: "sort", message: `"sort" must be one of: ${SLIPPAGE_SORTS.join(", ")}.` }],
    };
  }
  return { ok: true, sort: value as SlippageSort };
}
