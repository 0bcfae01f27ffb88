import type { Metadata } from "next";
import Link from "next/link";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { parseAsAt, todayInLondon } from "@/lib/dates";
import { withAsAt } from "@/lib/as-at-pages";
import { cachedDashboard, cachedPillars } from "@/lib/reform/public-data.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pillars of reform" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PillarsPage({ searchParams }: { searchParams: SearchParams }) {
  const asAtParam = parseAsAt(await searchParams, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const [pillars, dashboard] = await Promise.all([cachedPillars(), cachedDashboard(asAt)]);
  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">The six pillars of reform</h1>
      <p className="max-w-3xl">
        <cite>Stable Homes, Built on Love</cite> organises the reform in six pillars, one chapter of the strategy each.
      </p>
      <AsAtErrorSummary param={asAtParam} />
      <AsAtBanner asAt={asAt} todayHref="/pillars" />
      <ol className="divide-y divide-govuk-border border-y border-govuk-border">
        {pillars.map((p) => {
          const counts = dashboard.byPillar.find((b) => b.number === p.number)!;
          const milestones = Object.values(counts.milestones).reduce((a, b) => a + b, 0);
          const recommendations = Object.values(counts.recommendations).reduce((a, b) => a + b, 0);
          return (
            <li key={p.number} className="space-y-1 py-4">
              <h2 className="text-xl font-bold">
                <Link href={withAsAt(`/pillars/${p.number}`, asAt ?? null)}>{`${p.number}. ${p.title}`}</Link>
              </h2>
              <p className="text-govuk-secondary">
                Chapter {p.strategyChapter}: {p.chapterTitle} · {recommendations} recommendations · {milestones}{" "}
                milestones, {counts.milestones.complete} complete
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
