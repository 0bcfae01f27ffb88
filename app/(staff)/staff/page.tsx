import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/staff/sign-in-form";
import { MilestoneStatusTag, OverdueTag } from "@/components/status-tags";
import { Table, td, th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { roleMay } from "@/lib/auth/permissions";
import { formatDay } from "@/lib/dates";
import { listMilestones } from "@/lib/milestones.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff home" };

export default async function StaffHomePage() {
  const actor = await requireStaffPage();
  const milestones = await listMilestones({ sort: "code" }, { all: true });

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-4xl font-bold">Staff home</h1>
        <p>
          Signed in as {actor.name} ({actor.email}), {actor.role}. <SignOutButton />
        </p>
      </div>
      <ul className="list-disc space-y-1 pl-6">
        {roleMay(actor.role, "milestone:create") && (
          <li>
            <Link href="/staff/milestones/new">Add a milestone</Link>
          </li>
        )}
        {roleMay(actor.role, "milestone:import") && (
          <li>
            <Link href="/staff/milestones/import">Update milestones from a CSV file</Link>
          </li>
        )}
        {roleMay(actor.role, "user:manage") && (
          <li>
            <Link href="/staff/users">Manage staff accounts</Link>
          </li>
        )}
        <li>
          <Link href="/staff/password">Change your password</Link>
        </li>
      </ul>
      <p>To correct how a recommendation&apos;s response is classified, open it from a milestone below or go to /staff/recommendations/CODE.</p>
      <Table caption="Milestones to update" captionVisible>
        <thead>
          <tr>
            <th scope="col" className={th}>Milestone</th>
            <th scope="col" className={th}>Planned date</th>
            <th scope="col" className={th}>Status</th>
          </tr>
        </thead>
        <tbody>
          {milestones.items.map((m) => (
            <tr key={m.code}>
              <td className={td}>
                <Link href={`/staff/milestones/${m.code}`}>
                  Update {m.code}: {m.title}
                </Link>
              </td>
              <td className={td}>{formatDay(m.plannedDate)}</td>
              <td className={`${td} space-x-2`}>
                <MilestoneStatusTag status={m.status} />
                {m.overdue && <OverdueTag />}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
