import type { Metadata } from "next";
import Link from "next/link";
import { NewMilestoneForm } from "@/components/staff/new-milestone-form";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { listOutcomes, listPillars } from "@/lib/reform/pillars-outcomes.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add a milestone" };

export default async function NewMilestonePage() {
  await requireStaffPage("milestone:create");
  const [pillars, outcomes] = await Promise.all([listPillars(), listOutcomes()]);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff">Back to staff home</Link>
      </p>
      <h1 className="text-4xl font-bold">Add a milestone</h1>
      <p className="max-w-2xl">
        For example a milestone of a later phase of reform. It starts as &ldquo;Not yet assessed&rdquo;.
      </p>
      <NewMilestoneForm pillars={pillars} outcomes={outcomes} />
    </div>
  );
}
