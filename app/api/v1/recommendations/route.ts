import { badRequest, csvResponse, jsonResponse } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { RECOMMENDATION_FIELDS, recommendationRecord, toCsv } from "@/lib/reform/open-data";
import { cachedRecommendations } from "@/lib/reform/public-data.server";
import { RecommendationList } from "@/lib/api/responses";
import { parseRecommendationFilters } from "@/lib/validations/public-filters";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseRecommendationFilters(new URL(request.url).searchParams, { strict: true });
  if (!parsed.ok) return badRequest(parsed.errors);
  const { format, ...filters } = parsed.filters;
  const origin = publicOrigin();
  if (format === "csv") {
    const list = await cachedRecommendations({ ...filters, page: undefined, pageSize: undefined }, true);
    return csvResponse(
      "recommendations.csv",
      toCsv(
        RECOMMENDATION_FIELDS,
        list.items.map((r) => recommendationRecord(r, origin)),
      ),
    );
  }
  const list = await cachedRecommendations(filters, false);
  return jsonResponse(RecommendationList, {
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
    countsByResponseClass: list.countsByClass,
    items: list.items.map((r) => recommendationRecord(r, origin)),
  });
}
