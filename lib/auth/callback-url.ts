// Where next-auth may send someone after signing in or out (its `callbackUrl`, from the query, a form field or the
// `next-auth.callback-url` cookie), and which values of it, and of its `error` parameter, are fit to handle at all.
// next-auth 4 answers 500 for a callbackUrl its own check finds unusable (`http://x:y/`, in the query or the cookie),
// throws in its default redirect callback on one that does not parse (`http://localhost:3000.evil.example/`, from a
// form), and copies `error` into a Location header unencoded (a CR or LF, or a character above U+00FF, is a 500).
// proxy.ts refuses such requests with 400 before next-auth sees them (lib/http/auth-request.ts); the redirect
// callback below never throws, and only ever sends people to this site.

const MAX_CALLBACK_URL = 4_096;
const MAX_ERROR = 1_000;

/** Printable ASCII only: what a browser's location.href is, and all a Location header can carry safely. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Whether next-auth can take this callbackUrl without failing: printable ASCII, not too long, and either a path
 * ("/staff") or an absolute http(s) URL that parses (next-auth's own rule, without which it answers 500).
 */
export function isUsableCallbackUrl(value: string): boolean {
  if (value === "") return true; // next-auth takes an empty one for none
  if (value.length > MAX_CALLBACK_URL || !PRINTABLE_ASCII.test(value)) return false;
  try {
    // A path is resolved against the site; any site will do to see whether it parses.
    const url = value.startsWith("/") ? new URL(value, "http://localhost") : new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Whether an `error` code or message can be copied into a Location header as it is (ours are plain sentences). */
export function isUsableAuthError(value: string): boolean {
  return value.length <= MAX_ERROR && PRINTABLE_ASCII.test(value);
}

/**
 * next-auth's redirect callback: the callbackUrl when it is on this site (as a full, encoded URL), else the site's
 * address. It never throws, so no value can turn a sign-in, a sign-out or a session read into a 500, and never
 * sends anyone to another site (an open redirect).
 */
export function sameOriginRedirect({ url, baseUrl }: { url: unknown; baseUrl: string }): string {
  if (typeof url !== "string") return baseUrl;
  try {
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    return target.origin === base.origin ? target.href : baseUrl;
  } catch {
    return baseUrl;
  }
}
