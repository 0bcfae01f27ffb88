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
  constructor(message = "You do not have permission to do that. Ask an administrator if you need it.") {
    super(message);
  }
}

/** Someone signed in with a one-time password: they must choose their own before they change anything (ADR 0006). */
export class PasswordChangeRequiredError extends ForbiddenError {
  constructor() {
    super("Choose your own password before you make changes: go to Change your password.");
  }
}

/** The signed-in user as the database has them now: null if unknown or deactivated. */
export async function resolveActor(userId: number | null | undefined): Promise<Actor | null> {
  if (!userId) return null;
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The actor, if they are signed in, active and allowed; otherwise throws. */
export async function authorise(userId: number | null | undefined, permission: Permission): Promise<Actor> {
  const actor = await resolveActor(userId);
  if (!actor) throw new NotSignedInError();
  if (!roleMay(actor.role, permission)) throw new ForbiddenError();
  // Pages send such users to "Choose your password"; this stops a write sent straight to an action too.
  if (actor.mustChangePassword) throw new PasswordChangeRequiredError();
  return actor;
}
