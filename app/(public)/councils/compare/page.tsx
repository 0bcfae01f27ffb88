import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsAtBanner, asAtErrors } from "@/components/as-at-banner";
import { CouncilAttribution } from "@/components/council-attribution";
import { TextField } from "@/components/filter-form";
import { CompareTiles } from "@/components/local-actions/compare-tiles";
import { LocalActionTable } from "@/components/local-actions/local-action-table";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Pagination } from "@/components/ui/pagination";
import { num, Table, td, th } from "@/components/ui/table";
import { formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { cachedComparison, cachedNationalItem } from "@/lib/local-actions/compare-data.server";
import { compareTableRows } from "@/lib/local-actions/compare.server";
import { shortTitle } from "@/lib/scrutiny/change-words";
import { COMPARE_PAGE_SIZE, parseCompareParams, parseComparePage } from "@/lib/validations/compare";
import { toQueryString } from "@/lib/validations/public-filters";
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare councils" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Every council's local status for one national milestone or recommendation (issue 15, item 6), as a tile grid and
// a table, and as a CSV download (app/(public)/councils/compare.csv).
export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = parseCompareParams(params);
  const asAtParam = parseAsAt(params, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const item = parsed.ok ? await cachedNationalItem(parsed.kind, parsed.code) : null;
  if (parsed.ok && !item) notFound();
  const comparison = item ? await cachedComparison(item.kind, item.code, asAt) : null;
  const itemName = item ? (item.kind === "milestone" ? item.code : `Recommendation ${item.code}`) : "";
  const query = item ? { [item.kind]: item.code, asAt } : {};
  // The table is paged (it holds a row for every local action, thousands on a large dataset); the tiles, the counts
  // and the download above it cover every council and every action.
  const pageParam = parseComparePage(params);
  const page = pageParam.ok ? pageParam.page : 1;
  const allRows = comparison ? compareTableRows(comparison.councils) : [];
  const pages = Math.max(1, Math.ceil(allRows.length / COMPARE_PAGE_SIZE));
  const first = (page - 1) * COMPARE_PAGE_SIZE;
  const tableRows = allRows.slice(first, first + COMPARE_PAGE_SIZE);
  const firstRowOf = new Map<string, number>();
  allRows.forEach((row, i) => {
    if (!firstRowOf.has(row.council.slug)) firstRowOf.set(row.council.slug, i);
  });
  const pageHref = (n: number) =>
    `/councils/compare${toQueryString(query, { page: n === 1 ? undefined : n })}#table-heading`;

  const chooser = (
    <form
      method="get"
      action="/councils/compare"
      className="space-y-4 bg-govuk-light-grey p-4"
      aria-label="Choose a national item"
    >
      <p className="max-w-3xl">
        Give a national milestone or a recommendation to see what every council has published about it.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="milestone"
          label="Milestone code"
          hint="For example M-30"
          value={item?.kind === "milestone" ? item.code : undefined}
        />
        <TextField
          name="recommendation"
          label="Or recommendation code"
          hint="For example CR-01"
          value={item?.kind === "recommendation" ? item.code : undefined}
        />
      </div>
      {asAt && <input type="hidden" name="asAt" value={asAt} />}
      <button type="submit" className={buttonClass.primary}>
        Compare councils
      </button>
    </form>
  );

  return (
    <div className="space-y-8">
      <p>
        <Link href="/councils">All councils</Link>
      </p>
      <div className="space-y-2">
        <span className="text-xl text-govuk-secondary">Compare councils</span>
        <h1 className="text-4xl font-bold">
          {item ? `${itemName}: every council's local action` : "Compare councils on a national item"}
        </h1>
        {item && (
          <p className="max-w-3xl text-xl">
            <Link href={`/${item.kind === "milestone" ? "milestones" : "recommendations"}/${item.code}`}>
              {item.kind === "milestone" ? item.title : shortTitle(item.title, 200)}
            </Link>
          </p>
        )}
      </div>
      <ErrorSummary
        errors={[
          ...asAtErrors(asAtParam),
          ...(parsed.ok || parsed.missing
            ? []
            : parsed.errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))),
          ...(pageParam.ok || !item
            ? []
            : pageParam.errors.map((e) => ({ href: "#table-heading", message: e.message }))),
        ]}
      />
      {item && <AsAtBanner asAt={asAt} todayHref="/councils/compare" keep={{ [item.kind]: item.code }} />}

      {!item && chooser}

      {item && comparison && (
        <>
          <section aria-labelledby="summary-heading" className="space-y-3">
            <h2 id="summary-heading" className="text-2xl font-bold">
              {comparison.delivery.councils} of {comparison.councils.length} councils{" "}
              {comparison.delivery.councils === 1 ? "has" : "have"} published a local action for {itemName}
            </h2>
            <p className="max-w-3xl">
              Councils publish their own local actions and say which national items each serves. A council shown with
              &ldquo;No local action&rdquo; has not published one for {itemName}
              {asAt ? ` by ${formatDay(asAt)}` : ""}; that says nothing about its work, only about what it has published
              here.
            </p>
            <Table caption={`Local actions for ${itemName}, by status`} captionVisible>
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
                {MILESTONE_STATUSES.map((s) => (
                  <tr key={s}>
                    <th scope="row" className={`${td} font-normal`}>
                      {MILESTONE_STATUS_LABELS[s]}
                    </th>
                    <td className={`${td} ${num}`}>{comparison.delivery.byStatus[s]}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <p>
              <a href={`/councils/compare.csv${toQueryString(query)}`} download>
                Download every council&apos;s local status for {itemName} (CSV)
              </a>
            </p>
          </section>

          <section aria-labelledby="tiles-heading" className="space-y-3">
            <h2 id="tiles-heading" className="text-2xl font-bold">
              Every council, by region
            </h2>
            <CompareTiles
              rows={comparison.councils}
              itemCode={item.code}
              tableHref={(slug) => pageHref(Math.floor(firstRowOf.get(slug)! / COMPARE_PAGE_SIZE) + 1)}
            />
          </section>

          <section aria-labelledby="table-heading" className="space-y-3">
            <h2 id="table-heading" className="text-2xl font-bold">
              Every council, as a table
            </h2>
            {!pageParam.ok ? (
              <p>
                The table is shown a page at a time: <Link href={pageHref(1)}>see its first page</Link>.
              </p>
            ) : tableRows.length === 0 ? (
              <p>
                There is no page {page} of this table: it has {pages} {pages === 1 ? "page" : "pages"}.{" "}
                <Link href={pageHref(1)}>See the first page</Link>.
              </p>
            ) : (
              <>
                {pages > 1 && (
                  <p>
                    Rows {first + 1} to {first + tableRows.length} of {allRows.length}: one for each local action, and
                    one for each council with none. The tiles above, the counts and the download cover them all.
                  </p>
                )}
                <LocalActionTable
                  caption={`Every council's local action for ${itemName}`}
                  rows={tableRows}
                  columns={["council", "region", "action", "status", "planned"]}
                />
                <Pagination page={page} pageSize={COMPARE_PAGE_SIZE} total={allRows.length} hrefFor={pageHref} />
              </>
            )}
          </section>
        </>
      )}
      {item && (
        <section aria-labelledby="another-heading" className="space-y-3">
          <h2 id="another-heading" className="text-2xl font-bold">
            Compare councils on another national item
          </h2>
          {chooser}
        </section>
      )}
      <CouncilAttribution />
    </div>
  );
}
