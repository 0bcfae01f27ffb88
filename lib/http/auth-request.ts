import type { NextRequest } from "next/server";
import { isUsableAuthError, isUsableCallbackUrl } from "@/lib/auth/callback-url";
import { readBodyUpTo } from "./request-body";

// Requests to next-auth (/api/auth/*) it would answer with a 500, refused by proxy.ts with a 4xx before it sees them
// (issue 12): a callbackUrl it cannot use (in the query, a form field or its cookie), an `error` it would copy into a
// Location header as it is, a JSON body that is not JSON (it parses any body labelled JSON, and fails), a GET of the
// credentials callback (it only takes a POST). The rules for the values: lib/auth/callback-url.ts.

/** next-auth's cookie for where to go after signing in: plain, or with https (`useSecureCookies`) prefixed. */
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** Sign-in and sign-out forms are a few fields: anything much larger is not one of them. */
const MAX_AUTH_FORM_BYTES = 64 * 1024;

export interface AuthRefusal {
  status: 400 | 405 | 413 | 415;
  reason: string;
}

export function isAuthPath(pathname: string): boolean {
  return pathname === "/api/auth" || pathname.startsWith("/api/auth/");
}

/** The names of the callbackUrl cookies the request carries that next-auth could not use. */
export function unusableCallbackCookies(request: NextRequest): string[] {
  return CALLBACK_URL_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isUsableCallbackUrl(value);
  });
}

/** The Cookie header without the named cookies (the others exactly as sent). */
export function cookieHeaderWithout(header: string, names: string[]): string {
  return header
    .split(";")
    .filter((pair) => !names.includes(pair.split("=")[0]!.trim()))
    .join(";")
    .trim();
}

/** Why next-auth must not be given this request, or null when it may. */
export async function authRequestProblem(request: NextRequest): Promise<AuthRefusal | null> {
  const { pathname, searchParams } = request.nextUrl;
  if (!isAuthPath(pathname)) return null;
  // The path's own parts: next-auth takes the second as the `error` when the query has none.
  for (const segment of pathname.split("/").slice(3)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { status: 400, reason: "a path segment is not %-encoded text" };
    }
    if (!isUsableAuthError(decoded)) return { status: 400, reason: "a path segment is not plain text" };
  }
  if (!searchParams.getAll("callbackUrl").every(isUsableCallbackUrl))
    return { status: 400, reason: "callbackUrl in the query is not a usable address" };
  if (!searchParams.getAll("error").every(isUsableAuthError))
    return { status: 400, reason: "error in the query is not plain text" };
  const cookies = unusableCallbackCookies(request);
  if (cookies.length > 0) return { status: 400, reason: `cookie ${cookies.join(", ")} is not a usable address` };

  const method = request.method.toUpperCase();
  if (pathname.startsWith("/api/auth/callback/credentials") && method !== "POST")
    return { status: 405, reason: "the credentials callback takes only a POST" };
  if (method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  // next-auth's own client posts forms; it would parse a JSON body and fail (a 500) on one that is not JSON.
  if (type.includes("application/json"))
    return { status: 415, reason: "a JSON body (next-auth's forms are urlencoded)" };
  if (!type.includes("application/x-www-form-urlencoded")) return null; // next-auth reads no other body
  const read = await readBodyUpTo(request, MAX_AUTH_FORM_BYTES);
  if (!read.ok) return { status: 413, reason: `a form over ${MAX_AUTH_FORM_BYTES} bytes` };
  const form = new URLSearchParams(read.body.toString("utf8"));
  if (!form.getAll("callbackUrl").every(isUsableCallbackUrl))
    return { status: 400, reason: "callbackUrl in the form is not a usable address" };
  return null;
}
