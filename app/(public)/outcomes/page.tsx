import type { Metadata } from "next";
import Link from "next/link";
import { cachedDashboard, cachedOutcomes } from "@/lib/reform/public-data.server";
import { OUTCOME_KIND_LABELS } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outcomes and enablers" };

export default async function OutcomesPage() {
  const [outcomes, dashboard] = await Promise.all([cachedOutcomes(), cachedDashboard()]);
  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">Outcomes and enablers</h1>
      <p className="max-w-3xl">
        The Children&apos;s Social Care National Framework sets four outcomes for children, young people and families,
        and two enablers. Annex 1 of the strategy says what the government will do next for each, and what it will have
        achieved after two years.
      </p>
      <ol className="divide-y divide-govuk-border border-y border-govuk-border">
        {outcomes.map((o) => {
          const counts = dashboard.byOutcome.find((b) => b.number === o.number)!;
          const milestones = Object.values(counts.milestones).reduce((a, b) => a + b, 0);
          return (
            <li key={o.number} className="space-y-1 py-4">
              <h2 className="text-xl font-bold">
                <Link href={`/outcomes/${o.number}`}>{`${o.number}. ${o.title}`}</Link>
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
