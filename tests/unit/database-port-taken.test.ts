import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DatabasePortTakenError, findFreePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres.server";

// When the embedded PostgreSQL's port was taken (a second copy of the tracker), `npm start` died with
// "UnhandledPromiseRejection ... The promise rejected with the reason "undefined"". A plain TCP server holds a port
// here, as the other copy would.

let holder: Server;
let port: number;

beforeAll(async () => {
  port = await findFreePort();
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(port, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
});

it("starting the embedded database on a taken port says which port, and what to do", async () => {
  const started = startEmbeddedPostgres({ ephemeral: true, port, database: "reform_tracker" });
  await expect(started).rejects.toBeInstanceOf(DatabasePortTakenError);
  await expect(started).rejects.toThrow(
    new RegExp(
      `port ${port} on 127\\.0\\.0\\.1 is already in use.*Stop the other copy.*EMBEDDED_PG_PORT=\\d+ npm start`,
    ),
  );
});

it("`npm start` on a taken database port prints that message and exits with 1, not an unhandled rejection", async () => {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts", "--ephemeral"], {
    env: { ...process.env, DATABASE_URL: "", EMBEDDED_PG_PORT: String(port), PORT: String(await findFreePort()) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(1);
  expect(stderr).toContain(`[reform-tracker] The embedded PostgreSQL cannot start: port ${port} on 127.0.0.1`);
  expect(stderr).toContain("EMBEDDED_PG_PORT=");
  expect(stderr).not.toMatch(/UnhandledPromiseRejection|undefined|\n\s+at /);
}, 60_000);
