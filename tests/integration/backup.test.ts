// Backups: the real reform data plus staff changes, exported, imported into a second fresh database and exported
// again, give the same document byte for byte; a non-empty database is refused untouched; after an import, new
// rows get new ids (the sequences were moved past the imported ones).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before the imports (vi.hoisted runs first): lib/auth/passwords.server reads BCRYPT_COST when it is loaded.
vi.hoisted(() => {
  vi.stubEnv("BCRYPT_COST", "4");
});

import pg from "pg";
import {
  BackupImportError,
  exportBackup,
  importBackup,
  parseBackup,
  serialiseBackup,
  type BackupDocument,
} from "@/lib/db/backup.server";
import { listMigrationNames } from "@/lib/db/migration-names.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { addProgramme, addProgrammeCouncil, setProgrammeMilestones } from "@/lib/staff/programmes.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import { inviteUser } from "@/lib/auth/users.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

let source: TestDatabase;
let target: TestDatabase;
let first: BackupDocument;
let editorId = 0;
let adminId = 0;

const table = (doc: BackupDocument, name: string) => doc.tables.find((t) => t.name === name)!;

beforeAll(async () => {
  source = await createTestDatabase();
  const prisma = source.prisma;
  await loadReformData(prisma);
  // A reorganised council whose successor has a higher id: the import must restore it in id order all the same.
  const [oldest, newest] = await Promise.all([
    prisma.council.findFirstOrThrow({ orderBy: { id: "asc" } }),
    prisma.council.findFirstOrThrow({ orderBy: { id: "desc" } }),
  ]);
  await prisma.council.update({
    where: { id: oldest.id },
    data: { endedOn: new Date("2028-04-01T00:00:00Z"), successorId: newest.id },
  });
  editorId = (await createUser(prisma, { email: "editor@example.gov.uk", role: "editor" })).id;
  adminId = (await createUser(prisma, { email: "admin@example.gov.uk", role: "admin" })).id;
  // Some password hashes, which must not reach the backup.
  await prisma.user.update({ where: { id: editorId }, data: { passwordHash: "$2b$04$not-a-real-hash-but-secret" } });

  const m01 = await prisma.milestone.findUniqueOrThrow({ where: { code: "M-01" } });
  const update = await recordMilestoneUpdate(editorId, {
    code: "M-01",
    version: m01.version,
    status: "delayed",
    forecastDate: "2026-09-30",
    actualDate: "",
    commentary: 'Waiting for "consultation" <b>results</b> — ünïcödé 🚸\r\nSecond line',
    evidence: [
      { title: "Consultation | response", url: "https://www.gov.uk/government/consultations/example" },
      { title: "Second link", url: "https://example.org/a?b=c&d=e" },
    ],
    reason: "The consultation closed later than planned",
  });
  expect(update.ok).toBe(true);
  const cr01 = await prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
  const reclassified = await reclassifyRecommendation(editorId, {
    code: "CR-01",
    version: cr01.version,
    responseClass: cr01.responseClass === "testing" ? "accepted" : "testing",
    rationale: "The response says 'we will test' for this one, so it is testing",
    reason: "Corrected after review",
  });
  expect(reclassified.ok).toBe(true);
  const added = await addMilestone(adminId, {
    group: "laying_the_groundwork",
    activity: "Phase two of the programme began",
    title: "Publish the phase two plan",
    dueDate: "2027-03-31",
    pillars: [1, 2],
    outcomes: [3],
    recommendations: ["CR-01", "CPE-01"],
    reason: "Phase two starts next spring",
  });
  expect(added.ok).toBe(true);
  // A programme with a milestone and a council: three tables whose rows point at milestones and councils.
  expect(
    await addProgramme(adminId, {
      slug: "pathfinder",
      name: "Pathfinder",
      description: "Tried in some areas first",
      startedOn: "2024-01-01",
      endedOn: "",
      reason: "Announced in the strategy",
    }),
  ).toMatchObject({ ok: true });
  expect(
    await setProgrammeMilestones(adminId, {
      programme: "pathfinder",
      version: 1,
      milestones: ["M-01"],
      reason: "Announced in the strategy",
    }),
  ).toMatchObject({ ok: true });
  expect(
    await addProgrammeCouncil(adminId, {
      programme: "pathfinder",
      version: 2,
      council: "thurrock",
      from: "2024-01-01",
      until: "",
      reason: "Announced in the strategy",
    }),
  ).toMatchObject({ ok: true });
  const invited = await inviteUser(adminId, { email: "new.editor@example.gov.uk", name: "New Editor", role: "editor" });
  expect(invited.ok).toBe(true);
  await prisma.signInAttempt.create({ data: { email: "editor@example.gov.uk", ip: "127.0.0.1", succeeded: false } });

  first = await exportBackup(source.url);
  // The second database becomes DATABASE_URL for db() from here on.
  target = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await target?.close();
  await source?.close();
});

