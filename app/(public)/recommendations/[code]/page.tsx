import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history-list";
import { MilestoneStatusTag, OverdueTag, ResponseClassTag } from "@/components/status-tags";
import { SourceText } from "@/components/source-text";
import { LocalDeliverySection } from "@/components/local-actions/local-delivery";
import { cachedLocalDelivery } from "@/lib/local-actions/compare-data.server";
import { SummaryList } from "@/components/ui/summary-list";
import { Table, td, th } from "@/components/ui/table";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { cachedRecommendation } from "@/lib/reform/public-data.server";
import { RESPONSE_CLASS_DEFINITIONS } from "@/lib/vocabulary";
import { codeFromPath } from "@/lib/reform/codes";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const code = codeFromPath((await params).code);
  return { title: code ? `Recommendation ${code}` : "Recommendation not found" };
}

export default async function RecommendationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const code = codeFromPath((await params).code);
  if (!code) notFound();
  const asAtParam = parseAsAt(await searchParams, todayInLondon());
  const asAt = asAtParam.ok ? (asAtParam.asAt ?? undefined) : undefined;
  const r = await cachedRecommendation(code, asAt);
  if (!r) notFound();
  const localDelivery = await cachedLocalDelivery("recommendation", r.code, asAt);

  return (
    <div className="space-y-8">
      <AsAtErrorSummary param={asAtParam} />
      <div>
        <p className="text-xl text-govuk-secondary">{r.reviewTitle}</p>
        <h1 className="text-4xl font-bold">Recommendation {r.code}</h1>
      </div>
      <AsAtBanner asAt={asAt} todayHref={`/recommendations/${r.code}`} />

      <section aria-labelledby="recommendation-heading" className="space-y-3">
        <h2 id="recommendation-heading" className="text-2xl font-bold">
          What the review recommended
        </h2>
        <SourceText text={r.text} className="max-w-3xl border-l-4 border-govuk-border pl-4" />
      </section>

      <section aria-labelledby="response-heading" className="space-y-3">
        <h2 id="response-heading" className="text-2xl font-bold">
          The government&apos;s response
        </h2>
        {r.responseInherited && (
          <p className="text-govuk-secondary">
            The strategy answers this recommendation &ldquo;As above&rdquo;: it shares the response to{" "}
            <Link href={`/recommendations/${r.responseInheritedFrom}`}>{r.responseInheritedFrom}</Link>.
          </p>
        )}
        <SourceText text={r.responseText} className="max-w-3xl border-l-4 border-govuk-border pl-4" />
      </section>

      <section aria-labelledby="summary-heading" className="space-y-3">
        <h2 id="summary-heading" className="text-2xl font-bold">
          Summary
        </h2>
        <SummaryList
          rows={[
            {
              key: "Response",
              value: (
                <div className="space-y-2">
                  <ResponseClassTag responseClass={r.responseClass} />
                  <p className="text-base text-govuk-secondary">{RESPONSE_CLASS_DEFINITIONS[r.responseClass]}</p>
                  <p>{r.responseRationale}</p>
                </div>
              ),
            },
            r.statedResponse ? { key: "Government's stated response", value: r.statedResponse } : null,
            { key: "Review", value: r.reviewTitle },
            { key: "Pillar", value: <Link href={`/pillars/${r.pillar}`}>{`${r.pillar}. ${r.pillarTitle}`}</Link> },
            {
              key: "Outcomes and enablers",
              value: (
                <ul className="space-y-1">
                  {r.outcomeLinks.map((o) => (
                    <li key={o.number}>
                      <Link href={`/outcomes/${o.number}`}>{`${o.number}. ${o.title}`}</Link>
                    </li>
                  ))}
                </ul>
              ),
            },
            { key: "Section of the strategy", value: r.subsection ? `${r.section} (${r.subsection})` : r.section },
            { key: "Source", value: `Stable Homes, Built on Love, Annex ${r.sourceAnnex}, row ${r.sourceRow}` },
          ]}
        />
      </section>

      <section aria-labelledby="milestones-heading" className="space-y-3">
        <h2 id="milestones-heading" className="text-2xl font-bold">
          Milestones that deliver it
        </h2>
        {r.milestoneLinks.length === 0 ? (
          <p>No phase-one milestone delivers this recommendation.</p>
        ) : (
          <Table caption={`Milestones that deliver recommendation ${r.code}`}>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Milestone
                </th>
                <th scope="col" className={th}>
                  Planned date
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {r.milestoneLinks.map((m) => (
                <tr key={m.code}>
                  <td className={td}>
                    <Link href={`/milestones/${m.code}`}>{m.title}</Link>
                  </td>
                  <td className={td}>{formatDay(m.plannedDate)}</td>
                  <td className={`${td} space-x-2`}>
                    <MilestoneStatusTag status={m.status} />
                    <OverdueTag lateness={m.lateness} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <LocalDeliverySection delivery={localDelivery} item={{ kind: "recommendation", code: r.code }} asAt={asAt} />

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-2xl font-bold">
          History
        </h2>
        <HistoryList entries={r.history} />
      </section>
    </div>
  );
}
