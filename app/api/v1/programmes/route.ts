import { badRequest, csvResponse, jsonResponse, parseFormatOnly } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { programmeJson, PROGRAMME_FIELDS } from "@/lib/programmes/open-data";
import { listProgrammes } from "@/lib/programmes/programmes.server";
import { toCsv } from "@/lib/reform/open-data";
import { ProgrammeList } from "@/lib/api/responses";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseFormatOnly(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(parsed.errors);
  const origin = publicOrigin();
  const items = withDirectionControlsNeutralised(await listProgrammes()).map((p) => programmeJson(p, origin));
  if (parsed.format === "csv") return csvResponse("programmes.csv", toCsv(PROGRAMME_FIELDS, items));
  return jsonResponse(ProgrammeList, { total: items.length, items });
}
