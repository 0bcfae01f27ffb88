import { briefingDownload } from "@/lib/scrutiny/briefing-download.server";
import { renderBriefingDocx } from "@/lib/scrutiny/briefing-docx.server";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return briefingDownload(
    request,
    {
      extension: "docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
    renderBriefingDocx,
  );
}
