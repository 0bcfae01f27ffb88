// Where the time of one briefing pack of the whole reform goes, on the real data and on the benchmark's large dataset
// (issues 14 and 15): each read buildBriefing() makes, buildBriefing() itself, the neutralising of direction controls every
// public read does, and each renderer (the page's document, the PDF, the Word document), in process, with no server.
// `npm run bench` (scripts/bench/routes.ts) times the same packs end to end through the production server; this
// script says which part is slow, and takes minutes instead of the machine for an hour.
//
//   npx tsx scripts/bench/briefing.ts
//
// It starts a throwaway embedded PostgreSQL with two databases, as routes.ts does: bench_normal (migrations + the
// reform data) and bench_large (the same + generate-large-dataset.ts + generate-local-actions.ts), then measures each
// in a process of its own (scripts/bench/briefing-parts.measure.ts, run by vitest, which loads the app's modules as
// the integration tests do; the app's database client is one per process). Markdown on stdout.
//
// Environment: BRIEFING_DATA_DIR (keep the cluster there and reuse its databases on the next run; default: a
// temporary folder, deleted), BRIEFING_PG_PORT (default: a free port), BENCH_LOCAL_ACTIONS (per council, default 50),
// BRIEFING_RUNS (renders of each part, the median is reported; default 3), BRIEFING_SINCE (comma-separated start days
// of the period; default the bench's 2023-02-02, every change since the strategy, and the pack's default, 90 days).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
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
import { addDays, todayInLondon } from "@/lib/dates";
import { fmt, int, table } from "./common";
import type { Part } from "./briefing-parts.measure";
import { generateLargeDataset } from "./generate-large-dataset";
import { generateLocalActions } from "./generate-local-actions";

const DATABASES = ["bench_normal", "bench_large"] as const;

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

const log = (message: string) => process.stderr.write(`[briefing bench] ${message}\n`);

// ---------------------------------------------------------------------------------------------------------------
// Preparing the databases (the parent process)

async function prepareDatabase(server: EmbeddedDatabase, name: (typeof DATABASES)[number]): Promise<string> {
  const url = connectionUrl(server.port, name);
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  const exists = await admin
    .query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    .then((r) => r.rowCount === 1)
    .finally(() => admin.end());
  if (exists) {
    log(`reusing ${name}`);
    return url;
  }
  const started = Date.now();
  await createDatabaseIfMissing(server.adminUrl, name);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await loadReformData(prisma).finally(() => prisma.$disconnect());
  if (name === "bench_large") {
    log(`generated ${JSON.stringify(await generateLargeDataset(url))}`);
    const perCouncil = positiveInt("BENCH_LOCAL_ACTIONS", 50);
    log(`generated ${JSON.stringify(await generateLocalActions(url, { perCouncil }))}`);
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("ANALYZE").finally(() => client.end());
  }
  log(`prepared ${name} in ${fmt((Date.now() - started) / 1000)} s`);
  return url;
}

async function counts(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM recommendation) AS recommendations, (SELECT count(*) FROM milestone) AS milestones,
              (SELECT count(*) FROM audit_event) AS events, (SELECT count(*) FROM local_action) AS local_actions`,
    );
    const r = rows[0]!;
    return `${int(Number(r.recommendations))} recommendations, ${int(Number(r.milestones))} milestones, ${int(Number(r.events))} audit events, ${int(Number(r.local_actions))} local actions`;
  } finally {
    await client.end();
  }
}

async function main() {
  const dataDir = process.env.BRIEFING_DATA_DIR;
  const port = process.env.BRIEFING_PG_PORT ? Number(process.env.BRIEFING_PG_PORT) : await findFreePort();
  const today = todayInLondon();
  const sinces = (process.env.BRIEFING_SINCE ?? `2023-02-02,${addDays(today, -90)}`).split(",");
  log(`embedded PostgreSQL on 127.0.0.1:${port}${dataDir ? ` in ${dataDir}` : ""}`);
  const server = dataDir
    ? await startEmbeddedPostgres({ port, database: "postgres", dataDir: path.resolve(dataDir) })
    : await startEmbeddedPostgres({ port, database: "postgres", ephemeral: true });
  const work = mkdtempSync(path.join(os.tmpdir(), "briefing-bench-"));
  const sections: string[] = [
    `# The whole-reform briefing pack, part by part\n\n${new Date().toISOString()}, as at ${today}; median of ${positiveInt("BRIEFING_RUNS", 3)} runs in one process (first run in brackets).`,
  ];
  try {
    for (const name of DATABASES) {
      const url = await prepareDatabase(server, name);
      const facts = await counts(url);
      for (const since of sinces) {
        log(`${name} (${facts}), changes since ${since}`);
        const out = path.join(work, `${name}-${since}.json`);
        execFileSync(
          path.join(process.cwd(), "node_modules", ".bin", "vitest"),
          ["run", "--config", path.join("scripts", "bench", "briefing.vitest.config.mts"), "--reporter=dot"],
          {
            env: { ...process.env, DATABASE_URL: url, BRIEFING_SINCE: since, BRIEFING_OUT: out },
            stdio: ["ignore", "ignore", "inherit"],
          },
        );
        const parts = JSON.parse(readFileSync(out, "utf8")) as Part[];
        sections.push(
          `## ${name}: ${facts}; changes since ${since}\n\n` +
            table(
              ["part", "ms", "what it made"],
              parts.map((p) => [p.part, `${fmt(p.ms, 0)} (${fmt(p.firstMs, 0)})`, p.size]),
              ["l", "r", "l"],
            ),
        );
      }
    }
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`${sections.join("\n\n")}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
