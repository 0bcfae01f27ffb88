import type { Metadata } from "next";
import Link from "next/link";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { parseAsAt, todayInLondon } from "@/lib/dates";
import { withAsAt } from "@/lib/as-at-pages";
import { cachedDashboard, cachedOutcomes } from "@/lib/reform/public-data.server";
import { OUTCOME_KIND_LABELS } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outcomes and enablers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OutcomesPage({ searchParams }: { searchParams: SearchParams }) {
  const asAtParam = parseAsAt(await searchParams, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const [outcomes, dashboard] = await Promise.all([cachedOutcomes(), cachedDashboard(asAt)]);
  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">Outcomes and enablers</h1>
      <p className="max-w-3xl">
        The Children&apos;s Social Care National Framework sets four outcomes for children, young people and families,
        and two enablers. Annex 1 of the strategy says what the government will do next for each, and what it will have
        achieved after two years.
      </p>
      <AsAtErrorSummary param={asAtParam} />
      <AsAtBanner asAt={asAt} todayHref="/outcomes" />
      <ol className="divide-y divide-govuk-border border-y border-govuk-border">
        {outcomes.map((o) => {
          const counts = dashboard.byOutcome.find((b) => b.number === o.number)!;
          const milestones = Object.values(counts.milestones).reduce((a, b) => a + b, 0);
          return (
            <li key={o.number} className="space-y-1 py-4">
              <h2 className="text-xl font-bold">
                <Link href={withAsAt(`/outcomes/${o.number}`, asAt ?? null)}>{`${o.number}. ${o.title}`}</Link>
              </h2>
              <p className="text-govuk-secondary">
                {OUTCOME_KIND_LABELS[o.kind]} · {milestones} milestones, {counts.milestones.complete} complete
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
