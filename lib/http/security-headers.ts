// The security headers every response carries, and the Content Security Policy. Shared by the front server
// (lib/http/front-server.server.ts), which sets them on everything it answers in production, and by proxy.ts, which
// sets them when Next.js runs without it (`next dev`).

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * The policy for a response whose scripts are `scriptSources` besides our own files ('self'): the sha256 hashes of
 * an HTML page's inline scripts, or a nonce. Never 'unsafe-inline' or 'unsafe-eval' for scripts in production.
 */
export function contentSecurityPolicy(scriptSources: readonly string[] = []): string {
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
    "frame-ancestors 'none'",
  ].join("; ");
}
