import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history-list";
import { EmbedThis } from "@/components/embed-this";
import type { EmbedTarget } from "@/lib/embed/targets";
import { readWidget } from "@/lib/embed/widgets.server";
import { ATOM_TYPE, WHOLE_REFORM_FEED } from "@/components/feed-links";
import { oembedDiscovery } from "@/lib/embed/code";
import { publicOrigin } from "@/lib/http/site";
import { MilestoneStatusTag, OverdueTag, ResponseClassTag } from "@/components/status-tags";
import { LocalDeliverySection } from "@/components/local-actions/local-delivery";
import { cachedLocalDelivery } from "@/lib/local-actions/compare-data.server";
import { SummaryList } from "@/components/ui/summary-list";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { formatDateTime, formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { cachedMilestone } from "@/lib/reform/public-data.server";
import { LATENESS_DEFINITIONS, MILESTONE_GROUP_LABELS } from "@/lib/vocabulary";
import { codeFromPath } from "@/lib/reform/codes";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const code = codeFromPath((await params).code);
  const m = code ? await cachedMilestone(code) : null;
  if (!m) return { title: "Milestone not found" };
  return {
    title: m.title,
    alternates: {
      types: {
        [ATOM_TYPE]: [WHOLE_REFORM_FEED],
        ...oembedDiscovery({ kind: "milestones", id: m.code }, `Milestone ${m.code}`, publicOrigin()),
      },
    },
  };
}

export default async function MilestonePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const asAtParam = parseAsAt(await searchParams, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const code = codeFromPath((await params).code);
  if (!code) notFound();
  const m = await cachedMilestone(code, asAt);
  if (!m) notFound();
  const localDelivery = await cachedLocalDelivery("milestone", m.code, asAt);

  const embedTarget: EmbedTarget = { kind: "milestones", id: m.code };
  return (
    <div className="space-y-8">
      <AsAtErrorSummary param={asAtParam} />
      <div>
        <p className="text-xl text-govuk-secondary">
          Milestone {m.code} · {m.activity}
        </p>
        <h1 className="text-4xl font-bold">{m.title}</h1>
        <p className="mt-3 space-x-2">
          <MilestoneStatusTag status={m.status} /> <OverdueTag lateness={m.lateness} />
        </p>
        {m.lateness && (
          <p className="mt-3 max-w-3xl">
            {LATENESS_DEFINITIONS[m.lateness]} <Link href="/about/statuses">What the statuses and tags mean</Link>
          </p>
        )}
      </div>
      <AsAtBanner asAt={asAt} todayHref={`/milestones/${m.code}`} />

      <SummaryList
        rows={[
          { key: "Group", value: MILESTONE_GROUP_LABELS[m.group] },
          { key: "Activity", value: m.activity },
          m.dateAsWritten ? { key: "Date in the strategy", value: m.dateAsWritten } : null,
          { key: "Due date", value: formatDay(m.dueDate) },
          { key: "Forecast date", value: m.forecastDate ? formatDay(m.forecastDate) : "None set" },
          { key: "Actual completion date", value: m.actualDate ? formatDay(m.actualDate) : "Not complete" },
          { key: "Commentary", value: m.commentary ?? "None yet" },
          {
            key: "Evidence",
            value:
              m.evidence.length === 0 ? (
                "None yet"
              ) : (
                <ul className="space-y-1">
                  {m.evidence.map((e) => (
                    <li key={e.url}>
                      <a href={e.url} rel="noopener noreferrer">
                        {e.title}
                      </a>
                    </li>
                  ))}
                </ul>
              ),
          },
          { key: "Last updated by staff", value: m.lastUpdated ? formatDateTime(m.lastUpdated) : "Never" },
          {
            key: "Pillars",
            value: (
              <ul className="space-y-1">
                {m.pillarLinks.map((p) => (
                  <li key={p.number}>
                    <Link href={`/pillars/${p.number}`}>{`${p.number}. ${p.title}`}</Link>
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: "Outcomes and enablers",
            value: (
              <ul className="space-y-1">
                {m.outcomeLinks.map((o) => (
                  <li key={o.number}>
                    <Link href={`/outcomes/${o.number}`}>{`${o.number}. ${o.title}`}</Link>
                  </li>
                ))}
              </ul>
            ),
          },
          m.sourceLine
            ? { key: "Source", value: "Stable Homes, Built on Love, Figure 3" }
            : { key: "Source", value: "Added by DfE programme staff" },
        ]}
      />

      {!asAt && <EmbedThis target={embedTarget} what="this milestone" widget={await readWidget(embedTarget)} />}

      <section aria-labelledby="recommendations-heading" className="space-y-3">
        <h2 id="recommendations-heading" className="text-2xl font-bold">
          Recommendations it delivers
        </h2>
        {m.recommendationLinks.length === 0 ? (
          <p>This milestone is not linked to a recommendation.</p>
        ) : (
          <ul className="divide-y divide-govuk-border border-y border-govuk-border">
            {m.recommendationLinks.map((r) => (
              <li key={r.code} className="space-y-1 py-3">
                <Link href={`/recommendations/${r.code}`} className="font-bold">
                  Recommendation {r.code}
                </Link>
                <p>{r.text.split("\n\n")[0]}</p>
                <ResponseClassTag responseClass={r.responseClass} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <LocalDeliverySection delivery={localDelivery} item={{ kind: "milestone", code: m.code }} asAt={asAt} />

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-2xl font-bold">
          History
        </h2>
        <HistoryList entries={m.history} />
      </section>
    </div>
  );
}
