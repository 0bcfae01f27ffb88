import { describe, expect, it } from "vitest";
import {
  clearStaffHintCookie,
  hasStaffHint,
  sessionCookieChange,
  staffHintCookie,
  STAFF_HINT_COOKIE,
} from "@/lib/auth/staff-hint";

// The "signed in" hint follows next-auth's session cookie (lib/auth/staff-hint.ts). It carries no secret: "1".

describe("the staff hint cookie", () => {
  it("is Lax, lasts a session, is Secure only over https, and is readable by the staff bar (not HttpOnly)", () => {
    expect(staffHintCookie({ secure: false, maxAgeSeconds: 28_800 })).toBe(
      `${STAFF_HINT_COOKIE}=1; Path=/; Max-Age=28800; SameSite=Lax`,
    );
    expect(staffHintCookie({ secure: true, maxAgeSeconds: 60 })).toBe(
      `${STAFF_HINT_COOKIE}=1; Path=/; Max-Age=60; SameSite=Lax; Secure`,
    );
    expect(clearStaffHintCookie({ secure: true })).toBe(
      `${STAFF_HINT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; Secure`,
    );
  });

  it("is set when next-auth sets a session token, and cleared when it clears one", () => {
    const expires = new Date(Date.now() + 3_600_000).toUTCString();
    expect(
      sessionCookieChange([`next-auth.session-token=eyJ.abc; Path=/; HttpOnly; SameSite=Lax; Expires=${expires}`]),
    ).toBe("set");
    expect(sessionCookieChange([`__Secure-next-auth.session-token=eyJ; Path=/; Secure; HttpOnly`])).toBe("set");
    // A large token comes in chunks; setting chunk 0 may clear an old chunk 1 in the same answer.
    expect(
      sessionCookieChange([
        "next-auth.session-token.0=eyJ; Path=/; HttpOnly",
        "next-auth.session-token.1=; Path=/; Max-Age=0",
      ]),
    ).toBe("set");
    expect(sessionCookieChange(["next-auth.session-token=; Path=/; Max-Age=0; HttpOnly"])).toBe("cleared");
    expect(sessionCookieChange(["next-auth.session-token=old; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"])).toBe(
      "cleared",
    );
    // Other cookies say nothing about the session.
    expect(sessionCookieChange(["next-auth.csrf-token=abc; Path=/", "next-auth.callback-url=%2F; Path=/"])).toBeNull();
    expect(sessionCookieChange(["evil-next-auth.session-token=x; Path=/"])).toBeNull();
    expect(sessionCookieChange([])).toBeNull();
  });

  it("is recognised in document.cookie only with its own name and value", () => {
    expect(hasStaffHint(`a=b; ${STAFF_HINT_COOKIE}=1`)).toBe(true);
    expect(hasStaffHint(`${STAFF_HINT_COOKIE}=`)).toBe(false);
    expect(hasStaffHint(`x${STAFF_HINT_COOKIE}=1`)).toBe(false);
    expect(hasStaffHint("")).toBe(false);
  });
});
