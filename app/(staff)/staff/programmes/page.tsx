import type { Metadata } from "next";
import Link from "next/link";
import { num, Table, td, th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/guard.server";
import { listProgrammes } from "@/lib/programmes/programmes.server";
import { programmeRuns } from "@/lib/programmes/words";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "National programmes" };

export default async function StaffProgrammesPage() {
  await requireStaffPage("programme:manage");
  const programmes = await listProgrammes();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff">Back to staff home</Link>
      </p>
      <h1 className="text-4xl font-bold">National programmes</h1>
      <p className="max-w-2xl">
        Programmes that involve particular councils, the milestones they deliver, and which councils take part, from and
        until when. Record only what a published source says.
      </p>
      <p>
        <Link href="/staff/programmes/new" className="font-bold">
          Add a programme
        </Link>
      </p>
      {programmes.length === 0 ? (
        <p>No programme has been recorded yet.</p>
      ) : (
        <Table caption="Programmes">
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
                  <Link href={`/staff/programmes/${p.slug}`}>{p.name}</Link>
                </th>
                <td className={td}>{programmeRuns(p.startedOn, p.endedOn)}</td>
                <td className={`${td} ${num}`}>{p.councilsNow}</td>
                <td className={`${td} ${num}`}>{p.milestones}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
