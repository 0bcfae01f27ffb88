import { spawnSync } from "node:child_process";
import { E2E_DATABASE_URL } from "./staff";

export { E2E_LOCAL_ACTION } from "./local-action-fixture";

// No local action is seeded (councils publish them), so the pages that show them need one made first: Thurrock's
// "E2E local action" for M-01 and CR-01, added and then slipped with a reason by a Thurrock council editor, through
// the one writer (lib/local-actions/record.ts), as the council's form would write it. Playwright's loader cannot
// load the generated Prisma client, so the writer runs in tsx (tests/e2e/support/write-local-action.ts).
// Idempotent: every spec that needs it may call it.
export function ensureLocalAction(): void {
  const run = spawnSync("npx", ["tsx", "tests/e2e/support/write-local-action.ts"], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`Could not write the E2E local action: ${run.stderr}`);
}
