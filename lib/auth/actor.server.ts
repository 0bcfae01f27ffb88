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
  /** The council a council account belongs to; null for DfE staff. */
  councilId: number | null;
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
    councilId: user.councilId,
  };
}

/** A council account writing for a council other than its own (decision 0017). */
export const OTHER_COUNCIL_MESSAGE =
  "Your account can change only your own council\u2019s records. Nothing was changed.";

/**
 * The actor, if they are signed in, active and allowed; otherwise throws. A write about one council's records
 * passes `scope`: a council account may make it only for its own council (DfE staff have no council, and their
 * role decides).
 */
export async function authorise(
  userId: number | null | undefined,
  permission: Permission,
  scope?: { councilId: number },
): Promise<Actor> {
  const actor = await resolveActor(userId);
  if (!actor) throw new NotSignedInError();
  if (!roleMay(actor.role, permission)) throw new ForbiddenError();
  // Without a scope, a council account may do nothing: a write that forgot to say its council is refused.
  if (actor.councilId !== null && actor.councilId !== scope?.councilId) throw new ForbiddenError(OTHER_COUNCIL_MESSAGE);
  // Pages send such users to "Choose your password"; this stops a write sent straight to an action too.
  if (actor.mustChangePassword) throw new PasswordChangeRequiredError();
  return actor;
}