describe("export", () => {
  it("holds every tracker table, the format version and the applied migrations", async () => {
    expect(first.format).toBe("reform-tracker-backup");
    expect(first.formatVersion).toBe(1);
    expect(first.migrations).toEqual(await listMigrationNames());
    expect(first.tables.map((t) => t.name)).toEqual([
      "review",
      "pillar",
      "outcome",
      "pillar_outcome",
      "outcome_commitment",
      "recommendation",
      "recommendation_outcome",
      "milestone",
      "evidence_link",
      "milestone_pillar",
      "milestone_outcome",
      "milestone_recommendation",
      "council",
      "programme",
      "programme_milestone",
      "programme_council",
      "local_action",
      "local_action_evidence",
      "local_action_milestone",
      "local_action_recommendation",
      "local_action_commitment",
      "app_user",
      "audit_event",
      "seed_run",
    ]);
    const counts = Object.fromEntries(first.tables.map((t) => [t.name, t.rows.length]));
    expect(counts.recommendation).toBe(await source.prisma.recommendation.count());
    expect(counts.milestone).toBe(await source.prisma.milestone.count());
    expect(counts.audit_event).toBe(await source.prisma.auditEvent.count());
    expect(counts.evidence_link).toBe(2);
    expect(counts.council).toBe(153);
    expect([counts.programme, counts.programme_milestone, counts.programme_council]).toEqual([1, 1, 1]);
    expect(counts.app_user).toBe(3);
  });

  it("leaves out password hashes, sign-in attempts and the generated search column", () => {
    const text = serialiseBackup(first);
    expect(table(first, "app_user").columns).not.toContain("password_hash");
    expect(text).not.toContain("not-a-real-hash");
    expect(text).not.toMatch(/\$2[aby]\$/);
    expect(first.tables.some((t) => t.name === "sign_in_attempt")).toBe(false);
    expect(table(first, "recommendation").columns).not.toContain("search");
  });

  it("orders rows by primary key and writes dates, timestamps and 64-bit ids as strings", () => {
    for (const t of first.tables) {
      const keys = t.rows.map((r) =>
        t.primaryKey.map((k) => (typeof r[k] === "string" ? BigInt(r[k] as string) : (r[k] as number))),
      );
      const sorted = [...keys].sort((a, b) => {
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
        return 0;
      });
      expect(keys, t.name).toEqual(sorted);
    }
    const m01 = table(first, "milestone").rows.find((r) => r.code === "M-01")!;
    expect(m01.due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(m01.forecast_date).toBe("2026-09-30");
    expect(m01.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const events = table(first, "audit_event").rows;
    expect(events.every((e) => typeof e.id === "string" && /^\d+$/.test(e.id))).toBe(true);
    expect(events.some((e) => e.action === "reclassify" && e.reason === "Corrected after review")).toBe(true);
  });
});

describe("import into an empty database, then export again", () => {
  let second: BackupDocument;

  beforeAll(async () => {
    // Through the file format, as the command line does.
    const result = await importBackup(target.url, parseBackup(serialiseBackup(first)));
    expect(result.rows.audit_event).toBe(table(first, "audit_event").rows.length);
    second = await exportBackup(target.url);
  }, 120_000);

  it("gives the same document, byte for byte", () => {
    expect(second).toEqual(first);
    expect(serialiseBackup(second)).toBe(serialiseBackup(first));
  });

  it("keeps ids, recomputes search and leaves accounts without a password", async () => {
    const before = await source.prisma.milestone.findUniqueOrThrow({
      where: { code: "M-01" },
      include: { evidence: true },
    });
    const after = await target.prisma.milestone.findUniqueOrThrow({
      where: { code: "M-01" },
      include: { evidence: true },
    });
    expect(after).toEqual(before);
    const [hit] = await target.prisma.$queryRaw<Array<{ code: string }>>`
      SELECT code FROM recommendation WHERE search @@ plainto_tsquery('english', 'Knowledge Skills Statement family support workers') ORDER BY code LIMIT 1`;
    expect(hit?.code).toBe("CR-02");
    const users = await target.prisma.user.findMany();
    expect(users).toHaveLength(3);
    expect(users.every((u) => u.passwordHash === null)).toBe(true);
    expect(await target.prisma.signInAttempt.count()).toBe(0);
  });

  it("moves every sequence past the imported ids: a new milestone, audit event and user get new ids", async () => {
    const maxMilestone = (await target.prisma.milestone.aggregate({ _max: { id: true } }))._max.id!;
    const maxEvent = (await target.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id!;
    const added = await addMilestone(adminId, {
      group: "setting_national_direction",
      activity: "After the restore",
      title: "A milestone added after the restore",
      dueDate: "2027-06-30",
      pillars: [3],
      outcomes: [1],
      recommendations: [],
      reason: "Checking sequences after a restore",
    });
    expect(added).toEqual({ ok: true, value: { code: expect.stringMatching(/^M-\d+$/) } });
    const created = await target.prisma.milestone.findUniqueOrThrow({
      where: { code: added.ok ? added.value.code : "" },
    });
    expect(created.id).toBeGreaterThan(maxMilestone);
    const event = await target.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "milestone", entityId: created.id },
    });
    expect(event.id).toBeGreaterThan(maxEvent);
    const user = await createUser(target.prisma, { email: "after.restore@example.gov.uk" });
    expect(user.id).toBeGreaterThan(Math.max(...(await source.prisma.user.findMany()).map((u) => u.id)));
    const link = await target.prisma.evidenceLink.create({
      data: { milestoneId: created.id, position: 1, title: "t", url: "https://example.org" },
    });
    expect(link.id).toBeGreaterThan(2);
    await target.prisma.signInAttempt.create({ data: { email: "x@example.org", ip: "127.0.0.1", succeeded: false } });
    await target.prisma.seedRun.create({ data: { datasetHash: "x", inserted: 0 } });
  });
});

