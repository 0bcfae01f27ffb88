// The database stops while the app runs, then comes back: health says which, a staff save fails with a
// "try again" error and writes nothing, and everything works again without restarting the app.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres.server";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { applyMigrations } from "@/lib/db/migrate.server";
import { checkHealth } from "@/lib/health.server";
import { recordMilestoneUpdate } from "@/lib/milestone-updates.server";
import { createMilestone, createReferenceData, createUser } from "@/tests/support/factories";

let folder: string;
let port: number;
let server: EmbeddedDatabase;
let prisma: PrismaClient;
let editor: number;

async function start() {
  server = await startEmbeddedPostgres({ dataDir: path.join(folder, "postgres"), port, database: "faults" });
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "reform-tracker-faults-"));
  port = await findFreePort();
  await start();
  await applyMigrations(server.url);
  process.env.DATABASE_URL = server.url;
  (globalThis as { prisma?: unknown }).prisma = undefined;
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url }) });
  await createReferenceData(prisma);
  await createMilestone(prisma, { code: "M-01", dueDate: "2024-03-31", pillars: [1], outcomes: [1] });
  editor = (await createUser(prisma, { email: "editor@example.gov.uk" })).id;
});

afterAll(async () => {
  await prisma?.$disconnect();
  const shared = (globalThis as { prisma?: PrismaClient }).prisma;
  await shared?.$disconnect().catch(() => {});
  (globalThis as { prisma?: unknown }).prisma = undefined;
  await server?.stop().catch(() => {});
  await rm(folder, { recursive: true, force: true });
});

const save = (commentary: string) =>
  recordMilestoneUpdate(editor, { code: "M-01", version: 1, status: "on_track", forecastDate: "", actualDate: "", commentary, evidence: [], reason: "" });

it("reports, refuses and recovers as the database stops and starts again", async () => {
  expect(await checkHealth()).toMatchObject({ status: "ok" });

  await server.stop();
  expect(await checkHealth()).toMatchObject({ status: "unavailable", database: "unreachable" });
  const failure = await save("Written while the database was down").then(() => null, (error: unknown) => error);
  expect(failure).not.toBeNull();
  expect(isDatabaseUnavailable(failure)).toBe(true);

  await start();
  // The same app process, the same database client: it reconnects by itself.
  await expect.poll(async () => (await checkHealth()).status, { timeout: 20_000 }).toBe("ok");
  const saved = await save("Written after it came back");
  expect(saved.ok).toBe(true);

  // Nothing of the failed save was written: one update, one audit event, and it is the later one.
  const m = await prisma.milestone.findUniqueOrThrow({ where: { code: "M-01" } });
  expect([m.version, m.commentary]).toEqual([2, "Written after it came back"]);
  const events = await prisma.auditEvent.findMany({ where: { entityCode: "M-01", action: "update" } });
  expect(events.map((e) => (e.after as { commentary: string }).commentary)).toEqual(["Written after it came back"]);
});
