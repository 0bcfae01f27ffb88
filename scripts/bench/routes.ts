// `npm run bench`: how fast the front server (scripts/serve.ts) serves the public routes once they are stored,
// compared with a static file of the same size from the same server (the floor), on the real dataset and on one
// about 100 times its size; the Lighthouse scores of two pages; and how much JavaScript public pages load.
// It prints figures only (no pass/fail) as Markdown tables, beside those measured before the front server
// (2026-12-02), and writes them to bench-results.md. Issue 10's targets, to read them by: each public route at
// least 1× the floor's req/s with a p99 no worse than the floor's; p50 on the large dataset at most 1.2× normal.
//
//   1. builds the app when .next is missing or older than the sources (`npx next build`);
//   2. starts a throwaway embedded PostgreSQL with two databases: bench_normal (migrations + the reform data) and
//      bench_large (the same + scripts/bench/generate-large-dataset.ts: ~10,000 recommendations, 4,000 milestones,
//      + scripts/bench/generate-local-actions.ts: about 50 local actions for each of the 153 councils);
//   3. for each database, serves the build with scripts/serve.ts and loads each route with autocannon; a first
//      request renders and stores the route, so what is measured is a hit (the X-Cache column shows it);
//   4. on the normal data, loads the floor: the JS or CSS file in .next/static whose size is closest to the
//      dashboard's HTML, from /_next/static/ on the same server;
//   5. on the normal data, loads a few pages in Chromium and sums the gzipped size of every script they fetch,
//      and runs Lighthouse (mobile, median of 3 runs) on two of them.
//
// Each server runs from its own copy of the build, taken once without .next/cache: both serve the same build even
// if someone rebuilds .next meanwhile, and neither sees what the other (or a developer's `npm start`) cached there.
//
// Environment: BENCH_DURATION (seconds per route, default 10), BENCH_CONNECTIONS (default 50), BENCH_LIGHTHOUSE=0
// (skip Lighthouse), BENCH_LOCAL_ACTIONS (generated local actions per council on the large data, default 50; fewer
// for a quick check that the benchmark runs), BENCH_ONLY=councils (only the council routes and the floor, on both
// datasets: no other route, briefing pack, JavaScript or Lighthouse; what a change to a council page is measured with),
// CHROMIUM_PATH (default /usr/bin/chromium). Traffic goes to 127.0.0.1 only. Every process it
// starts is stopped on exit, error or Ctrl+C.
import { ensureApplicationLogin } from "@/lib/db/application-role.server";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, rmSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
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
import { BROWSER_HEADERS, fmt, int, percentile, table } from "./common";
import { generateLargeDataset } from "./generate-large-dataset";
import { generateLocalActions } from "./generate-local-actions";
import { buildIsStale } from "../lib/build";

const root = process.cwd();
const DURATION = positiveInt("BENCH_DURATION", 10);
const CONNECTIONS = positiveInt("BENCH_CONNECTIONS", 50);
const COUNCILS_ONLY = onlyCouncils(process.env.BENCH_ONLY);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0" && !COUNCILS_ONLY;
const WARMUP_SECONDS = 2;
const LARGE_SIZE = { recommendations: 10_000, milestones: 4_000 };
const LOCAL_ACTIONS_PER_COUNCIL = positiveInt("BENCH_LOCAL_ACTIONS", 50);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Figures from before the front server: `next start` behind the app's proxy, 50 connections, 10 s. */
const BEFORE = "2026-12-02";
interface Speed {
  rps: number;
  p50: number;
  p99: number;
}

