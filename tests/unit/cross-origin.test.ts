import type { IncomingMessage } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isHost, requestedHostOf } from "@/lib/http/client-address";
import { crossOriginRefusal } from "@/lib/http/cross-origin";
import {
  CLIENT_ADDRESS_HEADER,
  FRONT_SECRET_ENV,
  FRONT_SECRET_HEADER,
  HOST_HEADER,
  trustedClientAddress,
  UNKNOWN_ADDRESS,
} from "@/lib/http/internal-headers";

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

describe("the host a write's Origin is compared with", () => {
  const SECRET = "the front server's secret";
  beforeEach(() => vi.stubEnv(FRONT_SECRET_ENV, SECRET));
  afterEach(() => vi.unstubAllEnvs());
  const viaFront = (headers: Record<string, string>) => ({ ...headers, [FRONT_SECRET_HEADER]: SECRET });

  it("never believes a client's X-Forwarded-Host", () => {
    // Without the front server (`next dev`): Host, whatever X-Forwarded-Host says.
    const forged = {
      origin: "https://attacker.example",
      host: "tracker.example",
      "x-forwarded-host": "attacker.example",
    };
    expect(check("POST", forged)).toMatch(/attacker\.example is not tracker\.example/);
    // Through the front server: the host it worked out, whatever X-Forwarded-Host says.
    expect(check("POST", viaFront({ ...forged, [HOST_HEADER]: "tracker.example" }))).not.toBeNull();
    // Nor a forged copy of the front server's own header, without its secret.
    expect(check("POST", { ...forged, [HOST_HEADER]: "attacker.example" })).not.toBeNull();
  });

  it("compares Origin with the host the front server passed on", () => {
    // With TRUSTED_PROXIES set, the front server passes on the host the load balancer wrote.
    const behindBalancer = {
      origin: "https://tracker.example",
      host: "10.0.0.7:3000",
      [HOST_HEADER]: "tracker.example",
    };
    expect(check("POST", viaFront(behindBalancer))).toBeNull();
    expect(check("POST", behindBalancer)).not.toBeNull();
  });
});

describe("the front server's view of a request (TRUSTED_PROXIES)", () => {
  const request = (headers: Record<string, string>) =>
    ({ headers, socket: { remoteAddress: "192.0.2.10" } }) as unknown as IncomingMessage;

  it("takes Host, and X-Forwarded-Host only from as many proxies as are trusted", () => {
    const forged = request({ host: "tracker.example", "x-forwarded-host": "attacker.example" });
    expect(requestedHostOf(forged, 0)).toBe("tracker.example");
    expect(requestedHostOf(forged, 1)).toBe("attacker.example"); // what our one proxy wrote
    const appended = request({ host: "10.0.0.7:3000", "x-forwarded-host": "attacker.example, tracker.example" });
    expect(requestedHostOf(appended, 1)).toBe("tracker.example");
    expect(requestedHostOf(request({ host: "tracker.example" }), 2)).toBe("tracker.example");
    expect(requestedHostOf(request({}), 0)).toBeNull();
  });

  it("knows a host from something else", () => {
    for (const host of ["tracker.example", "127.0.0.1:3100", "[::1]:3000", "Tracker.Example"])
      expect(isHost(host), host).toBe(true);
    for (const host of ["x:y", "localhost:3000.evil.example", "a/b", "u@h", "h h", "", "h\r\nx", "é.example"])
      expect(isHost(host), host).toBe(false);
  });

  it("counts sign-ins under the address the front server saw, or one address for all without it", () => {
    vi.stubEnv(FRONT_SECRET_ENV, "s");
    try {
      expect(trustedClientAddress({ [FRONT_SECRET_HEADER]: "s", [CLIENT_ADDRESS_HEADER]: "192.0.2.10" })).toBe(
        "192.0.2.10",
      );
      // Without the front server (`next dev`), a client could write any of these headers: none is believed.
      expect(trustedClientAddress({ [CLIENT_ADDRESS_HEADER]: "10.66.0.1", "x-forwarded-for": "10.66.0.2" })).toBe(
        UNKNOWN_ADDRESS,
      );
      expect(trustedClientAddress({ [FRONT_SECRET_HEADER]: "guess", [CLIENT_ADDRESS_HEADER]: "10.66.0.1" })).toBe(
        UNKNOWN_ADDRESS,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
