import "server-only";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client.server";
import { findCouncil, type CouncilSummary } from "@/lib/councils/councils.server";
import { currentActor } from "@/lib/auth/options.server";
import { roleMay, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor.server";

/** For staff pages: the signed-in user, or a redirect to sign in (or to choose a password, or a 403 page). */
export async function requireStaffPage(
  permission?: Permission,
  options: { allowPasswordChange?: boolean; councilPage?: boolean } = {},
): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/staff/sign-in");
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect("/staff/password");
  if (permission && !roleMay(actor.role, permission)) redirect("/staff/forbidden");
  // As authorise() refuses a council account any write that does not name its council, a page that is not one
  // council's (requireCouncilStaffPage) is not for council accounts, whatever permissions their role gains later.
  if (permission && actor.councilId !== null && !options.councilPage) redirect("/staff/forbidden");
  return actor;
}

/**
 * For a council's staff pages (decision 0017): the signed-in user, allowed `permission`, and the council the address
 * names (404 if none). A council account sees only its own council's pages; DfE staff's role decides.
 */
export async function requireCouncilStaffPage(
  slugOrCode: string,
  permission: Permission,
): Promise<{ actor: Actor; council: CouncilSummary & { id: number } }> {
  const actor = await requireStaffPage(permission, { councilPage: true });
  const council = await findCouncil(slugOrCode);
  if (!council) notFound();
  const { id } = await db().council.findUniqueOrThrow({ where: { gssCode: council.gssCode }, select: { id: true } });
  if (actor.councilId !== null && actor.councilId !== id) redirect("/staff/forbidden");
  return { actor, council: { ...council, id } };
}

/** Where a council account's staff home is: its council's local actions (decision 0017). */
export async function councilStaffHome(councilId: number): Promise<string> {
  const { slug } = await db().council.findUniqueOrThrow({ where: { id: councilId }, select: { slug: true } });
  return `/staff/councils/${slug}`;
}
