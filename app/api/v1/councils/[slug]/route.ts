import { CouncilDetail } from "@/lib/api/responses";
import { badRequest, jsonResponse, notFound } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { councilJson } from "@/lib/councils/open-data";
import { findCouncil } from "@/lib/councils/councils.server";
import { localActionCountsByStatus } from "@/lib/local-actions/reads.server";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const keys = [...new Set(new URL(request.url).searchParams.keys())];
  if (keys.length)
    return badRequest(
      keys.map((k) => ({ parameter: k, message: `Unknown parameter "${k}". This address takes none.` })),
    );
  const council = await findCouncil((await params).slug);
  if (!council) return notFound("No council has this slug or GSS code.");
  // The list's fields, then how many local actions the council has published, by status (every status listed).
  return jsonResponse(CouncilDetail, {
    ...councilJson(withDirectionControlsNeutralised(council), publicOrigin()),
    localActionsByStatus: await localActionCountsByStatus(council.gssCode),
  });
}
