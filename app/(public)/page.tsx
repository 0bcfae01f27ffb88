import Link from "next/link";
import { CountsTable } from "@/components/counts-table";
import { MILESTONE_STATUS_SERIES, RESPONSE_CLASS_SERIES, TIMELINE_SERIES } from "@/components/charts/series";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { FollowChanges } from "@/components/feed-links";
import { formatDay, parseAsAt, PLAN_YEARS, todayInLondon } from "@/lib/dates";
import { cachedDashboard } from "@/lib/reform/public-data.server";
import {
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_LABELS,
  OUTCOME_KIND_LABELS,
  REVIEW_LABELS,
  type ReviewCode,
} from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

const STATUS_COLUMNS = MILESTONE_STATUSES.map((s) => ({ key: s, label: MILESTONE_STATUS_LABELS[s] }));
const CLASS_COLUMNS = RESPONSE_CLASSES.map((c) => ({ key: c, label: RESPONSE_CLASS_LABELS[c] }));

function Figure({ value, label, href }: { value: number; label: string; href?: string }) {
  return (
    <div className="border-l-4 border-govuk-blue bg-govuk-light-grey p-4">
      <dd className="text-5xl font-bold tabular-nums">{value}</dd>
      <dt className="mt-1">{href ? <Link href={href}>{label}</Link> : label}</dt>
    </div>
  );
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const asAtParam = parseAsAt(await searchParams, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const d = await cachedDashboard(asAt);
  const q = asAt ? `asAt=${asAt}` : "";
  const withAsAt = (href: string) => (q ? `${href}${href.includes("?") ? "&" : "?"}${q}` : href);
  const totalRecommendations = d.recommendationsByReview.reduce((sum, r) => sum + r.total, 0);

  return (
    <div className="space-y-12">
      <div className="space-y-4">
        <h1 className="text-4xl font-bold">How far has children&apos;s social care reform got?</h1>
        <p className="max-w-3xl text-xl">
          In February 2023 the Department for Education answered {totalRecommendations} recommendations from three
          reviews in <cite>Stable Homes, Built on Love</cite>, and set out {d.milestoneTotal} milestones for the first
          phase of reform. This page shows where each stands.
        </p>
        <p className="text-govuk-secondary">Figures as at {formatDay(d.today)}.</p>
        <AsAtErrorSummary param={asAtParam} />
        <AsAtBanner asAt={asAt} todayHref="/" />
        <FollowChanges />
      </div>

      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading" className="mb-4 text-2xl font-bold">
          At a glance
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure value={totalRecommendations} label="recommendations answered" href={withAsAt("/recommendations")} />
          <Figure
            value={d.milestonesByStatus.complete}
            label={`of ${d.milestoneTotal} milestones complete`}
            href={withAsAt("/milestones?status=complete")}
          />
          <Figure value={d.overdue} label="milestones overdue" href={withAsAt("/milestones?due=overdue")} />
          <Figure
            value={d.dueNext90Days}
            label="milestones due in the next 90 days"
            href={withAsAt("/milestones?due=next-90-days")}
          />
        </dl>
      </section>

      <section aria-labelledby="gaps-heading" className="space-y-3">
        <h2 id="gaps-heading" className="text-2xl font-bold">
          Gaps to look at
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <Link href={withAsAt("/recommendations?gap=undelivered")}>
              {d.gaps.undeliveredRecommendations} recommendations the government accepted or is testing that no
              milestone delivers
            </Link>
          </li>
          <li>
            <Link href={withAsAt("/milestones?gap=overdue")}>
              {d.gaps.overdueMilestones} milestones past their planned date and not complete
            </Link>
          </li>
          <li>
            <Link href={withAsAt("/milestones?gap=stale")}>
              {d.gaps.staleMilestones} open milestones with no update from DfE staff for 90 days
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="responses-heading" className="space-y-4">
        <h2 id="responses-heading" className="text-2xl font-bold">
          How the government responded
        </h2>
        <p>Recommendations of each review by the government&apos;s response.</p>
        <StackedBarChart
          id="responses"
          describedBy="responses-table"
          categoryKey="name"
          series={RESPONSE_CLASS_SERIES}
          height={340}
          rows={d.recommendationsByReview.map((r) => ({
            name: REVIEW_LABELS[r.review as ReviewCode] ?? r.title,
            ...r.byClass,
          }))}
        />
        <CountsTable
          id="responses-table"
          caption="Recommendations by review and response"
          rowHeader="Review"
          columns={CLASS_COLUMNS}
          rows={d.recommendationsByReview.map((r) => ({
            label: r.title,
            href: `/recommendations?review=${r.review}`,
            counts: r.byClass,
          }))}
        />
      </section>

      <section aria-labelledby="pillars-heading" className="space-y-4">
        <h2 id="pillars-heading" className="text-2xl font-bold">
          Progress by pillar
        </h2>
        <p>
          Milestones under each of the six pillars of reform, by status. A milestone can serve more than one pillar.
        </p>
        <StackedBarChart
          id="pillars"
          describedBy="pillars-table"
          categoryKey="name"
          series={MILESTONE_STATUS_SERIES}
          rows={d.byPillar.map((p) => ({ name: `Pillar ${p.number}`, ...p.milestones }))}
        />
        <CountsTable
          id="pillars-table"
          caption="Milestones by pillar and status"
          rowHeader="Pillar"
          columns={STATUS_COLUMNS}
          rows={d.byPillar.map((p) => ({
            label: `${p.number}. ${p.title}`,
            href: `/pillars/${p.number}`,
            counts: p.milestones,
          }))}
        />
      </section>

      <section aria-labelledby="outcomes-heading" className="space-y-4">
        <h2 id="outcomes-heading" className="text-2xl font-bold">
          Progress by outcome and enabler
        </h2>
        <p>Milestones serving each of the National Framework&apos;s four outcomes and two enablers, by status.</p>
        <StackedBarChart
          id="outcomes"
          describedBy="outcomes-table"
          categoryKey="name"
          series={MILESTONE_STATUS_SERIES}
          rows={d.byOutcome.map((o) => ({ name: `${OUTCOME_KIND_LABELS[o.kind]} ${o.number}`, ...o.milestones }))}
        />
        <CountsTable
          id="outcomes-table"
          caption="Milestones by outcome or enabler and status"
          rowHeader="Outcome or enabler"
          columns={STATUS_COLUMNS}
          rows={d.byOutcome.map((o) => ({
            label: `${o.number}. ${o.title}`,
            href: `/outcomes/${o.number}`,
            counts: o.milestones,
          }))}
        />
      </section>

      <section aria-labelledby="timeline-heading" className="space-y-4">
        <h2 id="timeline-heading" className="text-2xl font-bold">
          Timeline
        </h2>
        <p>{`Milestones by the quarter of their planned date (the forecast date where staff have set one), ${PLAN_YEARS[0]} to ${PLAN_YEARS[PLAN_YEARS.length - 1]}.`}</p>
        <StackedBarChart
          id="timeline"
          describedBy="timeline-table"
          categoryKey="quarter"
          series={TIMELINE_SERIES}
          layout="horizontal"
          stacked={false}
          rows={d.timeline.map((t) => ({ ...t }))}
        />
        <CountsTable
          id="timeline-table"
          caption="Milestones due, done and overdue by quarter"
          showTotal={false}
          rowHeader="Quarter"
          columns={[
            { key: "due", label: "Due" },
            { key: "done", label: "Done" },
            { key: "overdue", label: "Overdue" },
          ]}
          rows={d.timeline.map((t) => ({ label: t.quarter, counts: { due: t.due, done: t.done, overdue: t.overdue } }))}
        />
      </section>
    </div>
  );
}
