import type { Metadata } from "next";
import Link from "next/link";
import { FollowChanges } from "@/components/feed-links";
import { DateField } from "@/components/filter-form";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { num, Table, td, th } from "@/components/ui/table";
import { describeChange } from "@/lib/scrutiny/change-words";
import type { ChangeItem } from "@/lib/scrutiny/changes.server";
import { formatDateTime, formatDay, todayInLondon } from "@/lib/dates";
import { cachedChanges } from "@/lib/scrutiny/public-history-data.server";
import { parseChangesParams, suggestedPeriods } from "@/lib/validations/changes";
import { CHANGE_KIND_LABELS, CHANGE_KINDS, type ChangeKind } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "What changed" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function hrefFor(c: ChangeItem): string {
  return c.entityType === "milestone"
    ? `/milestones/${encodeURIComponent(c.code)}`
    : `/recommendations/${encodeURIComponent(c.code)}`;
}

function ChangeTable({ caption, items }: { caption: string; items: ChangeItem[] }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col" className={th}>
            When
          </th>
          <th scope="col" className={th}>
            {items[0]?.entityType === "recommendation" ? "Recommendation" : "Milestone"}
          </th>
          <th scope="col" className={th}>
            Change
          </th>
          <th scope="col" className={th}>
            Reason given
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={`${c.eventId}-${c.kind}`}>
            <td className={`${td} whitespace-nowrap`}>{formatDateTime(c.occurredAt)}</td>
            <td className={td}>
              <Link href={hrefFor(c)}>
                <span className="font-bold">{c.code}</span> {c.title}
              </Link>
            </td>
            <td className={td}>{describeChange(c)}</td>
            <td className={td}>{c.reason ?? <span className="text-govuk-secondary">None given</span>}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export default async function ChangesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const today = todayInLondon();
  const parsed = parseChangesParams(params, today);
  const report = parsed.ok ? await cachedChanges(parsed.since, parsed.until) : null;
  const { since, until } = parsed;

  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">What changed</h1>
      <p className="max-w-3xl">
        Every change DfE programme staff made to the reform in a period, from the tracker&apos;s audit trail: milestones
        completed, newly at risk or delayed, dates moved, responses reclassified and milestones added. The address of
        this page holds the period, so you can share it.
      </p>
      <FollowChanges />

      {!parsed.ok && !parsed.missing && (
        <ErrorSummary errors={parsed.errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))} />
      )}

      <form method="get" action="/changes" className="space-y-4 bg-govuk-light-grey p-4" aria-label="Choose a period">
        <fieldset>
          <legend className="mb-2 text-xl font-bold">Period</legend>
          <p className="mb-3 text-base text-govuk-secondary">
            Both days are included. Leave the end date empty for today.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <DateField name="since" label="From" value={typeof params.since === "string" ? params.since : since} />
            <DateField
              name="until"
              label="To (optional)"
              value={typeof params.until === "string" ? params.until : until}
            />
          </div>
        </fieldset>
        <button type="submit" className={buttonClass.primary}>
          Show changes
        </button>
      </form>

      {!parsed.ok && (
        <section aria-labelledby="suggestions" className="space-y-2">
          <h2 id="suggestions" className="text-2xl font-bold">
            {parsed.missing ? "Choose a start date, or pick a period" : "Or pick a period"}
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {suggestedPeriods(today).map((p) => (
              <li key={p.since}>
                <Link href={`/changes?since=${p.since}`}>Changes in {p.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {report && (
        <>
          <h2 className="text-2xl font-bold" aria-live="polite">
            {report.events === 0
              ? `No changes from ${formatDay(report.since)} to ${formatDay(report.until)}`
              : `Changes from ${formatDay(report.since)} to ${formatDay(report.until)}`}
          </h2>
          <Table
            caption={`Number of changes of each kind from ${formatDay(report.since)} to ${formatDay(report.until)}`}
            captionVisible
          >
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Kind of change
                </th>
                <th scope="col" className={`${th} ${num}`}>
                  Number
                </th>
              </tr>
            </thead>
            <tbody>
              {CHANGE_KINDS.map((k) => (
                <tr key={k}>
                  <th scope="row" className={`${td} font-normal`}>
                    {CHANGE_KIND_LABELS[k]}
                  </th>
                  <td className={`${td} ${num}`}>{report.counts[k]}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="text-base text-govuk-secondary">
            One update can be counted under two kinds, for example a milestone completed later than planned. A milestone
            in more than one pillar is listed under each, but counted once.
          </p>

          {report.pillars.map((p) => {
            const id = `pillar-${p.number ?? "none"}`;
            const heading = p.number === null ? p.title : `Pillar ${p.number}: ${p.title}`;
            return (
              <section key={id} aria-labelledby={id} className="space-y-4">
                <h2 id={id} className="text-2xl font-bold">
                  {heading}
                </h2>
                {CHANGE_KINDS.filter((k: ChangeKind) => p.byKind[k].length > 0).map((k) => (
                  <div key={k} className="space-y-2">
                    <h3 className="text-xl font-bold">
                      {CHANGE_KIND_LABELS[k]} ({p.byKind[k].length})
                    </h3>
                    <ChangeTable caption={`${CHANGE_KIND_LABELS[k]}: ${heading}`} items={p.byKind[k]} />
                  </div>
                ))}
              </section>
            );
          })}
        </>
      )}
      <p>
        See also the <Link href="/slippage">slippage register</Link>: every milestone&apos;s original date and each time
        it was re-planned.
      </p>
    </div>
  );
}
