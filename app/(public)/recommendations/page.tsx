import type { Metadata } from "next";
import Link from "next/link";
import { ResponseClassTag } from "@/components/status-tags";
import { LinkedMilestones } from "@/components/linked-milestones";
import { FilterForm, SelectField, TextField } from "@/components/filter-form";
import { excerpt } from "@/components/source-text";
import { AsAtBanner } from "@/components/as-at-banner";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Pagination } from "@/components/ui/pagination";
import { numbered, RESPONSE_CLASS_OPTIONS, REVIEW_OPTIONS, STATUS_OPTIONS } from "@/lib/reform/options";
import { cachedOutcomes, cachedPillars, cachedRecommendations } from "@/lib/reform/public-data.server";
import {
  appliedFilters,
  parseRecommendationFilters,
  toQueryString,
  type RecommendationFilters,
} from "@/lib/validations/public-filters";
import { RESPONSE_CLASSES, RESPONSE_CLASS_LABELS } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Recommendations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RecommendationsPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseRecommendationFilters(await searchParams);
  const filters: RecommendationFilters = parsed.ok ? parsed.filters : {};
  const [list, pillars, outcomes] = await Promise.all([
    parsed.ok ? cachedRecommendations(filters, false) : null,
    cachedPillars(),
    cachedOutcomes(),
  ]);
  const { page: _page, format: _format, ...shareable } = filters;
  const first = list ? (list.page - 1) * list.pageSize + 1 : 0;
  const last = list ? first + list.items.length - 1 : 0;

  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">Recommendations</h1>
      <p className="max-w-3xl">
        Every recommendation of the three reviews, with the government&apos;s response in{" "}
        <cite>Stable Homes, Built on Love</cite> and how we classify that response.
      </p>
      {!parsed.ok && (
        <ErrorSummary errors={parsed.errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))} />
      )}
      <AsAtBanner asAt={filters.asAt} todayHref="/recommendations" keep={shareable} />
      <FilterForm
        open={!parsed.ok}
        applied={appliedFilters(shareable)}
        action="/recommendations"
        clearHref={`/recommendations${toQueryString({ asAt: filters.asAt })}`}
      >
        {filters.asAt && <input type="hidden" name="asAt" value={filters.asAt} />}
        <TextField name="q" label="Search" value={filters.q} hint="Words in the recommendation or the response" />
        <SelectField name="review" label="Review" value={filters.review} options={REVIEW_OPTIONS} />
        <SelectField name="pillar" label="Pillar" value={filters.pillar} options={numbered(pillars)} />
        <SelectField name="outcome" label="Outcome or enabler" value={filters.outcome} options={numbered(outcomes)} />
        <SelectField name="class" label="Government response" value={filters.class} options={RESPONSE_CLASS_OPTIONS} />
        <SelectField name="status" label="Has a milestone that is" value={filters.status} options={STATUS_OPTIONS} />
        <SelectField
          name="gap"
          label="Gaps"
          value={filters.gap}
          anyLabel="Show all"
          options={[{ value: "undelivered", label: "Accepted or testing, but no milestone delivers it" }]}
        />
        <SelectField
          name="sort"
          label="Sort by"
          value={filters.sort}
          anyLabel={filters.q ? "Best match" : "Order in the strategy"}
          options={[
            { value: "code", label: "Order in the strategy" },
            { value: "relevance", label: "Best match (when searching)" },
            { value: "class", label: "Government response" },
            { value: "pillar", label: "Pillar" },
          ]}
        />
      </FilterForm>

      {list && (
        <>
          <div className="flex flex-wrap items-baseline justify-between gap-4">
            <h2 className="text-2xl font-bold" aria-live="polite">
              {list.total === 0
                ? "No recommendations match"
                : `Showing ${first} to ${last} of ${list.total} recommendations`}
            </h2>
            <a
              href={`/api/v1/recommendations${toQueryString({ ...shareable, pageSize: undefined }, { format: "csv" })}`}
              download
            >
              Download these {list.total} recommendations as CSV
            </a>
          </div>
          <p className="text-base">
            {RESPONSE_CLASSES.filter((c) => list.countsByClass[c] > 0)
              .map((c) => `${RESPONSE_CLASS_LABELS[c]}: ${list.countsByClass[c]}`)
              .join(" · ")}
          </p>
          <ol className="divide-y divide-govuk-border border-y border-govuk-border">
            {list.items.map((r) => (
              <li key={r.code} className="space-y-2 py-4">
                <h3 className="text-xl font-bold">
                  <Link href={`/recommendations/${r.code}`}>Recommendation {r.code}</Link>
                </h3>
                <p>{excerpt(r.text)}</p>
                <p className="flex flex-wrap items-center gap-3 text-base text-govuk-secondary">
                  <ResponseClassTag responseClass={r.responseClass} />
                  <span>
                    Pillar {r.pillar}: {r.section}
                  </span>
                </p>
                <LinkedMilestones milestones={r.linkedMilestones} asAt={filters.asAt} />
              </li>
            ))}
          </ol>
          <Pagination
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            hrefFor={(page) => `/recommendations${toQueryString(shareable, { page })}`}
          />
        </>
      )}
    </div>
  );
}
