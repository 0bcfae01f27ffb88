import type { Metadata } from "next";
import Link from "next/link";
import { MilestoneStatusTag } from "@/components/status-tags";
import { ErrorSummary } from "@/components/ui/error-summary";
import { num, Table, td, th } from "@/components/ui/table";
import { AsAtBanner, asAtErrors } from "@/components/as-at-banner";
import { formatDateTime, formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { cachedSlippageRegister } from "@/lib/scrutiny/public-history-data.server";
import { parseSlippageSort } from "@/lib/validations/changes";
import { toQueryString } from "@/lib/validations/public-filters";
import type { SlippageSort } from "@/lib/validations/slippage-sorts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Slippage register" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS: Record<SlippageSort, string> = { slippage: "most slipped first", code: "milestone code" };

function days(n: number): string {
  return n === 0 ? "None" : `${n} day${n === 1 ? "" : "s"}`;
}

export default async function SlippagePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = parseSlippageSort(params);
  const sort: SlippageSort = parsed.ok ? parsed.sort : "slippage";
  const asAtParam = parseAsAt(params, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const register = await cachedSlippageRegister(sort, asAt);
  const slipped = register.filter((m) => m.timesSlipped > 0).length;

  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">Slippage register</h1>
      <AsAtBanner asAt={asAt} todayHref="/slippage" />
      <p className="max-w-3xl">
        For every milestone: the date <cite>Stable Homes, Built on Love</cite> gave it, each date DfE has re-planned it
        to, with the reason and when it was set, and when it was actually completed. A milestone has slipped each time
        its planned date moved later. Total slippage is the number of days from the strategy&apos;s date to today&apos;s
        planned date.
      </p>
      <ErrorSummary
        errors={[
          ...asAtErrors(asAtParam),
          ...(parsed.ok
            ? []
            : parsed.errors.map((e) => ({
                href: "#sort-links",
                message: `${e.message} Showing the most slipped first.`,
              }))),
        ]}
      />

      <p className="text-xl">
        {slipped} of {register.length} milestone{register.length === 1 ? "" : "s"} have slipped at least once.
      </p>

      <nav id="sort-links" aria-label="Sort the register" className="flex flex-wrap gap-6">
        <span>Sort by:</span>
        {(Object.keys(SORT_LABELS) as SlippageSort[]).map((s) =>
          s === sort ? (
            <span key={s} aria-current="page" className="font-bold">
              {SORT_LABELS[s]}
            </span>
          ) : (
            <Link key={s} href={`/slippage${toQueryString({ sort: s === "slippage" ? undefined : s, asAt })}`}>
              {SORT_LABELS[s]}
            </Link>
          ),
        )}
      </nav>

      <Table caption={`Slippage of every milestone, sorted by ${SORT_LABELS[sort]}`} captionVisible stackOnPhone>
        <thead>
          <tr>
            <th scope="col" className={th} aria-sort={sort === "code" ? "ascending" : undefined}>
              Milestone
            </th>
            <th scope="col" className={th}>
              Date in the strategy
            </th>
            <th scope="col" className={th}>
              Re-planned dates
            </th>
            <th scope="col" className={th}>
              Completed
            </th>
            <th scope="col" className={`${th} ${num}`}>
              Times slipped
            </th>
            <th scope="col" className={`${th} ${num}`} aria-sort={sort === "slippage" ? "descending" : undefined}>
              Total slippage
            </th>
          </tr>
        </thead>
        <tbody>
          {register.map((m) => (
            <tr key={m.code}>
              <th scope="row" className={`${td} font-normal`}>
                <Link href={`/milestones/${encodeURIComponent(m.code)}`}>
                  <span className="font-bold">{m.code}</span> {m.title}
                </Link>
                <div className="mt-1">
                  <MilestoneStatusTag status={m.status} />
                </div>
              </th>
              <td className={`${td} whitespace-nowrap`} data-label="Date in the strategy">
                {formatDay(m.dueDate)}
                {m.dateAsWritten && m.dateAsWritten !== m.dueDate && (
                  <div className="text-govuk-secondary">(&ldquo;{m.dateAsWritten}&rdquo;)</div>
                )}
                {!m.dateAsWritten && <div className="text-govuk-secondary">(added by DfE)</div>}
              </td>
              <td className={td} data-label="Re-planned dates">
                {m.replans.length === 0 ? (
                  <span className="text-govuk-secondary">Never re-planned</span>
                ) : (
                  <ol className="list-decimal space-y-2 pl-5">
                    {m.replans.map((r) => (
                      <li key={r.setAt + r.to}>
                        <span className="font-bold">{formatDay(r.to)}</span> ({r.slipped ? "later" : "earlier"} than{" "}
                        {formatDay(r.from)})<div className="text-govuk-secondary">Set {formatDateTime(r.setAt)}</div>
                        <div>Reason: {r.reason ?? "none given"}</div>
                      </li>
                    ))}
                  </ol>
                )}
              </td>
              <td className={`${td} whitespace-nowrap`} data-label="Completed">
                {m.actualDate ? formatDay(m.actualDate) : <span className="text-govuk-secondary">Not yet</span>}
              </td>
              <td className={`${td} ${num}`} data-label="Times slipped">
                {m.timesSlipped}
              </td>
              <td className={`${td} ${num} whitespace-nowrap`} data-label="Total slippage">
                {days(m.totalSlippageDays)}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p>
        See <Link href="/changes">what changed in a period</Link>.
      </p>
    </div>
  );
}
