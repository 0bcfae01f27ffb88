import "server-only";
import { db } from "@/lib/db/client.server";
import { roleMay, type Permission } from "@/lib/auth/permissions";
import type { RoleValue } from "@/lib/vocabulary";

export interface Actor {
  id: number;
  email: string;
  name: string;
  role: RoleValue;
  mustChangePassword: boolean;
}

export class NotSignedInError extends Error {
  constructor() {
    super("You need to sign in to do that.");
  }
}

export class ForbiddenError extends Error {
  constructor() {
    super("You do not have permission to do that. Ask an administrator if you need it.");
  }
}

/** The signed-in user as the database has them now: null if unknown or deactivated. */
export async function resolveActor(userId: number | null | undefined): Promise<Actor | null> {
  if (!userId) return null;
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword };
}

/** The actor, if they are signed in, active and allowed; otherwise throws. */
export async function authorise(userId: number | null | undefined, permission: Permission): Promise<Actor> {
  const actor = await resolveActor(userId);
  if (!actor) throw new NotSignedInError();
  if (!roleMay(actor.role, permission)) throw new ForbiddenError();
  return actor;
}
