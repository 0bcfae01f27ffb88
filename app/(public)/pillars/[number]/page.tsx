import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { ATOM_TYPE, FollowChanges, pillarFeed, WHOLE_REFORM_FEED } from "@/components/feed-links";
import { ProgressSection } from "@/components/progress-section";
import { EmbedThis } from "@/components/embed-this";
import type { EmbedTarget } from "@/lib/embed/targets";
import { readWidget } from "@/lib/embed/widgets.server";
import { oembedDiscovery } from "@/lib/embed/code";
import { publicOrigin } from "@/lib/http/site";
import { parseAsAt, todayInLondon } from "@/lib/dates";
import {
  cachedDashboard,
  cachedMilestones,
  cachedPillar,
  cachedRecommendations,
} from "@/lib/reform/public-data.server";

export const dynamic = "force-dynamic";

type Params = Promise<{ number: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pillarNumber(raw: string): number | null {
  return /^[1-6]$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const n = pillarNumber((await params).number);
  if (!n) return { title: "Pillar not found" };
  // The pillar's own feed first, then the whole reform's (a page's alternates replace the layout's).
  return {
    title: `Pillar ${n}`,
    alternates: {
      types: {
        [ATOM_TYPE]: [pillarFeed(n), WHOLE_REFORM_FEED],
        ...oembedDiscovery({ kind: "pillars", id: String(n) }, `Pillar ${n}: progress`, publicOrigin()),
      },
    },
  };
}

export default async function PillarPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const asAtParam = parseAsAt(await searchParams, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const n = pillarNumber((await params).number);
  if (!n) notFound();
  const [pillar, dashboard, recommendations, milestones] = await Promise.all([
    cachedPillar(n),
    cachedDashboard(asAt),
    cachedRecommendations({ pillar: n, asAt }, true),
    cachedMilestones({ pillar: n, asAt }, true),
  ]);
  if (!pillar) notFound();
  const counts = dashboard.byPillar.find((p) => p.number === n)!;

  const embedTarget: EmbedTarget = { kind: "pillars", id: String(n) };
  return (
    <div className="space-y-8">
      <AsAtErrorSummary param={asAtParam} />
      <div>
        <p className="text-xl text-govuk-secondary">Pillar {pillar.number} of 6</p>
        <h1 className="text-4xl font-bold">{pillar.title}</h1>
      </div>
      <AsAtBanner asAt={asAt} todayHref={`/pillars/${n}`} />
      <p>
        Set out in chapter {pillar.strategyChapter} of the strategy, &ldquo;{pillar.chapterTitle}&rdquo;. Its
        recommendations are those the strategy answers under &ldquo;{pillar.section}&rdquo;. It works towards:
      </p>
      <ul className="list-disc pl-6">
        {pillar.outcomes.map((o) => (
          <li key={o.number}>
            <Link href={`/outcomes/${o.number}`}>{o.title}</Link> ({o.kind})
          </li>
        ))}
      </ul>
      <FollowChanges pillar={n} />
      {!asAt && <EmbedThis target={embedTarget} what="this pillar's progress" widget={await readWidget(embedTarget)} />}
      <ProgressSection
        name={`pillar ${n}`}
        filterQuery={`pillar=${n}`}
        milestoneCounts={counts.milestones}
        classCounts={counts.recommendations}
        recommendations={recommendations.items}
        milestones={milestones.items}
        asAt={asAt}
      />
    </div>
  );
}
