import type { Metadata } from "next";
import Link from "next/link";
import { LocalActionForm } from "@/components/staff/local-action-form";
import { requireCouncilStaffPage } from "@/lib/auth/guard.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add a local action" };

type Props = { params: Promise<{ slug: string }> };

export default async function NewLocalActionPage({ params }: Props) {
  const { council } = await requireCouncilStaffPage((await params).slug, "local-action:write");
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/staff/councils/${council.slug}`}>Back to {council.name}&apos;s local actions</Link>
      </p>
      <div>
        <p className="text-xl text-govuk-secondary">{council.name}</p>
        <h1 className="text-4xl font-bold">Add a local action</h1>
      </div>
      <p className="max-w-3xl">
        It is published on the council&apos;s public page as soon as you add it, attributed to {council.name}.
      </p>
      <LocalActionForm council={{ slug: council.slug, name: council.name }} />
    </div>
  );
}
