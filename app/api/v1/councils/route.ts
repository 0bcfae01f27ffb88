import { badRequest, csvResponse, jsonResponse } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { councilJson, COUNCIL_FIELDS } from "@/lib/councils/open-data";
import { listCouncils } from "@/lib/councils/councils.server";
import { programmeChoices } from "@/lib/programmes/programmes.server";
import { toCsv } from "@/lib/reform/open-data";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";
import { CouncilList } from "@/lib/api/responses";
import { parseCouncilParams } from "@/lib/validations/councils";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const programmes = (await programmeChoices()).map((p) => p.slug);
  const parsed = parseCouncilParams(new URL(request.url).searchParams, { strict: true, programmes });
  if (!parsed.ok) return badRequest(parsed.errors);
  const { q, region, programme, publishes, format } = parsed.params;
  const origin = publicOrigin();
  const items = withDirectionControlsNeutralised(
    await listCouncils({ q, region, programme, ...(publishes ? { publishes: publishes === "yes" } : {}) }),
  ).map((c) => councilJson(c, origin));
  if (format === "csv") return csvResponse("councils.csv", toCsv(COUNCIL_FIELDS, items));
  return jsonResponse(CouncilList, { total: items.length, items });
}
