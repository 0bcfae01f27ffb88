import { createHash } from "node:crypto";
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DataVersionWatcher } from "@/lib/http/data-version";
import { createFrontServer, PUBLIC_CACHE_CONTROL } from "@/lib/http/front-server.server";
import { CLIENT_ADDRESS_HEADER, FRONT_SECRET_HEADER, HOST_HEADER, STATUS_HEADER } from "@/lib/http/internal-headers";
import { PageCache } from "@/lib/http/page-cache";

// The front server over real HTTP, in front of a stand-in for Next.js whose answers and timing each test controls:
// what it stores, for whom, how long readers wait for a shared render, and what it passes through untouched.
// The production build behind it is tested end to end in tests/e2e/public-cache.spec.ts.

const SECRET = "front-secret-for-the-test";
const SCRIPT = 'self.__next_f.push([1,"page data"])';
const page = (text: string) =>
  `<!DOCTYPE html><html><body><p>${text}</p><script>${SCRIPT}</script><script src="/_next/static/a.js"></script>${"<p>padding</p>".repeat(200)}</body></html>`;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let seen: Seen[] = [];
let delayMs = 0;
let version = "1";
let scopes: Record<string, string> = {};
const councils: Record<string, string> = { thurrock: "E06000034", york: "E06000014" };
let day = "2026-12-02";
let staticServed = 0;
let upstream: http.Server;
let front: http.Server;
let base: string;
let frontServer: ReturnType<typeof createFrontServer>;
const log: string[] = [];

beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    seen.push({ method: request.method!, url: request.url!, headers: request.headers });
    request.resume();
    request.on("end", () =>
      setTimeout(() => {
        const url = request.url!;
        const html = { "content-type": "text/html; charset=utf-8", vary: "rsc, next-router-state-tree" };
        // A page that rendered its own error message and asks for 400 (proxy.ts does this for a bad ?asAt=).
        if (url.includes("asAt=bad"))
          return response
            .writeHead(url.includes("missing") ? 404 : 200, { ...html, [STATUS_HEADER]: "400" })
            .end(page("There is a problem"));
        if (url.startsWith("/bad"))
          return response.writeHead(400, { "content-type": "application/json" }).end('{"error":"Bad query parameter"}');
        if (url.startsWith("/broken")) return response.writeHead(500, html).end(page("Sorry"));
        // The connection is reset before any answer, the first time only (a kept-alive socket closed as it is reused).
        if (/^\/(staff\/)?reset-once/.test(url) && renders(url) === 1) return request.socket.destroy();
        if (url.startsWith("/with-cookie"))
          return response.writeHead(200, { ...html, "set-cookie": "a=b" }).end(page("cookie"));
        if (url.startsWith("/missing")) return response.writeHead(404, html).end(page("Page not found"));
        if (url.startsWith("/staff/save"))
          return response.writeHead(303, { location: "/staff", "set-cookie": "flash=1" }).end();
        if (url.startsWith("/api/staff/export"))
          return response
            .writeHead(200, { "content-type": "text/csv" })
            .end("code,title\r\nM-01,First\r\n".repeat(200));
        if (url.startsWith("/staff"))
          return response
            .writeHead(200, { ...html, "set-cookie": "session=renewed" })
            .end(page(`staff ${request.headers.cookie}`));
        response
          .writeHead(200, html)
          .end(page(`${url} at version ${version} for ${request.headers.cookie ?? "anyone"}`));
      }, delayMs),
    );
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  frontServer = createFrontServer({
    nextHandler: async (_request, response) => {
      staticServed += 1;
      response.writeHead(200, { "content-type": "text/javascript" }).end("console.log(1)");
    },
    upstream: { port: (upstream.address() as AddressInfo).port, secret: SECRET },
    versions: new DataVersionWatcher(async () => ({ national: version, scopes: { ...scopes }, councils }), {
      intervalMs: 60_000,
      log: () => {},
      unreadable: { national: "unknown", scopes: {}, councils: {} },
    }),
    cache: new PageCache(8 * 1024 * 1024),
    publicOrigin: new URL("https://tracker.example"),
    trustedProxies: 0,
    today: () => day,
    sharedRenderWaitMs: 300,
    renderTimeoutMs: 2_000,
    log: (message) => log.push(message),
  });
  front = http.createServer((request, response) => void frontServer.handle(request, response));
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  frontServer.stop();
  await new Promise((resolve) => front.close(resolve));
  await new Promise((resolve) => upstream.close(resolve));
});