const ROUTES = [
  { name: "dashboard", path: "/", before: { rps: 72.7, p50: 503, p99: 3_681 } },
  { name: "recommendation page", path: "/recommendations/CR-01", before: { rps: 98.6, p50: 480, p99: 2_127 } },
  {
    name: "filtered list",
    path: "/recommendations?pillar=1&class=testing",
    before: { rps: 123.8, p50: 325, p99: 2_152 },
  },
  { name: "milestones list", path: "/milestones", before: { rps: 56.3, p50: 692, p99: 5_472 } },
  { name: "JSON API", path: "/api/v1/recommendations?pillar=1", before: { rps: 355.4, p50: 113, p99: 387 } },
  // Issue 15 (item 9): the council pages, with no figures from before. The compare page is another helper's work
  // (issue 15, item 6): until it is in the build it answers 404, which the tables report as non-2xx.
  { name: "council list", path: "/councils", before: null },
  { name: "council page", path: "/councils/thurrock", before: null },
  { name: "compare page", path: "/councils/compare?milestone=M-30", before: null },
] as const satisfies readonly { name: string; path: string; before: Speed | null }[];
/** The routes of issue 15, reported against the floor on both datasets. */
const COUNCIL_ROUTES = ["council list", "council page", "compare page"] as const satisfies readonly RouteName[];
type RouteName = (typeof ROUTES)[number]["name"];
/** The routes this run loads: all, or with BENCH_ONLY=councils the council routes only. */
const RUN_ROUTES = ROUTES.filter((r) => !COUNCILS_ONLY || (COUNCIL_ROUTES as readonly string[]).includes(r.name));
/**
 * Issue 14: each format of the briefing pack renders in under a second for the whole reform. What counts is a
 * render (a miss), so each is timed on first requests, each for a new address (another `since` day): the median.
 */
const BRIEFING_FORMATS = [
  { name: "briefing page", path: "/report" },
  { name: "briefing PDF", path: "/report/pdf" },
  { name: "briefing Word document", path: "/report/docx" },
] as const;
const BRIEFING_SINCE = ["2023-02-02", "2023-02-03", "2023-02-04"];
const BRIEFING_TARGET_MS = 1_000;
interface RenderTime {
  medianMs: number;
  statuses: string;
  cache: string;
}
const FLOOR_BEFORE = { what: "a 22 KB `_next/static` file", rps: 1_550, p50: 26, p99: 106 } satisfies Speed & {
  what: string;
};
const LARGE_P50_TARGET = 1.2;

/** The framework floor is /open-data: no client component of its own, so it loads only what every page loads. */
const JS_PAGES = [
  { path: "/", beforeGzipKb: 281 },
  { path: "/recommendations/CR-01", beforeGzipKb: 174 },
  { path: "/open-data", beforeGzipKb: 174 },
];
/** README (2026-11-23): the scripts named in each page's HTML, gzipped. */
const JS_BEFORE = "2026-11-23";
/** How long a page is left to run after its load event: its on-demand chunks and the router's prefetches. */
const SETTLE_MS = 3_000;

/** Before: as reported, so "about 82" and "—" where a figure was not recorded. */
const LIGHTHOUSE_PAGES = [
  { path: "/", before: { performance: "51", tbtMs: "2,600", lcpMs: "4,400" } },
  { path: "/recommendations/CR-01", before: { performance: "about 82", tbtMs: "—", lcpMs: "—" } },
];
const LIGHTHOUSE_RUNS = 3;
const LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const DATABASES = ["bench_normal", "bench_large"] as const;
type DatabaseName = (typeof DATABASES)[number];

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, not "${raw}"`);
  return value;
}

function onlyCouncils(raw: string | undefined): boolean {
  if (raw === undefined || raw === "") return false;
  if (raw === "councils") return true;
  throw new Error(`BENCH_ONLY must be "councils" (or unset), not "${raw}"`);
}

function log(message: string) {
  console.error(`[bench] ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes: each in its own process group, so that stopping it also stops what npx started under it.

/** Each child with the signal that stops it cleanly. */
const children = new Map<ChildProcess, NodeJS.Signals>();

