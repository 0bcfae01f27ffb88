import { createHash } from "node:crypto";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { clientAddressOf, requestedProtocolOf } from "@/lib/http/client-address";
import { chooseEncoding, compressForStore } from "@/lib/http/encoding";
import { inlineScriptHashes } from "@/lib/http/inline-scripts";
import { PageCache, type StoredResponse } from "@/lib/http/page-cache";
import {
  badRenderHeader,
  hasBrokenPathEncoding,
  isPublicRead,
  isStaticAsset,
  storeKey,
} from "@/lib/http/public-routes";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes the exact text of each inline script, once each, and skips scripts with a src", () => {
    const bootstrap = `(self.__next_f=self.__next_f||[]).push([0])`;
    const data = `self.__next_f.push([1,"a \\u003c b — “quoted” &amp; not decoded"])`;
    const html =
      `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script><script>${bootstrap}</script></head>` +
      `<body><script id="data" nonce="">${data}</script><SCRIPT>${bootstrap}</SCRIPT><script type="application/ld+json">{}</script>` +
      `<script async src='/_next/static/chunks/b.js'></script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(bootstrap), sha(data), sha("{}")]);
  });

  it("finds nothing in a page without inline scripts", () => {
    expect(inlineScriptHashes("<p>No scripts</p>")).toEqual([]);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows our own scripts and the given sources only, never inline or eval", () => {
    const policy = contentSecurityPolicy([sha("x")]);
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scripts).toBe(`script-src 'self' ${sha("x")}`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

const response = (bytes: number): StoredResponse => ({
  status: 200,
  headers: { "content-type": "text/html" },
  body: Buffer.alloc(bytes),
  etag: 'W/"x"',
});

describe("PageCache", () => {
  it("stays within its byte budget whatever number of distinct addresses is stored, evicting the least recently used", () => {
    const cache = new PageCache(2 * 1024 * 1024);
    for (let i = 0; i < 10_000; i++) {
      cache.set(`v1\n2026-12-02\n/recommendations?q=crawler-${i}`, response(20_000));
      expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    }
    expect(cache.size).toBeGreaterThan(50);
    expect(cache.size).toBeLessThan(110);
    expect(cache.get("v1\n2026-12-02\n/recommendations?q=crawler-0")).toBeUndefined();
    expect(cache.get("v1\n2026-12-02\n/recommendations?q=crawler-9999")).toBeDefined();
  });

  it("keeps what is read often while new entries push the rest out", () => {
    const cache = new PageCache(100 * 1024);
    cache.set("/", response(8_000));
    for (let i = 0; i < 100; i++) {
      cache.set(`/other-${i}`, response(5_000));
      expect(cache.get("/")).toBeDefined();
    }
  });

  it("refuses an entry larger than a tenth of the budget, and accounts for replaced and cleared entries", () => {
    const cache = new PageCache(100_000);
    expect(cache.set("/huge", response(20_000))).toBe(false);
    expect(cache.set("/a", response(1_000))).toBe(true);
    const once = cache.bytes;
    cache.set("/a", response(1_000));
    expect(cache.bytes).toBe(once);
    cache.clear();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });
});

describe("public-routes", () => {
  it("stores public reads only", () => {
    for (const url of [
      "/",
      "/recommendations?q=kinship",
      "/milestones/M-01",
      "/api/v1/milestones?format=csv",
      "/feed.xml",
      "/report/pdf?asAt=2026-01-01",
      "/no-such-page",
      "/staffing",
    ]) {
      expect(isPublicRead("GET", url, {}), url).toBe(true);
      expect(isPublicRead("HEAD", url, {}), url).toBe(true);
      expect(isPublicRead("POST", url, {}), url).toBe(false);
    }
    for (const url of [
      "/staff",
      "/staff/sign-in",
      "/%73taff/users",
      "/api/auth/session",
      "/api/staff/milestones/export",
      "/api/health",
      "/_next/data/x",
    ]) {
      expect(isPublicRead("GET", url, {}), url).toBe(false);
    }
    expect(isPublicRead("GET", "/", { "next-action": "abc" })).toBe(false);
  });

  it("sends build assets straight to Next.js", () => {
    expect(isStaticAsset("/_next/static/chunks/a.js")).toBe(true);
    expect(isStaticAsset("/icon.svg")).toBe(true);
    expect(isStaticAsset("/_next/staticx")).toBe(false);
    expect(isStaticAsset("/")).toBe(false);
  });

  it("accepts the RSC headers Next.js's router sends and refuses others (Next.js would answer some with a 500)", () => {
    // As Chromium sent it, navigating from /milestones to /pillars.
    const tree =
      "%5B%22%22%2C%7B%22children%22%3A%5B%22(public)%22%2C%7B%22children%22%3A%5B%22pillars%22%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2C%22refetch%22%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C16%5D";
    expect(badRenderHeader({})).toBeUndefined();
    expect(
      badRenderHeader({
        rsc: "1",
        "next-router-state-tree": tree,
        "next-router-prefetch": "1",
        "next-router-segment-prefetch": "/_tree",
        "next-url": "/milestones",
      }),
    ).toBeUndefined();
    expect(badRenderHeader({ rsc: "2" })).toMatch(/rsc/);
    expect(badRenderHeader({ rsc: ["1", "1"] })).toMatch(/more than once/);
    expect(badRenderHeader({ rsc: "1", "next-router-state-tree": "%5B1%2C2%5D" })).toMatch(/router state/);
    expect(badRenderHeader({ rsc: "1", "next-router-state-tree": "%E0%A4%A" })).toMatch(/router state/);
    expect(badRenderHeader({ rsc: "1", "next-router-state-tree": "x".repeat(50_000) })).toMatch(/router state/);
    expect(badRenderHeader({ rsc: "1", "next-router-segment-prefetch": "https://elsewhere.example/" })).toMatch(
      /segment-prefetch/,
    );
    expect(badRenderHeader({ "next-url": "https://elsewhere.example/" })).toMatch(/next-url/);
  });

  it("keys by data version, UK day, address and RSC headers", () => {
    const keys = new Set([
      storeKey("7", "2026-12-02", "/", {}),
      storeKey("8", "2026-12-02", "/", {}),
      storeKey("7", "2026-12-03", "/", {}),
      storeKey("7", "2026-12-02", "/?asAt=2025-01-01", {}),
      storeKey("7", "2026-12-02", "/", { rsc: "1" }),
      storeKey("7", "2026-12-02", "/", { rsc: "1", "next-router-prefetch": "1" }),
      storeKey("7", "2026-12-02", "/", { rsc: "1", "next-router-prefetch": "1", "next-url": "/milestones" }),
    ]);
    expect(keys.size).toBe(7);
    expect(storeKey("7", "2026-12-02", "/", { cookie: "session=abc", "user-agent": "x" })).toBe(
      storeKey("7", "2026-12-02", "/", {}),
    );
  });
});

describe("encoding", () => {
  it("compresses text worth compressing, both ways, losslessly", () => {
    const body = Buffer.from("<p>Stable Homes, Built on Love</p>".repeat(100));
    const { gzip, br } = compressForStore(body, "text/html; charset=utf-8");
    expect(gunzipSync(gzip!)).toEqual(body);
    expect(brotliDecompressSync(br!)).toEqual(body);
    expect(compressForStore(Buffer.from("short"), "text/html")).toEqual({});
    expect(compressForStore(body, "application/pdf")).toEqual({});
  });

  it("chooses the best encoding the client accepts", () => {
    const both = { br: true, gzip: true };
    expect(chooseEncoding("gzip, deflate, br, zstd", both)).toBe("br");
    expect(chooseEncoding("gzip", both)).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.8", both)).toBe("gzip");
    expect(chooseEncoding(undefined, both)).toBe("identity");
    expect(chooseEncoding("br", {})).toBe("identity");
  });
});

describe("clientAddressOf", () => {
  const request = (forwardedFor?: string) =>
    ({
      headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
      socket: { remoteAddress: "192.0.2.10" },
    }) as never;

  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(request("10.66.0.1"), 0)).toBe("192.0.2.10");
  });

  it("takes the entry the outermost trusted proxy wrote, not the client's own", () => {
    expect(clientAddressOf(request("10.66.0.1, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddressOf(request("10.66.0.1, 203.0.113.5, 198.51.100.2"), 2)).toBe("203.0.113.5");
    expect(clientAddressOf(request(), 1)).toBe("192.0.2.10");
  });
});

describe("hasBrokenPathEncoding", () => {
  it("finds %-escapes in the path that are not UTF-8, and leaves the query to its lenient reader", () => {
    for (const url of ["/councils/%FF", "/outcomes/%E0%A4%A", "/pillars/%", "/x/%C3%28", "/x/%ED%A0%80?q=1"])
      expect(hasBrokenPathEncoding(url), url).toBe(true);
    for (const url of ["/", "/councils/thurrock", "/x/%C3%A9", "/x/%00", "/recommendations?q=%FF", "/a?b=%"])
      expect(hasBrokenPathEncoding(url), url).toBe(false);
  });
});

describe("requestedProtocolOf", () => {
  const request = (proto: string | undefined, encrypted = false) =>
    ({ headers: proto === undefined ? {} : { "x-forwarded-proto": proto }, socket: { encrypted } }) as never;
  it("believes X-Forwarded-Proto only from the proxies the operator trusts", () => {
    expect(requestedProtocolOf(request("https"), 0)).toBe("http");
    expect(requestedProtocolOf(request(undefined, true), 0)).toBe("https");
    expect(requestedProtocolOf(request("https"), 1)).toBe("https");
    // The client wrote the left entry, our one proxy the right one.
    expect(requestedProtocolOf(request("https, http"), 1)).toBe("http");
    expect(requestedProtocolOf(request("gopher"), 1)).toBe("http");
  });
});
