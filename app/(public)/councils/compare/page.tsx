import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsAtBanner, asAtErrors } from "@/components/as-at-banner";
import { CouncilAttribution } from "@/components/council-attribution";
import { TextField } from "@/components/filter-form";
import { CompareTiles } from "@/components/local-actions/compare-tiles";
import { MilestoneStatusTag } from "@/components/status-tags";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { num, Table, td, th } from "@/components/ui/table";
import { formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { cachedComparison, cachedNationalItem } from "@/lib/local-actions/compare-data.server";
import { shortTitle } from "@/lib/scrutiny/change-words";
import { parseCompareParams } from "@/lib/validations/compare";
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
            <CompareTiles rows={comparison.councils} itemCode={item.code} />
          </section>

          <section aria-labelledby="table-heading" className="space-y-3">
            <h2 id="table-heading" className="text-2xl font-bold">
              Every council, as a table
            </h2>
            <Table caption={`Every council's local action for ${itemName}`} stackOnPhone>
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    Council
                  </th>
                  <th scope="col" className={th}>
                    Region
                  </th>
                  <th scope="col" className={th}>
                    Local action
                  </th>
                  <th scope="col" className={th}>
                    Status
                  </th>
                  <th scope="col" className={th}>
                    Planned date
                  </th>
                </tr>
              </thead>
              <tbody>
                {comparison.councils.flatMap(({ council, actions }) =>
                  actions.length === 0
                    ? [
                        <tr key={council.slug}>
                          <th scope="row" className={`${td} text-left font-normal`}>
                            <Link href={`/councils/${council.slug}`} prefetch={false}>
                              {council.name}
                            </Link>
                          </th>
                          <td className={td} data-label="Region">
                            {council.region}
                          </td>
                          <td className={td} data-label="Local action" colSpan={3}>
                            <span className="text-govuk-secondary">No local action</span>
                          </td>
                        </tr>,
                      ]
                    : actions.map((a) => (
                        <tr key={`${council.slug}/${a.code}`}>
                          <th scope="row" className={`${td} text-left font-normal`}>
                            <Link href={`/councils/${council.slug}`} prefetch={false}>
                              {council.name}
                            </Link>
                          </th>
                          <td className={td} data-label="Region">
                            {council.region}
                          </td>
                          <td className={td} data-label="Local action">
                            <Link href={`/councils/${council.slug}/actions/${a.code}`} prefetch={false}>
                              <span className="font-bold">{a.code}</span> {a.title}
                            </Link>
                          </td>
                          <td className={td} data-label="Status">
                            <MilestoneStatusTag status={a.status} />
                          </td>
                          <td className={`${td} whitespace-nowrap`} data-label="Planned date">
                            {a.actualDate ? `Completed ${formatDay(a.actualDate)}` : formatDay(a.plannedDate)}
                          </td>
                        </tr>
                      )),
                )}
              </tbody>
            </Table>
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
