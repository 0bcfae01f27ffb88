import type { Metadata } from "next";
import Link from "next/link";
import { manageCouncilUsers } from "@/app/(staff)/staff/councils/[slug]/users/actions";
import { signInLockRow } from "@/app/(staff)/staff/users/account-action";
import { UsersAdmin, type UserRow } from "@/app/(staff)/staff/users/users-admin";
import { requireCouncilStaffPage } from "@/lib/auth/guard.server";
import { signInUrl } from "@/lib/auth/sign-in-url.server";
import { councilSignInLocks, listCouncilUsers } from "@/lib/auth/users.server";
import { formatDateTime } from "@/lib/dates";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";
import { COUNCIL_ROLES } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Manage council editors" };

type Props = { params: Promise<{ slug: string }> };

// A council's accounts (decision 0017): its council lead invites, deactivates, reactivates and resets the council's
// editors and lifts their sign-in lock-outs; a DfE admin may also do it for the council's leads (and invite the first
// one).
export default async function CouncilUsersPage({ params }: Props) {
  const { actor, council } = await requireCouncilStaffPage((await params).slug, "council-user:manage");
  const [listed, locks] = await Promise.all([
    listCouncilUsers(actor.id, { council: council.slug }),
    councilSignInLocks(actor.id, { council: council.slug }),
  ]);
  const users = withDirectionControlsNeutralised(listed);
  const isLead = actor.councilId !== null;
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
    council: council.name,
    manageable: !isLead || u.role === "council_editor",
  }));
  const page = `/staff/councils/${council.slug}/users`;

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/staff/councils/${council.slug}`}>Back to {council.name}&apos;s local actions</Link>
      </p>
      <div>
        <p className="text-xl text-govuk-secondary">{council.name}</p>
        <h1 className="text-4xl font-bold">Manage council editors</h1>
      </div>
      <p className="max-w-3xl">
        Council editors update {council.name}&apos;s local actions. {isLead ? "As its council lead, you" : "You"} can
        invite them, reset their passwords, lift a sign-in lock-out, and deactivate and reactivate their accounts. Every
        change is recorded with who made it. {isLead ? "A DfE administrator manages council leads." : ""}
      </p>
      <UsersAdmin
        users={rows}
        currentUserId={actor.id}
        signInUrl={await signInUrl()}
        scope={{
          kind: "council",
          council: { slug: council.slug, name: council.name },
          inviteRoles: isLead ? ["council_editor"] : COUNCIL_ROLES,
        }}
        action={manageCouncilUsers}
        pageHref={page}
      />
    </div>
  );
}
