import Link from "next/link";
import { CountsTable } from "@/components/counts-table";
import { MilestoneTable } from "@/components/milestone-table";
import { ResponseClassTag } from "@/components/status-tags";
import { LinkedMilestones } from "@/components/linked-milestones";
import { excerpt } from "@/components/source-text";
import type { ClassCounts, StatusCounts } from "@/lib/reform/dashboard.server";
import type { MilestoneSummary } from "@/lib/reform/milestones.server";
import type { RecommendationSummary } from "@/lib/reform/recommendations.server";
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS, RESPONSE_CLASSES, RESPONSE_CLASS_LABELS } from "@/lib/vocabulary";

/** Progress, recommendations and milestones of one pillar or outcome: shared by their pages. */
export function ProgressSection({
  name,
  filterQuery,
  milestoneCounts,
  classCounts,
  recommendations,
  milestones,
  asAt,
}: {
  name: string;
  filterQuery: string;
  milestoneCounts: StatusCounts;
  classCounts: ClassCounts;
  recommendations: RecommendationSummary[];
  milestones: MilestoneSummary[];
  /** The view's past day, kept in the links to milestones. */
  asAt?: string;
}) {
  return (
    <>
      <section aria-labelledby="progress-heading" className="space-y-4">
        <h2 id="progress-heading" className="text-2xl font-bold">
          Progress
        </h2>
        <CountsTable
          id="progress-status"
          caption={`Milestones of ${name} by status`}
          rowHeader="Milestones"
          columns={MILESTONE_STATUSES.map((s) => ({ key: s, label: MILESTONE_STATUS_LABELS[s] }))}
          rows={[{ label: "Number of milestones", counts: milestoneCounts }]}
        />
        <CountsTable
          id="progress-class"
          caption={`Recommendations of ${name} by government response`}
          rowHeader="Recommendations"
          columns={RESPONSE_CLASSES.map((c) => ({ key: c, label: RESPONSE_CLASS_LABELS[c] }))}
          rows={[{ label: "Number of recommendations", counts: classCounts }]}
        />
      </section>

      <section aria-labelledby="milestones-heading" className="space-y-3">
        <h2 id="milestones-heading" className="text-2xl font-bold">
          Milestones ({milestones.length})
        </h2>
        {milestones.length === 0 ? (
          <p>No milestones.</p>
        ) : (
          <MilestoneTable caption={`Milestones of ${name}`} milestones={milestones} />
        )}
        <p>
          <Link href={`/milestones?${filterQuery}`}>Filter these milestones</Link>
        </p>
      </section>

      <section aria-labelledby="recommendations-heading" className="space-y-3">
        <h2 id="recommendations-heading" className="text-2xl font-bold">
          Recommendations ({recommendations.length})
        </h2>
        <ul className="divide-y divide-govuk-border border-y border-govuk-border">
          {recommendations.map((r) => (
            <li key={r.code} className="space-y-1 py-3">
              <Link href={`/recommendations/${r.code}`} className="font-bold">
                Recommendation {r.code}
              </Link>
              <p>{excerpt(r.text, 200)}</p>
              <ResponseClassTag responseClass={r.responseClass} />
              <LinkedMilestones milestones={r.linkedMilestones} asAt={asAt} />
            </li>
          ))}
        </ul>
        <p>
          <Link href={`/recommendations?${filterQuery}`}>Filter or search these recommendations</Link>
        </p>
      </section>
    </>
  );
}
