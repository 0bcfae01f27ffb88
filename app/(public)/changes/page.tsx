import type { Metadata } from "next";
import Link from "next/link";
import { FollowChanges } from "@/components/feed-links";
import { DateField, SelectField } from "@/components/filter-form";
import { Tag } from "@/components/ui/tag";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { num, Table, td, th } from "@/components/ui/table";
import { changePath, describeChange, publishedBy, shortTitle } from "@/lib/scrutiny/change-words";
import { listCouncils } from "@/lib/councils/councils.server";
import type { ListedChange } from "@/lib/scrutiny/changes.server";
import { numbered } from "@/lib/reform/options";
import { cachedOutcomes, cachedPillars } from "@/lib/reform/public-data.server";
import { toQueryString } from "@/lib/validations/public-filters";
import { toSearchParams } from "@/lib/search-params";
import { formatDateTime, formatDay, todayInLondon } from "@/lib/dates";
import { cachedChanges } from "@/lib/scrutiny/public-history-data.server";
import { COUNCIL_NOT_FOUND, parseChangesParams, suggestedPeriods } from "@/lib/validations/changes";
import { CHANGE_KIND_LABELS, CHANGE_KINDS, OUTCOME_KIND_LABELS, type ChangeKind } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "What changed" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ITEM_LABEL = { milestone: "Milestone", recommendation: "Recommendation", local_action: "Local action" } as const;

function ItemName({ c }: { c: ListedChange }) {
  if (c.council)
    return (
      <>
        <span className="font-bold">
          {c.council.name} {c.code}
        </span>{" "}
        {shortTitle(c.title)}
      </>
    );
  return (
    <>
      <span className="font-bold">{c.entityType === "milestone" ? c.code : `Recommendation ${c.code}`}</span>{" "}
      {c.entityType === "milestone" ? c.title : shortTitle(c.title)}
    </>
  );
}

