import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { GuardedPool } from "@/lib/db/pool.server";

// One client per process. In development Next.js reloads modules, so the client is kept on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; databasePool?: GuardedPool };

/** A Prisma client on its own guarded connection pool (see pool.server.ts); `$disconnect()` closes the pool. */
export function createPrismaClient(connectionString: string): { prisma: PrismaClient; pool: GuardedPool } {
  const pool = new GuardedPool({ connectionString });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { prisma, pool };
}

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which sets it, or set it yourself.");
  }
  const { prisma, pool } = createPrismaClient(connectionString);
  globalForPrisma.databasePool = pool;
  return prisma;
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/** The connection pool behind db(), once it exists. */
export function databasePool(): GuardedPool | undefined {
  return globalForPrisma.prisma ? globalForPrisma.databasePool : undefined;
}

/**
 * Options for a staff write's transaction. Under heavy public load the connection pool can be busy for a moment:
 * a save waits up to 10 s for a connection (Prisma's default is 2 s) rather than failing.
 */
export const WRITE_TRANSACTION = { maxWait: 10_000, timeout: 20_000 } as const;
