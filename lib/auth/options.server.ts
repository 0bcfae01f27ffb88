import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getServerSession } from "next-auth";
import { z } from "@/lib/validations/zod";
import { BAD_CREDENTIALS, signInWithPassword } from "@/lib/auth/sign-in.server";
import { describeDatabaseError, isDatabaseUnavailable, TRY_AGAIN_LATER_MESSAGE } from "@/lib/db/errors";
import { resolveActor, type Actor } from "@/lib/auth/actor.server";
import { trustedClientAddress } from "@/lib/http/internal-headers";
import { sameOriginRedirect } from "@/lib/auth/callback-url";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day

/** What a sign-in form sends; next-auth also takes JSON, so anything else may arrive. */
const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1_000) });

export const authOptions: NextAuthOptions = {
  // Signs the session cookies. `npm start` makes one and keeps it in .data; a deployment sets it (see README).
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  // Secure (https-only) cookies whenever the site is served over https, as in production.
  useSecureCookies: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
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
          result = await signInWithPassword(parsed.data.email, parsed.data.password, address);
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
    async jwt({ token, user }) {
      if (user) token.userId = Number(user.id);
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: typeof token.userId === "number" ? token.userId : undefined };
    },
  },
};

/** The id of the signed-in user from the session cookie, or null. Authorisation then checks the database. */
export async function sessionUserId(): Promise<number | null> {
  const session = (await getServerSession(authOptions)) as { userId?: number } | null;
  return session?.userId ?? null;
}

/** The signed-in, active user, or null (also when the account was deactivated after signing in). */
export async function currentActor(): Promise<Actor | null> {
  return resolveActor(await sessionUserId());
}
