import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { ensureApplicationLogin } from "@/lib/db/application-role.server";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres.server";

// Another instance of the production build, besides the one Playwright starts: with its own copy of the build, its
// own store of rendered pages, its own environment, and its output kept for the test to read. Used to prove the app is
// stateless (two instances, one database), to run it as production (https, Secure cookies) and to stop its database
// under it.

export interface AppInstance {
  url: string;
  /** The folder it runs in, with its own copy of the build (.next). */
  folder: string;
  /** Everything the instance printed to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface OwnDatabase {
  /** The owner's URL (migrations, test set-up). */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A PostgreSQL server of the test's own, migrated and loaded with the reform data by the operators' command
 * (`npm run db:seed`), with its data in a temporary folder that survives stop() and start().
 */
export async function startOwnDatabase(): Promise<OwnDatabase> {
  const folder = await mkdtemp(path.join(tmpdir(), "reform-tracker-own-db-"));
  const port = await findFreePort();
  let server: EmbeddedDatabase | undefined;
  const start = async () => {
    server = await startEmbeddedPostgres({ dataDir: path.join(folder, "postgres"), port, database: "reform_tracker" });
  };
  await start();
  const url = server!.url;
  const seeded = await new Promise<number>((resolve) =>
    spawn(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/db.ts", "seed"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    }).on("exit", (code) => resolve(code ?? 1)),
  );
  if (seeded !== 0) throw new Error(`npm run db:seed failed with exit code ${seeded}`);
  return {
    url,
    start,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async remove() {
      await server?.stop().catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the production server (scripts/serve.ts) on `port` from a copy of the build, connected to `ownerUrl`'s database as a login of the
 * application role (as a deployment's instances are), and waits until it answers.
 */
export async function startAppInstance(options: {
  port: number;
  ownerUrl: string;
  login: string;
  env?: Record<string, string>;
}): Promise<AppInstance> {
  const databaseUrl = await ensureApplicationLogin(options.ownerUrl, options.login);
  const root = process.cwd();
  const folder = await mkdtemp(path.join(tmpdir(), "reform-tracker-instance-"));
  await cp(path.join(root, ".next"), path.join(folder, ".next"), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.next${path.sep}cache`),
  });
  for (const entry of ["node_modules", "package.json", "public", "prisma", "next.config.js"])
    await symlink(path.join(root, entry), path.join(folder, entry));
  let output = "";
  const server: ChildProcess = spawn(
    path.join(root, "node_modules", ".bin", "tsx"),
    [path.join(root, "scripts", "serve.ts"), "-p", String(options.port), "-H", "127.0.0.1"],
    {
      cwd: folder,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: `secret-of-the-instance-on-${options.port}`,
        AUTH_TRUST_HOST: "true",
        PUBLIC_URL: `http://127.0.0.1:${options.port}`,
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let stopping = false;
  // A server that dies under a test is a finding: say so, with its last words, where the test report shows it.
  server.on("exit", (code, signal) => {
    if (!stopping)
      console.error(
        `the instance on port ${options.port} exited (${signal ?? code}) during the test:\n${output.slice(-4_000)}`,
      );
  });
  const url = `http://127.0.0.1:${options.port}`;
  // Up when it answers, and it must be this process answering: a server left over on the port would not do. If it
  // never comes up, stop it here: the test's own clean-up never gets the instance to stop.
  try {
    await expect
      .poll(
        async () => {
          if (server.exitCode !== null)
            throw new Error(`the instance on port ${options.port} exited:\n${output.slice(-2_000)}`);
          return (await fetch(`${url}/api/health`).catch(() => null))?.status ?? 0;
        },
        { timeout: 60_000 },
      )
      .toBe(200);
  } catch (error) {
    stopping = true;
    if (server.exitCode === null) server.kill("SIGTERM");
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    folder,
    output: () => output,
    async stop() {
      stopping = true;
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
