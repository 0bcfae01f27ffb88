import { NextResponse, type NextRequest } from "next/server";
import { CROSS_ORIGIN_MESSAGE, crossOriginRefusal } from "@/lib/http/cross-origin";
import { actionBodyProblem, TOO_LARGE_MESSAGE, UNREADABLE_FORM_MESSAGE } from "@/lib/http/action-body.server";
import { authRequestProblem, cookieHeaderWithout, unusableCallbackCookies } from "@/lib/http/auth-request";
import { parseAsAt, todayInLondon } from "@/lib/dates";
import { isFromFrontServer, STATUS_HEADER } from "@/lib/http/internal-headers";
import { takesAsAt } from "@/lib/http/public-routes";
import { badCompareParams } from "@/lib/validations/compare";
import { parseReportParams } from "@/lib/validations/report";
import {
  contentSecurityPolicy,
  mayBeFramed,
  securityHeadersFor,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";

// Writes that another website makes a visitor's browser send are refused here, before any route or Server Action
// runs (lib/http/cross-origin.ts), and so are requests Next.js or next-auth would answer with a 500: Server Action
// bodies Next.js could not read or that are over its size limit (lib/http/action-body.server.ts), and requests to
// next-auth with values it cannot handle (lib/http/auth-request.ts). A next-auth callbackUrl cookie it could not use
// is taken out of any other request (next-auth reads it to check the session on every staff page, and would fail);
// next-auth's own routes refuse it with 400 and tell the browser to drop it.
// In production every request comes through the front server (decision 0009), which sets the security headers and a
// Content Security Policy listing each page's own inline-script hashes. Without it (`next dev`, or `next start` run
// by hand) this sets them, with a fresh nonce per request that Next.js puts on its own scripts.
// A page read with a bad `?asAt=` renders its own message (with the same lib/dates.ts rule), but an App Router page
// cannot set its status: this asks the front server for 400 (STATUS_HEADER, lib/http/front-server.server.ts), the
// status the API and the briefing PDF already give a bad `asAt`. Under `next dev`, with no front server, it stays 200.
// The briefing pack's page and the compare page do the same for any of their parameters (their PDF, Word and CSV
// routes answer 400 themselves).
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const refusal = crossOriginRefusal(request.method, request.headers);
  if (refusal) {
    console.warn(`[reform-tracker] refused a cross-origin ${request.method} to ${path}: ${refusal}`);
    return plainText(403, CROSS_ORIGIN_MESSAGE);
  }
  const badCookies = unusableCallbackCookies(request);
  const authProblem = await authRequestProblem(request);
  if (authProblem) {
    console.warn(`[reform-tracker] refused a ${request.method} to ${path}: ${authProblem.reason}`);
    return withoutCookies(plainText(authProblem.status, AUTH_MESSAGES[authProblem.status]), badCookies);
  }
  const actionProblem = await actionBodyProblem(request);
  if (actionProblem) {
    console.warn(`[reform-tracker] refused a form sent to ${path}: ${actionProblem.reason}`);
    const message = actionProblem.status === 413 ? TOO_LARGE_MESSAGE : UNREADABLE_FORM_MESSAGE;
    return plainText(actionProblem.status, message);
  }
  const read = request.method === "GET" || request.method === "HEAD";
  const badQuery =
    read &&
    ((takesAsAt(path) && !parseAsAt(request.nextUrl.searchParams, todayInLondon()).ok) ||
      (path === "/report" && !parseReportParams(request.nextUrl.searchParams).ok) ||
      (path === "/councils/compare" && badCompareParams(request.nextUrl.searchParams)));

  const requestHeaders = new Headers(request.headers);
  if (badCookies.length > 0) {
    requestHeaders.set("cookie", cookieHeaderWithout(request.headers.get("cookie") ?? "", badCookies));
  }
  if (isFromFrontServer(request.headers)) {
    const response =
      badCookies.length > 0 ? NextResponse.next({ request: { headers: requestHeaders } }) : NextResponse.next();
    return withStatus(response, badQuery);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const production = process.env.NODE_ENV === "production";
  const csp = contentSecurityPolicy(
    [`'nonce-${nonce}'`, "'strict-dynamic'", ...(production ? [] : ["'unsafe-eval'"])],
    {
      framable: mayBeFramed(path),
    },
  );
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeadersFor(path))) response.headers.set(name, value);
  if (request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:") {
    response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  }
  return withStatus(response, badQuery);
}

const AUTH_MESSAGES: Record<400 | 405 | 413 | 415, string> = {
  400: "This sign-in request could not be read, so it was refused. Go to the sign-in page and try again.",
  405: "This address takes only a sign-in form. Go to the sign-in page and try again.",
  413: "This sign-in request is too large, so it was refused.",
  415: "This sign-in request is not a form, so it was refused. Go to the sign-in page and try again.",
};

function withStatus(response: NextResponse, badRequest: boolean) {
  if (badRequest) response.headers.set(STATUS_HEADER, "400");
  return response;
}

/** Tells the browser to drop the named cookies (next-auth's cookies are set for the whole site). */
function withoutCookies(response: NextResponse, names: string[]) {
  for (const name of names) {
    response.cookies.set(name, "", {
      path: "/",
      maxAge: 0,
      httpOnly: true,
      sameSite: "lax",
      secure: name.startsWith("__Secure-"),
    });
  }
  return response;
}

function plainText(status: number, message: string) {
  return new NextResponse(message, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};
