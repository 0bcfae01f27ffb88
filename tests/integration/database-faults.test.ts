// The database stops while the app runs, then comes back: health says which, a staff save fails with a
// "try again" error and writes nothing, and everything works again without restarting the app.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { checkHealth } from "@/lib/db/health.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { createMilestone, createReferenceData, createUser } from "@/tests/support/factories";
import { startOwnServer, type OwnServer } from "@/tests/support/own-server";

let own: OwnServer;
let prisma: PrismaClient;
let editor: number;

beforeAll(async () => {
  own = await startOwnServer("faults");
  prisma = own.prisma;
  await createReferenceData(prisma);
  await createMilestone(prisma, { code: "M-01", dueDate: "2024-03-31", pillars: [1], outcomes: [1] });
  editor = (await createUser(prisma, { email: "editor@example.gov.uk" })).id;
});

afterAll(async () => {
  await own?.close();
});

const save = (commentary: string) =>
  recordMilestoneUpdate(editor, {
    code: "M-01",
    version: 1,
    status: "on_track",
    forecastDate: "",
    actualDate: "",
    commentary,
    evidence: [],
    reason: "",
  });

it("reports, refuses and recovers as the database stops and starts again", async () => {
  expect(await checkHealth()).toMatchObject({ status: "ok" });

  await own.stop();
  expect(await checkHealth()).toMatchObject({ status: "unavailable", database: "unreachable" });
  const failure = await save("Written while the database was down").then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).not.toBeNull();
  expect(isDatabaseUnavailable(failure)).toBe(true);

  await own.start();
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