describe("import into a database that is not empty", () => {
  it("is refused with a clear message and changes nothing", async () => {
    const before = await checksumTables(source.prisma);
    const error = await importBackup(source.url, first).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupImportError);
    expect((error as Error).message).toMatch(/not empty/);
    expect(await checksumTables(source.prisma)).toEqual(before);
  });

  it("is refused even when the only row is a sign-in attempt", async () => {
    const url = await emptyDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // Importing a backup with no tables migrates the new database and writes nothing else.
      await importBackup(url, { ...first, tables: [] });
      await client.query(`INSERT INTO sign_in_attempt (email, ip, succeeded) VALUES ('a@b.c', '1', false)`);
      const error = await importBackup(url, first).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupImportError);
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM milestone`);
      expect(rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("refuses a file that is not a backup, or from a newer version", async () => {
    expect(() => parseBackup("not json")).toThrow(BackupImportError);
    expect(() => parseBackup(JSON.stringify({ format: "something else" }))).toThrow(/not a Reform Tracker backup/);
    expect(() => parseBackup(JSON.stringify({ ...first, formatVersion: 99 }))).toThrow(/format version 99/);
    const url = await emptyDatabase();
    const newer = await importBackup(url, { ...first, migrations: [...first.migrations, "9999_from_the_future"] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((newer as Error).message).toMatch(/newer version/);
  });
});

/** A new, unmigrated database on the test server (importBackup migrates it). */
async function emptyDatabase(): Promise<string> {
  const name = `backup_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: source.url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return source.url.replace(/\/[^/]+$/, `/${name}`);
}
