import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CouncilAttribution } from "@/components/council-attribution";
import { CouncilTiles } from "@/components/programmes/council-tiles";
import { MilestoneStatusTag } from "@/components/status-tags";
import { SummaryList } from "@/components/ui/summary-list";
import { Table, td, th } from "@/components/ui/table";
import { listCouncils } from "@/lib/councils/councils.server";
import { formatDay } from "@/lib/dates";
import { getProgramme } from "@/lib/programmes/programmes.server";
import { programmeRuns } from "@/lib/programmes/words";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const programme = await getProgramme((await params).slug);
  return { title: programme ? programme.name : "Programme not found" };
}

export default async function ProgrammePage({ params }: { params: Params }) {
  const [programme, councils] = await Promise.all([getProgramme((await params).slug), listCouncils()]);
  if (!programme) notFound();
  return (
    <div className="space-y-8">
      <p>
        <Link href="/programmes">All national programmes</Link>
      </p>
      <div className="space-y-2">
        <span className="text-xl text-govuk-secondary">National programme</span>
        <h1 className="text-4xl font-bold">{programme.name}</h1>
      </div>
      <p className="max-w-3xl whitespace-pre-line">{programme.description}</p>
      <SummaryList
        rows={[
          { key: "Runs", value: programmeRuns(programme.startedOn, programme.endedOn) },
          { key: "Councils taking part now", value: String(programme.councilsNow) },
        ]}
      />

      <section aria-labelledby="milestones-heading" className="space-y-3">
        <h2 id="milestones-heading" className="text-2xl font-bold">
          National milestones it delivers
        </h2>
        {programme.milestoneList.length === 0 ? (
          <p>No milestone has been linked to this programme yet.</p>
        ) : (
          <ul className="space-y-2">
            {programme.milestoneList.map((m) => (
              <li key={m.code}>
                <Link href={`/milestones/${m.code}`} prefetch={false}>
                  {m.code}: {m.title}
                </Link>{" "}
                <MilestoneStatusTag status={m.status} />{" "}
                <span className="text-govuk-secondary">Due {formatDay(m.dueDate)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="councils-heading" className="space-y-3">
        <h2 id="councils-heading" className="text-2xl font-bold">
          Councils taking part
        </h2>
        {programme.councils.length === 0 ? (
          <p>No council has been recorded as taking part yet.</p>
        ) : (
          <Table caption={`Councils in ${programme.name}, from and until when`}>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Council
                </th>
                <th scope="col" className={th}>
                  Region
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
                <tr key={`${c.slug}-${c.from}`}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <Link href={`/councils/${c.slug}`} prefetch={false}>
                      {c.name}
                    </Link>
                  </th>
                  <td className={td}>{c.region}</td>
                  <td className={td}>{formatDay(c.from)}</td>
                  <td className={td}>{c.until ? formatDay(c.until) : "Still taking part"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="tiles-heading" className="space-y-3">
        <h2 id="tiles-heading" className="text-2xl font-bold">
          Every council, by region
        </h2>
        <p className="max-w-3xl">
          One tile per council in England with children&apos;s services duties. Councils taking part today are marked
          &ldquo;Taking part&rdquo;, with a heavy border; councils that took part before are marked &ldquo;Took
          part&rdquo;.
        </p>
        <CouncilTiles councils={councils} spells={programme.councils} programmeName={programme.name} />
      </section>
      <p>
        <Link href={`/councils?programme=${programme.slug}`}>Filter the list of councils by this programme</Link>
      </p>
      <CouncilAttribution />
    </div>
  );
}
