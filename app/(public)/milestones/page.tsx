import type { Metadata } from "next";
import Link from "next/link";
import { DateField, FilterForm, SelectField, TextField } from "@/components/filter-form";
import { MilestoneTable } from "@/components/milestone-table";
import { AsAtBanner } from "@/components/as-at-banner";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Pagination } from "@/components/ui/pagination";
import { quarterOf } from "@/lib/dates";
import { DUE_OPTIONS, GROUP_OPTIONS, LATENESS_OPTIONS, numbered, STATUS_OPTIONS } from "@/lib/reform/options";
import {
  cachedMilestoneActivities,
  cachedMilestones,
  cachedOutcomes,
  cachedPillars,
} from "@/lib/reform/public-data.server";
import {
  appliedFilters,
  parseMilestoneFilters,
  toQueryString,
  type MilestoneFilters,
} from "@/lib/validations/public-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Milestones" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MilestonesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const view = params.view === "timeline" ? "timeline" : "list";
  const parsed = parseMilestoneFilters(params);
  const filters: MilestoneFilters = parsed.ok ? parsed.filters : {};
  const [list, activities, pillars, outcomes] = await Promise.all([
    // The timeline shows every match on one page, grouped by quarter.
    parsed.ok ? cachedMilestones(filters, view === "timeline") : null,
    cachedMilestoneActivities(),
    cachedPillars(),
    cachedOutcomes(),
  ]);
  const { page: _page, format: _format, ...shareable } = filters;
  const viewParam = view === "timeline" ? { view: "timeline" } : {};
  const quarters = new Map<string, NonNullable<typeof list>["items"]>();
  for (const m of list?.items ?? []) {
    const q = quarterOf(m.plannedDate);
    quarters.set(q, [...(quarters.get(q) ?? []), m]);
  }

  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">Milestones</h1>
      <p className="max-w-3xl">
        The phase-one milestones of <cite>Stable Homes, Built on Love</cite> (Figure 3), and any milestones DfE has
        added since.{" "}
        <span className="hidden sm:inline">
          A milestone&apos;s planned date is its forecast date where staff have set one, otherwise the date in the
          strategy. A milestone whose date has passed is tagged &ldquo;Date passed&rdquo; while nobody has assessed it,
          and &ldquo;Overdue&rdquo; once staff have assessed it and it is late:{" "}
        </span>
        <Link href="/about/statuses">What the dates, statuses and tags mean</Link>.
      </p>
      {!parsed.ok && (
        <ErrorSummary errors={parsed.errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))} />
      )}
      <AsAtBanner asAt={filters.asAt} todayHref="/milestones" keep={{ ...shareable, ...viewParam }} />
      <FilterForm
        open={!parsed.ok}
        applied={appliedFilters(shareable)}
        action="/milestones"
        clearHref={`/milestones${toQueryString({ ...viewParam, asAt: filters.asAt })}`}
      >
        {view === "timeline" && <input type="hidden" name="view" value="timeline" />}
        {filters.asAt && <input type="hidden" name="asAt" value={filters.asAt} />}
        <TextField name="q" label="Search" value={filters.q} hint="Words in the title, activity or commentary" />
        <SelectField name="group" label="Group" value={filters.group} options={GROUP_OPTIONS} />
        <SelectField
          name="activity"
          label="Activity"
          value={filters.activity}
          options={activities.map((a) => ({ value: a, label: a }))}
        />
        <SelectField name="pillar" label="Pillar" value={filters.pillar} options={numbered(pillars)} />
        <SelectField name="outcome" label="Outcome or enabler" value={filters.outcome} options={numbered(outcomes)} />
        <SelectField name="status" label="Status" value={filters.status} options={STATUS_OPTIONS} />
        <SelectField name="due" label="When" value={filters.due} options={DUE_OPTIONS} />
        <DateField name="dueFrom" label="Planned on or after" value={filters.dueFrom} />
        <DateField name="dueTo" label="Planned on or before" value={filters.dueTo} />
        <SelectField
          name="gap"
          label="Gaps"
          value={filters.gap}
          anyLabel="Show all"
          options={[
            { value: "overdue", label: "Past the planned date and not complete" },
            { value: "stale", label: "No update from staff for 90 days" },
          ]}
        />
        <SelectField
          name="lateness"
          label="Past the planned date"
          value={filters.lateness}
          anyLabel="Show all"
          options={LATENESS_OPTIONS}
        />
      </FilterForm>

      <nav aria-label="Views" className="flex gap-6">
        {view === "list" ? (
          <span aria-current="page" className="font-bold">
            List
          </span>
        ) : (
          <Link href={`/milestones${toQueryString(shareable)}`}>List</Link>
        )}
        {view === "timeline" ? (
          <span aria-current="page" className="font-bold">
            Timeline
          </span>
        ) : (
          <Link href={`/milestones${toQueryString(shareable, { view: "timeline" })}`}>Timeline</Link>
        )}
      </nav>

      {list && (
        <>
          <div className="flex flex-wrap items-baseline justify-between gap-4">
            <h2 className="text-2xl font-bold" aria-live="polite">
              {list.total === 0 ? "No milestones match" : `${list.total} milestone${list.total === 1 ? "" : "s"}`}
            </h2>
            <a
              href={`/api/v1/milestones${toQueryString({ ...shareable, pageSize: undefined }, { format: "csv" })}`}
              download
            >
              Download these {list.total} milestones as CSV
            </a>
          </div>
          {view === "list" ? (
            <>
              <MilestoneTable caption="Milestones matching the filters" milestones={list.items} />
              <Pagination
                page={list.page}
                pageSize={list.pageSize}
                total={list.total}
                hrefFor={(page) => `/milestones${toQueryString(shareable, { page, ...viewParam })}`}
              />
            </>
          ) : (
            <div className="space-y-8">
              {[...quarters.entries()].map(([quarter, items]) => (
                <section key={quarter} aria-labelledby={`q-${quarter.replace(" ", "-")}`} className="space-y-2">
                  <h3 id={`q-${quarter.replace(" ", "-")}`} className="text-xl font-bold">
                    {quarter}
                  </h3>
                  <MilestoneTable caption={`Milestones planned for ${quarter}`} milestones={items} />
                </section>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
