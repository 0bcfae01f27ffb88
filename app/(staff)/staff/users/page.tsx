import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { UsersAdmin, type UserRow } from "@/app/(staff)/staff/users/users-admin";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { formatDateTime } from "@/lib/dates";
import { listUsers, signInLocks, type SignInLock } from "@/lib/auth/users.server";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Manage staff accounts" };

/** The sign-in address to give invited staff, as this request reached us. */
async function signInUrl(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return new URL("/staff/sign-in", process.env.NEXTAUTH_URL).toString();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return "/staff/sign-in";
  const proto =
    h.get("x-forwarded-proto")?.split(",")[0]?.trim() ??
    (host.startsWith("localhost") || host.startsWith("127.0.0.1") ? "http" : "https");
  return `${proto}://${host}/staff/sign-in`;
}

function lockRow(lock: SignInLock | undefined): UserRow["signInLock"] {
  return lock ? { failures: lock.failures, until: formatDateTime(lock.until.toISOString()) } : null;
}

export default async function UsersPage() {
  const actor = await requireStaffPage("user:manage");
  const [listed, locks] = await Promise.all([listUsers(actor.id), signInLocks(actor.id)]);
  const users = withDirectionControlsNeutralised(listed);
  const rows: UserRow[] = users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lastSignIn: u.lastSignInAt ? formatDateTime(u.lastSignInAt.toISOString()) : null,
    deactivatedOn: u.deactivatedAt ? formatDateTime(u.deactivatedAt.toISOString()) : null,
    signInLock: lockRow(locks.get(u.id)),
  }));

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff">Back to staff home</Link>
      </p>
      <h1 className="text-4xl font-bold">Manage staff accounts</h1>
      <p className="max-w-3xl">
        Editors update milestones and recommendations. Administrators can also invite staff, change their roles,
        deactivate and reactivate accounts and reset passwords. Every change is recorded with who made it.
      </p>
      <UsersAdmin users={rows} currentUserId={actor.id} signInUrl={await signInUrl()} />
    </div>
  );
}
