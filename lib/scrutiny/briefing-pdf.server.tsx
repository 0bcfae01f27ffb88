import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { BriefingPdf } from "@/components/report/briefing-pdf";
import type { Briefing } from "@/lib/scrutiny/briefing.server";

export async function renderBriefingPdf(briefing: Briefing, origin: string): Promise<Buffer> {
  return renderToBuffer(<BriefingPdf briefing={briefing} origin={origin} />);
}
