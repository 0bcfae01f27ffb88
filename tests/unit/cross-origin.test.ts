import { describe, expect, it } from "vitest";
import { crossOriginRefusal } from "@/lib/http/cross-origin";

const check = (method: string, headers: Record<string, string>) => crossOriginRefusal(method, new Headers(headers));

describe("crossOriginRefusal", () => {
  it("lets reads through from anywhere", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(
        check(method, { origin: "https://attacker.example", host: "tracker.example", "sec-fetch-site": "cross-site" }),
      ).toBeNull();
    }
  });

  it("lets writes from our own pages through", () => {
    expect(
      check("POST", { origin: "https://tracker.example", host: "tracker.example", "sec-fetch-site": "same-origin" }),
    ).toBeNull();
    expect(check("POST", { origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" })).toBeNull();
    expect(
      check("POST", {
        origin: "https://tracker.example",
        host: "10.0.0.7:3000",
        "x-forwarded-host": "tracker.example",
      }),
    ).toBeNull();
    expect(check("POST", { origin: "https://Tracker.Example", host: "tracker.example" })).toBeNull();
  });

  it("lets programs without a browser's headers through (they carry no visitor's cookies)", () => {
    expect(check("POST", { host: "tracker.example" })).toBeNull();
  });

  it("refuses writes another website makes a browser send", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(
        check(method, { origin: "https://attacker.example", host: "tracker.example", "sec-fetch-site": "cross-site" }),
      ).not.toBeNull();
    }
    expect(check("POST", { origin: "https://attacker.example", host: "tracker.example" })).toMatch(/attacker\.example/);
    expect(
      check("POST", { origin: "https://tracker.example.attacker.example", host: "tracker.example" }),
    ).not.toBeNull();
    expect(check("POST", { origin: "https://tracker.example:8443", host: "tracker.example" })).not.toBeNull();
    expect(check("POST", { "sec-fetch-site": "same-site", host: "tracker.example" })).toBe("sec-fetch-site: same-site");
    expect(check("POST", { origin: "null", host: "tracker.example" })).not.toBeNull();
    expect(check("POST", { origin: "not a url", host: "tracker.example" })).not.toBeNull();
    // A forged X-Forwarded-Host cannot come from a browser's cross-site form, but the Origin still has to match it.
    expect(
      check("POST", {
        origin: "https://attacker.example",
        host: "tracker.example",
        "x-forwarded-host": "tracker.example",
      }),
    ).not.toBeNull();
  });
});
