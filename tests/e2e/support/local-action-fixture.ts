// The local actions the end-to-end tests read (no local action is seeded: councils publish their own).
// tests/e2e/support/write-local-action.ts writes them through the one writer.

/** Thurrock's: added, then delayed with a reason, on the day the tests run. */
export const E2E_LOCAL_ACTION = {
  council: "thurrock",
  title: "E2E local action: family help teams",
  reason: "E2E: recruitment took longer than planned",
};

/**
 * York's LA-1: added on 2024-10-01 and slipped with a reason on 2025-02-10, so its past states can be read with
 * ?asAt= (not published on 2024-06-30; on track on 2024-12-31). York, so that the council journeys (Thurrock, Essex)
 * number their own actions from 1.
 */
export const E2E_YORK_ACTION = {
  council: "york",
  page: "/councils/york/actions/LA-1",
  title: "One front door for families in York",
  reason: "The case management system supplier moved its go-live date",
  added: "2024-10-01T09:00:00Z",
  slipped: "2025-02-10T09:00:00Z",
};
