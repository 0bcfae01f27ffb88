import { createHash } from "node:crypto";
import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from "node:http";
import zlib from "node:zlib";
import { clientAddressOf, isHost, requestedHostOf, requestedProtocolOf } from "./client-address";
import { CLIENT_ADDRESS_HEADER, FRONT_SECRET_HEADER, HOST_HEADER, STATUS_HEADER } from "./internal-headers";
import type { DataVersionWatcher } from "./data-version";
import { chooseEncoding, compressForStore, isCompressible } from "./encoding";
import { inlineScriptHashes } from "./inline-scripts";
import type { PageCache, StoredResponse } from "./page-cache";
import {
  badRenderHeader,
  hasBrokenPathEncoding,
  isPublicRead,
  isStaticAsset,
  pathOf,
  RENDER_HEADERS,
  storeKey,
  versionKey,
  type DataVersions,
} from "./public-routes";
import {
  contentSecurityPolicy,
  mayBeFramed,
  SECURITY_HEADERS,
  securityHeadersFor,
  STRICT_TRANSPORT_SECURITY,
} from "./security-headers";

// The front server: the HTTP server the public talks to, in front of Next.js's request handler (decision 0009).
//   - Public reads (lib/http/public-routes.ts) are answered from a store of rendered responses, keyed by address,
//     the data versions of the scopes the address shows (national, 'local', a council's) and UK day. A miss renders the page once, through Next.js on a loopback listener, with no
//     cookie; readers who miss together share that render, each waiting at most `sharedRenderWaitMs`.
//   - Every HTML page, stored or not, gets a Content Security Policy listing the sha256 of its own inline scripts,
//     so prerendered pages work as well as rendered ones, and no nonce is needed.
//   - Everything else (staff pages, sign-in, Server Actions, the staff API) passes through, private and unstored.
//   - Build assets go to Next.js directly.

/**
 * How long a CDN or proxy may keep a public response: fresh for 10 s, then served stale for up to 50 s more while it
 * fetches a new copy, so a page a CDN serves is at most a minute old (docs/deployment.md). Browsers revalidate every
 * time (max-age=0) and get a 304 when nothing changed.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=50";
const PRIVATE_CACHE_CONTROL = "private, no-store";

/** Response headers Next.js sets that the front server replaces, or that belong to one connection or request. */
const DROPPED_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "etag",
  "date",
  "cache-control",
  "content-security-policy",
  "strict-transport-security",
  "x-nextjs-request-id",
  "x-nextjs-html-request-id",
  STATUS_HEADER,
  ...Object.keys(SECURITY_HEADERS).map((name) => name.toLowerCase()),
]);

/** Request headers that belong to one connection, or that only the front server may set. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
]);

export interface FrontServerOptions {
  /** Next.js's own request handler: build assets are passed to it directly. */
  nextHandler: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** The loopback port where Next.js answers the front server's requests, and the secret they must carry. */
  upstream: { port: number; secret: string };
  versions: DataVersionWatcher<DataVersions>;
  cache: PageCache;
  /** The site's public address: pages are rendered for it, and HSTS is sent when it is https. */
  publicOrigin: URL;
  trustedProxies: number;
  /** The UK day, part of every key ("overdue" turns over at UK midnight). */
  today: () => string;
  /** How long a reader waits for a render another reader started before rendering for itself. */
  sharedRenderWaitMs: number;
  /** How long a render may take before it is abandoned (and nothing stored). */
  renderTimeoutMs: number;
  log: (message: string) => void;
}

interface Rendered extends StoredResponse {
  storable: boolean;
}

/**
 * The status to send for Next.js's answer. An App Router page always renders with 200, so a page that shows an
 * error the reader caused (a bad `?asAt=`) cannot answer 400 itself: proxy.ts asks for it with STATUS_HEADER, and
 * it is used here, only in place of a 200 and only for a 4xx, so a 404 or a 500 stays what it is. A 400 is then
 * never stored, like every answer but 200 and 404. (Under `next dev` there is no front server: the page still shows
 * its message, with 200.)
 */
function statusOf(reply: IncomingMessage): number {
  const status = reply.statusCode ?? 502;
  const asked = Number(reply.headers[STATUS_HEADER]);
  return status === 200 && Number.isInteger(asked) && asked >= 400 && asked < 500 ? asked : status;
}

