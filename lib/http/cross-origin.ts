import { trustedHost } from "./internal-headers";

// Cross-site request forgery: a write (POST, PUT, PATCH, DELETE) is refused when a browser says it came from another
// site. Browsers send `Sec-Fetch-Site` with every request; older ones send at least `Origin` with a cross-origin POST.
// A request with neither comes from a program (curl, a test), which has no visitor's cookies to ride on.
// Next.js checks Origin for Server Actions too, but answers a mismatch with a 500; this check runs first, in the
// proxy, for every route (sign-in included), and answers 403.
// `Origin` is compared with the host the visitor asked for (`trustedHost`, lib/http/internal-headers.ts): through the
// front server, `Host`, or only when TRUSTED_PROXIES says proxies of ours stand in front, the `X-Forwarded-Host` they
// wrote; under `next dev`, `Host`. A client's own `X-Forwarded-Host` is never believed: it would let any Origin pass.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_ORIGIN_MESSAGE = "This request came from another website, so it was refused. Nothing was changed.";

function originHost(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Why the request must be refused, or null when it may go ahead. */
export function crossOriginRefusal(method: string, headers: Headers): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site");
  if (site !== null) {
    // "same-origin": our own pages; "none": the user typed or bookmarked it. "same-site" (a sibling subdomain) and
    // "cross-site" are other websites.
    if (site !== "same-origin" && site !== "none") return `sec-fetch-site: ${site}`;
  }
  const origin = headers.get("origin");
  if (origin === null) return null;
  const from = originHost(origin);
  const host = trustedHost(headers);
  if (from === null || host === null || from !== host) return `origin ${origin} is not ${host ?? "this site"}`;
  return null;
}
