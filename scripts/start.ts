// `npm start`: everything a new user needs, in one command.
// Without DATABASE_URL it starts the embedded PostgreSQL (data kept in .data/postgres, so it survives restarts);
// with DATABASE_URL it uses that server, as a deployment does. Then it applies migrations, loads the reform
// data where missing, builds the app if the build is missing or older than the sources, and serves it.
//   --dev        serve with `next dev` instead of a production build
//   --ephemeral  throwaway database in a temporary folder, deleted on exit (used by the end-to-end tests)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DatabasePortTakenError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "@/lib/db/embedded-postgres.server";
import { applyMigrations } from "@/lib/db/migrate.server";
import { db } from "@/lib/db/client.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { buildIsStale } from "./lib/build";
import { announceFirstAdmin } from "./lib/first-admin";
import { EMBEDDED_DATABASE, embeddedDefaults } from "./lib/database";
import { createFirstAdminIfNone } from "@/lib/auth/users.server";
import { ensureApplicationLogin, EMBEDDED_APPLICATION_LOGIN } from "@/lib/db/application-role.server";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const ephemeral = args.has("--ephemeral");
const port = Number(process.env.PORT ?? 3000);
const root = process.cwd();

function log(message: string) {
  console.log(`[reform-tracker] ${message}`);
}

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, commandArgs, { stdio: "inherit", env, cwd: root });
}

/** Where `npm start` keeps its files: beside the embedded database's folder (.data by default). */
function dataFolder(): string {
  return path.resolve(process.env.REFORM_TRACKER_DATA_DIR ?? path.join(root, ".data", "postgres"), "..");
}

/**
 * next-auth signs session cookies with NEXTAUTH_SECRET. A deployment sets it (the same on every instance);
 * `npm start` makes a random one and keeps it beside the embedded database, so sessions survive restarts.
 */
function ensureSessionSecret() {
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  if (process.env.NEXTAUTH_SECRET) return;
  if (ephemeral) {
    process.env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
    return;
  }
  const file = path.join(dataFolder(), "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    const { dataDir, port: pgPort } = embeddedDefaults();
    log(
      `starting embedded PostgreSQL on 127.0.0.1:${pgPort} (${ephemeral ? "throwaway database" : `data: ${dataDir}`})`,
    );
    try {
      embedded = ephemeral
        ? await startEmbeddedPostgres({ ephemeral: true, port: pgPort, database: EMBEDDED_DATABASE })
        : await startEmbeddedPostgres({ dataDir, port: pgPort, database: EMBEDDED_DATABASE });
    } catch (error) {
      // A taken port is the reader's to fix: the message says how, and a stack trace would bury it.
      if (error instanceof DatabasePortTakenError) console.error(`[reform-tracker] ${error.message}`);
      else console.error(error);
      process.exit(1);
    }
    process.env.DATABASE_URL = embedded.url;
  } else {
    log("using the PostgreSQL server in DATABASE_URL");
  }

  ensureSessionSecret();

  let child: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) child.kill("SIGTERM");
    await db()
      .$disconnect()
      .catch(() => {});
    await embedded?.stop().catch((error) => console.error(error));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const applied = await applyMigrations(process.env.DATABASE_URL!);
    log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
    const loaded = await loadReformData(db());
    log(loaded.total ? `loaded reform data: ${JSON.stringify(loaded.inserted)}` : "reform data already loaded");
    const firstAdmin = await createFirstAdminIfNone();
    if (firstAdmin) {
      announceFirstAdmin(
        firstAdmin,
        {
          terminal: Boolean(process.stdout.isTTY),
          throwaway: ephemeral,
          dataFolder: dataFolder(),
          signInUrl: `http://localhost:${port}/staff/sign-in`,
        },
        log,
      );
    }

    // The app itself connects as a login role with the application role's rights only (migration 0005): it cannot
    // change or delete audit records, alter tables or drop triggers. On a server of your own (DATABASE_URL), give the
    // app such a role yourself: docs/deployment.md.
    let appDatabaseUrl = process.env.DATABASE_URL!;
    if (embedded) {
      appDatabaseUrl = await ensureApplicationLogin(process.env.DATABASE_URL!);
      log(`the app connects as the database role ${EMBEDDED_APPLICATION_LOGIN} (no rights to change the audit trail)`);
    }
    const env = { ...process.env, PORT: String(port), DATABASE_URL: appDatabaseUrl };
    if (!dev && buildIsStale(root)) {
      log("building the app (first start, or sources changed)");
      const code = await new Promise<number>((resolve) =>
        run("npx", ["next", "build"], env).on("exit", (c) => resolve(c ?? 1)),
      );
      if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    }
    log(`serving on http://localhost:${port}`);
    // Production: the front server in front of Next.js (decision 0009); development: Next.js's own dev server.
    // tsx is started directly (not through npx), so that stopping `npm start` stops the server too.
    child = dev
      ? run("npx", ["next", "dev", "-p", String(port)], env)
      : run(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/serve.ts", "-p", String(port)], env);
    child.on("exit", (code) => void shutdown(code ?? 0));
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
