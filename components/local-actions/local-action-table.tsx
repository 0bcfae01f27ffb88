import Link from "next/link";
import { MilestoneStatusTag, OverdueTag } from "@/components/status-tags";
import { Table, td, th } from "@/components/ui/table";
import { withAsAt } from "@/lib/as-at-pages";
import { formatDay } from "@/lib/dates";
import type { LatenessValue, MilestoneStatusValue } from "@/lib/vocabulary";

/** The columns a table of local actions can show, in the order given. */
export type LocalActionColumn =
  /** The council's name, linking to its page: the row header of a table of several councils. */
  | "council"
  | "region"
  /** The action's code and title, linking to it: the row header of one council's table. */
  | "action"
  /** Its status as a tag with a word, and its lateness where the row has it. */
  | "status"
  | "due"
  | "forecast"
  /** "Completed <day>" once done, else the planned date (the forecast, else the due date). */
  | "planned"
  /** Why the action is in a slippage list, in words. */
  | "slippage";

export interface LocalActionRowAction {
  /** LA-3 */
  code: string;
  title: string;
  status: MilestoneStatusValue;
  /** Overdue, as for milestones; left out where a table does not judge it (the status column then shows no tag). */
  lateness?: LatenessValue | null;
  dueDate: string;
  forecastDate?: string | null;
  plannedDate?: string;
  actualDate?: string | null;
  /** Forecast later than the date the council first set. */
  slipped?: boolean;
}

export interface LocalActionRow {
  council: { slug: string; name: string; region: string };
  /** null: the council has no local action here (a row of the compare table that says so). */
  action: LocalActionRowAction | null;
}

const HEADINGS: Record<LocalActionColumn, string> = {
  council: "Council",
  region: "Region",
  action: "Local action",
  status: "Status",
  due: "Due",
  forecast: "Forecast",
  planned: "Planned date",
  slippage: "Why it is listed",
};

/**
 * One table of local actions with their status, for every page that lists them: a council's own (its public page,
 * its slippage, its staff page) and every council's for one national item (the compare page, a milestone's or
 * recommendation's page). Statuses are tags with words; on a phone each row is a card (stackOnPhone). In a table of
 * several councils every council has an LA-1, so the code is set in bold beside the council's name; in one council's
 * table the action is the row's header, "LA-1: title".
 */
export function LocalActionTable({
  caption,
  captionVisible,
  rows,
  columns,
  asAt = null,
  link,
}: {
  caption: string;
  captionVisible?: boolean;
  rows: LocalActionRow[];
  columns: readonly LocalActionColumn[];
  /** Carried to each action's public page (lib/as-at-pages.ts). */
  asAt?: string | null;
  /** Where an action's link goes, and a word before it ("Change" on a staff page); else its public page. */
  link?: { href: (row: { council: LocalActionRow["council"]; code: string }) => string; verb?: string };
}) {
  const byCouncil = columns.includes("council");
  const cell = (column: LocalActionColumn, council: LocalActionRow["council"], a: LocalActionRowAction) => {
    switch (column) {
      case "council":
        return null;
      case "region":
        return council.region;
      case "action": {
        const href = link
          ? link.href({ council, code: a.code })
          : withAsAt(`/councils/${council.slug}/actions/${a.code}`, asAt);
        return (
          <Link href={href} prefetch={false}>
            {byCouncil ? (
              <>
                <span className="font-bold">{a.code}</span> {a.title}
              </>
            ) : (
              <>
                {link?.verb ? `${link.verb} ` : ""}
                <span translate="no">{a.code}</span>: {a.title}
              </>
            )}
          </Link>
        );
      }
      case "status":
        return a.lateness === undefined ? (
          <MilestoneStatusTag status={a.status} />
        ) : (
          <span className="inline-flex flex-wrap gap-1">
            <MilestoneStatusTag status={a.status} /> <OverdueTag lateness={a.lateness} />
          </span>
        );
      case "due":
        return formatDay(a.dueDate);
      case "forecast":
        return a.forecastDate ? formatDay(a.forecastDate) : "None set";
      case "planned":
        return a.actualDate ? `Completed ${formatDay(a.actualDate)}` : formatDay(a.plannedDate ?? a.dueDate);
      case "slippage":
        return slippageWords(a);
    }
  };
  return (
    <Table caption={caption} captionVisible={captionVisible} stackOnPhone>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className={th}>
              {HEADINGS[column]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ council, action }) => {
          const header = byCouncil ? "council" : "action";
          return (
            <tr key={action ? `${council.slug}/${action.code}` : council.slug}>
              {columns.map((column, i) => {
                if (column === "council")
                  return (
                    <th key={column} scope="row" className={`${td} text-left font-normal`}>
                      <Link href={`/councils/${council.slug}`} prefetch={false}>
                        {council.name}
                      </Link>
                    </th>
                  );
                if (!action) {
                  // A council with none: its name and region, then one cell across the action's columns.
                  if (column === "region")
                    return (
                      <td key={column} className={td} data-label={HEADINGS.region}>
                        {council.region}
                      </td>
                    );
                  const first = columns.findIndex((c) => c !== "council" && c !== "region");
                  if (i !== first) return null;
                  return (
                    <td key={column} className={td} data-label={HEADINGS[column]} colSpan={columns.length - first}>
                      <span className="text-govuk-secondary">No local action</span>
                    </td>
                  );
                }
                if (column === header)
                  return (
                    <th key={column} scope="row" className={`${td} font-normal`} data-label={HEADINGS[column]}>
                      {cell(column, council, action)}
                    </th>
                  );
                return (
                  <td
                    key={column}
                    className={column === "planned" ? `${td} whitespace-nowrap` : td}
                    data-label={HEADINGS[column]}
                  >
                    {cell(column, council, action)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** Why an action is in the local slippage list, in words. */
export function slippageWords(
  a: Pick<LocalActionRowAction, "slipped" | "lateness" | "dueDate" | "forecastDate" | "plannedDate">,
): string {
  const words: string[] = [];
  if (a.slipped) words.push(`Forecast moved from ${formatDay(a.dueDate)} to ${formatDay(a.forecastDate)}`);
  if (a.lateness) words.push(`Planned for ${formatDay(a.plannedDate ?? a.dueDate)} and not complete`);
  return words.join(". ");
}

/** Rows of local actions that each carry their council (lib/local-actions reads). */
export function localActionRows<A extends LocalActionRowAction & { council: LocalActionRow["council"] }>(
  actions: readonly A[],
): LocalActionRow[] {
  return actions.map((action) => ({ council: action.council, action }));
}
