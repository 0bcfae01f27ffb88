import { badRequest, csvResponse, jsonResponse } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { MILESTONE_FIELDS, milestoneRecord, toCsv } from "@/lib/reform/open-data";
import { cachedMilestones } from "@/lib/reform/public-data.server";
import { MilestoneList } from "@/lib/api/responses";
import { parseMilestoneFilters } from "@/lib/validations/public-filters";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseMilestoneFilters(new URL(request.url).searchParams, { strict: true });
  if (!parsed.ok) return badRequest(parsed.errors);
  const { format, ...filters } = parsed.filters;
  const origin = publicOrigin();
  if (format === "csv") {
    const list = await cachedMilestones({ ...filters, page: undefined, pageSize: undefined }, true);
    return csvResponse(
      "milestones.csv",
      toCsv(
        MILESTONE_FIELDS,
        list.items.map((m) => milestoneRecord(m, origin)),
      ),
    );
  }
  const list = await cachedMilestones(filters, false);
  return jsonResponse(MilestoneList, {
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
    items: list.items.map((m) => milestoneRecord(m, origin)),
  });
}
