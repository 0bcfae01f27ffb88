import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history-list";
import { MilestoneEditForm } from "@/components/staff/milestone-edit-form";
import { MilestoneStatusTag } from "@/components/status-tags";
import { milestoneStaffHistory } from "@/lib/audit/history.server";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { formatDay } from "@/lib/dates";
import { getMilestone } from "@/lib/reform/milestones.server";
import { codeFromPath } from "@/lib/reform/codes";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Update a milestone" };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function EditMilestonePage({ params, searchParams }: Props) {
  const actor = await requireStaffPage("milestone:update");
  const code = codeFromPath((await params).code);
  if (!code) notFound();
  const saved = (await searchParams).saved === "1";
  // Shown, and put in the form, with any invisible direction controls of older text made visible (U+FFFD), so
  // what staff edit and save again is what they see.
  const m = withDirectionControlsNeutralised(await getMilestone(code));
  if (!m) notFound();
  const history = withDirectionControlsNeutralised(
    (await milestoneStaffHistory(m.code, { councilId: actor.councilId })) ?? [],
  );

  return (
    <div className="space-y-6">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link href="/staff">Back to staff home</Link>
        </li>
        <li>
          <Link href={`/milestones/${m.code}`}>See the public page for {m.code}</Link>
        </li>
      </ul>
      {saved && (
        <div className="border-4 border-govuk-green p-4" role="status">
          <h2 className="text-xl font-bold">Milestone saved</h2>
          <p>
            The change is on the <Link href={`/milestones/${m.code}`}>public page for this milestone</Link> and in its
            history.
          </p>
        </div>
      )}
      <div>
        <p className="text-xl text-govuk-secondary">Update milestone {m.code}</p>
        <h1 className="text-4xl font-bold">{m.title}</h1>
        <p className="mt-2">
          <MilestoneStatusTag status={m.status} /> Due {formatDay(m.dueDate)}
          {m.dateAsWritten ? ` (strategy: ${m.dateAsWritten})` : ""}
        </p>
      </div>
      <MilestoneEditForm
        key={m.version}
        milestone={{
          code: m.code,
          version: m.version,
          status: m.status,
          forecastDate: m.forecastDate,
          actualDate: m.actualDate,
          commentary: m.commentary,
          evidence: m.evidence,
        }}
      />
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-2xl font-bold">
          History
        </h2>
        <p className="max-w-3xl">
          Every change to this milestone, newest first, with its reason. The public page shows each change as DfE
          programme staff&apos;s; only staff see who made it.
        </p>
        <HistoryList entries={history} />
      </section>
    </div>
  );
}
