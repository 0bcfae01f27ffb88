import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { connectionUrl, createDatabaseIfMissing } from "@/lib/db/embedded-postgres.server";

const TEMPLATE_DATABASE = "reform_tracker_template";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  close(): Promise<void>;
}

/**
 * A fresh, migrated, empty database for one test file, on the run's embedded PostgreSQL server.
 * It also becomes DATABASE_URL for lib/ code that uses the shared client (db()).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const port = inject("postgresPort");
  const name = `test_${randomBytes(6).toString("hex")}`;
  await createDatabaseIfMissing(connectionUrl(port, "postgres"), name, TEMPLATE_DATABASE);
  const url = connectionUrl(port, name);
  process.env.DATABASE_URL = url;
  (globalThis as { prisma?: unknown }).prisma = undefined;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    url,
    prisma,
    async close() {
      await prisma.$disconnect();
      const shared = (globalThis as { prisma?: PrismaClient }).prisma;
      await shared?.$disconnect();
      (globalThis as { prisma?: unknown }).prisma = undefined;
    },
  };
}

/** A checksum of every row of every application table, to prove that something changed nothing. */
export async function checksumTables(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const result: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await prisma.$queryRawUnsafe<Array<{ digest: string | null; n: bigint }>>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*) AS n FROM "${tablename}" t`,
    );
    result[tablename] = `${row?.n ?? 0}:${row?.digest ?? ""}`;
  }
  return result;
}
