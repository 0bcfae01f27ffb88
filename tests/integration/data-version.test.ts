import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client.server";
import { recordMilestoneUpdate } from "@/lib/milestone-updates.server";
import { currentDataVersion } from "@/lib/public-data.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createReferenceData, createUser } from "@/tests/support/factories";

// The data version is how every app instance learns that the reform data changed (migration 0004).
let database: TestDatabase;
let editor: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await createReferenceData(database.prisma);
  await createMilestone(database.prisma, { code: "M-01", dueDate: "2024-03-31", pillars: [1], outcomes: [1] });
  editor = (await createUser(database.prisma, { email: "editor@example.gov.uk" })).id;
});

afterAll(async () => {
  await database.close();
});

const version = async () => Number((await database.prisma.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).value);

it("moves on with every saved change, in the same transaction, and not with a refused one", async () => {
  const before = await version();
  const refused = await recordMilestoneUpdate(editor, { code: "M-01", version: 1, status: "delayed", forecastDate: "2025-01-01", actualDate: "", commentary: "", evidence: [], reason: "" });
  expect(refused.ok).toBe(false);
  expect(await version()).toBe(before);
  const saved = await recordMilestoneUpdate(editor, { code: "M-01", version: 1, status: "on_track", forecastDate: "", actualDate: "", commentary: "Going well", evidence: [], reason: "" });
  expect(saved.ok).toBe(true);
  expect(await version()).toBe(before + 1);
});

it("is read once, not once per request, when many requests find their copy stale at the same moment", async () => {
  await currentDataVersion();
  await new Promise((resolve) => setTimeout(resolve, 2_100)); // past the 2-second reuse window
  const reads = vi.spyOn(db(), "$queryRaw");
  try {
    const versions = await Promise.all(Array.from({ length: 50 }, () => currentDataVersion()));
    expect(new Set(versions)).toEqual(new Set([String(await version())]));
    expect(reads).toHaveBeenCalledTimes(1);
  } finally {
    reads.mockRestore();
  }
});
