import { badRequest } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { cachedBriefing } from "@/lib/scrutiny/public-history-data.server";
import { renderBriefingPdf } from "@/lib/scrutiny/briefing-pdf.server";
import { parseReportParams } from "@/lib/validations/report";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseReportParams(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(parsed.errors);
  const pdf = await renderBriefingPdf(await cachedBriefing(parsed.params), publicOrigin());
  const name = `reform-briefing-${parsed.params.asAt}${parsed.params.pillar ? `-pillar-${parsed.params.pillar}` : ""}${parsed.params.outcome ? `-outcome-${parsed.params.outcome}` : ""}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
