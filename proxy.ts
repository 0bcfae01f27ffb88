import { NextResponse, type NextRequest } from "next/server";
import { CROSS_ORIGIN_MESSAGE, crossOriginRefusal } from "@/lib/cross-origin";
import { UNREADABLE_FORM_MESSAGE, unreadableActionBody } from "@/lib/action-body.server";

// Security headers for every page and API response. The Content Security Policy allows only our own scripts,
// by a fresh nonce per request (Next.js reads it from the request's CSP header and puts it on its own scripts),
// and no framing by other sites. Writes that another website makes a visitor's browser send are refused here,
// before any route or Server Action runs (lib/cross-origin.ts), and so are Server Action bodies Next.js could not
// read (lib/action-body.server.ts), which it would answer with a 500.
export async function proxy(request: NextRequest) {
  const refusal = crossOriginRefusal(request.method, request.headers);
  if (refusal) {
    console.warn(`[reform-tracker] refused a cross-origin ${request.method} to ${request.nextUrl.pathname}: ${refusal}`);
    return plainText(403, CROSS_ORIGIN_MESSAGE);
  }
  const unreadable = await unreadableActionBody(request);
  if (unreadable) {
    console.warn(`[reform-tracker] refused an unreadable form sent to ${request.nextUrl.pathname}: ${unreadable}`);
    return plainText(400, UNREADABLE_FORM_MESSAGE);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const production = process.env.NODE_ENV === "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
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

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:") {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

function plainText(status: number, message: string) {
  return new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};
