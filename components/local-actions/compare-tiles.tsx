import Link from "next/link";
import { MilestoneStatusTag } from "@/components/status-tags";
import type { CouncilComparison } from "@/lib/local-actions/compare.server";
import { MILESTONE_STATUSES } from "@/lib/vocabulary";

/**
 * A tile lists up to this many local actions, each with its status; a council with more shows how many it has of
 * each status instead (the compare table lists them), so that a tile stays a tile and the page stays light when
 * councils publish dozens of actions for one item (docs/performance.md, "Councils").
 */
export const LISTED_IN_A_TILE = 3;

/**
 * Every council as a tile, grouped by region (like a programme's tiles, components/programmes/council-tiles.tsx),
 * each with the status of its local actions for one national item as tags with words, or "No local action": the
 * grid reads the same without colour (WCAG 1.4.1).
 */
export function CompareTiles({
  rows,
  itemCode,
  tableHref,
}: {
  rows: CouncilComparison[];
  itemCode: string;
  /** Where the compare table lists a council's actions (the page of its first row). */
  tableHref: (councilSlug: string) => string;
}) {
  const regions = new Map<string, CouncilComparison[]>();
  for (const r of rows) regions.set(r.council.region, [...(regions.get(r.council.region) ?? []), r]);
  return (
    <div className="space-y-6">
      {[...regions].map(([region, list]) => (
        <section key={region} aria-labelledby={`tiles-${region}`} className="space-y-2">
          <h3 id={`tiles-${region}`} className="text-xl font-bold">
            {region}{" "}
            <span className="text-base font-normal text-govuk-secondary">
              ({list.filter((r) => r.actions.length > 0).length} of {list.length} with a local action)
            </span>
          </h3>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6" aria-label={`Councils in ${region}`}>
            {list.map(({ council, actions }) => (
              <li
                key={council.slug}
                className={`border-2 p-2 text-base ${actions.length ? "border-4 border-govuk-blue" : "border-govuk-border"}`}
                data-council={council.slug}
              >
                <Link href={`/councils/${council.slug}`} prefetch={false} className={actions.length ? "font-bold" : ""}>
                  {council.name}
                </Link>
                {actions.length === 0 ? (
                  <span className="mt-1 block text-govuk-secondary">No local action</span>
                ) : actions.length > LISTED_IN_A_TILE ? (
                  <StatusCounts
                    council={council}
                    actions={actions}
                    itemCode={itemCode}
                    href={tableHref(council.slug)}
                  />
                ) : (
                  <ul className="mt-1 space-y-1" aria-label={`${council.name}'s local actions for ${itemCode}`}>
                    {actions.map((a) => (
                      <li key={a.code}>
                        <Link href={`/councils/${council.slug}/actions/${a.code}`} prefetch={false}>
                          {a.code}
                        </Link>{" "}
                        <MilestoneStatusTag status={a.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function StatusCounts({ council, actions, itemCode, href }: CouncilComparison & { itemCode: string; href: string }) {
  return (
    <>
      <span className="mt-1 block">
        <Link href={href} prefetch={false}>
          {actions.length} local actions<span className="sr-only"> of {council.name} in the table</span>
        </Link>
      </span>
      <ul className="mt-1 space-y-1" aria-label={`${council.name}'s local actions for ${itemCode}, by status`}>
        {MILESTONE_STATUSES.map((status) => {
          const n = actions.filter((a) => a.status === status).length;
          return n === 0 ? null : (
            <li key={status}>
              {n} <MilestoneStatusTag status={status} />
            </li>
          );
        })}
      </ul>
    </>
  );
}
