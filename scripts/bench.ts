// `npm run bench`: how fast the production app serves its public pages, on the real dataset and on one about
// 100 times its size, compared with a static file; and how much JavaScript each public page ships.
// It prints figures only (no pass/fail) as Markdown tables, and writes them to bench-results.md.
//
//   1. builds the app when .next is missing or older than the sources (`npx next build`);
//   2. starts a throwaway embedded PostgreSQL with two databases: bench_normal (migrations + the reform data) and
//      bench_large (the same + scripts/bench/generate-large-dataset.ts: ~10,000 recommendations, 4,000 milestones);
//   3. for each database, serves the build with `npx next start` and loads each route with autocannon;
//   4. serves the dashboard's HTML from a minimal static server (this script, run as a child process) and loads it
//      the same way: the ratio static req/s ÷ route req/s is the figure we track;
//   5. fetches each public page's <script src="/_next/..."> files and sums their gzipped (level 9) sizes.
//
// The app runs from a private copy of .next (without .next/cache) in a temporary folder: the public data is read
// through unstable_cache, whose entries Next.js keeps on disk in .next/cache and which are not keyed by database,
// so sharing .next/cache would serve one database's results in the other's run (and in a developer's `npm start`).
//
// Environment: BENCH_DURATION (seconds per route, default 10), BENCH_CONNECTIONS (default 20).
// Traffic goes to 127.0.0.1 only. Every process it starts is stopped on exit, error or Ctrl+C.
import { ensureApplicationLogin } from "@/lib/db/application-role.server";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, rmSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import {
  connectionUrl,
  createDatabaseIfMissing,
  findFreePort,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "@/lib/db/embedded-postgres.server";
import { applyMigrations } from "@/lib/db/migrate.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { generateLargeDataset } from "./bench/generate-large-dataset";
import { buildIsStale } from "./lib/build";

const root = process.cwd();
const DURATION = positiveInt("BENCH_DURATION", 10);
const CONNECTIONS = positiveInt("BENCH_CONNECTIONS", 20);
const WARMUP_SECONDS = 2;
const LARGE_SIZE = { recommendations: 10_000, milestones: 4_000 };

const ROUTES = [
  { name: "dashboard", path: "/" },
  { name: "recommendation page", path: "/recommendations/CR-01" },
  { name: "filtered list", path: "/recommendations?pillar=1&class=testing" },
  { name: "JSON API", path: "/api/v1/recommendations?pillar=1" },
] as const;
type RouteName = (typeof ROUTES)[number]["name"];
const TRACKED_AT_SCALE: RouteName[] = ["dashboard", "filtered list"];

const PUBLIC_PAGES = ["/", "/recommendations", "/recommendations/CR-01", "/milestones", "/milestones/M-01", "/pillars/1", "/outcomes/1"];

const DATABASES = ["bench_normal", "bench_large"] as const;
type DatabaseName = (typeof DATABASES)[number];

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, not "${raw}"`);
  return value;
}

function log(message: string) {
  console.error(`[bench] ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes: each in its own process group, so that stopping it also stops what npx started under it.

const children = new Set<ChildProcess>();

function start(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): ChildProcess {
  const out = createWriteStream(options.logFile);
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the child's process group, then SIGKILL if anything in it is still there after 5 s. */
async function stopProcess(child: ChildProcess) {
  if (child.pid === undefined) return;
  const pid = child.pid;
  signalGroup(child, "SIGTERM");
  const deadline = Date.now() + 5_000;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    signalGroup(child, "SIGKILL");
    while (groupAlive(pid) && Date.now() < deadline + 2_000) await sleep(100);
  }
  children.delete(child);
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// Build

/** Env for next build/start: no telemetry (offline; nothing leaves the machine) and only the database we say. */
function nextEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  delete env.PORT;
  return env;
}

/**
 * A private copy of the build for one app run: .next without its cache, and links to what `next start` reads
 * from the project folder. Copied from a snapshot taken once, so both runs serve the same build even if someone
 * rebuilds .next meanwhile.
 */
async function appFolder(snapshot: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await cp(snapshot, path.join(dir, ".next"), { recursive: true, verbatimSymlinks: true });
  // prisma/: the health check lists prisma/migrations from the working folder to report pending migrations.
  for (const entry of ["node_modules", "package.json", "public", "prisma", "tsconfig.json", "next.config.js"]) {
    if (existsSync(path.join(root, entry))) await symlink(path.join(root, entry), path.join(dir, entry));
  }
  return dir;
}

async function snapshotBuild(dest: string): Promise<string> {
  const source = path.join(root, ".next");
  const cache = path.join(source, "cache");
  for (let attempt = 1; attempt <= 3; attempt++) {
    const before = readFileSync(path.join(source, "BUILD_ID"), "utf8");
    rmSync(dest, { recursive: true, force: true });
    await cp(source, dest, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => src !== cache && !src.startsWith(cache + path.sep),
    });
    const after = readFileSync(path.join(source, "BUILD_ID"), "utf8");
    if (before === after && existsSync(path.join(dest, "BUILD_ID"))) return before.trim();
    log("the build changed while it was being copied (someone rebuilt?); copying again");
    await sleep(5_000);
  }
  throw new Error(".next kept changing while it was being copied; run the benchmark when no build is running");
}