// Each change once, newest first, with the pillars it belongs to as tags. On a phone each row is a card
// (stackOnPhone) so the reason is read in full, not squeezed into a column off to the side.
function ChangeTable({ caption, items }: { caption: string; items: ListedChange[] }) {
  return (
    <Table caption={caption} stackOnPhone>
      <thead>
        <tr>
          <th scope="col" className={th}>
            When
          </th>
          <th scope="col" className={th}>
            Milestone, recommendation or local action
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
          <tr key={c.eventId}>
            <td className={`${td} sm:whitespace-nowrap`} data-label="When">
              {formatDateTime(c.occurredAt)}
            </td>
            <td className={`${td} min-w-48`} data-label={ITEM_LABEL[c.entityType]}>
              <Link href={changePath(c)}>
                <ItemName c={c} />
              </Link>
              <span className="mt-1 block text-base text-govuk-secondary">Published by {publishedBy(c)}</span>
              {(c.council || c.pillars.length > 0) && (
                <span className="mt-1 flex flex-wrap gap-1">
                  {c.council && <Tag colour="purple">Local action</Tag>}
                  {c.pillars.map((n) => (
                    <Tag key={n} colour="blue">{`Pillar ${n}`}</Tag>
                  ))}
                </span>
              )}
            </td>
            <td className={td} data-label="Change">
              {c.changes.map((k) => (
                <span key={k.kind} className="block">
                  {describeChange(k)}
                </span>
              ))}
            </td>
            <td className={`${td} min-w-48`} data-label="Reason given">
              {c.reason ?? <span className="text-govuk-secondary">None given</span>}
            </td>
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
  const [councils, pillars, outcomes] = await Promise.all([listCouncils(), cachedPillars(), cachedOutcomes()]);
  const { since, until, pillar, outcome, scope: source } = parsed;
  // The council the address names, by slug or ONS code; one that names none is an error like a bad date.
  const council =
    parsed.council === undefined
      ? undefined
      : councils.find((c) => c.slug === parsed.council || c.gssCode.toLowerCase() === parsed.council);
  const errors = [
    ...(parsed.ok ? [] : parsed.errors),
    ...(parsed.council !== undefined && !council
      ? [{ parameter: "council", message: COUNCIL_NOT_FOUND(String(toSearchParams(params).get("council"))) }]
      : []),
  ];
  const report = parsed.ok && errors.length === 0 ? await cachedChanges(parsed.since, parsed.until) : null;
  const listed = (report?.changes ?? []).filter(
    (c) =>
      (pillar === undefined || c.pillars.includes(pillar)) &&
      (outcome === undefined || c.outcomes.includes(outcome)) &&
      (council === undefined || c.council?.slug === council.slug) &&
      (source === undefined || (source === "local") === (c.council !== null)),
  );
  const counts = Object.fromEntries(
    CHANGE_KINDS.map((k) => [k, listed.filter((c) => c.changes.some((x) => x.kind === k)).length]),
  ) as Record<ChangeKind, number>;
  const scope = [
    council ? `${council.name}'s local actions` : source === "local" ? "councils' local actions" : null,
    source === "national" ? "the national reform" : null,
    pillar === undefined ? null : `pillar ${pillar}`,
    outcome === undefined
      ? null
      : `${OUTCOME_KIND_LABELS[outcomes.find((o) => o.number === outcome)?.kind ?? "outcome"].toLowerCase()} ${outcome}`,
  ]
    .filter(Boolean)
    .join(" and ");
  const scopeWords = scope ? ` in ${scope}` : "";

  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">What changed</h1>
      <p className="max-w-3xl">
        Every change DfE programme staff made to the reform in a period, from the tracker&apos;s audit trail: milestones
        completed, newly at risk or delayed, dates moved, responses reclassified and milestones added. Councils&apos;
        changes to their own local actions are listed too, each published by its council. The address of this page holds
        the period, so you can share it.
      </p>
      <FollowChanges />

      {errors.length > 0 && (
        <ErrorSummary errors={errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))} />
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
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="pillar" label="Pillar" value={pillar} options={numbered(pillars)} anyLabel="All pillars" />
          <SelectField
            name="outcome"
            label="Outcome or enabler"
            value={outcome}
            options={numbered(outcomes)}
            anyLabel="All outcomes and enablers"
          />
          <SelectField
            name="scope"
            label="Whose changes"
            value={source}
            options={[
              { value: "national", label: "DfE's changes to the national reform" },
              { value: "local", label: "Councils' changes to their local actions" },
            ]}
            anyLabel="DfE's and councils'"
          />
          <SelectField
            name="council"
            label="Council"
            value={council?.slug}
            options={councils.map((c) => ({ value: c.slug, label: c.name }))}
            anyLabel="All councils"
          />
        </div>
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
                <Link
                  href={`/changes${toQueryString({ since: p.since, pillar, outcome, scope: source, council: council?.slug })}`}
                >
                  Changes {p.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {report && (
        <>
          <h2 className="text-2xl font-bold" aria-live="polite">
            {listed.length === 0
              ? `No changes${scopeWords} from ${formatDay(report.since)} to ${formatDay(report.until)}`
              : `${listed.length} ${listed.length === 1 ? "change" : "changes"}${scopeWords} from ${formatDay(report.since)} to ${formatDay(report.until)}`}
          </h2>
          <Table
            caption={`Number of changes of each kind${scopeWords} from ${formatDay(report.since)} to ${formatDay(report.until)}`}
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
                  <td className={`${td} ${num}`}>{counts[k]}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="text-base text-govuk-secondary">
            One update can be of two kinds, for example a milestone completed later than planned: it is listed once and
            counted under each kind. A milestone serving more than one pillar is listed once, with a tag for each.
          </p>
          {listed.length > 0 && (
            <ChangeTable
              caption={`Changes${scopeWords} from ${formatDay(report.since)} to ${formatDay(report.until)}, newest first`}
              items={listed}
            />
          )}
        </>
      )}
      <p>
        See also the <Link href="/slippage">slippage register</Link>: every milestone&apos;s original date and each time
        it was re-planned.
      </p>
    </div>
  );
}
