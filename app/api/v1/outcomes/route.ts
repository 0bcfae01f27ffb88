import { OutcomeList, type OutcomeRecord } from "@/lib/api/responses";
import { badRequest, csvResponse, jsonResponse, parseFormatOnly } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { countCells, OUTCOME_FIELDS, toCsv } from "@/lib/reform/open-data";
import { cachedDashboard, cachedOutcomes } from "@/lib/reform/public-data.server";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseFormatOnly(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(parsed.errors);
  const [outcomes, dashboard] = await Promise.all([cachedOutcomes(), cachedDashboard()]);
  const origin = publicOrigin();
  const items = outcomes.map((o): OutcomeRecord => {
    const counts = dashboard.byOutcome.find((b) => b.number === o.number)!;
    return {
      number: o.number,
      kind: o.kind,
      title: o.title,
      pillars: o.pillars.map((p) => p.number),
      nextActions: o.nextActions,
      twoYearResults: o.twoYearResults,
      recommendationsByResponseClass: counts.recommendations,
      milestonesByStatus: counts.milestones,
      url: `${origin}/outcomes/${o.number}`,
    };
  });
  if (parsed.format === "csv") {
    const flat = items.map((i) => ({
      ...i,
      recommendationsByResponseClass: countCells(i.recommendationsByResponseClass),
      milestonesByStatus: countCells(i.milestonesByStatus),
    }));
    return csvResponse("outcomes.csv", toCsv(OUTCOME_FIELDS, flat));
  }
  return jsonResponse(OutcomeList, { total: items.length, items });
}
