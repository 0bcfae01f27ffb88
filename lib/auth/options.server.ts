import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getServerSession } from "next-auth";
import { signInWithPassword } from "@/lib/auth/sign-in.server";
import { resolveActor, type Actor } from "@/lib/auth/actor.server";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day

function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "unknown";
}

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
      credentials: { email: { label: "Email address", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await signInWithPassword(credentials?.email ?? "", credentials?.password ?? "", clientAddress(req?.headers));
        if (!result.ok) throw new Error(result.message);
        return { id: String(result.user.id), email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
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
