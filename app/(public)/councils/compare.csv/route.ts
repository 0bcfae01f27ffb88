import { badRequest, csvResponse } from "@/lib/http/api.server";
import { parseAsAt, todayInLondon } from "@/lib/dates";
import { compareCsv } from "@/lib/local-actions/compare-csv";
import { cachedComparison, cachedNationalItem } from "@/lib/local-actions/compare-data.server";
import { publicOrigin } from "@/lib/http/site";
import { parseCompareParams } from "@/lib/validations/compare";

export const dynamic = "force-dynamic";

// The compare page's download: every council's local status for one national item, one row per local action and
// one for each council with none (/councils/compare.csv?milestone=M-30, with asAt as on the page).
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const parsed = parseCompareParams(query);
  const asAtParam = parseAsAt(query, todayInLondon());
  const errors = [
    ...(parsed.ok
      ? []
      : parsed.missing
        ? [
            {
              parameter: "milestone",
              message: "Give a milestone (milestone=M-30) or a recommendation (recommendation=CR-01).",
            },
          ]
        : parsed.errors),
    ...(asAtParam.ok ? [] : asAtParam.errors),
  ];
  if (!parsed.ok || !asAtParam.ok) return badRequest(errors);
  const item = await cachedNationalItem(parsed.kind, parsed.code);
  if (!item)
    return new Response(`There is no ${parsed.kind} ${parsed.code}.`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const asAt = asAtParam.asAt ?? undefined;
  const comparison = await cachedComparison(item.kind, item.code, asAt);
  const filename = `councils-${item.code.toLowerCase()}${asAt ? `-as-at-${asAt}` : ""}.csv`;
  return csvResponse(filename, compareCsv(comparison.councils, publicOrigin()));
}
