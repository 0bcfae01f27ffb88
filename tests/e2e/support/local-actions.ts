import { spawnSync } from "node:child_process";
import { E2E_YORK_ACTION } from "./local-action-fixture";
import { E2E_DATABASE_URL } from "./staff";

export { E2E_LOCAL_ACTION, E2E_YORK_ACTION } from "./local-action-fixture";

/** York's local action page, with its history (see E2E_YORK_ACTION). */
export const E2E_LOCAL_ACTION_PAGE = E2E_YORK_ACTION.page;

// No local action is seeded (councils publish them), so the pages that show them need them made first, through the
// one writer (lib/local-actions/record.ts), as the council's form would write them. Playwright's loader cannot load
// the generated Prisma client, so the writer runs in tsx (tests/e2e/support/write-local-action.ts).
// Idempotent: every spec that needs them may call it.
export function ensureLocalAction(): void {
  const run = spawnSync("npx", ["tsx", "tests/e2e/support/write-local-action.ts"], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`Could not write the E2E local actions: ${run.stderr}`);
}
