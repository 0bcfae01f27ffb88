// A save interrupted part-way through its transaction leaves nothing behind: not a half-written milestone, not its
// evidence half replaced, and no audit record for a change that did not happen. Two real interruptions:
//  - the database connection dies at each write of a save (the server ends the session mid-transaction);
//  - the whole PostgreSQL server crashes (immediate shutdown, no checkpoint) while a save waits inside its transaction,
//    then starts again and recovers from its write-ahead log.
// Each time the app then saves normally again, on the same client, without a restart.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { databasePool } from "@/lib/db/client.server";
import { GuardedPool } from "@/lib/db/pool.server";
import { applyMilestoneImport, exportMilestonesCsv } from "@/lib/staff/milestone-csv.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { checksumTables } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";
import { startOwnServer, type OwnServer } from "@/tests/support/own-server";

const TODAY = "2024-06-30";
let own: OwnServer;
let prisma: PrismaClient;
let editor: number;

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: own.url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

// Test-only triggers, added to this throwaway database: when `interrupt_at` names a table (and, optionally, the
// milestone code being written), a write to that table ends its own database session on the spot ("kill"), or
// waits inside the transaction ("wait") so that the test can crash the server under it.
const INTERRUPTION_TRIGGERS = `
  CREATE TABLE interrupt_at (table_name text NOT NULL, code text, how text NOT NULL);
  CREATE FUNCTION interrupt_here() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE how text;
  BEGIN
    SELECT i.how INTO how FROM interrupt_at i
     WHERE i.table_name = TG_TABLE_NAME
       AND (i.code IS NULL OR i.code = to_jsonb(NEW)->>'code' OR i.code = to_jsonb(NEW)->>'entity_code')
     LIMIT 1;
    IF how = 'kill' THEN
      PERFORM pg_terminate_backend(pg_backend_pid());
      PERFORM pg_sleep(5); -- the termination lands here, before the statement can finish
    ELSIF how = 'wait' THEN
      PERFORM pg_sleep(60);
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER interrupt_milestone AFTER UPDATE ON milestone FOR EACH ROW EXECUTE FUNCTION interrupt_here();
  CREATE TRIGGER interrupt_evidence AFTER INSERT ON evidence_link FOR EACH ROW EXECUTE FUNCTION interrupt_here();
  CREATE TRIGGER interrupt_audit AFTER INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION interrupt_here();
  CREATE TRIGGER interrupt_data_version AFTER UPDATE ON data_version FOR EACH ROW EXECUTE FUNCTION interrupt_here();
`;

async function interruptAt(tableName: string, how: "kill" | "wait", code: string | null = null) {
  await sql("DELETE FROM interrupt_at");
  await sql("INSERT INTO interrupt_at (table_name, code, how) VALUES ($1, $2, $3)", [tableName, code, how]);
}

async function noInterruptions() {
  await sql("DELETE FROM interrupt_at");
}

/** Every application table, without the test's own table. */
async function snapshot() {
  const { interrupt_at: _ignored, ...tables } = await checksumTables(prisma);
  return tables;
}

async function version(code: string) {
  return (await prisma.milestone.findUniqueOrThrow({ where: { code } })).version;
}

/** No connection of the app's pool is left lent out: a dead one was given back, not stranded. */
async function expectNoStrandedConnections() {
  await expect.poll(() => databasePool()?.inUseCount, { timeout: 5_000 }).toBe(0);
}

function save(code: string, currentVersion: number, commentary: string) {
  return recordMilestoneUpdate(
    editor,
    {
      code,
      version: currentVersion,
      status: "delayed",
      forecastDate: "2026-03-31",
      actualDate: "",
      commentary,
      evidence: [
        { title: "New evidence one", url: "https://example.gov.uk/one" },
        { title: "New evidence two", url: "https://example.gov.uk/two" },
      ],
      reason: "Interrupted save test",
    },
    { today: TODAY },
  );
}

beforeAll(async () => {
  own = await startOwnServer("interrupted");
  prisma = own.prisma;
  await loadReformData(prisma);
  editor = (await createUser(prisma, { email: "editor@example.gov.uk" })).id;
  // M-02 starts with evidence, so a save that replaces it has something to lose.
  const first = await recordMilestoneUpdate(
    editor,
    {
      code: "M-02",
      version: 1,
      status: "on_track",
      forecastDate: "",
      actualDate: "",
      commentary: "Before",
      evidence: [{ title: "Original evidence", url: "https://example.gov.uk/original" }],
      reason: "",
    },
    { today: TODAY },
  );
  expect(first.ok).toBe(true);
  await sql(INTERRUPTION_TRIGGERS);
});

afterAll(async () => {
  await own?.close();
});

