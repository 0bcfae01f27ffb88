import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process. In development Next.js reloads modules, so the client is kept on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which sets it, or set it yourself.");
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/**
 * Options for a staff write's transaction. Under heavy public load the connection pool can be busy for a moment:
 * a save waits up to 10 s for a connection (Prisma's default is 2 s) rather than failing.
 */
export const WRITE_TRANSACTION = { maxWait: 10_000, timeout: 20_000 } as const;
