import { readdir } from "node:fs/promises";
import path from "node:path";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** The migrations this checkout expects, in the order they apply (folder names sort by their number). */
export async function listMigrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  // turbopackIgnore: the folder is read at run time; tracing it would pull the whole project into the build.
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Names of migrations in the repository that the database has not applied. */
export async function pendingMigrationNames(
  query: (sql: string) => Promise<Array<{ migration_name: string }>>,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const names = await listMigrationNames(dir);
  const rows = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(rows.map((r) => r.migration_name));
  return names.filter((name) => !done.has(name));
}
