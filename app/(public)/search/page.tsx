import type { Metadata } from "next";
import Link from "next/link";
import { HighlightedText } from "@/components/highlighted-text";
import { LinkedMilestones } from "@/components/linked-milestones";
import { MilestoneStatusTag, ResponseClassTag } from "@/components/status-tags";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Pagination } from "@/components/ui/pagination";
import { formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { cachedSearch } from "@/lib/reform/public-data.server";
import type { SearchResult, SnippetField } from "@/lib/reform/search.server";
import { toSearchParams } from "@/lib/search-params";
import { SEARCH_WORDS_MAX, toQueryString } from "@/lib/validations/public-filters";
import { MISSING_SEARCH_WORDS, parseSearch, SEARCH_KINDS, type SearchKind } from "@/lib/validations/search";
import { OUTCOME_KIND_LABELS } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KIND_LABELS: Record<SearchKind, { one: string; many: string }> = {
  recommendation: { one: "Recommendation", many: "Recommendations" },
  milestone: { one: "Milestone", many: "Milestones" },
  pillar: { one: "Pillar", many: "Pillars" },
  outcome: { one: "Outcome or enabler", many: "Outcomes and enablers" },
  commitment: { one: "Annex 1 commitment", many: "Annex 1 commitments" },
  council: { one: "Council", many: "Councils" },
  programme: { one: "National programme", many: "National programmes" },
  local_action: { one: "Local action", many: "Local actions" },
};

const FIELD_LABELS: Record<SnippetField, string> = {
  text: "Recommendation",
  response: "Government response",
  activity: "Activity",
  commentary: "Commentary",
  chapterTitle: "Strategy chapter",
  section: "Recommendations answered under",
  annex1Title: "Annex 1 heading",
  commitment: "Commitment",
  officialName: "Official name",
  description: "Description",
};

const COMMITMENT_LABELS = {
  next_action: "What the government said it will do next",
  two_year_result: "What it said it will have achieved after 2 years",
} as const;

function titlePrefix(r: SearchResult): string {
  switch (r.kind) {
    case "milestone":
    case "local_action":
      return `${r.code}: `;
    case "outcome":
    case "commitment":
      return `${OUTCOME_KIND_LABELS[r.outcomeKind ?? "outcome"]} ${r.code}: `;
    default:
      return "";
  }
}

function Result({ r }: { r: SearchResult }) {
  const kindLabel =
    r.kind === "commitment" && r.commitmentKind
      ? `Annex 1: ${COMMITMENT_LABELS[r.commitmentKind]}`
      : r.kind === "local_action" && r.council
        ? `Local action of ${r.council.name}`
        : KIND_LABELS[r.kind].one;
  return (
    <li className="space-y-2 py-4">
      <p className="text-base text-govuk-secondary">{kindLabel}</p>
      <h3 className="text-xl font-bold">
        <Link href={r.path} prefetch={false}>
          {titlePrefix(r)}
          <HighlightedText parts={r.title} />
        </Link>
      </h3>
      {r.snippets.map((s) => (
        <p key={s.field}>
          {r.kind !== "commitment" && <span className="font-bold">{FIELD_LABELS[s.field]}: </span>}
          <HighlightedText parts={s.parts} />
        </p>
      ))}
      {r.responseClass && (
        <p className="text-base">
          <span className="text-govuk-secondary">Government response: </span>
          <ResponseClassTag responseClass={r.responseClass} />
        </p>
      )}
      {r.milestones && <LinkedMilestones milestones={r.milestones} />}
      {r.status && (
        <p className="text-base">
          <span className="text-govuk-secondary">Status: </span>
          <MilestoneStatusTag status={r.status} />
        </p>
      )}
    </li>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const typed = toSearchParams(params).has("q");
  const parsed = parseSearch(params);
  const results = parsed.ok ? await cachedSearch(parsed.filters) : null;
  const asAt = parseAsAt(params, todayInLondon());
  const words = parsed.ok ? parsed.filters.q : (toSearchParams(params).get("q") ?? "");
  // Arriving with no words at all is a fresh search, not a mistake.
  const errors = parsed.ok || !typed ? [] : parsed.errors;
  // A bad date is answered 400 by the proxy, as on every page that reads one (lib/as-at-pages.ts): say why.
  const dateErrors = asAt.ok ? [] : asAt.errors.map((e) => ({ href: "#main-content", message: e.message }));
  const first = results ? (results.page - 1) * results.pageSize + 1 : 0;
  const last = results ? first + results.items.length - 1 : 0;
  const kindHref = (kind?: SearchKind) => `/search${toQueryString({ q: words, kind })}`;

  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">Search</h1>
      {errors.length + dateErrors.length > 0 && (
        <ErrorSummary
          errors={[
            ...errors.map((e) => ({
              href: e.parameter === "q" ? "#filter-q" : "#main-content",
              message: e === MISSING_SEARCH_WORDS ? "Enter words to search for" : e.message,
            })),
            ...dateErrors,
          ]}
        />
      )}
      <form method="get" action="/search" role="search" aria-label="Search the tracker" className="space-y-2">
        <label htmlFor="filter-q" className="block text-xl font-bold">
          Words to search for
        </label>
        <p id="filter-q-hint" className="max-w-3xl text-base text-govuk-secondary">
          Searches the recommendations, the government&apos;s responses, the milestones (titles and commentary), the
          pillars, the outcomes and Annex 1 of the strategy, the councils, the national programmes and the
          councils&apos; local actions. Put words in quotes to find them together, or a minus sign before a word to
          leave it out.
        </p>
        <div className="flex max-w-xl">
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={words}
            maxLength={SEARCH_WORDS_MAX}
            aria-describedby="filter-q-hint"
            className="min-w-0 flex-1 border-2 border-govuk-text bg-white p-1.5"
          />
          <button type="submit" className={buttonClass.primary}>
            Search
          </button>
        </div>
      </form>
      <p className="text-base text-govuk-secondary">
        Search looks at the tracker as it is today
        {asAt.ok && asAt.asAt ? `, not as it stood at the end of ${formatDay(asAt.asAt)}` : ""}: each result&apos;s page
        can show it as at a past date.
      </p>

      {results && (
        <>
          <h2 className="text-2xl font-bold" aria-live="polite">
            {results.total === 0
              ? `No results for “${results.q}”`
              : `${first} to ${last} of ${results.total} result${results.total === 1 ? "" : "s"} for “${results.q}”`}
          </h2>
          {!results.meaningful && (
            <p>
              Every word you searched for is too common to search for (words like &ldquo;the&rdquo; and
              &ldquo;and&rdquo;). Try other words.
            </p>
          )}
          {results.meaningful && results.total === 0 && results.kind === null && (
            <p>Check the spelling, or try fewer or more general words.</p>
          )}
          {Object.values(results.countsByKind).some((n) => n > 0) && (
            <nav aria-label="Kinds of result">
              <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base">
                <KindLink
                  href={kindHref()}
                  current={results.kind === null}
                  label="All"
                  count={Object.values(results.countsByKind).reduce((a, b) => a + b, 0)}
                />
                {SEARCH_KINDS.filter((k) => results.countsByKind[k] > 0 || results.kind === k).map((k) => (
                  <KindLink
                    key={k}
                    href={kindHref(k)}
                    current={results.kind === k}
                    label={KIND_LABELS[k].many}
                    count={results.countsByKind[k]}
                  />
                ))}
              </ul>
            </nav>
          )}
          {results.items.length > 0 && (
            <ol className="divide-y divide-govuk-border border-y border-govuk-border">
              {results.items.map((r, i) => (
                // Several Annex 1 commitments share their outcome's page: the position in the list tells them apart.
                <Result key={`${r.kind}:${r.path}:${i}`} r={r} />
              ))}
            </ol>
          )}
          <Pagination
            page={results.page}
            pageSize={results.pageSize}
            total={results.total}
            hrefFor={(page) => `/search${toQueryString({ q: results.q, kind: results.kind ?? undefined }, { page })}`}
          />
        </>
      )}
    </div>
  );
}

function KindLink({ href, current, label, count }: { href: string; current: boolean; label: string; count: number }) {
  const text = `${label} (${count})`;
  return (
    <li>
      {current ? (
        <Link href={href} prefetch={false} aria-current="page" className="font-bold text-govuk-text no-underline">
          {text}
        </Link>
      ) : (
        <Link href={href} prefetch={false}>
          {text}
        </Link>
      )}
    </li>
  );
}
