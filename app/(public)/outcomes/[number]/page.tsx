import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { ProgressSection } from "@/components/progress-section";
import { EmbedThis } from "@/components/embed-this";
import type { EmbedTarget } from "@/lib/embed/targets";
import { readWidget } from "@/lib/embed/widgets.server";
import { ATOM_TYPE, WHOLE_REFORM_FEED } from "@/components/feed-links";
import { oembedDiscovery } from "@/lib/embed/code";
import { publicOrigin } from "@/lib/http/site";
import { parseAsAt, todayInLondon } from "@/lib/dates";
import {
  cachedDashboard,
  cachedMilestones,
  cachedOutcome,
  cachedRecommendations,
} from "@/lib/reform/public-data.server";
import { OUTCOME_KIND_LABELS } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

type Params = Promise<{ number: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function outcomeNumber(raw: string): number | null {
  return /^[1-6]$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const n = outcomeNumber((await params).number);
  if (!n) return { title: "Outcome not found" };
  return {
    title: `Outcome ${n}`,
    alternates: {
      // A page's alternates replace the layout's: the whole reform's feed is kept.
      types: {
        [ATOM_TYPE]: [WHOLE_REFORM_FEED],
        ...oembedDiscovery({ kind: "outcomes", id: String(n) }, `Outcome ${n}: progress`, publicOrigin()),
      },
    },
  };
}

export default async function OutcomePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const asAtParam = parseAsAt(await searchParams, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const n = outcomeNumber((await params).number);
  if (!n) notFound();
  const [outcome, dashboard, recommendations, milestones] = await Promise.all([
    cachedOutcome(n),
    cachedDashboard(asAt),
    cachedRecommendations({ outcome: n, asAt }, true),
    cachedMilestones({ outcome: n, asAt }, true),
  ]);
  if (!outcome) notFound();
  const counts = dashboard.byOutcome.find((o) => o.number === n)!;

  const embedTarget: EmbedTarget = { kind: "outcomes", id: String(n) };
  return (
    <div className="space-y-8">
      <AsAtErrorSummary param={asAtParam} />
      <div>
        <p className="text-xl text-govuk-secondary">
          {OUTCOME_KIND_LABELS[outcome.kind]} {outcome.number}
        </p>
        <h1 className="text-4xl font-bold">{outcome.title}</h1>
      </div>
      <AsAtBanner asAt={asAt} todayHref={`/outcomes/${n}`} />
      <p>
        Pillars that serve it:{" "}
        {outcome.pillars.map((p, i) => (
          <span key={p.number}>
            {i > 0 && ", "}
            <Link href={`/pillars/${p.number}`}>{`${p.number}. ${p.title}`}</Link>
          </span>
        ))}
      </p>

      {!asAt && (
        <EmbedThis target={embedTarget} what="this outcome's progress" widget={await readWidget(embedTarget)} />
      )}

      <section aria-labelledby="next-heading" className="space-y-3">
        <h2 id="next-heading" className="text-2xl font-bold">
          What the government said it will do next
        </h2>
        <p className="text-govuk-secondary">From Annex 1 of the strategy, &ldquo;What will we do next?&rdquo;</p>
        <ul className="list-disc space-y-2 pl-6">
          {outcome.nextActions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="results-heading" className="space-y-3">
        <h2 id="results-heading" className="text-2xl font-bold">
          What it said it will have achieved after 2 years
        </h2>
        <p className="text-govuk-secondary">
          From Annex 1 of the strategy, &ldquo;What will we have achieved after 2 years?&rdquo;
        </p>
        <ul className="list-disc space-y-2 pl-6">
          {outcome.twoYearResults.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>

      <ProgressSection
        name={`${outcome.kind} ${n}`}
        filterQuery={`outcome=${n}`}
        milestoneCounts={counts.milestones}
        classCounts={counts.recommendations}
        recommendations={recommendations.items}
        milestones={milestones.items}
        asAt={asAt}
      />
    </div>
  );
}
