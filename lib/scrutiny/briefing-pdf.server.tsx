import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { BriefingPdf } from "@/components/report/briefing-pdf";
import type { Briefing } from "@/lib/scrutiny/briefing.server";
import { mapStrings } from "@/lib/validations/text";

// The PDF is set in the PDF standard fonts (Helvetica), which hold only the characters of Windows-1252: any other
// (an emoji, a Cyrillic letter, or the U+FFFD that shows where older text had an invisible direction control) would
// be drawn as some unrelated letter, so it is drawn as "?" instead.
const NOT_IN_STANDARD_FONTS =
  /[^\t\n\r\u0020-\u007E\u00A0-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/gu;

export async function renderBriefingPdf(briefing: Briefing, origin: string, htmlUrl: string): Promise<Buffer> {
  const drawable = mapStrings(briefing, (text) => text.replace(NOT_IN_STANDARD_FONTS, "?"));
  return renderToBuffer(<BriefingPdf briefing={drawable} origin={origin} htmlUrl={htmlUrl} />);
}
