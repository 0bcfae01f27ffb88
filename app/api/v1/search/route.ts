import { badRequest, jsonResponse } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { searchResultRecord } from "@/lib/reform/open-data";
import { cachedSearch } from "@/lib/reform/public-data.server";
import { SearchResponse } from "@/lib/api/responses";
import { parseSearch } from "@/lib/validations/search";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseSearch(new URL(request.url).searchParams, { strict: true });
  if (!parsed.ok) return badRequest(parsed.errors);
  const results = await cachedSearch(parsed.filters);
  const origin = publicOrigin();
  return jsonResponse(SearchResponse, {
    q: results.q,
    kind: results.kind,
    total: results.total,
    page: results.page,
    pageSize: results.pageSize,
    countsByKind: results.countsByKind,
    items: results.items.map((r) => searchResultRecord(r, origin)),
  });
}