describe("the connection dies part-way through a save", () => {
  beforeEach(noInterruptions);

  // In the order a milestone save writes them: the milestone row, its evidence (old rows deleted, new inserted),
  // the audit record, and the data version the audit record bumps.
  for (const table of ["milestone", "evidence_link", "audit_event", "data_version"]) {
    it(`at the write to ${table}: nothing of the save is kept, and the next save works`, async () => {
      const before = await snapshot();
      const current = await version("M-02");
      await interruptAt(table, "kill");

      const failure = await save("M-02", current, `Interrupted at ${table}`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).not.toBeNull();
      expect(await snapshot()).toEqual(before);
      await expectNoStrandedConnections();

      // Same process, same client: the dead connection is dropped from the pool and the next save succeeds whole.
      await noInterruptions();
      const saved = await save("M-02", current, `Saved after the interruption at ${table}`);
      expect(saved.ok).toBe(true);
      const m = await prisma.milestone.findUniqueOrThrow({
        where: { code: "M-02" },
        include: { evidence: { orderBy: { position: "asc" } } },
      });
      expect([m.version, m.commentary]).toEqual([current + 1, `Saved after the interruption at ${table}`]);
      expect(m.evidence.map((e) => e.title)).toEqual(["New evidence one", "New evidence two"]);
      const audits = await prisma.auditEvent.count({ where: { entityCode: "M-02", action: "update" } });
      expect(audits).toBe(current); // one per acknowledged save: the first one and one per test so far
    });
  }

  it("during a CSV upload, after the first of two milestones was written: neither is kept", async () => {
    const csv = await exportMilestonesCsv(editor);
    const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    const edited = rows.map((r) =>
      r.code === "M-05" || r.code === "M-06" ? { ...r, status: "on_track", commentary: `Upload for ${r.code}` } : r,
    );
    const upload = stringify(edited, { header: true, columns: Object.keys(rows[0]!) });

    const before = await snapshot();
    await interruptAt("audit_event", "kill", "M-06");
    const failure = await applyMilestoneImport(editor, upload, { today: TODAY }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(await snapshot()).toEqual(before);
    await expectNoStrandedConnections();

    await noInterruptions();
    const applied = await applyMilestoneImport(editor, upload, { today: TODAY });
    expect(applied).toMatchObject({ ok: true, applied: 2 });
  });
});

describe("the connection pool", () => {
  beforeEach(noInterruptions);

  it("survives more interrupted saves than it has connections, without a restart", async () => {
    const size = (databasePool()?.options.max as number | undefined) ?? 10;
    await interruptAt("audit_event", "kill", "M-20");
    for (let i = 0; i <= size; i++) {
      const failure = await save("M-20", await version("M-20"), `Interrupted ${i}`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).not.toBeNull();
    }
    await noInterruptions();
    const saved = await save("M-20", await version("M-20"), "Saved after many interruptions");
    expect(saved.ok).toBe(true);
    await expectNoStrandedConnections();
  });

  it("discards a connection given back in the middle of a transaction instead of lending it again", async () => {
    const pool = new GuardedPool({ connectionString: own.url, max: 1 });
    try {
      const first = await pool.connect();
      await first.query("BEGIN");
      await first.query("CREATE TEMPORARY TABLE left_open (x int)");
      first.release();
      first.release(); // a second give-back is ignored, not an error
      const second = await pool.connect();
      expect(second).not.toBe(first);
      // Not inside the abandoned transaction, which had a transaction id from its CREATE TABLE.
      const inside = await second.query("SELECT txid_current_if_assigned() AS xid");
      expect(inside.rows[0].xid).toBeNull();
      second.release();
      expect(pool.inUseCount).toBe(0);
    } finally {
      await pool.end();
    }
  });
});

describe("the database server crashes while a save is inside its transaction", () => {
  it("keeps every acknowledged save, keeps nothing of the interrupted one, and recovers", async () => {
    await noInterruptions();
    // An acknowledged save just before the crash must survive it.
    const acknowledged = await save("M-10", await version("M-10"), "Acknowledged before the crash");
    expect(acknowledged.ok).toBe(true);
    const before = await snapshot();

    // The next save stops inside its transaction, after writing the milestone and its evidence, at its audit record.
    await interruptAt("audit_event", "wait", "M-11");
    const interrupted = save("M-11", await version("M-11"), "Interrupted by the crash").then(
      () => null,
      (error: unknown) => error,
    );
    await expect
      .poll(
        async () =>
          (await sql("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep'")).rows[0].n,
        { timeout: 10_000 },
      )
      .toBe(1);

    // Immediate shutdown (SIGQUIT to the postmaster): no checkpoint, as in a power cut; the next start replays the log.
    const pid = Number((await readFile(path.join(own.dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    process.kill(pid, "SIGQUIT");
    expect(await interrupted).not.toBeNull();
    await expect
      .poll(
        () => {
          try {
            process.kill(pid, 0);
            return "running";
          } catch {
            return "stopped";
          }
        },
        { timeout: 20_000 },
      )
      .toBe("stopped");

    await own.start();
    await expect
      .poll(async () => (await prisma.$queryRaw<Array<{ ok: number }>>`SELECT 1 AS ok`.catch(() => []))[0]?.ok, {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await snapshot()).toEqual(before);
    const m10 = await prisma.milestone.findUniqueOrThrow({ where: { code: "M-10" } });
    expect(m10.commentary).toBe("Acknowledged before the crash");

    await noInterruptions();
    const after = await save("M-11", await version("M-11"), "Saved after the restart");
    expect(after.ok).toBe(true);
    expect(await prisma.auditEvent.count({ where: { entityCode: "M-11", action: "update" } })).toBe(1);
    await expectNoStrandedConnections();
  });
});
