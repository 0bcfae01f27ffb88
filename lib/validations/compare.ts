import { type SearchParamsLike, toSearchParams } from "@/lib/search-params";
import { ITEM_CODE } from "@/lib/reform/codes";
import { pageRule, parseWith, type ParameterError } from "@/lib/validations/public-filters";

// Parameters of /councils/compare and its CSV (/councils/compare.csv): one national item, `milestone=M-30` or
// `recommendation=CR-01`; `asAt` is read as on every view (lib/dates.ts). A value of the wrong shape is an error
// summary on the page and a 400 from the CSV; a well-formed code that names nothing is "not found". The page's table
// is in pages of COMPARE_PAGE_SIZE rows (`page`, the lists' rule); the tiles, the counts and the CSV are complete.

export const COMPARE_PAGE_SIZE = 50;

export const COMPARE_ITEM_KINDS = ["milestone", "recommendation"] as const;
export type CompareItemKind = (typeof COMPARE_ITEM_KINDS)[number];

export type CompareParams =
  | { ok: true; kind: CompareItemKind; code: string }
  /** `missing`: no item named (a first visit): show the choice, not an error. */
  | { ok: false; missing: boolean; errors: ParameterError[] };

export function parseCompareParams(params: SearchParamsLike): CompareParams {
  const query = toSearchParams(params);
  const given: Array<{ kind: CompareItemKind; value: string }> = [];
  const errors: ParameterError[] = [];
  for (const kind of COMPARE_ITEM_KINDS) {
    const values = query.getAll(kind).filter((v) => v.trim() !== "");
    if (values.length > 1)
      errors.push({ parameter: kind, message: `"${kind}" was given ${values.length} times; give it once.` });
    else if (values.length === 1) given.push({ kind, value: values[0]!.trim() });
  }
  if (errors.length) return { ok: false, missing: false, errors };
  if (given.length === 0) return { ok: false, missing: true, errors: [] };
  if (given.length > 1)
    return {
      ok: false,
      missing: false,
      errors: [{ parameter: "milestone", message: "Choose a milestone or a recommendation, not both" }],
    };
  const { kind, value } = given[0]!;
  const code = value.toUpperCase();
  if (value.length > 20 || !ITEM_CODE.test(code))
    return {
      ok: false,
      missing: false,
      errors: [
        {
          parameter: kind,
          message:
            kind === "milestone"
              ? "The milestone must be a milestone code, for example M-30"
              : "The recommendation must be a recommendation code, for example CR-01",
        },
      ],
    };
  return { ok: true, kind, code };
}

/** The compare page's `page` (1 when not given), or the lists' message for a bad one. */
export function parseComparePage(
  params: SearchParamsLike,
): { ok: true; page: number } | { ok: false; errors: ParameterError[] } {
  const parsed = parseWith<{ page?: number }>({ page: pageRule }, params, { strict: false });
  return parsed.ok ? { ok: true, page: parsed.filters.page ?? 1 } : parsed;
}

/**
 * Whether the compare page's parameters are wrong (not merely missing), as the page itself says in its error summary:
 * the proxy then asks for a 400. A `page` counts only with an item, the only time there is a table to page.
 */
export function badCompareParams(params: SearchParamsLike): boolean {
  const item = parseCompareParams(params);
  return item.ok ? !parseComparePage(params).ok : !item.missing;
}
