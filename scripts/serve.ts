// Serves the production build: Next.js's request handler behind the front server (decision 0009), in one process.
// `npm start` runs it; a deployment runs it on each instance (`npx tsx scripts/serve.ts -p 3000`), in place of
// `next start`, after `npm run build`.
//   -p, --port PORT          where the public connects (default $PORT, else 3000)
//   -H, --hostname HOST      the address to listen on (default: every address)
// Settings (environment): DATABASE_URL (required), PUBLIC_URL, PAGE_CACHE_MAX_MB, TRUSTED_PROXIES; see README.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import pg from "pg";
import { todayInLondon } from "../lib/dates";
import { DataVersionWatcher, readDataVersions } from "../lib/http/data-version";
import { createFrontServer } from "../lib/http/front-server.server";
import { FRONT_SECRET_ENV, FRONT_SECRET_HEADER } from "../lib/http/internal-headers";
import { PageCache } from "../lib/http/page-cache";
import { publicOrigin } from "../lib/http/site";

function log(message: string) {
  console.log(`[reform-tracker] ${message}`);
}

class PortTakenError extends Error {}

function option(short: string, long: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === short || arg === long);
  return at >= 0 ? args[at + 1] : undefined;
}

function wholeNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number from ${min}, not "${raw}"`);
  return value;
}

async function main() {
  const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
  const hostname = option("-H", "--hostname");
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: the app needs its PostgreSQL database.");
  process.env.PORT = String(port);
  // Resolved once, here, and handed to the app in the same variable, so both write the same absolute URLs.
  process.env.PUBLIC_URL = publicOrigin();
  const secret = randomBytes(32).toString("base64url");
  process.env[FRONT_SECRET_ENV] = secret;

  // Next.js answers only the front server, on a loopback port of its own; a request without the secret is refused.
  // Next.js is told that port: a Server Action that redirects fetches the next page from it (with the same headers).
  /* eslint-disable-next-line prefer-const -- set once Next.js is prepared, below; the internal server reads it (and
     refuses requests) until then, where a const would throw. */
  let nextHandler: ReturnType<ReturnType<typeof next>["getRequestHandler"]> | undefined;
  const internal = http.createServer((request, response) => {
    if (request.headers[FRONT_SECRET_HEADER] !== secret || !nextHandler) {
      response.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("Forbidden");
      return;
    }
    void nextHandler(request, response);
  });
  // Idle connections from the front server stay open longer than Node.js's 5 s default, so fewer are reused just as
  // this side closes them (the front server tries a reset render again all the same).
  internal.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  const upstreamPort = (internal.address() as AddressInfo).port;
  const app = next({ dev: false, dir: process.cwd(), hostname: "127.0.0.1", port: upstreamPort });
  await app.prepare();
  nextHandler = app.getRequestHandler();

  // One connection of its own for the data version, so a busy app pool never delays it.
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 1,
    connectionTimeoutMillis: 2_000,
    query_timeout: 2_000,
  });
  pool.on("error", () => {}); // a dropped idle connection is replaced on the next read; reads report their own errors
  const versions = new DataVersionWatcher(() => readDataVersions(pool), {
    intervalMs: 1_000,
    log,
    unreadable: { national: "unknown", scopes: {}, councils: {} },
  });
  await versions.current();
  versions.start();

  // The UK day is part of every key: worked out at most once a second, not on every request.
  let day = { value: todayInLondon(), at: Date.now() };
  const today = () => {
    if (Date.now() - day.at >= 1_000) day = { value: todayInLondon(), at: Date.now() };
    return day.value;
  };

  const cacheMegabytes = wholeNumber("PAGE_CACHE_MAX_MB", 128, 1);
  const front = createFrontServer({
    nextHandler,
    upstream: { port: upstreamPort, secret },
    versions,
    cache: new PageCache(cacheMegabytes * 1024 * 1024),
    publicOrigin: new URL(process.env.PUBLIC_URL),
    trustedProxies: wholeNumber("TRUSTED_PROXIES", 0, 0),
    today,
    sharedRenderWaitMs: wholeNumber("SHARED_RENDER_WAIT_MS", 5_000, 1),
    renderTimeoutMs: wholeNumber("RENDER_TIMEOUT_MS", 30_000, 1),
    log,
  });
  const server = http.createServer((request, response) => void front.handle(request, response));
  // Longer than a load balancer's idle timeout, so it never sends on a connection this side has closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new PortTakenError(
              `Port ${port} is already in use, perhaps by another copy of the Reform Tracker. Stop the other copy, or ` +
                `choose a free port with PORT, for example: PORT=${port + 1} npm start`,
            )
          : error,
      ),
    );
    if (hostname) server.listen(port, hostname, resolve);
    else server.listen(port, resolve);
  });
  log(`ready on port ${port} for ${process.env.PUBLIC_URL} (stored pages: up to ${cacheMegabytes} MB)`);

  const stop = () => {
    versions.stop();
    front.stop();
    server.close();
    internal.close();
    void pool.end().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  // A taken port is the reader's to fix: the message says how, and a stack trace would bury it.
  console.error(error instanceof PortTakenError ? `[reform-tracker] ${error.message}` : error);
  process.exit(1);
});
