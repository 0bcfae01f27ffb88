import Link from "next/link";
import { LocalActionTable, localActionRows } from "@/components/local-actions/local-action-table";
import { num, Table, td, th } from "@/components/ui/table";
import { formatDay } from "@/lib/dates";
import type { LocalDelivery } from "@/lib/local-actions/compare.server";
import { COMPARE_PAGE_SIZE } from "@/lib/validations/compare";
import { toQueryString } from "@/lib/validations/public-filters";
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES } from "@/lib/vocabulary";

/**
 * On a national milestone's or recommendation's page: how many councils have published local actions for it, by
 * status, and the list, with the way to the compare page (issue 15, item 6). The list holds the compare table's first
 * page at most: with every council taking part an item can have thousands of actions, which the paged compare page
 * lists in full.
 */
export function LocalDeliverySection({
  delivery,
  item,
  asAt,
}: {
  delivery: LocalDelivery;
  item: { kind: "milestone" | "recommendation"; code: string };
  asAt?: string;
}) {
  const name = item.kind === "milestone" ? item.code : `recommendation ${item.code}`;
  const compareHref = `/councils/compare${toQueryString({ [item.kind]: item.code, asAt })}`;
  const total = delivery.actions.length;
  return (
    <section aria-labelledby="local-delivery-heading" className="space-y-3">
      <h2 id="local-delivery-heading" className="text-2xl font-bold">
        Councils&apos; local actions
      </h2>
      {total === 0 ? (
        <p className="max-w-3xl">
          No council has published a local action for {name}
          {asAt ? ` by ${formatDay(asAt)}` : " yet"}.
        </p>
      ) : (
        <>
          <p className="max-w-3xl">
            {delivery.councils} {delivery.councils === 1 ? "council has" : "councils have"} published {total} local{" "}
            {total === 1 ? "action" : "actions"} for {name}.
          </p>
          <Table caption={`Councils' local actions for ${name}, by status`}>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Status
                </th>
                <th scope="col" className={`${th} ${num}`}>
                  Local actions
                </th>
              </tr>
            </thead>
            <tbody>
              {MILESTONE_STATUSES.filter((s) => delivery.byStatus[s] > 0).map((s) => (
                <tr key={s}>
                  <th scope="row" className={`${td} font-normal`}>
                    {MILESTONE_STATUS_LABELS[s]}
                  </th>
                  <td className={`${td} ${num}`}>{delivery.byStatus[s]}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <LocalActionTable
            caption={
              total > COMPARE_PAGE_SIZE
                ? `The first ${COMPARE_PAGE_SIZE} of ${total} councils' local actions for ${name}`
                : `Every council's local action for ${name}`
            }
            rows={localActionRows(delivery.actions.slice(0, COMPARE_PAGE_SIZE))}
            columns={["council", "action", "status"]}
          />
          {total > COMPARE_PAGE_SIZE && (
            <p className="max-w-3xl">
              This shows the first {COMPARE_PAGE_SIZE}, by council. The compare page lists all {total}, with every
              council&apos;s tile.
            </p>
          )}
        </>
      )}
      <p>
        <Link href={compareHref} prefetch={false}>
          Compare every council on {name}
        </Link>
      </p>
    </section>
  );
}