// ---------------------------------------------------------------------------------------------------------------
// Static baseline server: this same script, run as a child with --static-server FILE PORT.

function runStaticServer(file: string, port: number) {
  const body = readFileSync(file);
  const server = http.createServer((request, response) => {
    request.resume();
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    response.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, "127.0.0.1", () => console.log("static server ready"));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

async function get(url: string, timeoutMs = 30_000): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

async function waitForHealth(base: string, child: ChildProcess, logFile: string, what: string) {
  const deadline = Date.now() + 120_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited before it was ready:\n${tail(logFile)}`);
    }
    try {
      const { status, body } = await get(`${base}/api/health`, 2_000);
      if (status === 200) return;
      last = `${status} ${body.toString("utf8").slice(0, 300)}`;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${what} was not healthy after 120 s (GET /api/health: ${last}):\n${tail(logFile)}`);
}

interface Measure {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  statuses: Record<number, number>;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function cannon(url: string, seconds: number): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      resolve({
        rps: result.requests.average,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        requests: result.requests.total,
        non2xx: result.non2xx,
        statuses,
        errors: result.errors + result.timeouts,
      });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

async function measure(url: string): Promise<Measure> {
  await cannon(url, WARMUP_SECONDS);
  return cannon(url, DURATION);
}

// ---------------------------------------------------------------------------------------------------------------
// JavaScript per page

interface PageJs {
  page: string;
  status: number;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
}

async function javascriptPerPage(base: string): Promise<PageJs[]> {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const results: PageJs[] = [];
  for (const page of PUBLIC_PAGES) {
    const { status, body } = await get(base + page);
    if (status !== 200) {
      results.push({ page, status, scripts: 0, rawBytes: 0, gzipBytes: 0 });
      continue;
    }
    const html = body.toString("utf8");
    const sources = new Set<string>();
    for (const match of html.matchAll(/<script\b[^>]*?\ssrc=(["'])(.*?)\1/gi)) {
      const src = match[2]!.replace(/&amp;/g, "&");
      const url = new URL(src, base);
      if (url.origin === new URL(base).origin && url.pathname.startsWith("/_next/")) sources.add(url.pathname + url.search);
    }
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const src of sources) {
      let size = sizes.get(src);
      if (!size) {
        const script = await get(base + src);
        if (script.status !== 200) throw new Error(`${src} (from ${page}) answered ${script.status}`);
        size = { raw: script.body.length, gzip: gzipSync(script.body, { level: 9 }).length };
        sizes.set(src, size);
      }
      rawBytes += size.raw;
      gzipBytes += size.gzip;
    }
    results.push({ page, status, scripts: sources.size, rawBytes, gzipBytes });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// Databases

interface DatasetFacts {
  recommendations: number;
  milestones: number;
  milestoneRecommendationLinks: number;
  auditEvents: number;
  setupSeconds: number;
}

async function prepareDatabase(server: EmbeddedDatabase, name: DatabaseName): Promise<DatasetFacts> {
  const started = Date.now();
  await createDatabaseIfMissing(server.adminUrl, name);
  const url = connectionUrl(server.port, name);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await loadReformData(prisma);
  } finally {
    await prisma.$disconnect();
  }
  if (name === "bench_large") {
    const generated = await generateLargeDataset(url, LARGE_SIZE);
    log(`generated in ${generated.seconds.toFixed(1)} s: ${JSON.stringify(generated)}`);
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("ANALYZE").finally(() => client.end());
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM recommendation) AS recommendations, (SELECT count(*) FROM milestone) AS milestones,
              (SELECT count(*) FROM milestone_recommendation) AS links, (SELECT count(*) FROM audit_event) AS audit`,
    );
    const row = rows[0]!;
    return {
      recommendations: Number(row.recommendations),
      milestones: Number(row.milestones),
      milestoneRecommendationLinks: Number(row.links),
      auditEvents: Number(row.audit),
      setupSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "n/a");
const int = (n: number) => n.toLocaleString("en-GB");
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${fmt(a / b, 2)}×` : "n/a");
const kb = (bytes: number) => fmt(bytes / 1024, 1);

function table(header: string[], rows: string[][], align?: ("l" | "r")[]): string {
  const sep = header.map((_, i) => ((align?.[i] ?? "l") === "r" ? "---:" : "---"));
  return [header, sep, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function non2xxCell(m: Measure): string {
  if (m.non2xx === 0) return "0";
  const codes = Object.entries(m.statuses)
    .filter(([code]) => Number(code) < 200 || Number(code) >= 300)
    .map(([code, n]) => `${int(n)}×${code}`);
  return `${int(m.non2xx)} (${codes.join(", ")})`;
}

function gitDescription(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return "unknown";
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const work = await mkdtemp(path.join(os.tmpdir(), "reform-tracker-bench-"));
  let embedded: EmbeddedDatabase | undefined;
  let stopping = false;

  const cleanup = async () => {
    await Promise.all([...children].map((child) => stopProcess(child)));
    await embedded?.stop().catch((error) => console.error(error));
    embedded = undefined;
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping everything this benchmark started`);
    for (const child of children) signalGroup(child, "SIGTERM");
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // Last resort (process.exit from anywhere): no child outlives us.
  process.on("exit", () => {
    for (const child of children) signalGroup(child, "SIGKILL");
    rmSync(work, { recursive: true, force: true });
  });

  try {
    // 1. Build.
    let buildNote = "reused the existing build";
    if (buildIsStale(root)) {
      const buildStarted = Date.now();
      log("building the production app (npx next build): .next is missing or older than the sources");
      const logFile = path.join(work, "next-build.log");
      const build = start("npx", ["next", "build"], { cwd: root, env: nextEnv({}), logFile });
      const code = await exitCode(build);
      if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(logFile, 60)}`);
      buildNote = `built in ${fmt((Date.now() - buildStarted) / 1000, 0)} s`;
    } else {
      log("reusing the production build in .next (newer than the sources)");
    }
    const snapshot = path.join(work, "build-snapshot");
    const buildId = await snapshotBuild(snapshot);

    // 2. Databases.
    const pgPort = await findFreePort();
    log(`starting a throwaway embedded PostgreSQL on 127.0.0.1:${pgPort}`);
    // Its temporary folder goes inside ours, so that the exit handler removes it even when embedded-postgres's
    // own Ctrl+C hook exits the process before our cleanup gets that far. PostgreSQL runs as the postgres user
    // when we are root, and must be able to reach it.
    const savedTmpdir = process.env.TMPDIR;
    await chmod(work, 0o755);
    process.env.TMPDIR = work;
    try {
      embedded = await startEmbeddedPostgres({ ephemeral: true, port: pgPort, database: DATABASES[0] });
    } finally {
      if (savedTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmpdir;
    }
    const facts = {} as Record<DatabaseName, DatasetFacts>;
    for (const name of DATABASES) {
      log(`preparing ${name}`);
      facts[name] = await prepareDatabase(embedded, name);
    }

    // 3-5. Load each route on each database; the static baseline and the JavaScript sizes along the way.
    const results = {} as Record<DatabaseName, Record<RouteName, Measure>>;
    const apiTotals = {} as Record<DatabaseName, string>;
    let dashboardHtml: Buffer | undefined;
    let javascript: PageJs[] = [];
    for (const name of DATABASES) {
      const dir = await appFolder(snapshot, path.join(work, `app-${name}`));
      const port = await findFreePort();
      const base = `http://127.0.0.1:${port}`;
      const logFile = path.join(work, `next-start-${name}.log`);
      log(`starting the app on ${base} with ${name}`);
      const app = start(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "serve.ts"), "-p", String(port), "-H", "127.0.0.1"], {
        cwd: dir,
        // As under `npm start`: the app connects as the restricted application role (migration 0005).
        env: nextEnv({ DATABASE_URL: await ensureApplicationLogin(connectionUrl(pgPort, name)), PUBLIC_URL: base }),
        logFile,
      });
      try {
        await waitForHealth(base, app, logFile, `next start (${name})`);
        // Which data the app really serves: the API's total for the benchmarked filter (a check that no cache
        // carried the other database's answers over).
        apiTotals[name] = await get(`${base}/api/v1/recommendations?pillar=1`).then(
          ({ status, body }) => (status === 200 ? int(Number((JSON.parse(body.toString("utf8")) as { total?: unknown }).total)) : `HTTP ${status}`),
          (error: unknown) => `error: ${error instanceof Error ? error.message : String(error)}`,
        );
        results[name] = {} as Record<RouteName, Measure>;
        for (const route of ROUTES) {
          log(`${name}: ${route.name} ${route.path} (${WARMUP_SECONDS} s warm-up, ${DURATION} s, ${CONNECTIONS} connections)`);
          results[name][route.name] = await measure(base + route.path);
        }
        if (name === "bench_normal") {
          const dashboard = await get(`${base}/`);
          if (dashboard.status !== 200) log(`the dashboard answered ${dashboard.status}; the static baseline serves that page anyway`);
          dashboardHtml = dashboard.body;
          log("measuring the JavaScript each public page ships");
          javascript = await javascriptPerPage(base);
        }
      } finally {
        await stopProcess(app);
      }
    }

    // 4. Static baseline (with no app running, like the routes).
    const htmlFile = path.join(work, "dashboard.html");
    await writeFile(htmlFile, dashboardHtml!);
    const staticPort = await findFreePort();
    const staticLog = path.join(work, "static-server.log");
    const staticServer = start(process.execPath, [...process.execArgv, __filename, "--static-server", htmlFile, String(staticPort)], {
      cwd: root,
      env: process.env,
      logFile: staticLog,
    });
    let staticResult: Measure;
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (staticServer.exitCode !== null) throw new Error(`the static server exited:\n${tail(staticLog)}`);
        if (existsSync(staticLog) && (await readFile(staticLog, "utf8")).includes("static server ready")) break;
        if (Date.now() > deadline) throw new Error(`the static server did not start:\n${tail(staticLog)}`);
        await sleep(100);
      }
      log(`static file: ${int(dashboardHtml!.length)} bytes of dashboard HTML`);
      staticResult = await measure(`http://127.0.0.1:${staticPort}/`);
    } finally {
      await stopProcess(staticServer);
    }

    // 6-7. Report.
    const label: Record<DatabaseName, string> = { bench_normal: "normal", bench_large: "large" };
    const sections: string[] = [];
    sections.push(
      `# Reform Tracker benchmark\n\n` +
        `${startedAt.toISOString()} · commit ${gitDescription()} · build ${buildId} (${buildNote}) · run took ${fmt((Date.now() - startedAt.getTime()) / 1000, 0)} s · Node ${process.version} · ` +
        `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"}) · load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}, ` +
        `at end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (above ${os.cpus().length}: something else was busy too)\n\n` +
        `autocannon, ${CONNECTIONS} connections, ${DURATION} s per route after a ${WARMUP_SECONDS} s warm-up, no Accept-Encoding; ` +
        `\`next start\` on 127.0.0.1 with an empty .next/cache; embedded PostgreSQL on the same machine. ` +
        `Latency percentiles are over every response of the measured ${DURATION} s.`,
    );
    sections.push(
      `## Datasets\n\n` +
        table(
          ["database", "recommendations", "milestones", "milestone–recommendation links", "audit events", "set-up (s)", "API total, pillar 1"],
          DATABASES.map((name) => [
            `${label[name]} (\`${name}\`)`,
            int(facts[name].recommendations),
            int(facts[name].milestones),
            int(facts[name].milestoneRecommendationLinks),
            int(facts[name].auditEvents),
            fmt(facts[name].setupSeconds),
            apiTotals[name] ?? "n/a",
          ]),
          ["l", "r", "r", "r", "r", "r", "r"],
        ),
    );
    const measureRow = (what: string, route: string, m: Measure) => [
      what,
      route,
      fmt(m.rps),
      fmt(m.p50),
      fmt(m.p95),
      fmt(m.p99),
      int(m.requests),
      non2xxCell(m),
      int(m.errors),
    ];
    sections.push(
      `## Throughput and latency\n\n` +
        table(
          ["data", "route", "req/s", "p50 ms", "p95 ms", "p99 ms", "requests", "non-2xx", "errors"],
          [
            ...DATABASES.flatMap((name) =>
              ROUTES.map((route) => measureRow(label[name], `${route.name} \`${route.path}\``, results[name][route.name])),
            ),
            measureRow("static file", "dashboard HTML from memory", staticResult),
          ],
          ["l", "l", "r", "r", "r", "r", "r", "r", "r"],
        ),
    );
    sections.push(
      `## Static file ÷ route (the figure we track)\n\n` +
        `Static server: ${fmt(staticResult.rps)} req/s. The ratio is static req/s ÷ route req/s: how many times slower than ` +
        `serving the same bytes from memory (lower is better; routes that answered non-2xx are not comparable).\n\n` +
        table(
          ["route", "normal req/s", "static ÷ normal", "large req/s", "static ÷ large"],
          ROUTES.map((route) => {
            const normal = results.bench_normal[route.name];
            const large = results.bench_large[route.name];
            const flag = (m: Measure) => (m.non2xx > 0 ? " (non-2xx)" : "");
            return [
              `${route.name} \`${route.path}\``,
              fmt(normal.rps),
              ratio(staticResult.rps, normal.rps) + flag(normal),
              fmt(large.rps),
              ratio(staticResult.rps, large.rps) + flag(large),
            ];
          }),
          ["l", "r", "r", "r", "r"],
        ),
    );
    sections.push(
      `## Large ÷ normal\n\n` +
        `The same route on ~${Math.round(facts.bench_large.recommendations / facts.bench_normal.recommendations)}× the data. ` +
        `p50 ratio above 1 = slower; req/s ratio below 1 = fewer requests served.\n\n` +
        table(
          ["route", "p50 normal ms", "p50 large ms", "large ÷ normal p50", "req/s normal", "req/s large", "large ÷ normal req/s"],
          // The two tracked first (dashboard, filtered list), then the others.
          [...ROUTES]
            .sort((a, b) => Number(TRACKED_AT_SCALE.includes(b.name)) - Number(TRACKED_AT_SCALE.includes(a.name)))
            .map((route) => {
              const normal = results.bench_normal[route.name];
              const large = results.bench_large[route.name];
              return [
                `${route.name} \`${route.path}\``,
                fmt(normal.p50),
                fmt(large.p50),
                ratio(large.p50, normal.p50),
                fmt(normal.rps),
                fmt(large.rps),
                ratio(large.rps, normal.rps),
              ];
            }),
          ["l", "r", "r", "r", "r", "r", "r"],
        ),
    );
    sections.push(
      `## JavaScript shipped per public page\n\n` +
        `Every \`<script src="/_next/...">\` in the page's HTML (normal data), fetched and gzipped with zlib level 9; KB = 1,024 bytes.\n\n` +
        table(
          ["page", "HTTP", "scripts", "JS KB", "JS gzip KB"],
          javascript.map((p) =>
            p.status === 200
              ? [`\`${p.page}\``, "200", String(p.scripts), kb(p.rawBytes), kb(p.gzipBytes)]
              : [`\`${p.page}\``, String(p.status), "—", p.status === 404 ? "404: page not found" : `answered ${p.status}`, "—"],
          ),
          ["l", "r", "r", "r", "r"],
        ),
    );
    const markdown = sections.join("\n\n") + "\n";
    console.log("\n" + markdown);
    await writeFile(path.join(root, "bench-results.md"), markdown);
    log("written to bench-results.md");
  } finally {
    if (!stopping) {
      stopping = true;
      await cleanup();
    }
  }
}

if (process.argv[2] === "--static-server") {
  runStaticServer(process.argv[3]!, Number(process.argv[4]));
} else {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
