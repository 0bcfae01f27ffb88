// Thurrock's local action for the end-to-end tests (tests/e2e/support/local-actions.ts writes it).
export const E2E_LOCAL_ACTION = {
  council: "thurrock",
  title: "E2E local action: family help teams",
  reason: "E2E: recruitment took longer than planned",
};
