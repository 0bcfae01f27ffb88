import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { councilStaffHome, requireStaffPage } from "@/lib/auth/guard.server";
import { listCouncils } from "@/lib/councils/councils.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Councils' local actions and accounts" };

// Where a DfE admin finds a council's staff pages (its local actions and its accounts, decision 0017). A council
// account has one council: it goes straight there.
export default async function CouncilsStaffPage() {
  const actor = await requireStaffPage("local-action:write", { councilPage: true });
  if (actor.councilId !== null) redirect(await councilStaffHome(actor.councilId));
  const councils = (await listCouncils()).sort((a, b) => a.name.localeCompare(b.name, "en"));

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff">Back to staff home</Link>
      </p>
      <h1 className="text-4xl font-bold">Councils&apos; local actions and accounts</h1>
      <p className="max-w-3xl">
        Each council&apos;s page lists its local actions for editing and, under &ldquo;Manage council editors&rdquo;,
        its accounts. To give a council its first council lead, invite them on{" "}
        <Link href="/staff/users">Manage staff accounts</Link>.
      </p>
      <ul className="columns-1 gap-8 sm:columns-2 lg:columns-3">
        {councils.map((c) => (
          <li key={c.slug} className="mb-1 break-inside-avoid">
            <Link href={`/staff/councils/${c.slug}`} prefetch={false}>
              {c.name}
            </Link>
            {c.endedOn ? " (ended)" : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
