import "server-only";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/options.server";
import { roleMay, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor.server";

/** For staff pages: the signed-in user, or a redirect to sign in (or to choose a password, or a 403 page). */
export async function requireStaffPage(
  permission?: Permission,
  options: { allowPasswordChange?: boolean } = {},
): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/staff/sign-in");
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect("/staff/password");
  if (permission && !roleMay(actor.role, permission)) redirect("/staff/forbidden");
  return actor;
}
