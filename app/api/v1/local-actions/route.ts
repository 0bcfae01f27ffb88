import { LocalActionList } from "@/lib/api/responses";
import { badRequest, csvResponse, jsonResponse } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { findCouncil } from "@/lib/councils/councils.server";
import { todayInLondon } from "@/lib/dates";
import { LOCAL_ACTION_FIELDS, localActionRecord } from "@/lib/local-actions/open-data";
import { cachedLocalActions } from "@/lib/local-actions/reads.server";
import { programmeChoices } from "@/lib/programmes/programmes.server";
import { toCsv } from "@/lib/reform/open-data";
import { parseLocalActionFilters } from "@/lib/validations/local-action-filters";

export const dynamic = "force-dynamic";

const DEFAULT_PAGE_SIZE = 50;

export async function GET(request: Request) {
  const programmes = (await programmeChoices()).map((p) => p.slug);
  const parsed = parseLocalActionFilters(new URL(request.url).searchParams, { strict: true, programmes });
  if (!parsed.ok) return badRequest(parsed.errors);
  const { council: named, format, page = 1, pageSize = DEFAULT_PAGE_SIZE, asAt, ...filters } = parsed.filters;
  // A filter that names no council is the asker's mistake, like any other bad value: 400, not an empty list.
  const council = named === undefined ? undefined : await findCouncil(named);
  if (council === null)
    return badRequest([{ parameter: "council", message: `No council has the slug or GSS code "${named}".` }]);
  const scope = { ...filters, council: council?.gssCode };
  const options = { asAt: asAt ?? null, today: todayInLondon() };
  const origin = publicOrigin();
  if (format === "csv") {
    const all = await cachedLocalActions(scope, options);
    return csvResponse(
      "local-actions.csv",
      toCsv(
        LOCAL_ACTION_FIELDS,
        all.items.map((a) => localActionRecord(a, origin)),
      ),
    );
  }
  const list = await cachedLocalActions(scope, { ...options, page, pageSize });
  return jsonResponse(LocalActionList, {
    total: list.total,
    page,
    pageSize,
    items: list.items.map((a) => localActionRecord(a, origin)),
  });
}
