import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate.server";
import { listMigrationNames, MIGRATIONS_DIR } from "@/lib/db/migration-names.server";
import { checkHealth } from "@/lib/db/health.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
let scratch: string;

beforeAll(async () => {
  database = await createTestDatabase();
  scratch = await mkdtemp(path.join(tmpdir(), "reform-tracker-migrations-"));
});

afterAll(async () => {
  await database.close();
  await rm(scratch, { recursive: true, force: true });
});

describe("migrations", () => {
  it("applies nothing to a database that is up to date", async () => {
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it("applies a new migration once, and records it as Prisma does", async () => {
    const dir = path.join(scratch, "new");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "9999_test_note"));
    await writeFile(
      path.join(dir, "9999_test_note", "migration.sql"),
      `CREATE TABLE "test_note" ("id" SERIAL PRIMARY KEY);`,
    );

    expect(await applyMigrations(database.url, dir)).toEqual(["9999_test_note"]);
    expect(await applyMigrations(database.url, dir)).toEqual([]);
    const rows = await database.prisma.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual([...(await listMigrationNames()), "9999_test_note"]);
  });

  it("refuses to run when an applied migration has been edited", async () => {
    const dir = path.join(scratch, "edited");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(path.join(dir, "0001_init", "migration.sql"), "-- edited after it was applied");
    await expect(applyMigrations(database.url, dir)).rejects.toThrow(/0001_init was changed after it was applied/);
  });

  it("rolls back a migration that fails, leaving no trace of it", async () => {
    const dir = path.join(scratch, "broken");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "9998_broken"));
    await writeFile(
      path.join(dir, "9998_broken", "migration.sql"),
      `CREATE TABLE "half_done" ("id" INT); SELECT * FROM "no_such_table";`,
    );
    await expect(applyMigrations(database.url, dir)).rejects.toThrow(/9998_broken failed/);
    const [row] = await database.prisma.$queryRaw<
      Array<{ exists: boolean }>
    >`SELECT to_regclass('half_done') IS NOT NULL AS exists`;
    expect(row?.exists).toBe(false);
  });
});

describe("health", () => {
  it("reports ok when the database is reachable and every migration is applied", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", database: "reachable", migrations: "applied" });
  });

  it("names the migrations the database has not applied", async () => {
    const dir = path.join(scratch, "pending");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "9997_not_yet"));
    await writeFile(path.join(dir, "9997_not_yet", "migration.sql"), "SELECT 1;");
    expect(await checkHealth({ migrationsDir: dir })).toEqual({
      status: "unavailable",
      database: "reachable",
      migrations: "pending",
      pending: ["9997_not_yet"],
    });
  });

  it("reports the database unreachable when it cannot connect", async () => {
    const saved = process.env.DATABASE_URL;
    const dropSharedClient = async () => {
      const shared = globalThis as { prisma?: { $disconnect(): Promise<void> } };
      await shared.prisma?.$disconnect().catch(() => {});
      shared.prisma = undefined;
    };
    await dropSharedClient();
    // Nothing listens on port 9 (discard) on loopback: the connection is refused at once.
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:9/none";
    try {
      const report = await checkHealth();
      expect(report).toMatchObject({ status: "unavailable", database: "unreachable" });
    } finally {
      await dropSharedClient();
      process.env.DATABASE_URL = saved;
    }
  });
});
