// The one vocabulary of the tracker: enum values for code, labels and definitions for people.
// Everything that turns a code into words (a status, response class, group, review, role, kind of change or
// the name of a field in the history) imports it from here.

export const MILESTONE_STATUSES = [
  "not_yet_assessed",
  "not_started",
  "on_track",
  "at_risk",
  "delayed",
  "complete",
  "superseded",
] as const;
export type MilestoneStatusValue = (typeof MILESTONE_STATUSES)[number];

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatusValue, string> = {
  not_yet_assessed: "Not yet assessed",
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  delayed: "Delayed",
  complete: "Complete",
  superseded: "Superseded or cancelled",
};

/** What each status means, as the /about/statuses page and the staff forms explain it. */
export const MILESTONE_STATUS_DEFINITIONS: Record<MilestoneStatusValue, string> = {
  not_yet_assessed:
    "No member of staff has given this milestone a status yet. The strategy reports no progress, so every milestone starts here.",
  not_started: "Staff have assessed it: work towards it has not started.",
  on_track: "Staff have assessed it: they expect it to be met by its planned date.",
  at_risk: "Staff have assessed it: it may not be met by its planned date. Staff give a reason.",
  delayed: "Staff have assessed it: it will not be met by its planned date. Staff give a reason.",
  complete: "Staff have recorded it as done, with the date it was completed.",
  superseded:
    "Staff have recorded that it was replaced by other work or cancelled. Staff give a reason. It no longer counts as open.",
};

/** The same statuses for a council's local action: only "Not yet assessed" speaks of milestones and the strategy. */
export const LOCAL_ACTION_STATUS_DEFINITIONS: Record<MilestoneStatusValue, string> = {
  ...MILESTONE_STATUS_DEFINITIONS,
  not_yet_assessed: "The council has not given this local action a status yet.",
};

/**
 * Two kinds of overdue (lib/reform/milestone-rules.ts): the date has passed on a milestone nobody has assessed yet,
 * or on one staff have assessed. The open-data field `lateness` uses these codes.
 */
export const LATENESS_KINDS = ["not_yet_assessed", "assessed_late"] as const;
export type LatenessValue = (typeof LATENESS_KINDS)[number];

export const LATENESS_LABELS: Record<LatenessValue, string> = {
  not_yet_assessed: "Date passed, not yet assessed",
  assessed_late: "Assessed and late",
};

/** The short words of the tag shown beside the status of an overdue milestone. */
export const LATENESS_TAG_LABELS: Record<LatenessValue, string> = {
  not_yet_assessed: "Date passed",
  assessed_late: "Overdue",
};

export const LATENESS_DEFINITIONS: Record<LatenessValue, string> = {
  not_yet_assessed:
    "Its planned date has passed and it is still \u201cNot yet assessed\u201d: nobody has said whether it was done. This is not evidence that it was missed.",
  assessed_late:
    "Its planned date has passed and staff have assessed it with a status other than complete or superseded: it is open and late.",
};

export const RESPONSE_CLASSES = ["accepted", "accepted_in_principle", "testing", "consulting", "not_accepted"] as const;
export type ResponseClassValue = (typeof RESPONSE_CLASSES)[number];

export const RESPONSE_CLASS_LABELS: Record<ResponseClassValue, string> = {
  accepted: "Accepted",
  accepted_in_principle: "Accepted in principle",
  testing: "Testing first",
  consulting: "Consulting or considering",
  not_accepted: "Not accepted",
};

export const RESPONSE_CLASS_DEFINITIONS: Record<ResponseClassValue, string> = {
  accepted: "The government commits to do it as recommended, or has done it.",
  accepted_in_principle: "The government agrees with the aim but uses a different or partial mechanism.",
  testing: "The government will pilot, trial or test it (for example in a Pathfinder) before deciding.",
  consulting: "The government will consult on, explore, consider or keep it under review.",
  not_accepted: "The government declines, or does something materially weaker than asked.",
};

export const MILESTONE_GROUPS = [
  "addressing_urgent_issues",
  "setting_national_direction",
  "laying_the_groundwork",
] as const;
export type MilestoneGroupValue = (typeof MILESTONE_GROUPS)[number];

/** The group headings exactly as Figure 3 of the strategy writes them. */
export const MILESTONE_GROUP_LABELS: Record<MilestoneGroupValue, string> = {
  addressing_urgent_issues: "Addressing urgent issues",
  setting_national_direction: "Setting national direction",
  laying_the_groundwork: "Laying the groundwork for future reforms",
};

export const OUTCOME_KIND_LABELS = { outcome: "Outcome", enabler: "Enabler" } as const;

export const REVIEW_CODES = ["CR", "CPE", "CMA"] as const;
export type ReviewCode = (typeof REVIEW_CODES)[number];

/** The three reviews, as the recommendations filter names them. */
export const REVIEW_LABELS: Record<ReviewCode, string> = {
  CR: "Independent Review of Children's Social Care",
  CPE: "Child Protection in England",
  CMA: "CMA market study",
};

export const ROLES = ["admin", "editor", "council_editor", "council_lead"] as const;
export type RoleValue = (typeof ROLES)[number];

/** DfE's own roles; the others belong to one council each (migration 0013, decision 0017). */
export const DFE_ROLES = ["admin", "editor"] as const satisfies readonly RoleValue[];
export const COUNCIL_ROLES = ["council_editor", "council_lead"] as const satisfies readonly RoleValue[];
export type CouncilRoleValue = (typeof COUNCIL_ROLES)[number];

export function isCouncilRole(role: RoleValue): role is CouncilRoleValue {
  return (COUNCIL_ROLES as readonly RoleValue[]).includes(role);
}

export const ROLE_LABELS: Record<RoleValue, string> = {
  admin: "Administrator",
  editor: "Editor",
  council_editor: "Council editor",
  council_lead: "Council lead",
};

export const ROLE_HINTS: Record<RoleValue, string> = {
  admin: "can update the tracker and manage staff accounts",
  editor: "can update milestones and recommendations",
  council_editor: "can update one council\u2019s local actions",
  council_lead: "can update one council\u2019s local actions and manage its council editors",
};

/** The kinds of published change that /changes, the feeds and the briefing report, in the order they list them. */
export const CHANGE_KINDS = [
  "completed",
  "at_risk_or_delayed",
  "slipped",
  "brought_forward",
  "reclassified",
  "added",
  "other",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  completed: "Milestones completed",
  at_risk_or_delayed: "Milestones newly at risk or delayed",
  slipped: "Dates slipped",
  brought_forward: "Dates brought forward",
  reclassified: "Responses reclassified",
  added: "Milestones added",
  other: "Other updates",
};

/** The fields of a milestone or recommendation that staff change, named as a change history shows them. */
export const FIELD_LABELS = {
  status: "Status",
  dueDate: "Due date",
  forecastDate: "Forecast date",
  actualDate: "Actual completion date",
  commentary: "Commentary",
  evidence: "Evidence",
  responseClass: "Response class",
  responseRationale: "Rationale",
  title: "Title",
  // A council's local action (issue 15): the fields its history shows beside the milestone's.
  description: "Description",
  leadRole: "Lead",
  milestones: "National milestones",
  recommendations: "Recommendations",
  commitments: "Annex 1 actions",
} as const;
export type FieldName = keyof typeof FIELD_LABELS;
