import type { Metadata } from "next";
import Link from "next/link";
import { cachedDashboard, cachedPillars } from "@/lib/reform/public-data.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pillars of reform" };

export default async function PillarsPage() {
  const [pillars, dashboard] = await Promise.all([cachedPillars(), cachedDashboard()]);
  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">The six pillars of reform</h1>
      <p className="max-w-3xl">
        <cite>Stable Homes, Built on Love</cite> organises the reform in six pillars, one chapter of the strategy each.
      </p>
      <ol className="divide-y divide-govuk-border border-y border-govuk-border">
        {pillars.map((p) => {
          const counts = dashboard.byPillar.find((b) => b.number === p.number)!;
          const milestones = Object.values(counts.milestones).reduce((a, b) => a + b, 0);
          const recommendations = Object.values(counts.recommendations).reduce((a, b) => a + b, 0);
          return (
            <li key={p.number} className="space-y-1 py-4">
              <h2 className="text-xl font-bold">
                <Link href={`/pillars/${p.number}`}>{`${p.number}. ${p.title}`}</Link>
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
