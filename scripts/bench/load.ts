// `npm run bench:load` (also the last step of `npm run bench`): 200 public readers and 5 editors at once, for
// 60 seconds, against the production build on a throwaway embedded PostgreSQL. Prints throughput and latency per
// route and the error count, then checks that every save the app acknowledged is in the database with its audit
// record. Figures only: nothing here passes or fails, but issue 10's target is a reader p99 of at most 1 s with
// 0 errors and 0 lost saves. Readers ask for compressed responses, as browsers do. Traffic goes to 127.0.0.1 only,
// and every loop is bounded.
//   LOAD_SECONDS (default 60), LOAD_READERS (default 200), LOAD_EDITORS (default 5)
import { ensureApplicationLogin } from "@/lib/db/application-role.server";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import bcrypt from "bcryptjs";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { findFreePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres.server";
import { applyMigrations } from "@/lib/db/migrate.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { buildIsStale } from "../lib/build";
import { BROWSER_HEADERS, fmt, int, percentile, table } from "./common";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const READERS = Number(process.env.LOAD_READERS ?? 200);
const EDITORS = Number(process.env.LOAD_EDITORS ?? 5);
const ROUTES = [
  "/",
  "/recommendations?pillar=1&class=testing",
  "/milestones/M-01",
  "/recommendations/CR-01",
  "/api/v1/milestones?status=on_track",
];
/** Reader p99 before the front server (2026-12-02, `next start`, same load): only its two ends were recorded. */
const BEFORE = "2026-12-02";
const P99_BEFORE_MS: Record<string, number> = { "/": 4_100, "/recommendations/CR-01": 20_500 };
const root = process.cwd();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Save {
  editor: number;
  code: string;
  commentary: string;
  outcome: "acknowledged" | "conflict" | "error";
  ms: number;
  detail?: string;
}

class Browser {
  private jar = new Map<string, string>();
  constructor(private base: string) {}
  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const kv = c.split(";")[0]!;
      const i = kv.indexOf("=");
      this.jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
  }
  async fetch(path: string, init: RequestInit = {}) {
    // As a browser sends it: cookies, and the page's own origin (writes from any other origin are refused).
    const headers = {
      ...(init.headers ?? {}),
      Origin: this.base,
      Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "),
    };
    const res = await fetch(`${this.base}${path}`, { ...init, redirect: "manual", headers });
    this.keep(res);
    return res;
  }
  async signIn(email: string, password: string) {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    if (![...this.jar.keys()].some((k) => k.endsWith("session-token")))
      throw new Error(`could not sign in as ${email}`);
  }
}

