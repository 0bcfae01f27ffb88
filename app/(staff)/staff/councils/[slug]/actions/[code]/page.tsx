import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history-list";
import { LocalActionForm } from "@/components/staff/local-action-form";
import { MilestoneStatusTag } from "@/components/status-tags";
import { staffHistory } from "@/lib/audit/history.server";
import { requireCouncilStaffPage } from "@/lib/auth/guard.server";
import { formatDay } from "@/lib/dates";
import { getCouncilLocalAction } from "@/lib/local-actions/staff.server";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Update a local action" };

type Props = {
  params: Promise<{ slug: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditLocalActionPage({ params, searchParams }: Props) {
  const { slug, code } = await params;
  const { actor, council } = await requireCouncilStaffPage(slug, "local-action:write");
  const saved = (await searchParams).saved === "1";
  // Shown, and put in the form, with any invisible direction controls made visible, so what is saved is what is seen.
  const found = withDirectionControlsNeutralised(await getCouncilLocalAction(council.id, code));
  if (!found) notFound();
  const { state } = found;
  const history = withDirectionControlsNeutralised(
    await staffHistory("local_action", found.id, { councilId: actor.councilId }),
  );
  const publicPage = `/councils/${council.slug}/actions/${found.code}`;

  return (
    <div className="space-y-6">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link href={`/staff/councils/${council.slug}`}>Back to {council.name}&apos;s local actions</Link>
        </li>
        <li>
          {/* Not prefetched: the public page is the front server's stored copy, fetched when it is opened. */}
          <Link href={publicPage} prefetch={false}>
            See the public page for {found.code}
          </Link>
        </li>
      </ul>
      {saved && (
        <div className="border-4 border-govuk-green p-4" role="status">
          <h2 className="text-xl font-bold">Local action saved</h2>
          <p>
            It is on <Link href={`/councils/${council.slug}`}>{council.name}&apos;s public page</Link> and in its
            history, attributed to {council.name}.
          </p>
        </div>
      )}
      <div>
        <p className="text-xl text-govuk-secondary">
          {council.name}: update local action {found.code}
        </p>
        <h1 className="text-4xl font-bold">{state.title}</h1>
        <p className="mt-2">
          <MilestoneStatusTag status={state.status} /> Due {formatDay(state.dueDate)}
          {state.forecastDate ? `, forecast ${formatDay(state.forecastDate)}` : ""}
        </p>
      </div>
      <LocalActionForm
        key={state.version}
        council={{ slug: council.slug, name: council.name }}
        action={{ code: found.code, ...state }}
      />
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-2xl font-bold">
          History
        </h2>
        <p className="max-w-3xl">
          Every change to this local action, newest first, with its reason. The public page shows each change as{" "}
          {council.name}&apos;s; only staff see who made it.
        </p>
        <HistoryList entries={history} />
      </section>
    </div>
  );
}