function start(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; stopSignal?: NodeJS.Signals },
): ChildProcess {
  const out = createWriteStream(options.logFile);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  children.set(child, options.stopSignal ?? "SIGTERM");
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

/** Its stop signal to the child's process group, then SIGKILL if anything in it is still there after 5 s. */
async function stopProcess(child: ChildProcess) {
  if (child.pid === undefined) return;
  const pid = child.pid;
  signalGroup(child, children.get(child) ?? "SIGTERM");
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

/** Env for next build and the server: no telemetry (offline; nothing leaves the machine) and only the database we say. */
function nextEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  delete env.PORT;
  return env;
}

/** A private copy of the build for one server: .next from the snapshot, and links to what it reads from the project. */
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

/** The JS or CSS file under .next/static (text, so compressed like a page) whose size is closest to `bytes`. */
async function floorFile(staticDir: string, bytes: number): Promise<{ urlPath: string; size: number }> {
  let best: { urlPath: string; size: number } | undefined;
  for (const file of await readdir(staticDir, { recursive: true })) {
    if (!/\.(js|css)$/.test(file)) continue;
    const size = (await stat(path.join(staticDir, file))).size;
    if (!best || Math.abs(size - bytes) < Math.abs(best.size - bytes)) {
      best = { urlPath: `/_next/static/${file.split(path.sep).join("/")}`, size };
    }
  }
  if (!best) throw new Error(`no JS or CSS file under ${staticDir}`);
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

/** A GET as a script sends it; fetch decompresses what it is sent, so `body` is the uncompressed response. */
async function get(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function waitForHealth(base: string, child: ChildProcess, logFile: string, what: string) {
  const deadline = Date.now() + 120_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited before it was ready:\n${tail(logFile)}`);
    }
    try {
      const { status, body } = await get(`${base}/api/health`, {}, 2_000);
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
  /** Bytes received per response, headers included: what the encoding saves shows here. */
  bytesPerResponse: number;
  /** X-Cache of the responses of the measured run ("none" when there is no such header). */
  cache: Record<string, number>;
  /** The first request's X-Cache and Content-Encoding: MISS when it rendered the page for the store. */
  first: { cache: string; encoding: string };
}

function cannon(
  url: string,
  seconds: number,
  headers: Record<string, string> = BROWSER_HEADERS,
): Promise<Omit<Measure, "first">> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const cache: Record<string, number> = {};
    let bytes = 0;
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
        headers,
        setupClient: (client) => {
          // autocannon's parser hands over the raw header list: [name, value, name, value, ...].
          client.on("headers", (info: unknown) => {
            const raw = (info as { headers?: string[] }).headers ?? [];
            const at = raw.findIndex((value, i) => i % 2 === 0 && value.toLowerCase() === "x-cache");
            const status = at >= 0 ? raw[at + 1]! : "none";
            cache[status] = (cache[status] ?? 0) + 1;
          });
        },
      },
      (error, result) => {
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
          bytesPerResponse: latencies.length ? bytes / latencies.length : NaN,
          cache,
        });
      },
    );
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

async function measure(url: string, headers: Record<string, string> = BROWSER_HEADERS): Promise<Measure> {
  // The first request of a public route renders it and stores it; the warm-up and the run are then hits.
  const first = await get(url, headers);
  await cannon(url, WARMUP_SECONDS, headers);
  const run = await cannon(url, DURATION, headers);
  return {
    ...run,
    first: {
      cache: first.headers.get("x-cache") ?? "none",
      encoding: first.headers.get("content-encoding") ?? "identity",
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// JavaScript per page

interface PageJs {
  page: string;
  status: number;
  /** The scripts named in the HTML, as the figures before counted them. */
  initial: { scripts: number; gzipBytes: number };
  /** Every script the page fetched by SETTLE_MS after its load event: the initial ones, those loaded on demand. */
  loaded: { scripts: number; rawBytes: number; gzipBytes: number };
  /** The router's requests (`?_rsc=`) in the same time, and how many of them were redirected. */
  router: { requests: number; redirects: number };
}

/** Loads each page in Chromium, with an empty cache, and sums the scripts it fetched, each gzipped at level 9. */
async function javascriptPerPage(base: string): Promise<PageJs[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const results: PageJs[] = [];
    for (const { path: page } of JS_PAGES) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const bodies = new Map<string, Promise<Buffer>>();
      const router = { requests: 0, redirects: 0 };
      tab.on("response", (response) => {
        const url = new URL(response.url());
        if (url.searchParams.has("_rsc")) {
          router.requests++;
          if (response.status() >= 300 && response.status() < 400) router.redirects++;
        }
        if (response.request().resourceType() === "script") bodies.set(url.pathname + url.search, response.body());
      });
      const document = await tab.goto(base + page, { waitUntil: "load" });
      // A fixed time, not "networkidle": a page whose router keeps prefetching would never reach it.
      await tab.waitForTimeout(SETTLE_MS);
      const html = (await document?.text()) ?? "";
      const named = new Set<string>();
      for (const match of html.matchAll(/<script\b[^>]*?\ssrc=(["'])(.*?)\1/gi)) {
        const url = new URL(match[2]!.replace(/&amp;/g, "&"), base);
        named.add(url.pathname + url.search);
      }
      const sizes = await Promise.all(
        [...bodies].map(async ([src, body]) => ({
          src,
          raw: (await body).length,
          gzip: gzipSync(await body, { level: 9 }).length,
        })),
      );
      await context.close();
      const initial = sizes.filter((s) => named.has(s.src));
      results.push({
        page,
        status: document?.status() ?? 0,
        initial: { scripts: initial.length, gzipBytes: initial.reduce((sum, s) => sum + s.gzip, 0) },
        loaded: {
          scripts: sizes.length,
          rawBytes: sizes.reduce((sum, s) => sum + s.raw, 0),
          gzipBytes: sizes.reduce((sum, s) => sum + s.gzip, 0),
        },
        router,
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lighthouse

interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  tbtMs: number;
  lcpMs: number;
  cls: number;
}

interface LighthouseResult {
  page: string;
  runs: LighthouseScores[];
  failure?: string;
}

/** One Lighthouse run (its CLI, mobile preset) with Debian's Chromium. */
async function lighthouseRun(url: string, work: string, name: string): Promise<LighthouseScores> {
  const output = path.join(work, `${name}.json`);
  const logFile = path.join(work, `${name}.log`);
  const child = start(
    path.join(root, "node_modules", ".bin", "lighthouse"),
    [
      url,
      "--quiet",
      "--output=json",
      `--output-path=${output}`,
      `--only-categories=${LIGHTHOUSE_CATEGORIES.join(",")}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ],
    // Chrome runs in a process group of its own: Lighthouse stops it on SIGINT, not on SIGTERM.
    { cwd: root, env: { ...process.env, CHROME_PATH: CHROMIUM }, logFile, stopSignal: "SIGINT" },
  );
  const code = await exitCode(child);
  if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${tail(logFile, 5)}`);
  const report = JSON.parse(await readFile(output, "utf8")) as {
    runtimeError?: { message: string };
    categories: Record<(typeof LIGHTHOUSE_CATEGORIES)[number], { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  const score = (category: (typeof LIGHTHOUSE_CATEGORIES)[number]) => (report.categories[category].score ?? NaN) * 100;
  const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    tbtMs: audit("total-blocking-time"),
    lcpMs: audit("largest-contentful-paint"),
    cls: audit("cumulative-layout-shift"),
  };
}

async function lighthouseScores(base: string, work: string): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  for (const [p, { path: page }] of LIGHTHOUSE_PAGES.entries()) {
    const result: LighthouseResult = { page, runs: [] };
    try {
      for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
        log(`lighthouse ${page}, run ${run} of ${LIGHTHOUSE_RUNS}`);
        result.runs.push(await lighthouseRun(base + page, work, `lighthouse-${p}-${run}`));
      }
    } catch (error) {
      result.failure = error instanceof Error ? error.message : String(error);
      log(`lighthouse ${page} failed: ${result.failure}`);
    }
    results.push(result);
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
  localActions: number;
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
    const local = await generateLocalActions(url, { perCouncil: LOCAL_ACTIONS_PER_COUNCIL });
    log(`generated local actions in ${local.seconds.toFixed(1)} s: ${JSON.stringify(local)}`);
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
              (SELECT count(*) FROM milestone_recommendation) AS links, (SELECT count(*) FROM audit_event) AS audit,
              (SELECT count(*) FROM local_action) AS local_actions`,
    );
    const row = rows[0]!;
    return {
      recommendations: Number(row.recommendations),
      milestones: Number(row.milestones),
      milestoneRecommendationLinks: Number(row.links),
      auditEvents: Number(row.audit),
      localActions: Number(row.local_actions),
      setupSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

const ratio = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${fmt(a / b, 2)}×` : "n/a";
const kb = (bytes: number) => fmt(bytes / 1024, 1);
const yesNo = (ok: boolean) => (ok ? "yes" : "**no**");
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

function non2xxCell(m: Measure): string {
  if (m.non2xx === 0) return "0";
  const codes = Object.entries(m.statuses)
    .filter(([code]) => Number(code) < 200 || Number(code) >= 300)
    .map(([code, n]) => `${int(n)}×${code}`);
  return `${int(m.non2xx)} (${codes.join(", ")})`;
}

/** "MISS → HIT 100%": the first response's X-Cache, then the share of each status during the measured run. */
function cacheCell(m: Measure): string {
  if (m.first.cache === "none" && Object.keys(m.cache).every((status) => status === "none"))
    return "none (static file)";
  const total = Object.values(m.cache).reduce((sum, n) => sum + n, 0);
  const shares = Object.entries(m.cache)
    .sort(([, a], [, b]) => b - a)
    .map(([status, n]) => `${status} ${fmt((100 * n) / total, n === total ? 0 : 1)}%`);
  return `${m.first.cache} → ${shares.join(", ")}`;
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
    await Promise.all([...children.keys()].map((child) => stopProcess(child)));
    await embedded?.stop().catch((error) => console.error(error));
    embedded = undefined;
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping everything this benchmark started`);
    for (const [child, stopSignal] of children) signalGroup(child, stopSignal);
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // Last resort (process.exit from anywhere): no child outlives us.
  process.on("exit", () => {
    for (const child of children.keys()) signalGroup(child, "SIGKILL");
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

    // 3-5. Each database on its own server: the routes; on the normal data also the floor, JavaScript, Lighthouse.
    const results = {} as Record<DatabaseName, Record<RouteName, Measure>>;
    const apiTotals = {} as Record<DatabaseName, string>;
    const briefingRenders = {} as Record<DatabaseName, RenderTime[]>;
    let floor: { urlPath: string; size: number; htmlBytes: number; measure: Measure } | undefined;
    let javascript: PageJs[] = [];
    let lighthouse: LighthouseResult[] = [];
    for (const name of DATABASES) {
      const dir = await appFolder(snapshot, path.join(work, `app-${name}`));
      const port = await findFreePort();
      const base = `http://127.0.0.1:${port}`;
      const logFile = path.join(work, `serve-${name}.log`);
      log(`starting the app on ${base} with ${name}`);
      const app = start(
        path.join(root, "node_modules", ".bin", "tsx"),
        [path.join(root, "scripts", "serve.ts"), "-p", String(port), "-H", "127.0.0.1"],
        {
          cwd: dir,
          // As under `npm start`: the app connects as the restricted application role (migration 0005).
          env: nextEnv({ DATABASE_URL: await ensureApplicationLogin(connectionUrl(pgPort, name)), PUBLIC_URL: base }),
          logFile,
        },
      );
      try {
        await waitForHealth(base, app, logFile, `scripts/serve.ts (${name})`);
        results[name] = {} as Record<RouteName, Measure>;
        for (const route of RUN_ROUTES) {
          log(
            `${name}: ${route.name} ${route.path} (${WARMUP_SECONDS} s warm-up, ${DURATION} s, ${CONNECTIONS} connections)`,
          );
          results[name][route.name] = await measure(base + route.path);
        }
        briefingRenders[name] = [];
        for (const format of COUNCILS_ONLY ? [] : BRIEFING_FORMATS) {
          log(`${name}: ${format.name} ${format.path}, ${BRIEFING_SINCE.length} renders`);
          const runs: Array<{ ms: number; status: number; cache: string }> = [];
          for (const since of BRIEFING_SINCE) {
            const started = performance.now();
            // A render that takes longer than get()'s 30 s (a crowded machine, the large data) is reported, not fatal:
            // the other figures of the run are still worth having.
            const answer = await get(`${base}${format.path}?since=${since}`, BROWSER_HEADERS).catch(
              (error: unknown) => {
                log(`${name}: ${format.path}?since=${since} failed: ${error instanceof Error ? error.message : error}`);
                return null;
              },
            );
            runs.push({
              ms: answer ? performance.now() - started : NaN,
              status: answer?.status ?? 0, // 0: no answer within 30 s
              cache: answer?.headers.get("x-cache") ?? "none",
            });
          }
          briefingRenders[name].push({
            medianMs: percentile(
              runs.map((r) => r.ms).sort((a, b) => a - b),
              50,
            ),
            statuses: [...new Set(runs.map((r) => r.status))].join(", "),
            cache: [...new Set(runs.map((r) => r.cache))].join(", "),
          });
        }
        // Which data the server really serves: the API's total for the benchmarked filter.
        apiTotals[name] = await get(`${base}/api/v1/recommendations?pillar=1`).then(
          ({ status, body }) =>
            status === 200
              ? int(Number((JSON.parse(body.toString("utf8")) as { total?: unknown }).total))
              : `HTTP ${status}`,
          (error: unknown) => `error: ${error instanceof Error ? error.message : String(error)}`,
        );
        // After the routes, so that each route's first request is the one that renders it.
        if (name === "bench_normal") {
          const dashboard = await get(`${base}/`);
          if (dashboard.status !== 200)
            log(`the dashboard answered ${dashboard.status}; the floor is sized on that answer anyway`);
          const file = await floorFile(path.join(dir, ".next", "static"), dashboard.body.length);
          log(
            `${name}: floor ${file.urlPath} (${int(file.size)} bytes; the dashboard's HTML is ${int(dashboard.body.length)})`,
          );
          // Asked for uncompressed: Next.js gzips a static file afresh on every request that accepts gzip, which
          // would make the floor several times slower and the comparison flattering.
          floor = { ...file, htmlBytes: dashboard.body.length, measure: await measure(base + file.urlPath, {}) };
          log("loading pages in Chromium for the JavaScript they fetch");
          if (!COUNCILS_ONLY) javascript = await javascriptPerPage(base);
          if (LIGHTHOUSE) lighthouse = await lighthouseScores(base, work);
        }
      } finally {
        await stopProcess(app);
      }
    }
    if (!floor) throw new Error("the floor was not measured");

    // 6. Report.
    const label: Record<DatabaseName, string> = { bench_normal: "normal", bench_large: "large" };
    const sections: string[] = [];
    sections.push(
      `# Reform Tracker benchmark\n\n` +
        `${startedAt.toISOString()} · commit ${gitDescription()} · build ${buildId} (${buildNote}) · run took ${fmt((Date.now() - startedAt.getTime()) / 1000, 0)} s · Node ${process.version} · ` +
        `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"}) · load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}, ` +
        `at end ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")} (above ${os.cpus().length}: something else was busy too)\n\n` +
        `autocannon, ${CONNECTIONS} connections, \`Accept-Encoding: ${BROWSER_HEADERS["accept-encoding"]}\` (compressed, as a browser asks), ` +
        `${DURATION} s per route after a first request and a ${WARMUP_SECONDS} s warm-up; \`scripts/serve.ts\` (the front server) on 127.0.0.1 ` +
        `with an empty .next/cache; embedded PostgreSQL on the same machine. Latency percentiles are over every response of the measured ` +
        `${DURATION} s. Before (${BEFORE}): \`next start\` behind the app's proxy, 50 connections, 10 s, no Accept-Encoding.`,
    );
    sections.push(
      `## Datasets\n\n` +
        table(
          [
            "database",
            "recommendations",
            "milestones",
            "milestone–recommendation links",
            "audit events",
            "local actions",
            "set-up (s)",
            "API total, pillar 1",
          ],
          DATABASES.map((name) => [
            `${label[name]} (\`${name}\`)`,
            int(facts[name].recommendations),
            int(facts[name].milestones),
            int(facts[name].milestoneRecommendationLinks),
            int(facts[name].auditEvents),
            int(facts[name].localActions),
            fmt(facts[name].setupSeconds),
            apiTotals[name] ?? "n/a",
          ]),
          ["l", "r", "r", "r", "r", "r", "r", "r"],
        ),
    );
    const floorLabel = `floor: \`${floor.urlPath}\` (${kb(floor.size)} KB)`;
    const measureRow = (what: string, route: string, m: Measure) => [
      what,
      route,
      cacheCell(m),
      m.first.encoding,
      fmt(m.rps),
      fmt(m.p50),
      fmt(m.p95),
      fmt(m.p99),
      kb(m.bytesPerResponse),
      int(m.requests),
      non2xxCell(m),
      int(m.errors),
    ];
    sections.push(
      `## Throughput and latency\n\n` +
        `X-Cache: the first request's status (MISS: it rendered and stored the page), then the share of each status during the ` +
        `measured run. KB per response: as received, headers included.\n\n` +
        table(
          [
            "data",
            "route",
            "X-Cache",
            "sent as",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "KB per response",
            "requests",
            "non-2xx",
            "errors",
          ],
          [
            ...DATABASES.flatMap((name) =>
              RUN_ROUTES.map((route) =>
                measureRow(label[name], `${route.name} \`${route.path}\``, results[name][route.name]),
              ),
            ),
            measureRow("normal", floorLabel, floor.measure),
          ],
          ["l", "l", "l", "l", "r", "r", "r", "r", "r", "r", "r", "r"],
        ),
    );
    const f = floor.measure;
    sections.push(
      `## Routes against the floor, before and now (normal data)\n\n` +
        `The floor is the file in \`.next/static\` whose size is closest to the dashboard's HTML (${int(floor.htmlBytes)} bytes uncompressed): ` +
        `\`${floor.urlPath}\`, ${int(floor.size)} bytes, served by the same server, asked for without Accept-Encoding (Next.js would gzip it ` +
        `afresh on every request otherwise, a slower and so flattering floor). Before, it was ${FLOOR_BEFORE.what}. ` +
        `÷ floor = route req/s ÷ floor req/s, measured in the same run (target: at least 1×, and a p99 no worse than the floor's).\n\n` +
        table(
          [
            "route",
            `req/s before (${BEFORE})`,
            "req/s",
            "÷ floor before",
            "÷ floor",
            "p50 ms before",
            "p50 ms",
            "p99 ms before",
            "p99 ms",
            "p99 ≤ floor's",
          ],
          [
            ...RUN_ROUTES.map((route) => {
              const m = results.bench_normal[route.name];
              const before: Speed | null = route.before;
              return [
                `${route.name} \`${route.path}\`` + (m.non2xx > 0 ? " (non-2xx)" : ""),
                before ? fmt(before.rps) : "—",
                fmt(m.rps),
                before ? ratio(before.rps, FLOOR_BEFORE.rps) : "—",
                ratio(m.rps, f.rps),
                before ? int(before.p50) : "—",
                fmt(m.p50),
                before ? int(before.p99) : "—",
                fmt(m.p99),
                yesNo(m.p99 <= f.p99),
              ];
            }),
            [
              floorLabel,
              fmt(FLOOR_BEFORE.rps),
              fmt(f.rps),
              "1×",
              "1×",
              int(FLOOR_BEFORE.p50),
              fmt(f.p50),
              int(FLOOR_BEFORE.p99),
              fmt(f.p99),
              "—",
            ],
          ],
          ["l", "r", "r", "r", "r", "r", "r", "r", "r", "l"],
        ),
    );
    sections.push(
      `## Councils against the floor, normal and large (issue 15)\n\n` +
        `The council pages on the real data (no council has local actions there: none is seeded) and on the large ` +
        `dataset (${int(facts.bench_large.localActions)} generated local actions, about ${LOCAL_ACTIONS_PER_COUNCIL} for each council, with ` +
        `their audit events). ÷ floor = route req/s ÷ the floor's req/s (${fmt(f.rps)}, p99 ${fmt(f.p99)} ms, measured on the normal ` +
        `data's server in the same run). A route that is not in this build answers 404: its row says so.\n\n` +
        table(
          [
            "route",
            "req/s normal",
            "÷ floor normal",
            "p99 ms normal",
            "req/s large",
            "÷ floor large",
            "p99 ms large",
            "p99 ≤ floor's (normal / large)",
            "non-2xx (normal / large)",
          ],
          COUNCIL_ROUTES.map((name) => {
            const route = ROUTES.find((r) => r.name === name)!;
            const normal = results.bench_normal[name];
            const large = results.bench_large[name];
            return [
              `${name} \`${route.path}\``,
              fmt(normal.rps),
              ratio(normal.rps, f.rps),
              fmt(normal.p99),
              fmt(large.rps),
              ratio(large.rps, f.rps),
              fmt(large.p99),
              `${yesNo(normal.p99 <= f.p99)} / ${yesNo(large.p99 <= f.p99)}`,
              `${non2xxCell(normal)} / ${non2xxCell(large)}`,
            ];
          }),
          ["l", "r", "r", "r", "r", "r", "r", "l", "l"],
        ),
    );
    sections.push(
      `## Large ÷ normal\n\n` +
        `The same route on ~${Math.round(facts.bench_large.recommendations / facts.bench_normal.recommendations)}× the data ` +
        `(target: p50 at most ${LARGE_P50_TARGET}× normal). p50 ratio above 1 = slower; req/s ratio below 1 = fewer requests served.\n\n` +
        table(
          [
            "route",
            "p50 normal ms",
            "p50 large ms",
            "large ÷ normal p50",
            `≤ ${LARGE_P50_TARGET}×`,
            "req/s normal",
            "req/s large",
            "large ÷ normal req/s",
          ],
          RUN_ROUTES.map((route) => {
            const normal = results.bench_normal[route.name];
            const large = results.bench_large[route.name];
            return [
              `${route.name} \`${route.path}\``,
              fmt(normal.p50),
              fmt(large.p50),
              ratio(large.p50, normal.p50),
              yesNo(large.p50 <= LARGE_P50_TARGET * normal.p50),
              fmt(normal.rps),
              fmt(large.rps),
              ratio(large.rps, normal.rps),
            ];
          }),
          ["l", "r", "r", "r", "l", "r", "r", "r"],
        ),
    );
    if (!COUNCILS_ONLY)
      sections.push(
        `## The briefing pack: one render of each format\n\n` +
          `The whole reform, changes since a day in February 2023: the time of a first request (a miss, so a render), the ` +
          `median of ${BRIEFING_SINCE.length} addresses. Target (issue 14): under ${int(BRIEFING_TARGET_MS)} ms on the normal data.\n\n` +
          table(
            ["format", "ms normal", `< ${int(BRIEFING_TARGET_MS)} ms`, "ms large", "status", "X-Cache"],
            BRIEFING_FORMATS.map((format, i) => {
              const normal = briefingRenders.bench_normal[i]!;
              const large = briefingRenders.bench_large[i]!;
              return [
                `${format.name} \`${format.path}\``,
                fmt(normal.medianMs),
                yesNo(normal.medianMs < BRIEFING_TARGET_MS),
                fmt(large.medianMs),
                `${normal.statuses} / ${large.statuses}`,
                normal.cache,
              ];
            }),
            ["l", "r", "l", "r", "l", "l"],
          ),
      );
    if (!COUNCILS_ONLY)
      sections.push(
        `## Lighthouse (mobile preset, normal data)\n\n` +
          (LIGHTHOUSE
            ? `Lighthouse (the version pinned in package.json) with ${CHROMIUM} (headless), default mobile emulation and simulated throttling; each figure is the ` +
              `median of ${LIGHTHOUSE_RUNS} runs (TBT moves with the machine's load). Before (${BEFORE}): the dashboard's ` +
              `performance, TBT and LCP; only the performance score of the recommendation page.\n\n` +
              table(
                [
                  "page",
                  "runs",
                  "performance before",
                  "performance",
                  "TBT ms before",
                  "TBT ms",
                  "LCP ms before",
                  "LCP ms",
                  "CLS",
                  "accessibility",
                  "best practices",
                  "SEO",
                ],
                lighthouse.map(({ page, runs, failure }) => {
                  const before = LIGHTHOUSE_PAGES.find((p) => p.path === page)!.before;
                  const mid = (pick: (s: LighthouseScores) => number) => median(runs.map(pick));
                  return [
                    `\`${page}\`` + (failure ? ` (failed: ${failure.replace(/\s+/g, " ").slice(0, 160)})` : ""),
                    String(runs.length),
                    before.performance,
                    int(mid((s) => s.performance)),
                    before.tbtMs,
                    int(mid((s) => s.tbtMs)),
                    before.lcpMs,
                    int(mid((s) => s.lcpMs)),
                    fmt(
                      mid((s) => s.cls),
                      3,
                    ),
                    int(mid((s) => s.accessibility)),
                    int(mid((s) => s.bestPractices)),
                    int(mid((s) => s.seo)),
                  ];
                }),
                ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
              )
            : "Skipped (BENCH_LIGHTHOUSE=0)."),
      );
    if (!COUNCILS_ONLY)
      sections.push(
        `## JavaScript per page\n\n` +
          `Each page loaded in Chromium with an empty cache, and left ${fmt(SETTLE_MS / 1000, 0)} s after its load event (normal data); every script ` +
          `it fetched, gzipped with zlib level 9; KB = 1,024 bytes. "In the HTML": the scripts the page names, as counted before ` +
          `(${JS_BEFORE}, README); "all loaded": those plus the chunks loaded on demand. \`/open-data\` has no client component of its ` +
          `own: it is the framework's floor. Router requests: the page's \`?_rsc=\` fetches (prefetches of the pages it links to) in ` +
          `the same time, and how many were answered with a redirect.\n\n` +
          table(
            [
              "page",
              "HTTP",
              "in the HTML: scripts",
              `gzip KB before (${JS_BEFORE})`,
              "in the HTML: gzip KB",
              "all loaded: scripts",
              "all loaded: KB",
              "all loaded: gzip KB",
              "router requests (redirected)",
            ],
            javascript.map((p) => [
              `\`${p.page}\``,
              String(p.status),
              String(p.initial.scripts),
              int(JS_PAGES.find((page) => page.path === p.page)!.beforeGzipKb),
              kb(p.initial.gzipBytes),
              String(p.loaded.scripts),
              kb(p.loaded.rawBytes),
              kb(p.loaded.gzipBytes),
              `${int(p.router.requests)} (${int(p.router.redirects)})`,
            ]),
            ["l", "r", "r", "r", "r", "r", "r", "r", "r"],
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

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
