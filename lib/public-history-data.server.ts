import "server-only";
import { milestoneStatesAsAt, recommendationClassesAsAt, summariseAsAt } from "@/lib/as-at.server";
import { listChanges } from "@/lib/changes.server";
import { slippageRegister, type SlippageSort } from "@/lib/slippage.server";
import { cached } from "@/lib/public-data.server";

// Cached reads for the history views (/changes, /slippage, "as at" figures), like lib/public-data.server.ts:
// same cache, keys and expiry.


export const cachedChanges = cached("changes", (since: string, until: string) => listChanges({ since, until }));
export const cachedSlippageRegister = cached("slippage", (sort: SlippageSort, asAt?: string) => slippageRegister({ sort, asAt }));
export const cachedMilestoneStatesAsAt = cached("milestones-as-at", (asAt: string) => milestoneStatesAsAt(asAt));
export const cachedRecommendationClassesAsAt = cached("recommendations-as-at", (asAt: string) => recommendationClassesAsAt(asAt));
export const cachedSummaryAsAt = cached("summary-as-at", (asAt: string) => summariseAsAt(asAt));