export function createFrontServer(options: FrontServerOptions) {
  const { cache, versions } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const pending = new Map<string, Promise<Rendered>>();
  // The versions and day the store was last keyed by: a render is stored only under the key it would be read by now.
  let keyedBy: { versions: DataVersions; day: string } | undefined;
  const secure = options.publicOrigin.protocol === "https:";

  function upstreamHeaders(extra: OutgoingHttpHeaders): OutgoingHttpHeaders {
    return { ...extra, [FRONT_SECRET_HEADER]: options.upstream.secret, "accept-encoding": "identity" };
  }

  /** `url`'s path decides whether the answer may be framed (only the /embed/ widgets may). */
  function finalHeaders(
    headers: Record<string, string | string[]>,
    cacheControl: string,
    url: string,
  ): OutgoingHttpHeaders {
    return {
      ...headers,
      ...securityHeadersFor(pathOf(url)),
      ...(secure ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
      "Cache-Control": cacheControl,
    };
  }

  /** Next.js's response headers, less those the front server sets itself. Set-Cookie is kept only when asked. */
  function keptHeaders(headers: IncomingHttpHeaders, keepCookies: boolean): Record<string, string | string[]> {
    const kept: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || DROPPED_HEADERS.has(name) || (name === "set-cookie" && !keepCookies)) continue;
      kept[name] = value;
    }
    return kept;
  }

  /** The Content Security Policy for a body: HTML lists the hashes of its inline scripts. */
  function policyFor(contentType: string | undefined, body: Buffer | undefined, url: string): string {
    const html = /^text\/html/i.test(contentType ?? "");
    return contentSecurityPolicy(html && body ? inlineScriptHashes(body.toString("utf8")) : [], {
      framable: mayBeFramed(pathOf(url)),
    });
  }

  function etagOf(body: Buffer): string {
    return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  }

  function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
    if (Array.isArray(header)) header = header.join(",");
    if (!header) return false;
    const bare = etag.replace(/^W\//, "");
    return header.split(",").some((tag) => {
      const candidate = tag.trim();
      return candidate === "*" || candidate.replace(/^W\//, "") === bare;
    });
  }

  function withVary(headers: Record<string, string | string[]>, name: string): Record<string, string | string[]> {
    const vary = String(headers.vary ?? "");
    if (vary.split(",").some((entry) => entry.trim().toLowerCase() === name.toLowerCase())) return headers;
    return { ...headers, vary: vary ? `${vary}, ${name}` : name };
  }

  function send(request: IncomingMessage, response: ServerResponse, rendered: Rendered, cacheStatus: string) {
    // Passed through: it may depend on who asked. A public answer that is not stored (an error): nobody keeps it.
    const cacheControl = rendered.storable
      ? PUBLIC_CACHE_CONTROL
      : cacheStatus === "BYPASS"
        ? PRIVATE_CACHE_CONTROL
        : "no-store";
    const compressed = Boolean(rendered.gzip || rendered.br);
    const headers: Record<string, string | string[] | number | undefined> = {
      ...finalHeaders(
        compressed ? withVary(rendered.headers, "Accept-Encoding") : rendered.headers,
        cacheControl,
        request.url ?? "/",
      ),
      ETag: rendered.etag,
      "X-Cache": cacheStatus,
    };
    if (rendered.storable && matchesEtag(request.headers["if-none-match"], rendered.etag)) {
      const { "content-type": _type, "content-disposition": _disposition, ...unchanged } = headers;
      response.writeHead(304, unchanged);
      response.end();
      return;
    }
    const encoding = chooseEncoding(request.headers["accept-encoding"], rendered);
    const body = encoding === "identity" ? rendered.body : rendered[encoding]!;
    response.writeHead(rendered.status, {
      ...headers,
      ...(encoding === "identity" ? {} : { "Content-Encoding": encoding }),
      "Content-Length": body.length,
    });
    response.end(request.method === "HEAD" ? undefined : body);
  }

  /**
   * Renders a public read through Next.js for the store: no cookie, no credentials, only the RSC headers. A render is
   * a GET with no body, so it is tried once more when the loopback connection was reset before any answer (a
   * kept-alive socket closed by the other side as it was reused: "socket hang up"), rather than failing the reader.
   */
  async function render(url: string, requestHeaders: IncomingHttpHeaders): Promise<Rendered> {
    try {
      return await renderOnce(url, requestHeaders);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ECONNRESET") throw error;
      options.log(`the connection to Next.js was reset while asking for ${url}; asking again`);
      return renderOnce(url, requestHeaders);
    }
  }

  function renderOnce(url: string, requestHeaders: IncomingHttpHeaders): Promise<Rendered> {
    const headers: OutgoingHttpHeaders = {
      host: options.publicOrigin.host,
      accept: "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8",
      "x-forwarded-proto": options.publicOrigin.protocol.replace(":", ""),
    };
    for (const name of RENDER_HEADERS) if (requestHeaders[name] !== undefined) headers[name] = requestHeaders[name];
    return new Promise<Rendered>((resolve, reject) => {
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: options.upstream.port,
          method: "GET",
          path: url,
          headers: upstreamHeaders(headers),
          agent,
          timeout: options.renderTimeoutMs,
        },
        (reply) => {
          const chunks: Buffer[] = [];
          reply.on("data", (chunk: Buffer) => chunks.push(chunk));
          reply.on("error", reject);
          reply.on("end", () => {
            const body = Buffer.concat(chunks);
            const kept = keptHeaders(reply.headers, false);
            const contentType = reply.headers["content-type"];
            const status = statusOf(reply);
            resolve({
              status,
              headers: { ...kept, "content-security-policy": policyFor(contentType, body, url) },
              body,
              etag: etagOf(body),
              ...compressForStore(body, contentType),
              // Only complete answers about the address itself are stored: a page, or "there is no such page".
              storable: (status === 200 || status === 404) && reply.headers["set-cookie"] === undefined,
            });
          });
        },
      );
      upstream.on("timeout", () =>
        upstream.destroy(new Error(`rendering ${url} took longer than ${options.renderTimeoutMs} ms`)),
      );
      upstream.on("error", reject);
      upstream.end();
    });
  }

  function keyOf(current: DataVersions, day: string, url: string, headers: IncomingHttpHeaders): string {
    return storeKey(versionKey(current, url), day, url, headers);
  }

  /** Frees the memory of entries no reader can reach any more, at once. */
  function rekey(current: DataVersions, day: string) {
    const before = keyedBy;
    if (before?.versions === current && before.day === day) return;
    keyedBy = { versions: current, day };
    // A new national version or day makes every stored entry unreachable.
    if (!before || before.versions.national !== current.national || before.day !== day) return cache.clear();
    // A moved scope ('local', a council's) makes only the entries keyed by its old value unreachable.
    const moved = new Set<string>();
    for (const scope of new Set([...Object.keys(before.versions.scopes), ...Object.keys(current.scopes)])) {
      const old = before.versions.scopes[scope] ?? "0";
      if (old !== (current.scopes[scope] ?? "0")) moved.add(`${scope}=${old}`);
    }
    if (moved.size > 0)
      cache.deleteWhere((key) =>
        key
          .slice(0, key.indexOf("\n"))
          .split(" ")
          .some((part) => moved.has(part)),
      );
  }

  /** The shared render of a key: started by the first reader who misses, stored when it is storable. */
  function sharedRender(
    key: string,
    url: string,
    headers: IncomingHttpHeaders,
  ): { render: Promise<Rendered>; shared: boolean } {
    const running = pending.get(key);
    if (running) return { render: running, shared: true };
    const started = render(url, headers)
      .then((rendered) => {
        if (rendered.storable && keyedBy && key === keyOf(keyedBy.versions, keyedBy.day, url, headers))
          cache.set(key, rendered);
        return rendered;
      })
      .finally(() => pending.delete(key));
    pending.set(key, started);
    return { render: started, shared: false };
  }

  function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | "timed out"> {
    let timer: NodeJS.Timeout;
    const timeout = new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), ms)));
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  async function servePublic(request: IncomingMessage, response: ServerResponse) {
    const badHeader = badRenderHeader(request.headers);
    if (badHeader) return plain(response, 400, `Bad request: the ${badHeader}.`);
    const current = await versions.current();
    const day = options.today();
    rekey(current, day);
    const url = request.url ?? "/";
    const key = keyOf(current, day, url, request.headers);
    const stored = cache.get(key);
    if (stored) return send(request, response, { ...stored, storable: true }, "HIT");

    const { render: rendering, shared } = sharedRender(key, url, request.headers);
    const rendered = await waitAtMost(rendering, options.sharedRenderWaitMs).catch((error: unknown) => error as Error);
    if (rendered === "timed out") {
      // One slow render must not hold every reader of the page: past the wait, each renders for itself.
      options.log(
        `a shared render of ${url} is taking over ${options.sharedRenderWaitMs} ms; rendering for this reader`,
      );
      return passThrough(request, response);
    }
    if (rendered instanceof Error) {
      options.log(`could not render ${url}: ${rendered.message}`);
      return plain(response, 503, "This page could not be shown just now. Please try again in a moment.");
    }
    send(request, response, rendered, shared ? "SHARED" : "MISS");
  }

  /**
   * Passes a request to Next.js and its answer back, private and unstored; HTML gets its inline scripts' hashes. A GET
   * or HEAD has no body, so, as a render is, it is asked again once when the loopback connection was reset before any
   * answer (`retried`); a write never is, as Next.js may have acted on it.
   */
  function passThrough(request: IncomingMessage, response: ServerResponse, retried = false): Promise<void> {
    const write = request.method !== "GET" && request.method !== "HEAD";
    let answered = false;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    return new Promise<void>((resolve) => {
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: options.upstream.port,
          method: request.method,
          path: request.url,
          headers: upstreamHeaders(headers),
          agent,
        },
        (reply) => {
          answered = true;
          // The write is committed before Next.js answers: the next reader must see the new data version.
          if (write) versions.refresh();
          const contentType = reply.headers["content-type"];
          const status = statusOf(reply);
          const kept = keptHeaders(reply.headers, true);
          if (/^text\/html/i.test(contentType ?? "")) {
            const chunks: Buffer[] = [];
            reply.on("data", (chunk: Buffer) => chunks.push(chunk));
            reply.on("end", () => {
              const body = Buffer.concat(chunks);
              send(
                request,
                response,
                {
                  status,
                  headers: { ...kept, "content-security-policy": policyFor(contentType, body, request.url ?? "/") },
                  body,
                  etag: etagOf(body),
                  ...compressForStore(body, contentType),
                  storable: false,
                },
                "BYPASS",
              );
              resolve();
            });
            reply.on("error", () => resolve(void response.destroy()));
            return;
          }
          const encoding = isCompressible(contentType)
            ? chooseEncoding(request.headers["accept-encoding"], { gzip: true })
            : "identity";
          const streamed: OutgoingHttpHeaders = {
            ...finalHeaders(kept, PRIVATE_CACHE_CONTROL, request.url ?? "/"),
            "Content-Security-Policy": contentSecurityPolicy([], { framable: mayBeFramed(pathOf(request.url ?? "/")) }),
            "X-Cache": "BYPASS",
            ...(encoding === "gzip"
              ? { "Content-Encoding": "gzip", Vary: withVary(kept, "Accept-Encoding").vary }
              : {}),
            ...(encoding === "identity" && reply.headers["content-length"]
              ? { "Content-Length": reply.headers["content-length"] }
              : {}),
          };
          response.writeHead(status, streamed);
          // Streamed answers (Server Actions, downloads) are flushed chunk by chunk, as Next.js sends them.
          const out = encoding === "gzip" ? reply.pipe(zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH })) : reply;
          out.pipe(response);
          out.on("end", resolve);
          reply.on("error", () => resolve(void response.destroy()));
        },
      );
      upstream.on("error", (error) => {
        if (!write && !retried && !answered && (error as NodeJS.ErrnoException).code === "ECONNRESET") {
          options.log(`the connection to Next.js was reset while passing on ${request.url}; asking again`);
          return resolve(passThrough(request, response, true));
        }
        options.log(`could not pass ${request.method} ${request.url} to Next.js: ${error.message}`);
        if (!response.headersSent)
          plain(response, 502, "The service is not available just now. Please try again in a moment.");
        else response.destroy();
        resolve();
      });
      response.on("close", () => {
        if (!response.writableFinished) upstream.destroy();
      });
      // The request's stream was read to its end by the first attempt: a second has no body to send.
      if (retried) upstream.end();
      else request.pipe(upstream);
    });
  }

  function plain(response: ServerResponse, status: number, message: string) {
    response.writeHead(
      status,
      finalHeaders(
        { "content-type": "text/plain; charset=utf-8", "content-security-policy": contentSecurityPolicy() },
        "no-store",
        "/",
      ),
    );
    response.end(message);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    // Only the front server speaks for itself: whatever a client sent in these headers is thrown away.
    delete request.headers[FRONT_SECRET_HEADER];
    delete request.headers[HOST_HEADER];
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request, options.trustedProxies);
    // The host asked for: `Host`, or what a trusted proxy put in X-Forwarded-Host. Next.js (its own Server Action
    // check) and next-auth (its URLs) read X-Forwarded-Host, so it is replaced by that same host: a client's own copy
    // never reaches them.
    const host = requestedHostOf(request, options.trustedProxies);
    delete request.headers["x-forwarded-host"];
    if (host !== null && !isHost(host)) return plain(response, 400, "Bad request: the Host header is not a host name.");
    if (host !== null) request.headers[HOST_HEADER] = request.headers["x-forwarded-host"] = host.toLowerCase();
    // The same for the protocol: a client's own X-Forwarded-Proto never reaches Next.js or next-auth.
    request.headers["x-forwarded-proto"] = requestedProtocolOf(request, options.trustedProxies);
    const url = request.url ?? "/";
    // Next.js answers a path it cannot decode (%FF, a cut-off %E0%A4) with a 500.
    if (hasBrokenPathEncoding(url))
      return plain(response, 400, "Bad request: the address has %-encoding that is not UTF-8.");
    try {
      if (isStaticAsset(url)) return await options.nextHandler(request, response);
      if (isPublicRead(request.method ?? "GET", url, request.headers)) return await servePublic(request, response);
      return await passThrough(request, response);
    } catch (error) {
      options.log(`failed to answer ${request.method} ${url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) plain(response, 500, "Sorry, something went wrong. Please try again later.");
      else response.destroy();
    }
  }

  return { handle, stop: () => agent.destroy() };
}
