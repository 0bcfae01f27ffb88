import Link from "next/link";
import { MilestoneStatusTag, OverdueTag, ResponseClassTag } from "@/components/status-tags";
import { Table, td, th } from "@/components/ui/table";
import { withAsAt } from "@/lib/as-at-pages";
import { formatDay } from "@/lib/dates";
import type { NationalItemStatus } from "@/lib/local-actions/reads.server";
import { shortTitle } from "@/lib/scrutiny/change-words";

/**
 * The national items local actions serve, with their national status: the national picture beside the local one.
 * Nothing when they serve none (the page says so in its own words).
 */
export function NationalPictureServed({
  national,
  asAt,
  councilName,
}: {
  national: NationalItemStatus;
  asAt: string | null;
  /** Set on a council's page: the sentences then speak of all its actions. */
  councilName?: string;
}) {
  const served = councilName ? `${councilName}\u2019s local actions serve` : "this local action serves";
  if (national.milestones.length + national.recommendations.length + national.commitments.length === 0)
    return councilName ? null : <p>This local action does not name a national item.</p>;
  return (
    <div className="space-y-6">
      {national.milestones.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-xl font-bold">National milestones {served}</h3>
          <Table caption={`National milestones ${served}`} stackOnPhone>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Milestone
                </th>
                <th scope="col" className={th}>
                  National status
                </th>
                <th scope="col" className={th}>
                  Planned
                </th>
              </tr>
            </thead>
            <tbody>
              {national.milestones.map((m) => (
                <tr key={m.code}>
                  <th scope="row" className={`${td} font-normal`} data-label="Milestone">
                    <Link href={withAsAt(`/milestones/${m.code}`, asAt)} prefetch={false}>
                      <span translate="no">{m.code}</span>: {shortTitle(m.title)}
                    </Link>
                  </th>
                  <td className={td} data-label="National status">
                    <span className="inline-flex flex-wrap gap-1">
                      <MilestoneStatusTag status={m.status} /> <OverdueTag lateness={m.lateness} />
                    </span>
                  </td>
                  <td className={td} data-label="Planned">
                    {formatDay(m.plannedDate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {national.recommendations.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-xl font-bold">Recommendations {served}</h3>
          <Table caption={`Recommendations ${served}`} stackOnPhone>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Recommendation
                </th>
                <th scope="col" className={th}>
                  Government response
                </th>
              </tr>
            </thead>
            <tbody>
              {national.recommendations.map((r) => (
                <tr key={r.code}>
                  <th scope="row" className={`${td} font-normal`} data-label="Recommendation">
                    <Link href={withAsAt(`/recommendations/${r.code}`, asAt)} prefetch={false}>
                      <span translate="no">{r.code}</span>: {shortTitle(r.text)}
                    </Link>
                  </th>
                  <td className={td} data-label="Government response">
                    <ResponseClassTag responseClass={r.responseClass} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {national.commitments.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-xl font-bold">Annex 1 actions</h3>
          <ul className="list-disc space-y-1 pl-6">
            {national.commitments.map((c) => (
              <li key={c.code}>
                <Link href={withAsAt(`/outcomes/${c.outcome}`, asAt)} prefetch={false}>
                  <span translate="no">{c.code}</span>
                </Link>
                : {shortTitle(c.text)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
