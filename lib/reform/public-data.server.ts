import "server-only";
import { cache } from "react";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { getMilestone, listMilestoneActivities, listMilestones } from "@/lib/reform/milestones.server";
import { getRecommendation, listRecommendations } from "@/lib/reform/recommendations.server";
import { getOutcome, getPillar, listOutcomes, listPillars } from "@/lib/reform/pillars-outcomes.server";
import { searchEverything } from "@/lib/reform/search.server";
import type { SearchQuery } from "@/lib/validations/search";
import type { MilestoneFilters, RecommendationFilters } from "@/lib/validations/public-filters";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

// The reads of the public pages and the open-data API. The front server stores each rendered response, keyed by
// address, data version and UK day (decision 0009), so these run once per change, not once per view. React's
// cache() shares one read between the parts of a single render (a page and its metadata, say); nothing is kept
// between renders, so a render always sees the data as it is now, never older than the version it is stored under.
// Text stored before free text refused invisible direction controls is shown with them neutralised
// (lib/validations/text.ts): every public page and API answer reads through here.

/** A read shared within one render, its text safe to show. Also used by the history views and the briefing. */
export function publicRead<A extends unknown[], R>(read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return cache(async (...args: A) => withDirectionControlsNeutralised(await read(...args)));
}

export const cachedDashboard = publicRead((asAt?: string) => summariseDashboard({ asAt }));
export const cachedRecommendations = publicRead((filters: RecommendationFilters, all: boolean) =>
  listRecommendations(filters, { all }),
);
export const cachedRecommendation = publicRead((code: string, asAt?: string) => getRecommendation(code, { asAt }));
export const cachedMilestones = publicRead((filters: MilestoneFilters, all: boolean) =>
  listMilestones(filters, { all }),
);
export const cachedMilestone = publicRead((code: string, asAt?: string) => getMilestone(code, { asAt }));
export const cachedMilestoneActivities = publicRead(() => listMilestoneActivities());
export const cachedPillars = publicRead(() => listPillars());
export const cachedPillar = publicRead((n: number) => getPillar(n));
export const cachedOutcomes = publicRead(() => listOutcomes());
export const cachedOutcome = publicRead((n: number) => getOutcome(n));
export const cachedSearch = publicRead((search: SearchQuery) => searchEverything(search));
