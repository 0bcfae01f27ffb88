import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName } from "@/lib/auth/device-cookie";
import { STAFF_HINT_COOKIE } from "@/lib/auth/staff-hint";

// The cookies this software sets, next-auth's, the device cookie and the staff bar's hint, all only for staff who sign in: public pages are
// rendered without cookies and answered without Set-Cookie (decision 0009; tests/e2e/public-cache.spec.ts). The
// /cookies page lists them from here, and tests/unit/cookies.test.ts checks the names against next-auth's own.

/** How long a staff session lasts: a working day. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Secure (https-only, with the __Secure- or __Host- prefix) whenever the site is served over https. */
export function usesSecureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export interface CookieDoc {
  name: string;
  purpose: string;
  expires: string;
}

export function staffCookies(secure: boolean): CookieDoc[] {
  const prefix = secure ? "__Secure-" : "";
  return [
    {
      name: `${secure ? "__Host-" : ""}next-auth.csrf-token`,
      purpose:
        "Set when you sign in or out. Proves that the request came from this site's own form (protection against cross-site request forgery).",
      expires: "When you close your browser",
    },
    {
      name: `${prefix}next-auth.callback-url`,
      purpose: "Remembers which page to go to after signing in or out.",
      expires: "When you close your browser",
    },
    {
      name: `${prefix}next-auth.session-token`,
      purpose:
        "Keeps a member of staff signed in. It is signed by the server and names a session that the server checks on every staff request, so signing out ends it at once.",
      expires: `Stops working ${SESSION_MAX_AGE_SECONDS / 3600} hours after signing in, or when you sign out`,
    },
    {
      name: deviceCookieName(secure),
      purpose:
        "Set when you sign in. Tells the tracker this browser has signed in to your account before, so that someone guessing passwords from elsewhere cannot lock you out. It is sent only when signing in and holds no password.",
      expires: `${Math.round(DEVICE_COOKIE_MAX_AGE_SECONDS / 86_400)} days after signing in`,
    },
    {
      name: STAFF_HINT_COOKIE,
      purpose:
        'Set when you sign in, removed when you sign out. Tells the staff bar on public pages that it is worth asking who is signed in, so readers who never sign in make no extra request. It holds no secret (just "1") and gives no access.',
      expires: `${SESSION_MAX_AGE_SECONDS / 3600} hours after signing in, or when you sign out`,
    },
  ];
}
