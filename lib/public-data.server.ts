import "server-only";
import { unstable_cache } from "next/cache";
import { todayInLondon } from "@/lib/dates";
import { summariseDashboard } from "@/lib/dashboard.server";
import { getMilestone, listMilestoneActivities, listMilestones } from "@/lib/milestones.server";
import { getRecommendation, listRecommendations } from "@/lib/recommendations.server";
import { getOutcome, getPillar, listOutcomes, listPillars } from "@/lib/pillars-outcomes.server";
import type { MilestoneFilters, RecommendationFilters } from "@/lib/validations/public-filters";

// The public pages and the open-data API read through this cache, so a page view does not query the
// database: results are kept until staff change something (every write calls revalidateTag(REFORM_DATA_TAG)),
// and at most an hour, so the "today" that overdue figures depend on moves on. Keys include today's date.

export const REFORM_DATA_TAG = "reform-data";
const CACHE = { tags: [REFORM_DATA_TAG], revalidate: 3600 };

function cached<Args extends unknown[], Result>(name: string, fn: (...args: Args) => Promise<Result>) {
  return (...args: Args): Promise<Result> =>
    unstable_cache(() => fn(...args), [name, todayInLondon(), JSON.stringify(args)], CACHE)();
}

export const cachedDashboard = cached("dashboard", (asAt?: string) => summariseDashboard({ asAt }));
export const cachedRecommendations = cached("recommendations", (filters: RecommendationFilters, all: boolean) =>
  listRecommendations(filters, { all }),
);
export const cachedRecommendation = cached("recommendation", (code: string, asAt?: string) => getRecommendation(code, { asAt }));
export const cachedMilestones = cached("milestones", (filters: MilestoneFilters, all: boolean) => listMilestones(filters, { all }));
export const cachedMilestone = cached("milestone", (code: string, asAt?: string) => getMilestone(code, { asAt }));
export const cachedMilestoneActivities = cached("milestone-activities", () => listMilestoneActivities());
export const cachedPillars = cached("pillars", () => listPillars());
export const cachedPillar = cached("pillar", (n: number) => getPillar(n));
export const cachedOutcomes = cached("outcomes", () => listOutcomes());
export const cachedOutcome = cached("outcome", (n: number) => getOutcome(n));
