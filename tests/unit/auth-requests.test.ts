import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { isUsableAuthError, isUsableCallbackUrl, sameOriginRedirect } from "@/lib/auth/callback-url";
import { authRequestProblem, cookieHeaderWithout, unusableCallbackCookies } from "@/lib/http/auth-request";

// Requests next-auth 4 answered with a 500 (issue 12), refused by proxy.ts first; and the redirect callback that
// never throws and never leaves the site.

const request = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new NextRequest(`http://tracker.example${path}`, init);
const problem = async (path: string, init?: Parameters<typeof request>[1]) =>
  (await authRequestProblem(request(path, init)))?.status ?? null;
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

describe("the callbackUrl values next-auth can take", () => {
  it("takes paths and http(s) addresses, as a browser's location.href is", () => {
    for (const url of [
      "",
      "/staff",
      "/staff/sign-in?callbackUrl=%2Fstaff",
      "http://127.0.0.1:3100/staff/sign-in",
      "https://tracker.example/",
      "https://evil.example/", // usable; the redirect callback sends it home
    ])
      expect(isUsableCallbackUrl(url), url).toBe(true);
  });

  it("refuses what next-auth fails on, or would copy into a header", () => {
    for (const url of [
      "http://x:y/",
      "http://localhost:3000.evil.example/",
      "javascript:alert(1)",
      "//x:y/",
      "staff",
      "/\r\nSet-Cookie:x",
      "/caf\u00e9",
      "/\u2026",
      `/${"a".repeat(5_000)}`,
    ])
      expect(isUsableCallbackUrl(url), url).toBe(false);
  });

  it("takes our error messages and next-auth's codes, not control characters or other scripts", () => {
    expect(isUsableAuthError("Enter a correct email address and password.")).toBe(true);
    expect(isUsableAuthError("CredentialsSignin")).toBe(true);
    for (const error of ["\r\nSet-Cookie:x", "\u2026", "\u0000", "a".repeat(1_001)])
      expect(isUsableAuthError(error)).toBe(false);
  });
});

describe("sameOriginRedirect", () => {
  const baseUrl = "http://127.0.0.1:3100";
  it("keeps addresses on this site, as full encoded URLs", () => {
    expect(sameOriginRedirect({ url: "/staff", baseUrl })).toBe("http://127.0.0.1:3100/staff");
    expect(sameOriginRedirect({ url: "http://127.0.0.1:3100/staff?x=1", baseUrl })).toBe(
      "http://127.0.0.1:3100/staff?x=1",
    );
    expect(sameOriginRedirect({ url: "/a b\r\n", baseUrl })).toBe("http://127.0.0.1:3100/a%20b");
  });
  it("sends anything else home, and never throws", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example/",
      "http://localhost:3000.evil.example/",
      "http://x:y/",
      "javascript:alert(1)",
      "http://127.0.0.1:3100.evil.example/",
      5,
      undefined,
    ])
      expect(sameOriginRedirect({ url, baseUrl }), String(url)).toBe(baseUrl);
  });
});

describe("authRequestProblem", () => {
  it("lets next-auth's own requests through", async () => {
    expect(await problem("/api/auth/session")).toBeNull();
    expect(await problem("/api/auth/csrf")).toBeNull();
    expect(await problem("/api/auth/providers")).toBeNull();
    expect(await problem("/api/auth/signin?callbackUrl=%2Fstaff")).toBeNull();
    expect(await problem("/api/auth/error?error=Enter%20a%20correct%20email%20address%20and%20password.")).toBeNull();
    expect(
      await problem(
        "/api/auth/callback/credentials",
        form({
          csrfToken: "t",
          email: "a@b.c",
          password: "p",
          callbackUrl: "http://tracker.example/staff/sign-in",
          json: "true",
        }),
      ),
    ).toBeNull();
    expect(await problem("/api/auth/signout", form({ csrfToken: "t", callbackUrl: "/", json: "true" }))).toBeNull();
    expect(await problem("/staff?callbackUrl=http://x:y/")).toBeNull(); // not next-auth's
  });

  it("refuses a callbackUrl next-auth cannot use, wherever it is", async () => {
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin"])
      expect(await problem(`${path}?callbackUrl=http://x:y/`), path).toBe(400);
    expect(
      await problem("/api/auth/session", { headers: { cookie: "next-auth.callback-url=http%3A%2F%2Fx%3Ay%2F" } }),
    ).toBe(400);
    expect(
      await problem("/api/auth/session", {
        headers: { cookie: "__Secure-next-auth.callback-url=javascript:alert(1)" },
      }),
    ).toBe(400);
    expect(
      await problem(
        "/api/auth/callback/credentials",
        form({ csrfToken: "t", email: "a@b.c", password: "p", callbackUrl: "http://localhost:3000.evil.example/" }),
      ),
    ).toBe(400);
  });

  it("refuses an error next-auth would copy into a Location header, in the query or the path", async () => {
    expect(await problem("/api/auth/error?error=%0d%0aSet-Cookie:x")).toBe(400);
    expect(await problem("/api/auth/error?error=%E2%80%A6")).toBe(400);
    expect(await problem("/api/auth/error/%0d%0aSet-Cookie:x")).toBe(400);
    expect(await problem("/api/auth/error/%E0%A4%A")).toBe(400);
  });

  it("refuses what next-auth only fails on: JSON bodies, a GET of the credentials callback, huge forms", async () => {
    expect(
      await problem("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "not json",
      }),
    ).toBe(415);
    expect(await problem("/api/auth/callback/credentials")).toBe(405);
    expect(await problem("/api/auth/signout", form({ callbackUrl: "/", pad: "a".repeat(70_000) }))).toBe(413);
  });

  it("finds and removes unusable callbackUrl cookies, leaving the others as sent", () => {
    const cookie = "a=1; next-auth.callback-url=http%3A%2F%2Fx%3Ay%2F; next-auth.session-token=t";
    const names = unusableCallbackCookies(request("/staff", { headers: { cookie } }));
    expect(names).toEqual(["next-auth.callback-url"]);
    expect(cookieHeaderWithout(cookie, names)).toBe("a=1; next-auth.session-token=t");
    expect(
      unusableCallbackCookies(request("/staff", { headers: { cookie: "next-auth.callback-url=%2Fstaff" } })),
    ).toEqual([]);
  });
});
