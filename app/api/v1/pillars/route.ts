import { PillarList, type PillarRecord } from "@/lib/api/responses";
import { badRequest, csvResponse, jsonResponse, parseFormatOnly } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { countCells, PILLAR_FIELDS, toCsv } from "@/lib/reform/open-data";
import { cachedDashboard, cachedPillars } from "@/lib/reform/public-data.server";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseFormatOnly(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(parsed.errors);
  const [pillars, dashboard] = await Promise.all([cachedPillars(), cachedDashboard()]);
  const origin = publicOrigin();
  const items = pillars.map((p): PillarRecord => {
    const counts = dashboard.byPillar.find((b) => b.number === p.number)!;
    return {
      number: p.number,
      title: p.title,
      section: p.section,
      strategyChapter: p.strategyChapter,
      chapterTitle: p.chapterTitle,
      outcomes: p.outcomes.map((o) => o.number),
      recommendationsByResponseClass: counts.recommendations,
      milestonesByStatus: counts.milestones,
      url: `${origin}/pillars/${p.number}`,
    };
  });
  if (parsed.format === "csv") {
    const flat = items.map((i) => ({
      ...i,
      recommendationsByResponseClass: countCells(i.recommendationsByResponseClass),
      milestonesByStatus: countCells(i.milestonesByStatus),
    }));
    return csvResponse("pillars.csv", toCsv(PILLAR_FIELDS, flat));
  }
  return jsonResponse(PillarList, { total: items.length, items });
}
