import NextAuth from "next-auth";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options.server";
import { clearStaffHintCookie, sessionCookieChange, staffHintCookie } from "@/lib/auth/staff-hint";

const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

/**
 * next-auth's answers, with the staff bar's "signed in" hint (lib/auth/staff-hint.ts) set or cleared alongside the
 * session cookie: set on sign-in, cleared on sign-out and whenever next-auth clears a session it found ended.
 */
async function withStaffHint(request: Request, context: unknown): Promise<Response> {
  const response = await handler(request, context);
  const change = sessionCookieChange(response.headers.getSetCookie());
  const secure = authOptions.useSecureCookies === true;
  if (change === "set")
    response.headers.append("Set-Cookie", staffHintCookie({ secure, maxAgeSeconds: SESSION_MAX_AGE_SECONDS }));
  if (change === "cleared") response.headers.append("Set-Cookie", clearStaffHintCookie({ secure }));
  return response;
}

export { withStaffHint as GET, withStaffHint as POST };
