import type { Metadata } from "next";
import Link from "next/link";
import { NewProgrammeForm } from "@/components/staff/programme-forms";
import { requireStaffPage } from "@/lib/auth/guard.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add a programme" };

export default async function NewProgrammePage() {
  await requireStaffPage("programme:manage");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/programmes">Back to national programmes</Link>
      </p>
      <h1 className="text-4xl font-bold">Add a programme</h1>
      <p className="max-w-2xl">
        For example a pathfinder of the strategy. Link its milestones and add the councils that take part on the next
        page.
      </p>
      <NewProgrammeForm />
    </div>
  );
}
