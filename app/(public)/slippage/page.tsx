import type { Metadata } from "next";
import Link from "next/link";
import { MilestoneStatusTag, OverdueTag } from "@/components/status-tags";
import { ErrorSummary } from "@/components/ui/error-summary";
import { num, Table, td, th } from "@/components/ui/table";
import { AsAtBanner, asAtErrors } from "@/components/as-at-banner";
import { formatDateTime, formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { cachedLocalSlippage, cachedSlippageRegister } from "@/lib/scrutiny/public-history-data.server";
import { COUNCIL_NOT_FOUND, parseSlippageCouncil, parseSlippageSort } from "@/lib/validations/changes";
import type { LocalSlippageEntry, Replan } from "@/lib/scrutiny/slippage.server";
import { listCouncils } from "@/lib/councils/councils.server";
import { SelectField } from "@/components/filter-form";
import { buttonClass } from "@/components/ui/button";
import { toSearchParams } from "@/lib/search-params";
import { toQueryString } from "@/lib/validations/public-filters";
import type { SlippageSort } from "@/lib/validations/slippage-sorts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Slippage register" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS: Record<SlippageSort, string> = { slippage: "most slipped first", code: "milestone code" };

function days(n: number): string {
  return n === 0 ? "None" : `${n} day${n === 1 ? "" : "s"}`;
}

/** Every council's slipped or overdue local actions listed on the register without a council chosen. */
const LOCAL_LIMIT = 100;

function Replans({ replans }: { replans: Replan[] }) {
  if (replans.length === 0) return <span className="text-govuk-secondary">Never re-planned</span>;
  return (
    <ol className="list-decimal space-y-2 pl-5">
      {replans.map((r) => (
        <li key={r.setAt + r.to}>
          <span className="font-bold">{formatDay(r.to)}</span> ({r.slipped ? "later" : "earlier"} than{" "}
          {formatDay(r.from)})<div className="text-govuk-secondary">Set {formatDateTime(r.setAt)}</div>
          <div>Reason: {r.reason ?? "none given"}</div>
        </li>
      ))}
    </ol>
  );
}

/** Councils' local actions, measured as milestones are but from the council's own first date. */
/** The measures a milestone's row and a local action's row share: re-plans, completion, slippage, lateness. */
function SlippageCells({
  entry,
}: {
  entry: Pick<LocalSlippageEntry, "replans" | "actualDate" | "timesSlipped" | "totalSlippageDays" | "daysOverdue">;
}) {
  return (
    <>
      <td className={td} data-label="Re-planned dates">
        <Replans replans={entry.replans} />
      </td>
      <td className={`${td} whitespace-nowrap`} data-label="Completed">
        {entry.actualDate ? formatDay(entry.actualDate) : <span className="text-govuk-secondary">Not yet</span>}
      </td>
      <td className={`${td} ${num}`} data-label="Times slipped">
        {entry.timesSlipped}
      </td>
      <td className={`${td} ${num} whitespace-nowrap`} data-label="Total slippage">
        {days(entry.totalSlippageDays)}
      </td>
      <td className={`${td} ${num} whitespace-nowrap`} data-label="Days overdue">
        {days(entry.daysOverdue)}
      </td>
    </>
  );
}

function LocalTable({ caption, entries }: { caption: string; entries: LocalSlippageEntry[] }) {
  return (
    <Table caption={caption} captionVisible stackOnPhone>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Local action
          </th>
          <th scope="col" className={th}>
            Council&apos;s first date
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
          <th scope="col" className={`${th} ${num}`}>
            Total slippage
          </th>
          <th scope="col" className={`${th} ${num}`}>
            Days overdue
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((a) => (
          <tr key={`${a.council.slug}/${a.code}`}>
            <th scope="row" className={`${td} font-normal`}>
              <Link href={`/councils/${a.council.slug}/actions/${a.code}`} prefetch={false}>
                <span className="font-bold">
                  {a.council.name} {a.code}
                </span>{" "}
                {a.title}
              </Link>
              <div className="mt-1 space-x-2">
                <MilestoneStatusTag status={a.status} /> <OverdueTag lateness={a.lateness} />
              </div>
            </th>
            <td className={`${td} whitespace-nowrap`} data-label="Council's first date">
              {formatDay(a.dueDate)}
            </td>
            <SlippageCells entry={a} />
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export default async function SlippagePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = parseSlippageSort(params);
  const sort: SlippageSort = parsed.ok ? parsed.sort : "slippage";
  const asAtParam = parseAsAt(params, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const councilParam = parseSlippageCouncil(params);
  const councils = await listCouncils();
  const wanted = councilParam.ok ? councilParam.council : undefined;
  const council = wanted ? councils.find((c) => c.slug === wanted || c.gssCode.toLowerCase() === wanted) : undefined;
  const councilError = !councilParam.ok
    ? councilParam.errors[0]!.message
    : wanted && !council
      ? COUNCIL_NOT_FOUND(String(toSearchParams(params).get("council")))
      : null;
  const councilErrors = councilError
    ? [{ href: "#filter-council", message: `${councilError} Showing every council.` }]
    : [];
  const [register, local] = await Promise.all([
    cachedSlippageRegister(sort, asAt),
    cachedLocalSlippage(sort, asAt, council?.gssCode, council ? undefined : LOCAL_LIMIT),
  ]);
  const slipped = register.filter((m) => m.timesSlipped > 0).length;
  const late = (kind: "not_yet_assessed" | "assessed_late") => register.filter((m) => m.lateness === kind).length;
  const overdue = register.filter((m) => m.lateness !== null).length;
  const asAtQuery = asAt ? `&asAt=${asAt}` : "";

  // With a council chosen, its local actions come first: that is what the reader asked for.
  const localSection = (
    <section aria-labelledby="local-heading" className="space-y-4">
      <h2 id="local-heading" className="text-2xl font-bold">
        Councils&apos; local actions
      </h2>
      <p className="max-w-3xl">
        Councils publish their own local actions for the reform, each with the date the council first planned. A local
        action slips when its council moves its planned date later, and is overdue on the same rule as a milestone.
        Choose a council to see all its local actions.
      </p>
      <form method="get" action="/slippage" className="space-y-4 bg-govuk-light-grey p-4" aria-label="Choose a council">
        {sort !== "slippage" && <input type="hidden" name="sort" value={sort} />}
        {asAt && <input type="hidden" name="asAt" value={asAt} />}
        <SelectField
          name="council"
          label="Council"
          value={council?.slug}
          options={councils.map((c) => ({ value: c.slug, label: c.name }))}
          anyLabel="Every council: slipped or overdue actions only"
        />
        <button type="submit" className={buttonClass.primary}>
          Show local actions
        </button>
      </form>
      {local.entries.length === 0 ? (
        <p>
          {council
            ? `${council.name} has not published local actions${asAt ? " by this date" : " yet"}.`
            : "No council's local action has slipped or is overdue."}
        </p>
      ) : (
        <LocalTable
          caption={
            council
              ? `Slippage of ${council.name}'s local actions, sorted by ${SORT_LABELS[sort]}`
              : `Councils' local actions that have slipped or are overdue, sorted by ${SORT_LABELS[sort]}${
                  local.total > local.entries.length ? ` (the first ${local.entries.length} of ${local.total})` : ""
                }`
          }
          entries={local.entries}
        />
      )}
    </section>
  );

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
      <p className="max-w-3xl">
        Slipping and being overdue are different measures. A milestone <strong>slips</strong> only when DfE staff move
        its planned date later. It is <strong>overdue</strong> when its planned date, moved or not, has passed and it is
        not complete or superseded; days overdue count from the planned date to {asAt ? "the date shown" : "today"}. So
        a milestone nobody has updated has not slipped, but is overdue once its date passes, even though nobody has yet
        said whether the work was done. <Link href="/about/statuses">What the statuses and figures mean</Link>.
      </p>
      <ErrorSummary
        errors={[
          ...asAtErrors(asAtParam),
          ...councilErrors,
          ...(parsed.ok
            ? []
            : parsed.errors.map((e) => ({
                href: "#sort-links",
                message: `${e.message} Showing the most slipped first.`,
              }))),
        ]}
      />

      {council && localSection}

      <ul className="list-disc space-y-1 pl-6 text-xl">
        <li>
          {slipped} of {register.length} milestone{register.length === 1 ? "" : "s"} have slipped at least once.
        </li>
        <li>
          {overdue} of {register.length} are overdue:{" "}
          <Link href={`/milestones?lateness=not_yet_assessed${asAtQuery}`}>
            {late("not_yet_assessed")} not yet assessed by staff
          </Link>{" "}
          and{" "}
          <Link href={`/milestones?lateness=assessed_late${asAtQuery}`}>{late("assessed_late")} assessed and late</Link>
          .
        </li>
      </ul>

      <nav id="sort-links" aria-label="Sort the register" className="flex flex-wrap gap-6">
        <span>Sort by:</span>
        {(Object.keys(SORT_LABELS) as SlippageSort[]).map((s) =>
          s === sort ? (
            <span key={s} aria-current="page" className="font-bold">
              {SORT_LABELS[s]}
            </span>
          ) : (
            <Link
              key={s}
              href={`/slippage${toQueryString({ sort: s === "slippage" ? undefined : s, asAt, council: council?.slug })}`}
            >
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
            <th scope="col" className={`${th} ${num}`}>
              Days overdue
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
                <div className="mt-1 space-x-2">
                  <MilestoneStatusTag status={m.status} /> <OverdueTag lateness={m.lateness} />
                </div>
              </th>
              <td className={`${td} whitespace-nowrap`} data-label="Date in the strategy">
                {formatDay(m.dueDate)}
                {m.dateAsWritten && m.dateAsWritten !== m.dueDate && (
                  <div className="text-govuk-secondary">(&ldquo;{m.dateAsWritten}&rdquo;)</div>
                )}
                {!m.dateAsWritten && <div className="text-govuk-secondary">(added by DfE)</div>}
              </td>
              <SlippageCells entry={m} />
            </tr>
          ))}
        </tbody>
      </Table>
      {!council && localSection}
      <p>
        See <Link href="/changes">what changed in a period</Link>.
      </p>
    </div>
  );
}
