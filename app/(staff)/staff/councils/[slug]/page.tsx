import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/staff/sign-in-form";
import { SignOutEverywhere } from "@/components/staff/sign-out-everywhere";
import { LocalActionTable } from "@/components/local-actions/local-action-table";
import { requireCouncilStaffPage } from "@/lib/auth/guard.server";
import { roleMay } from "@/lib/auth/permissions";
import { listCouncilLocalActions } from "@/lib/local-actions/staff.server";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";
import { ROLE_LABELS } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your council's local actions" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// A council's staff home (decision 0017): where a council account lands after signing in, and where DfE admins
// reach a council's local actions. Lists them for editing; links the CSV pages and, for its lead, its accounts.
export default async function CouncilStaffPage({ params, searchParams }: Props) {
  const { actor, council } = await requireCouncilStaffPage((await params).slug, "local-action:write");
  const passwordChanged = (await searchParams).password === "changed";
  const actions = withDirectionControlsNeutralised(await listCouncilLocalActions(council.id));
  const base = `/staff/councils/${council.slug}`;
  const councilAccount = actor.councilId !== null;

  return (
    <div className="space-y-8">
      {passwordChanged && (
        <div className="border-4 border-govuk-green p-4" role="status">
          <p className="font-bold">Your password has been changed</p>
          <p>Use your new password the next time you sign in.</p>
        </div>
      )}
      {!councilAccount && (
        <p>
          <Link href="/staff">Back to staff home</Link>
        </p>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <div>
          <p className="text-xl text-govuk-secondary">Council staff area</p>
          <h1 className="text-4xl font-bold">{council.name}: local actions</h1>
        </div>
        <p>
          Signed in as {actor.name} ({actor.email}), {ROLE_LABELS[actor.role].toLowerCase()}
          {councilAccount ? ` of ${council.name}` : ""}. <SignOutButton />
        </p>
      </div>
      <p className="max-w-3xl">
        What {council.name} is doing about the national reform. Changes you save are published on{" "}
        <Link href={`/councils/${council.slug}`}>the council&apos;s public page</Link> straight away, attributed to{" "}
        {council.name}, never to you by name.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href={`${base}/actions/new`}>Add a local action</Link>
        </li>
        <li>
          {/* Not prefetched: a rarely used upload form, opened on purpose. */}
          <Link href={`${base}/import`} prefetch={false}>
            Update local actions from a CSV file
          </Link>
        </li>
        <li>
          {/* A file download, not a page: a plain link, so the browser saves it. */}
          <a href={`${base}/local-actions.csv`} download>
            Download {council.name}&apos;s local actions as a CSV file
          </a>
        </li>
        {roleMay(actor.role, "council-user:manage") && (
          <li>
            <Link href={`${base}/users`}>Manage {council.name}&apos;s council editors</Link>
          </li>
        )}
        {councilAccount && (
          <li>
            <Link href="/staff/password">Change your password</Link>
          </li>
        )}
      </ul>
      {councilAccount && <SignOutEverywhere />}

      <section aria-labelledby="actions-heading" className="space-y-4">
        <h2 id="actions-heading" className="text-2xl font-bold">
          Local actions
        </h2>
        {actions.length === 0 ? (
          <p>{council.name} has not published any local actions yet.</p>
        ) : (
          <LocalActionTable
            caption={`${council.name}'s local actions`}
            rows={actions.map(({ code, state }) => ({ council, action: { code, ...state } }))}
            columns={["action", "status", "due", "forecast"]}
            link={{ href: ({ code }) => `${base}/actions/${code}`, verb: "Change" }}
          />
        )}
      </section>
    </div>
  );
}
