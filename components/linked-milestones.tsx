import Link from "next/link";
import { MilestoneStatusTag } from "@/components/status-tags";
import type { LinkedMilestone } from "@/lib/reform/recommendations.server";

/** Where recommendations are listed: each milestone that delivers one, with its status as a tag with a word. */
export function LinkedMilestones({ milestones, asAt }: { milestones: LinkedMilestone[]; asAt?: string }) {
  if (milestones.length === 0) return <p className="text-base text-govuk-secondary">No milestones</p>;
  const query = asAt ? `?asAt=${asAt}` : "";
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-base">
      <span className="text-govuk-secondary" aria-hidden="true">
        {milestones.length === 1 ? "Milestone:" : "Milestones:"}
      </span>
      <ul aria-label="Milestones" className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {milestones.map((m) => (
          <li key={m.code} className="flex items-center gap-1.5">
            <Link href={`/milestones/${m.code}${query}`} prefetch={false}>
              <span className="sr-only">Milestone </span>
              {m.code}
            </Link>
            <MilestoneStatusTag status={m.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}
