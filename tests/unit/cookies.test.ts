import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { staffCookies, usesSecureCookies } from "@/lib/auth/cookies";
import { deviceCookieName } from "@/lib/auth/device-cookie";
import { STAFF_HINT_COOKIE } from "@/lib/auth/staff-hint";

// next-auth's own list of the cookies it sets, by name, for a site served over http or https (not in its exports).
const { defaultCookies } = createRequire(import.meta.url)(
  path.join(process.cwd(), "node_modules/next-auth/core/lib/cookie.js"),
) as { defaultCookies: (secure: boolean) => Record<string, { name: string }> };

// The /cookies page lists the cookies from lib/auth/cookies.ts: they must be the ones next-auth actually sets with
// the Credentials provider and JWT sessions (the session, CSRF and callback cookies; the PKCE, state and nonce
// cookies belong to OAuth sign-in, which the tracker does not offer), and the tracker's own device cookie
// (lib/auth/device-cookie.ts, decision 0013) and the staff bar's hint (lib/auth/staff-hint.ts).

describe("the cookies the /cookies page lists", () => {
  for (const secure of [false, true]) {
    it(`are next-auth's names ${secure ? "over https" : "over http"}`, () => {
      const theirs = defaultCookies(secure);
      expect(staffCookies(secure).map((c) => c.name)).toEqual([
        theirs.csrfToken!.name,
        theirs.callbackUrl!.name,
        theirs.sessionToken!.name,
        deviceCookieName(secure),
        STAFF_HINT_COOKIE,
      ]);
    });
  }

  it("are secure exactly when the site's address is https", () => {
    expect(usesSecureCookies({ NEXTAUTH_URL: "https://reform-tracker.example" })).toBe(true);
    expect(usesSecureCookies({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(usesSecureCookies({})).toBe(false);
  });
});
