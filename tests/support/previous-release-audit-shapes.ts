// Every shape of event the release before lib/audit wrote, copied from its writers, and what each means now.
// The audit trail is append-only: these events are in every database that release made, and are read for ever.
export const PREVIOUS_RELEASE_SHAPES = {
  // lib/seed/load-reform-data.server.ts: the source load
  seededMilestoneCreate: {
    status: "not_yet_assessed",
    dueDate: "2023-08-31",
    forecastDate: null,
    actualDate: null,
    commentary: null,
  },
  seededRecommendationCreate: { responseClass: "accepted", responseRationale: "The response says it will." },
  // lib/staff-edits.server.ts (now lib/staff/milestone-additions.server.ts): a milestone staff added
  staffMilestoneCreate: {
    title: "Publish the guidance",
    group: "addressing_urgent_issues",
    activity: "Guidance",
    dueDate: "2026-03-31",
    status: "not_yet_assessed",
    pillars: [1],
    outcomes: [2],
    recommendations: ["CR-01"],
    version: 1,
  },
  // lib/staff/milestone-updates.server.ts: every update, from the form and the CSV import
  milestoneUpdate: {
    status: "delayed",
    forecastDate: "2026-12-31",
    actualDate: null,
    commentary: "Procurement took longer.",
    evidence: [{ title: "Board minutes", url: "https://www.gov.uk/a" }],
    version: 3,
  },
  // lib/staff-edits.server.ts (now lib/staff/reclassification.server.ts): a reclassification
  reclassify: { responseClass: "testing", responseRationale: "It will be tested first.", version: 2 },
  // scripts/bench/generate-large-dataset.ts wrote its own, in SQL
  benchMilestoneUpdate: { status: "on_track", forecastDate: null, actualDate: null, commentary: null },
  benchRecommendationUpdate: { responseClass: "accepted_in_principle" },
} as const;
