import "server-only";
import { describeDatabaseError } from "@/lib/db/errors";
import { unstable_cache } from "next/cache";
import { todayInLondon } from "@/lib/dates";
import { db } from "@/lib/db/client.server";
import { summariseDashboard } from "@/lib/dashboard.server";
import { getMilestone, listMilestoneActivities, listMilestones } from "@/lib/milestones.server";
import { getRecommendation, listRecommendations } from "@/lib/recommendations.server";
import { getOutcome, getPillar, listOutcomes, listPillars } from "@/lib/pillars-outcomes.server";
import type { MilestoneFilters, RecommendationFilters } from "@/lib/validations/public-filters";

// The public pages and the open-data API read through this cache, so a page view does not run their queries.
// An entry is keyed by today's date (overdue figures depend on it) and by the data version, a counter the database
// bumps whenever a milestone or recommendation changes (migration 0004): a change saved through any app instance
// changes the key on every instance. The version is read at most once every VERSION_TTL_MS per instance; if the
// database cannot be reached, the last version read is used, so cached pages keep being served. On the instance
// that saved, updateTag(REFORM_DATA_TAG) also expires its entries at once.

export const REFORM_DATA_TAG = "reform-data";
const CACHE = { tags: [REFORM_DATA_TAG], revalidate: 3600 };
const VERSION_TTL_MS = 2000;

let known: { value: string; readAt: number } | undefined;
/** The read of the version under way, shared: when it goes stale under load, one query, not one per request. */
let reading: Promise<string> | undefined;

async function readDataVersion(): Promise<string> {
  try {
    const [row] = await db().$queryRaw<Array<{ value: bigint }>>`SELECT value FROM data_version WHERE id = 1`;
    known = { value: String(row?.value ?? 0), readAt: Date.now() };
  } catch (error) {
    console.error(`public data: cannot read the data version; serving the last known (${describeDatabaseError(error)})`);
    known = { value: known?.value ?? "unknown", readAt: Date.now() };
  }
  return known.value;
}

export async function currentDataVersion(): Promise<string> {
  if (known && Date.now() - known.readAt < VERSION_TTL_MS) return known.value;
  reading ??= readDataVersion().finally(() => (reading = undefined));
  return reading;
}

export function cached<Args extends unknown[], Result>(name: string, fn: (...args: Args) => Promise<Result>) {
  return async (...args: Args): Promise<Result> =>
    unstable_cache(() => fn(...args), [name, todayInLondon(), await currentDataVersion(), JSON.stringify(args)], CACHE)();
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
