import Link from "next/link";
import { MilestoneStatusTag, OverdueTag } from "@/components/status-tags";
import { Table, td, th } from "@/components/ui/table";
import { withAsAt } from "@/lib/as-at-pages";
import { formatDay } from "@/lib/dates";
import type { LocalActionView } from "@/lib/local-actions/reads.server";

/**
 * A council's local actions as a table: each links to its own page, its status a tag with a word, lateness as on
 * milestones, and the plan beside the forecast so a slip can be read without opening it.
 */
export function LocalActionTable({
  caption,
  actions,
  asAt,
  showReasonColumn = false,
}: {
  caption: string;
  actions: LocalActionView[];
  asAt: string | null;
  showReasonColumn?: boolean;
}) {
  return (
    <Table caption={caption} stackOnPhone>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Local action
          </th>
          <th scope="col" className={th}>
            Status
          </th>
          <th scope="col" className={th}>
            Due
          </th>
          <th scope="col" className={th}>
            Forecast
          </th>
          {showReasonColumn && (
            <th scope="col" className={th}>
              Why it is listed
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.code}>
            <th scope="row" className={`${td} font-normal`} data-label="Local action">
              <Link href={withAsAt(`/councils/${a.council.slug}/actions/${a.code}`, asAt)} prefetch={false}>
                <span translate="no">{a.code}</span>: {a.title}
              </Link>
            </th>
            <td className={td} data-label="Status">
              <span className="inline-flex flex-wrap gap-1">
                <MilestoneStatusTag status={a.status} /> <OverdueTag lateness={a.lateness} />
              </span>
            </td>
            <td className={td} data-label="Due">
              {formatDay(a.dueDate)}
            </td>
            <td className={td} data-label="Forecast">
              {a.forecastDate ? formatDay(a.forecastDate) : "None set"}
            </td>
            {showReasonColumn && (
              <td className={td} data-label="Why it is listed">
                {slippageWords(a)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Why an action is in the local slippage list, in words. */
export function slippageWords(a: LocalActionView): string {
  const words: string[] = [];
  if (a.slipped) words.push(`Forecast moved from ${formatDay(a.dueDate)} to ${formatDay(a.forecastDate)}`);
  if (a.lateness) words.push(`Planned for ${formatDay(a.plannedDate)} and not complete`);
  return words.join(". ");
}