const decode = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** One save through the staff form, as a browser without JavaScript posts it (the form's server action). */
async function saveOnce(browser: Browser, editor: number, code: string, n: number): Promise<Save> {
  const started = performance.now();
  const commentary = `Load test: editor ${editor}, save ${n}`;
  try {
    const page = await (await browser.fetch(`/staff/milestones/${code}`)).text();
    const form = new FormData();
    for (const m of page.matchAll(/<input[^>]*name="(\$ACTION_[^"]+)"[^>]*>/g))
      form.set(m[1]!, decode(m[0].match(/value="([^"]*)"/)?.[1] ?? ""));
    form.set("code", code);
    form.set("version", page.match(/name="version" value="(\d+)"/)?.[1] ?? "0");
    form.set("status", n % 2 ? "on_track" : "not_started");
    form.set("forecastDate", "");
    form.set("actualDate", "");
    form.set("commentary", commentary);
    form.set("reason", "");
    const res = await browser.fetch(`/staff/milestones/${code}`, { method: "POST", body: form });
    const ms = performance.now() - started;
    if (res.status === 303 && (res.headers.get("location") ?? "").includes("saved=1"))
      return { editor, code, commentary, outcome: "acknowledged", ms };
    const body = await res.text();
    if (res.status === 200 && body.includes("Someone else saved this milestone"))
      return { editor, code, commentary, outcome: "conflict", ms };
    return {
      editor,
      code,
      commentary,
      outcome: "error",
      ms,
      detail: `HTTP ${res.status} ${body.match(/<h[12][^>]*>([^<]+)/)?.[1] ?? body.slice(0, 80)}`,
    };
  } catch (error) {
    return {
      editor,
      code,
      commentary,
      outcome: "error",
      ms: performance.now() - started,
      detail: String((error as Error).cause ?? error).slice(0, 120),
    };
  }
}

async function main() {
  if (buildIsStale(root))
    throw new Error("The production build is missing or stale: run `npx next build` (or `npm run bench`) first.");
  const db = await startEmbeddedPostgres({ ephemeral: true, port: await findFreePort(), database: "load" });
  let app: ChildProcess | undefined;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  try {
    await applyMigrations(db.url);
    await loadReformData(prisma);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const password = "load test passphrase";
    const hash = await bcrypt.hash(password, 4);
    for (let i = 1; i <= EDITORS; i++) {
      await client.query(
        `INSERT INTO app_user (email, name, role, password_hash, active, must_change_password) VALUES ($1, $2, 'editor', $3, true, false)`,
        [`load${i}@example.gov.uk`, `Load ${i}`, hash],
      );
    }
    await client.end();

    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    app = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"],
      {
        cwd: root,
        // As under `npm start`: the app connects as the restricted application role (migration 0005).
        env: {
          ...process.env,
          DATABASE_URL: await ensureApplicationLogin(db.url),
          NEXTAUTH_SECRET: "load-test-secret",
          AUTH_TRUST_HOST: "true",
          NEXT_TELEMETRY_DISABLED: "1",
          PUBLIC_URL: base,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const appLog = path.join(os.tmpdir(), `reform-tracker-load-${process.pid}.log`);
    const logStream = createWriteStream(appLog);
    app.stdout?.pipe(logStream);
    app.stderr?.pipe(logStream);
    console.log(`load: app log in ${appLog}`);
    for (let i = 0; ; i++) {
      if ((await fetch(`${base}/api/health`).catch(() => null))?.status === 200) break;
      if (i > 300) throw new Error("the app did not become healthy");
      await sleep(200);
    }

    const editors = await Promise.all(
      Array.from({ length: EDITORS }, async (_, i) => {
        const browser = new Browser(base);
        await browser.signIn(`load${i + 1}@example.gov.uk`, password);
        return browser;
      }),
    );
    console.log(
      `load: ${READERS} readers over ${ROUTES.length} routes and ${EDITORS} editors for ${SECONDS} s against ${base}`,
    );

    const stopAt = Date.now() + SECONDS * 1000;
    const saves: Save[] = [];
    // Editors 1-2 share M-02 (conflicts expected); the others each have their own milestone.
    const editorLoops = editors.map(async (browser, i) => {
      const code = i < 2 ? "M-02" : `M-${String(10 + i).padStart(2, "0")}`;
      for (let n = 1; Date.now() < stopAt && n < 100_000; n++) saves.push(await saveOnce(browser, i + 1, code, n));
    });
    const perRoute = Math.max(1, Math.floor(READERS / ROUTES.length));
    const readerRuns = ROUTES.map(
      (route) =>
        new Promise<autocannon.Result>((resolve, reject) =>
          autocannon(
            { url: `${base}${route}`, connections: perRoute, duration: SECONDS, timeout: 30, headers: BROWSER_HEADERS },
            (error, result) => (error ? reject(error) : resolve(result)),
          ),
        ),
    );
    const [readResults] = await Promise.all([Promise.all(readerRuns), Promise.all(editorLoops)]);

    // Every acknowledged save must be in the database with its audit record.
    const events = await prisma.auditEvent.findMany({
      where: { action: "update", entityType: "milestone", actorId: { not: null } },
      select: { entityCode: true, after: true },
    });
    const recorded = new Set(events.map((e) => `${e.entityCode}|${(e.after as { commentary?: string }).commentary}`));
    const acknowledged = saves.filter((s) => s.outcome === "acknowledged");
    const lost = acknowledged.filter((s) => !recorded.has(`${s.code}|${s.commentary}`));
    const milestoneRows = await prisma.milestone.findMany({
      where: { code: { in: [...new Set(saves.map((s) => s.code))] } },
      select: { code: true, version: true },
    });
    const versionsMatch = milestoneRows.every(
      (m) => m.version - 1 === events.filter((e) => e.entityCode === m.code).length,
    );

    const ms = acknowledged.map((s) => s.ms).sort((a, b) => a - b);
    console.log(
      "\n" +
        table(
          [
            "route",
            "req/s",
            "p50 ms",
            "p97.5 ms",
            `p99 ms before (${BEFORE})`,
            "p99 ms",
            "requests",
            "non-2xx",
            "errors",
          ],
          [
            ...ROUTES.map((route, i) => {
              const r = readResults[i]!;
              return [
                `\`${route}\` (${perRoute} readers)`,
                fmt(r.requests.average),
                int(r.latency.p50),
                int(r.latency.p97_5),
                P99_BEFORE_MS[route] === undefined ? "—" : int(P99_BEFORE_MS[route]),
                int(r.latency.p99),
                int(r.requests.total),
                int(r.non2xx),
                int(r.errors + r.timeouts),
              ];
            }),
            [
              `staff saves (${EDITORS} editors)`,
              fmt(acknowledged.length / SECONDS),
              int(percentile(ms, 50)),
              int(percentile(ms, 97.5)),
              "—",
              int(percentile(ms, 99)),
              int(saves.length),
              `${saves.filter((s) => s.outcome === "conflict").length} conflicts (refused, as designed)`,
              int(saves.filter((s) => s.outcome === "error").length),
            ],
          ],
          ["l", "r", "r", "r", "r", "r", "r", "r", "r"],
        ),
    );
    console.log(
      `\nBefore (${BEFORE}): reader p99 from 4.1 s (dashboard) to 20.5 s (recommendation page); the other routes' were not recorded.`,
    );
    console.log(
      `\nacknowledged saves: ${acknowledged.length}; found in the database with their audit record: ${acknowledged.length - lost.length}; lost: ${lost.length}`,
    );
    console.log(`milestone versions agree with their audit records: ${versionsMatch ? "yes" : "NO"}`);
    const details = [...new Set(saves.filter((s) => s.outcome === "error").map((s) => s.detail))];
    if (details.length) console.log(`editor errors: ${details.join("; ")}`);
  } finally {
    app?.kill("SIGTERM");
    await prisma.$disconnect();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