beforeEach(() => {
  seen = [];
  delayMs = 0;
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers, redirect: "manual" });
const renders = (path: string) => seen.filter((s) => s.url === path).length;

describe("public reads", () => {
  it("renders a page once, then answers from the store with its own scripts' hashes in the policy", async () => {
    const first = await get("/recommendations?q=once");
    const second = await get("/recommendations?q=once");
    expect([first.status, first.headers.get("x-cache"), second.headers.get("x-cache")]).toEqual([200, "MISS", "HIT"]);
    expect(await second.text()).toBe(await first.text());
    expect(renders("/recommendations?q=once")).toBe(1);
    const hash = `'sha256-${createHash("sha256").update(SCRIPT).digest("base64")}'`;
    expect(second.headers.get("content-security-policy")).toContain(`script-src 'self' ${hash};`);
    expect(second.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(second.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(second.headers.get("x-frame-options")).toBe("DENY");
  });

  it("lets only the /embed/ widgets be framed by other sites, stored or not; everything else is DENY and 'none'", async () => {
    for (const path of ["/embed/pillars/1", "/%65mbed/milestones/M-01"]) {
      for (const expected of ["MISS", "HIT"]) {
        const response = await get(path);
        expect(response.headers.get("x-cache"), path).toBe(expected);
        expect(response.headers.get("x-frame-options"), path).toBeNull();
        expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors *");
        expect(response.headers.get("content-security-policy"), path).not.toContain("frame-ancestors 'none'");
      }
    }
    for (const path of [
      "/outcomes/1?framing",
      "/embedded",
      "/staff/embed/x",
      "/oembed?url=x",
      "/missing/embed",
      "/embed",
    ]) {
      const response = await get(path);
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  it("renders for the store with no cookie, credentials or client headers, for the public address", async () => {
    const response = await get("/pillars/1", {
      cookie: "next-auth.session-token=secret",
      authorization: "Basic eA==",
      "user-agent": "Googlebot",
      "x-forwarded-host": "evil.example",
    });
    expect(await response.text()).toContain("for anyone");
    const render = seen.find((s) => s.url === "/pillars/1")!;
    expect(render.headers.cookie).toBeUndefined();
    expect(render.headers.authorization).toBeUndefined();
    expect(render.headers["user-agent"]).toBeUndefined();
    expect(render.headers["x-forwarded-host"]).toBeUndefined();
    expect(render.headers.host).toBe("tracker.example");
    expect(render.headers[FRONT_SECRET_HEADER]).toBe(SECRET);
  });

  it("lets readers who miss together share one render", async () => {
    delayMs = 100;
    const answers = await Promise.all(Array.from({ length: 20 }, () => get("/milestones?together=1")));
    expect(renders("/milestones?together=1")).toBe(1);
    const statuses = answers.map((a) => a.headers.get("x-cache")).sort();
    expect(statuses.filter((s) => s === "MISS")).toHaveLength(1);
    expect(statuses.filter((s) => s === "SHARED")).toHaveLength(19);
  });

  it("does not let one slow render hold the others: past the wait, each reader renders for itself", async () => {
    delayMs = 600;
    const answers = await Promise.all(Array.from({ length: 3 }, () => get("/slippage?slow=1")));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers.get("x-cache")).sort()).toEqual(["BYPASS", "BYPASS", "BYPASS"]);
    expect(renders("/slippage?slow=1")).toBe(4); // the shared render, still stored when it ends, and one each
    delayMs = 0;
    await expect.poll(async () => (await get("/slippage?slow=1")).headers.get("x-cache")).toBe("HIT");
    expect(log.some((line) => line.includes("taking over 300 ms"))).toBe(true);
  });

  it("stores pages and 'no such page', never errors, refusals or anything that sets a cookie", async () => {
    for (const [path, status] of [
      ["/missing", 404],
      ["/bad?pillar=9", 400],
      ["/broken", 500],
      ["/with-cookie", 200],
    ] as const) {
      const first = await get(path);
      const second = await get(path);
      expect(first.status).toBe(status);
      expect(second.status).toBe(status);
      expect(renders(path), path).toBe(status === 404 ? 1 : 2);
      if (status !== 404) expect(second.headers.get("cache-control"), path).toBe("no-store");
      expect(second.headers.get("set-cookie"), path).toBeNull();
    }
  });

  it("sends the status the app asks for in place of a 200, drops the header, and does not store the answer", async () => {
    for (const path of ["/pillars/2?asAt=bad", "/staff/x?asAt=bad"]) {
      const first = await get(path);
      const second = await get(path);
      expect([first.status, second.status], path).toEqual([400, 400]);
      expect(await second.text(), path).toContain("There is a problem");
      expect(second.headers.get(STATUS_HEADER), path).toBeNull();
      expect(second.headers.get("cache-control"), path).toMatch(/no-store/);
      expect(second.headers.get("content-security-policy"), path).toContain("'sha256-");
      expect(renders(path), path).toBe(2);
    }
    // A 404 stays a 404 (and is stored as one): the header only replaces a 200.
    expect((await get("/missing?asAt=bad")).status).toBe(404);
  });

  it("answers a matching If-None-Match with 304, and compresses for clients that accept it", async () => {
    const first = await get("/outcomes/1");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get("/outcomes/1", { "if-none-match": etag });
    expect([again.status, again.headers.get("etag"), await again.text()]).toEqual([304, etag, ""]);
    expect((await get("/outcomes/1", { "if-none-match": 'W/"other"' })).status).toBe(200);
    const raw = await new Promise<{ encoding?: string; vary?: string; body: Buffer }>((resolve) =>
      http.get(`${base}/outcomes/1`, { headers: { "accept-encoding": "gzip" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            encoding: response.headers["content-encoding"],
            vary: response.headers.vary,
            body: Buffer.concat(chunks),
          }),
        );
      }),
    );
    expect(raw.encoding).toBe("gzip");
    expect(raw.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(raw.body).toString()).toBe(await first.text());
  });

  it("answers HEAD from the same entry, without a body", async () => {
    await get("/changes");
    const head = await fetch(`${base}/changes`, { method: "HEAD" });
    expect([head.status, head.headers.get("x-cache"), await head.text()]).toEqual([200, "HIT", ""]);
  });

  it("renders again when the data version changes, and drops what was stored for the old one", async () => {
    await get("/recommendations/CR-01");
    version = "2";
    // The watcher reads the version again after a write through this instance.
    await fetch(`${base}/staff/save`, { method: "POST", body: "a=1" });
    const after = await get("/recommendations/CR-01");
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(await after.text()).toContain("at version 2");
    expect(renders("/recommendations/CR-01")).toBe(2);
  });

  it("renders again, after a council's change, only its council's pages and those that show local counts", async () => {
    const pages = [
      "/",
      "/pillars/1",
      "/milestones",
      "/councils/york",
      "/api/v1/councils/york",
      "/councils/thurrock",
      "/councils/thurrock/actions/LA-1",
      "/api/v1/councils/thurrock",
      "/councils",
      "/milestones/M-01",
      "/changes",
      "/api/v1/local-actions?council=thurrock",
    ];
    const cacheStatus = async () => {
      const statuses: Record<string, string | null> = {};
      for (const path of pages) statuses[path] = (await get(path)).headers.get("x-cache");
      return statuses;
    };
    await cacheStatus();
    expect(new Set(Object.values(await cacheStatus()))).toEqual(new Set(["HIT"]));

    // Thurrock saves a local action: migration 0013 moves 'local' and 'council:E06000034', not the national counter.
    scopes = { ...scopes, local: String(Number(scopes.local ?? 0) + 1), "council:E06000034": "1" };
    await fetch(`${base}/staff/save`, { method: "POST", body: "a=1" });
    const missed = (statuses: Record<string, string | null>) =>
      Object.keys(statuses).filter((path) => statuses[path] === "MISS");
    expect(missed(await cacheStatus())).toEqual(pages.slice(5));

    // York's first change: only York's pages and the local ones.
    scopes = { ...scopes, local: String(Number(scopes.local) + 1), "council:E06000014": "1" };
    await fetch(`${base}/staff/save`, { method: "POST", body: "a=1" });
    expect(missed(await cacheStatus())).toEqual(["/councils/york", "/api/v1/councils/york", ...pages.slice(8)]);

    // A national change: every page.
    version = String(Number(version) + 1);
    await fetch(`${base}/staff/save`, { method: "POST", body: "a=1" });
    expect(missed(await cacheStatus())).toEqual(pages);
  });

  it("renders again when the UK day turns, so 'overdue' turns over at midnight", async () => {
    await get("/milestones?due=overdue");
    expect((await get("/milestones?due=overdue")).headers.get("x-cache")).toBe("HIT");
    day = "2026-12-03";
    expect((await get("/milestones?due=overdue")).headers.get("x-cache")).toBe("MISS");
    expect(renders("/milestones?due=overdue")).toBe(2);
  });

  it("asks again when the connection to Next.js is reset before any answer, rather than failing the reader", async () => {
    const response = await get("/reset-once/page");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("/reset-once/page at version");
    expect(renders("/reset-once/page")).toBe(2);
    expect(log.at(-1)).toMatch(/reset while asking for \/reset-once\/page; asking again/);
  });

  it("passes a staff GET on again when the connection is reset before any answer, but never a write", async () => {
    const response = await get("/staff/reset-once/page", { cookie: "session=abc" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("staff session=abc");
    expect(renders("/staff/reset-once/page")).toBe(2);
    expect(log.at(-1)).toMatch(/reset while passing on \/staff\/reset-once\/page; asking again/);
    const write = await fetch(`${base}/staff/reset-once/save`, { method: "POST", body: "a=1" });
    expect(write.status).toBe(502);
    expect(renders("/staff/reset-once/save")).toBe(1);
  });

  it("refuses RSC headers Next.js's router never sends, with a 400 and no render", async () => {
    for (const headers of <Record<string, string>[]>[
      { rsc: "2" },
      { rsc: "1", "next-router-state-tree": "%5B1%2C2%5D" },
      { rsc: "1", "next-router-state-tree": "not json" },
    ]) {
      const response = await get("/milestones", headers);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/^Bad request: the /);
    }
    expect(renders("/milestones")).toBe(0);
  });
});

describe("everything else", () => {
  it("passes staff pages through with the reader's cookies, private, unstored, with the page's own hashes", async () => {
    const one = await get("/staff/milestones", { cookie: "session=alice" });
    const two = await get("/staff/milestones", { cookie: "session=bob" });
    expect(await one.text()).toContain("staff session=alice");
    expect(await two.text()).toContain("staff session=bob");
    expect(one.headers.get("cache-control")).toBe("private, no-store");
    expect(one.headers.get("set-cookie")).toBe("session=renewed");
    expect(one.headers.get("content-security-policy")).toContain("'sha256-");
    expect(renders("/staff/milestones")).toBe(2);
  });

  it("streams other answers through, private, gzipped when accepted", async () => {
    const response = await get("/api/staff/export", { "accept-encoding": "gzip", cookie: "session=alice" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toMatch(/^code,title\r\nM-01,First/);
  });

  it("passes writes through with their body, and keeps their cookies and redirects", async () => {
    const response = await fetch(`${base}/staff/save`, {
      method: "POST",
      body: "status=on_track",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect([response.status, response.headers.get("location"), response.headers.get("set-cookie")]).toEqual([
      303,
      "/staff",
      "flash=1",
    ]);
  });

  it("sends build assets to Next.js directly", async () => {
    const before = staticServed;
    expect(await (await get("/_next/static/chunks/a.js")).text()).toBe("console.log(1)");
    expect(staticServed).toBe(before + 1);
    expect(seen).toHaveLength(0);
  });

  it("overwrites the internal headers a client sends: it can neither pass for the front server nor choose its address", async () => {
    await get("/staff/sign-in", {
      [FRONT_SECRET_HEADER]: "guess",
      [CLIENT_ADDRESS_HEADER]: "10.66.0.1",
      "x-forwarded-for": "10.66.0.2",
    });
    const passed = seen.find((s) => s.url === "/staff/sign-in")!;
    expect(passed.headers[FRONT_SECRET_HEADER]).toBe(SECRET);
    expect(passed.headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  it("passes on the Host asked for, never a client's X-Forwarded-Host (no proxy is trusted)", async () => {
    const port = new URL(base).port;
    await get("/staff/host", { [HOST_HEADER]: "attacker.example", "x-forwarded-host": "attacker.example" });
    const passed = seen.find((s) => s.url === "/staff/host")!;
    // Next.js's own Server Action check and next-auth read X-Forwarded-Host: they get the same host.
    expect([passed.headers[HOST_HEADER], passed.headers["x-forwarded-host"]]).toEqual([
      `127.0.0.1:${port}`,
      `127.0.0.1:${port}`,
    ]);
  });

  it("passes on the protocol the socket spoke, never a client's X-Forwarded-Proto (no proxy is trusted)", async () => {
    await get("/staff/proto", { "x-forwarded-proto": "https" });
    expect(seen.find((s) => s.url === "/staff/proto")!.headers["x-forwarded-proto"]).toBe("http");
  });

  it("refuses a Host that is not a host name, before Next.js or next-auth build a URL of it", async () => {
    const { port } = new URL(base);
    const status = await new Promise<number>((resolve, reject) =>
      http
        .get({ host: "127.0.0.1", port, path: "/staff/bad-host", headers: { host: "x:y" } }, (response) => {
          response.resume();
          resolve(response.statusCode!);
        })
        .on("error", reject),
    );
    expect(status).toBe(400);
    expect(seen.find((s) => s.url === "/staff/bad-host")).toBeUndefined();
  });

  it("says the service is unavailable, calmly, when Next.js cannot be reached", async () => {
    const closed = createFrontServer({
      nextHandler: async () => {},
      upstream: { port: 1, secret: SECRET },
      versions: new DataVersionWatcher(async () => ({ national: "1", scopes: {}, councils: {} }), {
        intervalMs: 60_000,
        log: () => {},
        unreadable: { national: "unknown", scopes: {}, councils: {} },
      }),
      cache: new PageCache(1024 * 1024),
      publicOrigin: new URL("http://localhost:3000"),
      trustedProxies: 0,
      today: () => "2026-12-02",
      sharedRenderWaitMs: 1_000,
      renderTimeoutMs: 1_000,
      log: () => {},
    });
    const server = http.createServer((request, response) => void closed.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const publicPage = await fetch(`${url}/`);
      expect([publicPage.status, publicPage.headers.get("cache-control")]).toEqual([503, "no-store"]);
      const staffPage = await fetch(`${url}/staff`);
      expect(staffPage.status).toBe(502);
      expect(await staffPage.text()).toMatch(/not available just now/);
    } finally {
      closed.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
