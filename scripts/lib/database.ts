import path from "node:path";
import pg from "pg";
import { connectionUrl, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres.server";

// Where the project's own commands find their database, the same way `npm start` does: DATABASE_URL if set,
// otherwise the embedded PostgreSQL in .data/postgres on port 54329 (REFORM_TRACKER_DATA_DIR, EMBEDDED_PG_PORT).

export const EMBEDDED_DATABASE = "reform_tracker";

export function embeddedDefaults() {
  return {
    dataDir: path.resolve(process.env.REFORM_TRACKER_DATA_DIR ?? path.join(process.cwd(), ".data", "postgres")),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  };
}

/** True if a PostgreSQL server already answers at this address (for example the one `npm start` runs). */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database a command line tool should use. When it had to start the embedded server itself, `stop` stops it;
 * a server that was already running (`npm start`) is left running.
 */
export async function openProjectDatabase(
  log: (message: string) => void,
): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    log("using the PostgreSQL server in DATABASE_URL");
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const { dataDir, port } = embeddedDefaults();
  const running = connectionUrl(port, EMBEDDED_DATABASE);
  if (await answers(running)) {
    log(`using the embedded PostgreSQL already running on 127.0.0.1:${port}`);
    return { url: running, stop: async () => {} };
  }
  log(`starting the embedded PostgreSQL on 127.0.0.1:${port} (data: ${dataDir})`);
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, port, database: EMBEDDED_DATABASE });
  return { url: embedded.url, stop: () => embedded.stop() };
}
