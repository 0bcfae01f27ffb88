import "server-only";
import { cache } from "react";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { getMilestone, listMilestoneActivities, listMilestones } from "@/lib/reform/milestones.server";
import { getRecommendation, listRecommendations } from "@/lib/reform/recommendations.server";
import { getOutcome, getPillar, listOutcomes, listPillars } from "@/lib/reform/pillars-outcomes.server";
import type { MilestoneFilters, RecommendationFilters } from "@/lib/validations/public-filters";

// The reads of the public pages and the open-data API. The front server stores each rendered response, keyed by
// address, data version and UK day (decision 0009), so these run once per change, not once per view. React's
// cache() shares one read between the parts of a single render (a page and its metadata, say); nothing is kept
// between renders, so a render always sees the data as it is now, never older than the version it is stored under.

export const cachedDashboard = cache((asAt?: string) => summariseDashboard({ asAt }));
export const cachedRecommendations = cache((filters: RecommendationFilters, all: boolean) =>
  listRecommendations(filters, { all }),
);
export const cachedRecommendation = cache((code: string, asAt?: string) => getRecommendation(code, { asAt }));
export const cachedMilestones = cache((filters: MilestoneFilters, all: boolean) => listMilestones(filters, { all }));
export const cachedMilestone = cache((code: string, asAt?: string) => getMilestone(code, { asAt }));
export const cachedMilestoneActivities = cache(() => listMilestoneActivities());
export const cachedPillars = cache(() => listPillars());
export const cachedPillar = cache((n: number) => getPillar(n));
export const cachedOutcomes = cache(() => listOutcomes());
export const cachedOutcome = cache((n: number) => getOutcome(n));
