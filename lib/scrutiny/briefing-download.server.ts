import "server-only";
import { publicOrigin } from "@/lib/http/site";
import type { Briefing } from "@/lib/scrutiny/briefing.server";
import { cachedBriefing } from "@/lib/scrutiny/public-history-data.server";
import { toQueryString } from "@/lib/validations/public-filters";
import { parseReportParams, reportCouncilNotFound, type ReportParams } from "@/lib/validations/report";
import { findCouncil } from "@/lib/councils/councils.server";

// The briefing pack's downloads (/report/pdf and /report/docx): the same parameters and the same 400 as the page,
// said in plain text (a reader's browser shows it; JSON is for the open-data API). A good answer is stored and
// served by the front server like every public page (decision 0009), so it must not say `no-store`.

export function briefingFileName(params: ReportParams, extension: string): string {
  const scope = params.pillar ? `-pillar-${params.pillar}` : params.outcome ? `-outcome-${params.outcome}` : "";
  const council = params.council ? `-${params.council}` : "";
  return `reform-briefing-${params.asAt}${scope}${council}.${extension}`;
}

export async function briefingDownload(
  request: Request,
  file: { extension: string; contentType: string },
  render: (briefing: Briefing, origin: string, htmlUrl: string) => Promise<Uint8Array>,
): Promise<Response> {
  const parsed = parseReportParams(new URL(request.url).searchParams);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `- ${e.message}`);
    return new Response(`The briefing pack could not be made:\n${lines.join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  // A council given by its ONS code is named by its slug from here on (the file name, the pack's links).
  const council = parsed.params.council ? await findCouncil(parsed.params.council) : null;
  if (parsed.params.council && !council)
    return new Response(`The briefing pack could not be made:\n- ${reportCouncilNotFound(parsed.params.council)}\n`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  if (council) parsed.params.council = council.slug;
  const origin = publicOrigin();
  const htmlUrl = `${origin}/report${toQueryString(parsed.params)}`;
  const body = await render(await cachedBriefing(parsed.params), origin, htmlUrl);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${briefingFileName(parsed.params, file.extension)}"`,
    },
  });
}
