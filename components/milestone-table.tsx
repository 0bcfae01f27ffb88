import Link from "next/link";
import { MilestoneStatusTag, OverdueTag } from "@/components/status-tags";
import { Table, td, th } from "@/components/ui/table";
import { formatDay } from "@/lib/dates";
import type { MilestoneSummary } from "@/lib/reform/milestones.server";

export function MilestoneTable({
  caption,
  milestones,
  linkFor = (m) => ({ href: `/milestones/${m.code}`, text: m.title }),
}: {
  caption: string;
  milestones: MilestoneSummary[];
  /** Where each milestone links to: its public page, or the staff form to update it. */
  linkFor?: (m: MilestoneSummary) => { href: string; text: string };
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Milestone
          </th>
          <th scope="col" className={th}>
            Planned date
          </th>
          <th scope="col" className={th}>
            Status
          </th>
        </tr>
      </thead>
      <tbody>
        {milestones.map((m) => (
          <tr key={m.code}>
            <td className={td}>
              <Link href={linkFor(m).href}>{linkFor(m).text}</Link>
              <p className="text-base text-govuk-secondary">{m.activity}</p>
            </td>
            <td className={td}>
              {formatDay(m.plannedDate)}
              {m.forecastDate && m.forecastDate !== m.dueDate && (
                <p className="text-base text-govuk-secondary">Strategy: {m.dateAsWritten ?? formatDay(m.dueDate)}</p>
              )}
              {!m.forecastDate && m.dateAsWritten && (
                <p className="text-base text-govuk-secondary">Strategy: {m.dateAsWritten}</p>
              )}
            </td>
            <td className={`${td} space-y-1`}>
              <MilestoneStatusTag status={m.status} /> <OverdueTag lateness={m.lateness} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
