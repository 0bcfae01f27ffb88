import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  AddProgrammeCouncilForm,
  EndProgrammeCouncilForm,
  ProgrammeDetailsForm,
  ProgrammeMilestonesForm,
} from "@/components/staff/programme-forms";
import { MilestoneStatusTag } from "@/components/status-tags";
import { SummaryList } from "@/components/ui/summary-list";
import { Table, td, th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { formatDay } from "@/lib/dates";
import { getProgramme } from "@/lib/programmes/programmes.server";
import { programmeRuns } from "@/lib/programmes/words";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change a programme" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const SAVED: Record<string, string> = {
  added: "Programme added",
  details: "Details saved",
  milestones: "Milestones saved",
  "council-added": "Council added",
  "council-ended": "Council's participation ended",
};

/** One change at a time (?change=details|milestones|add-council|end-council), each its own form. */
export default async function StaffProgrammePage({ params, searchParams }: Props) {
  await requireStaffPage("programme:manage");
  // Shown, and put in the forms, with any invisible direction controls made visible, as for milestones.
  const programme = withDirectionControlsNeutralised(await getProgramme((await params).slug));
  if (!programme) notFound();
  const query = await searchParams;
  const one = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : undefined);
  const change = one("change");
  const saved = SAVED[one("saved") ?? ""];
  const ending =
    change === "end-council"
      ? programme.councils.find((c) => c.gssCode === one("council") && c.from === one("from") && !c.until)
      : undefined;
  const base = `/staff/programmes/${programme.slug}`;

  return (
    <div className="space-y-6">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link href="/staff/programmes">Back to national programmes</Link>
        </li>
        <li>
          <Link href={`/programmes/${programme.slug}`}>See the public page for this programme</Link>
        </li>
      </ul>
      {saved && (
        <div className="border-4 border-govuk-green p-4" role="status">
          <h2 className="text-xl font-bold">{saved}</h2>
          <p>
            The change is on the <Link href={`/programmes/${programme.slug}`}>public page for this programme</Link>.
          </p>
        </div>
      )}
      <div>
        <p className="text-xl text-govuk-secondary">National programme</p>
        <h1 className="text-4xl font-bold">{programme.name}</h1>
      </div>

      {change === "details" ? (
        <section aria-labelledby="change-heading" className="space-y-4">
          <h2 id="change-heading" className="text-2xl font-bold">
            Change the details
          </h2>
          <ProgrammeDetailsForm programme={programme} />
        </section>
      ) : change === "milestones" ? (
        <section aria-labelledby="change-heading" className="space-y-4">
          <h2 id="change-heading" className="text-2xl font-bold">
            Link milestones
          </h2>
          <ProgrammeMilestonesForm programme={programme} />
        </section>
      ) : change === "add-council" ? (
        <section aria-labelledby="change-heading" className="space-y-4">
          <h2 id="change-heading" className="text-2xl font-bold">
            Add a council
          </h2>
          <AddProgrammeCouncilForm programme={programme} />
        </section>
      ) : ending ? (
        <section aria-labelledby="change-heading" className="space-y-4">
          <h2 id="change-heading" className="text-2xl font-bold">
            End {ending.name}&apos;s participation
          </h2>
          <p>It has taken part since {formatDay(ending.from)}.</p>
          <EndProgrammeCouncilForm programme={programme} spell={ending} />
        </section>
      ) : (
        <>
          <SummaryList
            rows={[
              { key: "Web address name", value: <span translate="no">{programme.slug}</span> },
              { key: "What it is", value: <span className="whitespace-pre-line">{programme.description}</span> },
              { key: "Runs", value: programmeRuns(programme.startedOn, programme.endedOn) },
            ]}
          />
          <p>
            <Link href={`${base}?change=details`}>Change the details</Link>
          </p>
          <section aria-labelledby="milestones-heading" className="space-y-3">
            <h2 id="milestones-heading" className="text-2xl font-bold">
              Milestones it delivers
            </h2>
            {programme.milestoneList.length === 0 ? (
              <p>None linked yet.</p>
            ) : (
              <ul className="space-y-1">
                {programme.milestoneList.map((m) => (
                  <li key={m.code}>
                    {m.code}: {m.title} <MilestoneStatusTag status={m.status} />
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link href={`${base}?change=milestones`}>Link milestones</Link>
            </p>
          </section>
          <section aria-labelledby="councils-heading" className="space-y-3">
            <h2 id="councils-heading" className="text-2xl font-bold">
              Councils taking part
            </h2>
            {programme.councils.length === 0 ? (
              <p>None recorded yet.</p>
            ) : (
              <Table caption="Councils and their dates">
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      Council
                    </th>
                    <th scope="col" className={th}>
                      From
                    </th>
                    <th scope="col" className={th}>
                      Until
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {programme.councils.map((c) => (
                    <tr key={`${c.gssCode}-${c.from}`}>
                      <th scope="row" className={`${td} text-left font-normal`}>
                        {c.name} <span className="text-govuk-secondary">({c.gssCode})</span>
                      </th>
                      <td className={td}>{formatDay(c.from)}</td>
                      <td className={td}>
                        {c.until ? (
                          formatDay(c.until)
                        ) : (
                          <Link href={`${base}?change=end-council&council=${c.gssCode}&from=${c.from}`}>
                            End participation<span className="sr-only"> of {c.name}</span>
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            <p>
              <Link href={`${base}?change=add-council`}>Add a council</Link>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
