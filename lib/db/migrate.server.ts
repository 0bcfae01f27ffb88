import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { listMigrationNames, MIGRATIONS_DIR } from "@/lib/db/migration-names.server";
import { ADVISORY_LOCKS } from "@/lib/db/locks";

/**
 * Applies prisma/migrations in order, recording each in Prisma's own `_prisma_migrations` table so that
 * `prisma migrate status` and `prisma migrate deploy` agree with us on a server where the Prisma CLI works.
 * We apply them ourselves because Prisma 6's JavaScript schema engine cannot (prisma/orm#27403) and its native
 * engine cannot be downloaded on offline machines. See docs/decisions/0002-migrations.md.
 */

// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK = ADVISORY_LOCKS.migrations;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = await listMigrationNames(dir);
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies every migration not yet applied, each in its own transaction. Returns the names applied. */
export async function applyMigrations(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrationFiles(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(CREATE_TABLE);
    const done = await appliedMigrations(client);
    for (const file of files) {
      const previous = done.get(file.name);
      if (previous) {
        if (previous !== file.checksum) {
          throw new Error(
            `Migration ${file.name} was changed after it was applied. Add a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`);
      }
      applied.push(file.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
  return applied;
}

async function appliedMigrations(client: pg.ClientBase): Promise<Map<string, string>> {
  const { rows } = await client.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((r) => [r.migration_name, r.checksum]));
}
