import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import {
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  DEVICE_COOKIE_PATH,
  deviceCookieName,
  issueDeviceCookie,
  readDeviceCookie,
} from "@/lib/auth/device-cookie";
import { z } from "@/lib/validations/zod";
import { BAD_CREDENTIALS, signInWithPassword } from "@/lib/auth/sign-in.server";
import { describeDatabaseError, isDatabaseUnavailable, TRY_AGAIN_LATER_MESSAGE } from "@/lib/db/errors";
import { resolveActor, type Actor } from "@/lib/auth/actor.server";
import { endSession, isSessionLive, SessionEndedError, startSession } from "@/lib/auth/sessions.server";
import { trustedClientAddress } from "@/lib/http/internal-headers";
import { sameOriginRedirect } from "@/lib/auth/callback-url";

import { SESSION_MAX_AGE_SECONDS, usesSecureCookies } from "@/lib/auth/cookies";

export { SESSION_MAX_AGE_SECONDS };

/** Secure (https-only) cookies whenever the site is served over https, as in production. */
const SECURE_COOKIES = usesSecureCookies();
const DEVICE_COOKIE = deviceCookieName(SECURE_COOKIES);

/** What a sign-in form sends; next-auth also takes JSON, so anything else may arrive. */
const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1_000) });

export const authOptions: NextAuthOptions = {
  // Signs the session cookies. `npm start` makes one and keeps it in .data; a deployment sets it (see README).
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: SECURE_COOKIES,
  pages: { signIn: "/staff/sign-in", error: "/staff/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email address", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        // next-auth shows the message of whatever is thrown here to the person signing in: only our own messages.
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(BAD_CREDENTIALS);
        let result;
        try {
          // The per-address limit counts the address the front server saw (never X-Forwarded-For as the client sent
          // it: anyone could then spray passwords from "new" addresses, or fill another address's count).
          const address = trustedClientAddress(req?.headers ?? {});
          const jar = await cookies();
          const device = readDeviceCookie(jar.get(DEVICE_COOKIE)?.value, process.env.NEXTAUTH_SECRET);
          result = await signInWithPassword(parsed.data.email, parsed.data.password, address, { device });
          // A browser that signs in gets (or keeps) a device cookie: its own budget of failed attempts next time.
          if (result.ok && !result.knownDevice && process.env.NEXTAUTH_SECRET) {
            jar.set(DEVICE_COOKIE, issueDeviceCookie(result.user.id, process.env.NEXTAUTH_SECRET).value, {
              httpOnly: true,
              sameSite: "lax",
              secure: SECURE_COOKIES,
              path: DEVICE_COOKIE_PATH,
              maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
            });
          }
        } catch (error) {
          console.error(`sign-in: failed (${describeDatabaseError(error)})`);
          throw new Error(
            isDatabaseUnavailable(error)
              ? TRY_AGAIN_LATER_MESSAGE
              : "Sorry, there is a problem with the service. Try again later.",
          );
        }
        if (!result.ok) throw new Error(result.message);
        return { id: String(result.user.id), email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    // Only to this site, and never a throw (next-auth's own throws on a callbackUrl that does not parse: a 500).
    async redirect(params) {
      return sameOriginRedirect(params);
    },
    // Sign-in starts a session row; every later read of the cookie checks the row is still live. Throwing here
    // makes next-auth answer "no session" and clear the cookie (lib/auth/sessions.server.ts).
    async jwt({ token, user }) {
      if (user) {
        const userId = Number(user.id);
        const session = await startSession(userId);
        return { ...token, userId, sid: session.id };
      }
      let live: boolean;
      try {
        live = await isSessionLive(token.sid, token.userId);
      } catch (error) {
        // The database cannot be reached: the session cannot be checked, and nothing a session allows can be done
        // without the database either. Carry on, so a save answers "try again" rather than "sign in".
        if (isDatabaseUnavailable(error)) return token;
        throw error;
      }
      if (!live) throw new SessionEndedError();
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        userId: typeof token.userId === "number" ? token.userId : undefined,
        sid: typeof token.sid === "string" ? token.sid : undefined,
      };
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(token?.sid, "signed_out");
    },
  },
  logger: {
    // A cookie whose session has ended is an everyday event, not an error worth a stack trace in the log.
    error(code, metadata) {
      const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (code === "JWT_SESSION_ERROR" && cause instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata instanceof Error ? metadata.message : metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};

/**
 * The id of the signed-in user from the session cookie, or null: also null once the session has ended (the jwt
 * callback checks). Authorisation then checks the account in the database.
 */
export async function sessionUserId(): Promise<number | null> {
  const session = (await getServerSession(authOptions)) as { userId?: number } | null;
  return session?.userId ?? null;
}

/** The signed-in user's id and the id of this session, or null. */
export async function currentSession(): Promise<{ userId: number; sid: string } | null> {
  const session = (await getServerSession(authOptions)) as { userId?: number; sid?: string } | null;
  return session?.userId && session.sid ? { userId: session.userId, sid: session.sid } : null;
}

/** The signed-in, active user, or null (also when the account was deactivated after signing in). */
export async function currentActor(): Promise<Actor | null> {
  return resolveActor(await sessionUserId());
}
