import { ProgrammeDetail } from "@/lib/api/responses";
import { badRequest, jsonResponse, notFound } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { programmeDetailJson } from "@/lib/programmes/open-data";
import { getProgramme } from "@/lib/programmes/programmes.server";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const keys = [...new Set(new URL(request.url).searchParams.keys())];
  if (keys.length)
    return badRequest(
      keys.map((k) => ({ parameter: k, message: `Unknown parameter "${k}". This address takes none.` })),
    );
  const programme = await getProgramme((await params).slug);
  if (!programme) return notFound("No programme has this slug.");
  return jsonResponse(
    ProgrammeDetail,
    programmeDetailJson(withDirectionControlsNeutralised(programme), publicOrigin()),
  );
}
