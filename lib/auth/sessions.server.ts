import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";

// Staff sessions that can be ended (migration 0006). The session cookie (a next-auth JWT) carries the session's id;
// every staff request checks the session is still live in the database, so ending a session takes effect on the
// next request of every instance, whatever the cookie says. A session lives 8 hours from sign-in, never longer:
// next-auth re-issues the cookie with a fresh expiry on every read, but the row's expiry does not move.
// No "server-only" here: the tests and `npm run user:create` run account code in plain Node.

export const SESSION_LIFETIME_HOURS = 8;

export const SESSION_ENDINGS = [
  "signed_out",
  "signed_out_everywhere",
  "password_changed",
  "password_reset",
  "role_changed",
  "deactivated",
] as const;
export type SessionEnding = (typeof SESSION_ENDINGS)[number];

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** Starts a session for a user who has just signed in. */
export async function startSession(userId: number, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_HOURS * 3_600_000);
  const session = await db().staffSession.create({ data: { id: randomUUID(), userId, createdAt: now, expiresAt } });
  return { id: session.id, expiresAt: session.expiresAt };
}

/** Whether the session is the user's, not ended and not past its 8 hours. */
export async function isSessionLive(id: unknown, userId: unknown): Promise<boolean> {
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/.test(id) || typeof userId !== "number") return false;
  const session = await db().staffSession.findUnique({ where: { id } });
  return Boolean(session && session.userId === userId && !session.endedAt && session.expiresAt > new Date());
}

/** Ends one session (sign-out). */
export async function endSession(id: unknown, why: SessionEnding): Promise<void> {
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/.test(id)) return;
  await db().staffSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date(), endedWhy: why } });
}

/** Ends every live session of an account, but the one named in `except` (a password change keeps the changer's). */
export async function endSessionsOf(
  client: Client,
  userId: number,
  why: SessionEnding,
  options: { except?: string } = {},
): Promise<number> {
  const ended = await client.staffSession.updateMany({
    where: { userId, endedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { endedAt: new Date(), endedWhy: why },
  });
  return ended.count;
}

/** Thrown from next-auth's jwt callback for a cookie whose session has ended: next-auth then clears the cookie. */
export class SessionEndedError extends Error {
  constructor() {
    super("This session has ended: sign in again.");
  }
}
