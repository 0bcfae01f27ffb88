import type { Metadata } from "next";
import Link from "next/link";
import { num, Table, td, th } from "@/components/ui/table";
import { programmeRuns } from "@/lib/programmes/words";
import { listProgrammes } from "@/lib/programmes/programmes.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "National programmes" };

export default async function ProgrammesPage() {
  const programmes = await listProgrammes();
  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">National programmes</h1>
      <p className="max-w-3xl">
        National programmes of the reform that involve particular councils, the milestones they deliver, and which
        councils take part, from and until when. They are recorded by staff at the Department for Education.
      </p>
      {programmes.length === 0 ? (
        <p>No national programme has been recorded yet.</p>
      ) : (
        <Table caption="National programmes">
          <thead>
            <tr>
              <th scope="col" className={th}>
                Programme
              </th>
              <th scope="col" className={th}>
                Runs
              </th>
              <th scope="col" className={`${th} ${num}`}>
                Councils taking part now
              </th>
              <th scope="col" className={`${th} ${num}`}>
                Milestones
              </th>
            </tr>
          </thead>
          <tbody>
            {programmes.map((p) => (
              <tr key={p.slug}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  <Link href={`/programmes/${p.slug}`} prefetch={false}>
                    {p.name}
                  </Link>
                </th>
                <td className={td}>{programmeRuns(p.startedOn, p.endedOn)}</td>
                <td className={`${td} ${num}`}>{p.councilsNow}</td>
                <td className={`${td} ${num}`}>{p.milestones}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p>
        <Link href="/councils">All councils</Link>, filterable by programme.
      </p>
    </div>
  );
}
