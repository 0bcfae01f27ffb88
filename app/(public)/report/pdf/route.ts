import { briefingDownload } from "@/lib/scrutiny/briefing-download.server";
import { renderBriefingPdf } from "@/lib/scrutiny/briefing-pdf.server";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return briefingDownload(request, { extension: "pdf", contentType: "application/pdf" }, renderBriefingPdf);
}
