import type { Metadata } from "next";
import Link from "next/link";
import { signInLockRow } from "@/app/(staff)/staff/users/account-action";
import { UsersAdmin, type UserRow } from "@/app/(staff)/staff/users/users-admin";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { signInUrl } from "@/lib/auth/sign-in-url.server";
import { formatDateTime } from "@/lib/dates";
import { listUsers, signInLocks } from "@/lib/auth/users.server";
import { listCouncils } from "@/lib/councils/councils.server";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Manage staff accounts" };

export default async function UsersPage() {
  const actor = await requireStaffPage("user:manage");
  const [listed, locks, councils] = await Promise.all([listUsers(actor.id), signInLocks(actor.id), listCouncils()]);
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
    signInLock: signInLockRow(locks.get(u.id)),
    council: u.council?.name ?? null,
    manageable: true,
  }));
  const current = councils
    .filter((c) => c.endedOn === null)
    .map((c) => ({ slug: c.slug, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff">Back to staff home</Link>
      </p>
      <h1 className="text-4xl font-bold">Manage staff accounts</h1>
      <p className="max-w-3xl">
        Editors update milestones and recommendations. Administrators can also invite staff, change their roles,
        deactivate and reactivate accounts and reset passwords. Council editors update one council&apos;s local actions;
        a council lead can also invite and manage that council&apos;s editors. Every change is recorded with who made
        it.
      </p>
      <UsersAdmin
        users={rows}
        currentUserId={actor.id}
        signInUrl={await signInUrl()}
        scope={{ kind: "national", councils: current }}
      />
    </div>
  );
}
