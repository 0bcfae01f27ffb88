import "server-only";
import { unstable_cache } from "next/cache";
import { todayInLondon } from "@/lib/dates";
import { milestoneStatesAsAt, recommendationClassesAsAt, summariseAsAt } from "@/lib/as-at.server";
import { listChanges } from "@/lib/changes.server";
import { slippageRegister, type SlippageSort } from "@/lib/slippage.server";
import { REFORM_DATA_TAG } from "@/lib/public-data.server";

// Cached reads for the history views (/changes, /slippage, "as at" figures), like lib/public-data.server.ts:
// tagged "reform-data" so every staff save expires them, at most an hour old, keyed by today's date.

const CACHE = { tags: [REFORM_DATA_TAG], revalidate: 3600 };

function cached<Args extends unknown[], Result>(name: string, fn: (...args: Args) => Promise<Result>) {
  return (...args: Args): Promise<Result> =>
    unstable_cache(() => fn(...args), [name, todayInLondon(), JSON.stringify(args)], CACHE)();
}

export const cachedChanges = cached("changes", (since: string, until: string) => listChanges({ since, until }));
export const cachedSlippageRegister = cached("slippage", (sort: SlippageSort, asAt?: string) => slippageRegister({ sort, asAt }));
export const cachedMilestoneStatesAsAt = cached("milestones-as-at", (asAt: string) => milestoneStatesAsAt(asAt));
export const cachedRecommendationClassesAsAt = cached("recommendations-as-at", (asAt: string) => recommendationClassesAsAt(asAt));
export const cachedSummaryAsAt = cached("summary-as-at", (asAt: string) => summariseAsAt(asAt));
