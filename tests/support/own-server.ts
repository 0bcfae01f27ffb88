import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres.server";
import { applyMigrations } from "@/lib/db/migrate.server";

/**
 * A PostgreSQL server of a test file's own (not the run's shared one), for tests that stop, crash or restart it.
 * Its data folder survives stop() and start(). The database is migrated and becomes DATABASE_URL for lib/ code.
 */
export interface OwnServer {
  url: string;
  /** The data folder, for tests that look at the server's own files. */
  dataDir: string;
  /** A client for test set-up and checks (the app's own code uses db()). */
  prisma: PrismaClient;
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnServer(database: string): Promise<OwnServer> {
  const folder = await mkdtemp(path.join(tmpdir(), `reform-tracker-${database}-`));
  const dataDir = path.join(folder, "postgres");
  const port = await findFreePort();
  let server: EmbeddedDatabase | undefined;
  const start = async () => {
    server = await startEmbeddedPostgres({ dataDir, port, database });
  };
  await start();
  const url = server!.url;
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  (globalThis as { prisma?: unknown }).prisma = undefined;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    url,
    dataDir,
    prisma,
    start,
    async stop() {
      await server?.stop();
    },
    async close() {
      await prisma.$disconnect();
      const shared = (globalThis as { prisma?: PrismaClient }).prisma;
      await shared?.$disconnect().catch(() => {});
      (globalThis as { prisma?: unknown }).prisma = undefined;
      await server?.stop().catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}
