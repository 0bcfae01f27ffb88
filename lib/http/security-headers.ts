// The security headers every response carries, and the Content Security Policy. Shared by the front server
// (lib/http/front-server.server.ts), which sets them on everything it answers in production, and by proxy.ts, which
// sets them when Next.js runs without it (`next dev`).

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/**
 * Only the embeddable widgets (app/embed, lib/embed) may be shown inside another site's frame: their answers carry
 * `frame-ancestors *` and no X-Frame-Options. Everything else, staff pages above all, keeps `'none'` and DENY, so no
 * other site can frame it (clickjacking). `path` is the decoded path Next.js routes on (lib/http/public-routes.ts).
 */
export function mayBeFramed(path: string): boolean {
  // A dot segment or a backslash could lead a router elsewhere than app/embed: such a path is never framable.
  return path.startsWith("/embed/") && !/(^|\/)\.\.?(\/|$)|\\/.test(path);
}

/** The security headers for a response to `path`. */
export function securityHeadersFor(path: string): Readonly<Record<string, string>> {
  if (!mayBeFramed(path)) return SECURITY_HEADERS;
  const { "X-Frame-Options": _denied, ...rest } = SECURITY_HEADERS;
  return rest;
}

export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * The policy for a response whose scripts are `scriptSources` besides our own files ('self'): the sha256 hashes of
 * an HTML page's inline scripts, or a nonce. Never 'unsafe-inline' or 'unsafe-eval' for scripts in production.
 */
export function contentSecurityPolicy(
  scriptSources: readonly string[] = [],
  options: { framable?: boolean } = {},
): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(" "),
    // React and recharts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    options.framable ? "frame-ancestors *" : "frame-ancestors 'none'",
  ].join("; ");
}
