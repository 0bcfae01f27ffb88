import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { DataVersionWatcher } from "@/lib/http/data-version";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createReferenceData, createUser } from "@/tests/support/factories";

// The data version is how every app instance learns that the reform data changed (migration 0004), and what the
// front server keys stored pages by (decision 0009).
let database: TestDatabase;
let pool: pg.Pool;
let editor: number;
let reads = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await createReferenceData(database.prisma);
  await createMilestone(database.prisma, { code: "M-01", dueDate: "2024-03-31", pillars: [1], outcomes: [1] });
  editor = (await createUser(database.prisma, { email: "editor@example.gov.uk" })).id;
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
});

afterAll(async () => {
  await pool.end();
  await database.close();
});

const version = async () => String((await database.prisma.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).value);
const readVersion = async () => {
  reads += 1;
  return String(
    (await pool.query<{ value: string }>("SELECT value::text AS value FROM data_version WHERE id = 1")).rows[0]!.value,
  );
};

const save = (commentary: string, expectedVersion: number) =>
  recordMilestoneUpdate(editor, {
    code: "M-01",
    version: expectedVersion,
    status: "on_track",
    forecastDate: "",
    actualDate: "",
    commentary,
    evidence: [],
    reason: "",
  });

it("moves on with every saved change, in the same transaction, and not with a refused one", async () => {
  const before = Number(await version());
  const refused = await recordMilestoneUpdate(editor, {
    code: "M-01",
    version: 1,
    status: "delayed",
    forecastDate: "2025-01-01",
    actualDate: "",
    commentary: "",
    evidence: [],
    reason: "",
  });
  expect(refused.ok).toBe(false);
  expect(Number(await version())).toBe(before);
  expect((await save("Going well", 1)).ok).toBe(true);
  expect(Number(await version())).toBe(before + 1);
});

it("is read once, not once per reader, and again as soon as this instance takes a write", async () => {
  const watcher = new DataVersionWatcher(readVersion, { intervalMs: 60_000, log: () => {}, unreadable: "unknown" });
  reads = 0;
  const first = await Promise.all(Array.from({ length: 50 }, () => watcher.current()));
  expect(new Set(first)).toEqual(new Set([await version()]));
  expect(reads).toBe(1);
  await watcher.current();
  expect(reads).toBe(1); // readers in between do not touch the database

  expect((await save("Still going well", 2)).ok).toBe(true);
  watcher.refresh();
  const after = await Promise.all(Array.from({ length: 50 }, () => watcher.current()));
  expect(new Set(after)).toEqual(new Set([await version()]));
  expect(after[0]).not.toBe(first[0]);
  expect(reads).toBe(2);
});

it("picks up a change made elsewhere by itself within its interval", async () => {
  const watcher = new DataVersionWatcher(readVersion, { intervalMs: 200, log: () => {}, unreadable: "unknown" });
  const before = await watcher.current();
  watcher.start();
  try {
    expect((await save("Changed on another instance", 3)).ok).toBe(true);
    await expect.poll(() => watcher.current(), { timeout: 2_000, interval: 50 }).not.toBe(before);
    expect(await watcher.current()).toBe(await version());
  } finally {
    watcher.stop();
  }
});

it("keeps the last version it read while the database cannot be reached, and says so once", async () => {
  let reachable = true;
  const messages: string[] = [];
  const watcher = new DataVersionWatcher(
    async () => {
      if (!reachable) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      return readVersion();
    },
    { intervalMs: 60_000, log: (message) => messages.push(message), unreadable: "unknown" },
  );
  const known = await watcher.current();
  reachable = false;
  for (let i = 0; i < 3; i++) {
    watcher.refresh();
    expect(await watcher.current()).toBe(known);
  }
  expect(messages).toEqual([expect.stringContaining("cannot read the data version")]);
  reachable = true;
  watcher.refresh();
  expect(await watcher.current()).toBe(known);
  expect(messages).toHaveLength(2);
});
