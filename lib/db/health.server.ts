import "server-only";
import { describeDatabaseError } from "@/lib/db/errors";
import { db } from "@/lib/db/client.server";
import { pendingMigrationNames } from "@/lib/db/migration-names.server";

export type HealthReport =
  | { status: "ok"; database: "reachable"; migrations: "applied" }
  | { status: "unavailable"; database: "unreachable"; error: string }
  | { status: "unavailable"; database: "reachable"; migrations: "pending"; pending: string[] };

/** Is the database reachable, and has it applied every migration this build expects? */
export async function checkHealth(options: { migrationsDir?: string } = {}): Promise<HealthReport> {
  const prisma = db();
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch (error) {
    console.error(`health: database unreachable (${describeDatabaseError(error)})`);
    return { status: "unavailable", database: "unreachable", error: "The database cannot be reached." };
  }
  let pending: string[];
  try {
    pending = await pendingMigrationNames((sql) => prisma.$queryRawUnsafe(sql), options.migrationsDir);
  } catch {
    // No _prisma_migrations table at all: nothing has been applied.
    pending = ["(no migrations applied)"];
  }
  if (pending.length > 0) return { status: "unavailable", database: "reachable", migrations: "pending", pending };
  return { status: "ok", database: "reachable", migrations: "applied" };
}
