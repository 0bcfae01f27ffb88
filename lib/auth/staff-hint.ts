// The "signed in" hint: a cookie that tells the staff bar (components/site/staff-bar.tsx) it is worth asking who is
// signed in. Public pages are stored once for every reader (decision 0009), so they cannot carry anything from a
// session; the bar asks /api/staff/session from the browser instead, and only when this cookie is there, so that
// anonymous readers make no extra request. It carries no secret ("1"): the script must read it, so it is not
// HttpOnly; it never authorises anything (the session cookie does, on the server). SameSite=Lax, Secure over https,
// and it lasts no longer than a session.
//
// It follows next-auth's session cookie: set when a response sets a session token, cleared when one clears it
// (sign-out, a session found ended), and cleared by /api/staff/session when it finds no live session.

export const STAFF_HINT_COOKIE = "reform-tracker-staff";

/** next-auth's session cookie names: plain or `__Secure-` prefixed, and chunked (`.0`, `.1`) when large. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export function staffHintCookie(options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${STAFF_HINT_COOKIE}=1`,
    "Path=/",
    `Max-Age=${options.maxAgeSeconds}`,
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearStaffHintCookie(options: { secure: boolean }): string {
  return [`${STAFF_HINT_COOKIE}=`, "Path=/", "Max-Age=0", "SameSite=Lax", ...(options.secure ? ["Secure"] : [])].join(
    "; ",
  );
}

/**
 * What a response's Set-Cookie headers do to the session: "set" when one gives the session cookie a value, "cleared"
 * when one empties or expires it, null when they leave it alone.
 */
export function sessionCookieChange(setCookies: readonly string[]): "set" | "cleared" | null {
  let change: "set" | "cleared" | null = null;
  for (const header of setCookies) {
    const [pair = "", ...attributes] = header.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    if (at < 0 || !SESSION_COOKIE.test(name)) continue;
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => {
      const [key = "", v = ""] = a.split("=").map((s) => s.trim());
      if (key.toLowerCase() === "max-age") return Number(v) <= 0;
      if (key.toLowerCase() === "expires") return Date.parse(v) <= Date.now();
      return false;
    });
    // A chunked cookie clears its other chunks while it sets chunk 0: a set wins.
    if (value !== "" && !expired) change = "set";
    else change ??= "cleared";
  }
  return change;
}

/** True in the browser when the hint cookie is there (never a reason to trust anything: only to ask). */
export function hasStaffHint(cookieHeader: string): boolean {
  return cookieHeader.split(";").some((pair) => pair.trim() === `${STAFF_HINT_COOKIE}=1`);
}

/** What /api/staff/session answers. */
export interface StaffSessionAnswer {
  signedIn: boolean;
  name?: string;
  /** What the bar may offer on a public page: the staff form for this milestone or recommendation. */
  mayUpdateMilestones?: boolean;
  mayReclassify?: boolean;
}
