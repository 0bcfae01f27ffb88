import { z } from "@/lib/validations/zod";
import { type SearchParamsLike, toSearchParams } from "@/lib/search-params";
import type { MilestoneFilters, ParameterError, ParseResult } from "@/lib/validations/public-filters";

// The filters of the staff home's "Milestones to update" (GET parameters, so a filtered list can be bookmarked):
// what needs attention (overdue, stale, not yet assessed) and a pillar. Other parameters (such as
// `password=changed` after a password change) are left alone.

export const STAFF_HOME_SHOWS = ["overdue", "stale", "not-assessed"] as const;
export type StaffHomeShow = (typeof STAFF_HOME_SHOWS)[number];

export const STAFF_HOME_SHOW_LABELS: Record<StaffHomeShow, string> = {
  overdue: "Overdue: past the planned date and not complete",
  stale: "Stale: no update from staff for 90 days",
  "not-assessed": "Not yet assessed",
};

export interface StaffHomeFilters {
  show?: StaffHomeShow;
  pillar?: number;
}

const RULES = {
  show: {
    schema: z.enum(STAFF_HOME_SHOWS),
    message: `"show" must be one of: ${STAFF_HOME_SHOWS.join(", ")}. Choose what to show from the list.`,
  },
  pillar: {
    schema: z.coerce.number().int().min(1).max(6),
    message: `"pillar" must be one of: 1, 2, 3, 4, 5, 6. Choose a pillar from the list.`,
  },
} as const;

export function parseStaffHomeFilters(params: SearchParamsLike): ParseResult<StaffHomeFilters> {
  const query = toSearchParams(params);
  const filters: StaffHomeFilters = {};
  const errors: ParameterError[] = [];
  for (const name of Object.keys(RULES) as Array<keyof typeof RULES>) {
    // An empty value (the list's "All" choice) means no filter.
    const values = query.getAll(name).filter((v) => v.trim() !== "");
    if (values.length === 0) continue;
    if (values.length > 1) {
      errors.push({ parameter: name, message: `"${name}" was given ${values.length} times; give it once.` });
      continue;
    }
    const parsed = RULES[name].schema.safeParse(values[0]);
    if (!parsed.success) errors.push({ parameter: name, message: RULES[name].message });
    else if (name === "show") filters.show = parsed.data as StaffHomeShow;
    else filters.pillar = parsed.data as number;
  }
  return errors.length ? { ok: false, errors } : { ok: true, filters };
}

/** The same selection in the terms of the milestone list (lib/reform/milestones.server.ts). */
export function staffHomeMilestoneFilters(filters: StaffHomeFilters): MilestoneFilters {
  const selection: MilestoneFilters = { sort: "code", pillar: filters.pillar };
  if (filters.show === "overdue") selection.gap = "overdue";
  if (filters.show === "stale") selection.gap = "stale";
  if (filters.show === "not-assessed") selection.status = "not_yet_assessed";
  return selection;
}
