import { summariseReform } from "@/lib/overview.server";
import {
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  OUTCOME_KIND_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_DEFINITIONS,
  RESPONSE_CLASS_LABELS,
} from "@/lib/vocabulary";

// Read from the database on each request for now; the public dashboard issue replaces this with cached,
// revalidated pages.
export const dynamic = "force-dynamic";

const th = "border-b border-govuk-border py-2 pr-4 text-left font-bold";
const td = "border-b border-govuk-border py-2 pr-4";

export default async function HomePage() {
  const overview = await summariseReform();
  const classCount = new Map(overview.responseClasses.map((r) => [r.responseClass, r.count]));
  const statusCount = new Map(overview.milestoneStatuses.map((m) => [m.status, m.count]));

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <h1 className="text-4xl font-bold">How far has children&apos;s social care reform got?</h1>
        <p className="max-w-3xl text-xl">
          In February 2023 the Department for Education answered {overview.totals.recommendations} recommendations from
          three reviews in <cite>Stable Homes, Built on Love</cite>, and set out {overview.totals.milestones} milestones
          for the first phase of reform, to March 2025. This tracker follows each of them.
        </p>
      </div>

      <section aria-labelledby="reviews-heading" className="space-y-3">
        <h2 id="reviews-heading" className="text-2xl font-bold">Recommendations by review</h2>
        <table className="w-full border-collapse">
          <caption className="sr-only">Number of recommendations the government responded to, by review</caption>
          <thead>
            <tr>
              <th scope="col" className={th}>Review</th>
              <th scope="col" className={`${th} text-right`}>Recommendations</th>
            </tr>
          </thead>
          <tbody>
            {overview.reviews.map((review) => (
              <tr key={review.code}>
                <th scope="row" className={`${td} text-left font-normal`}>{review.title}</th>
                <td className={`${td} text-right tabular-nums`}>{review.recommendations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="responses-heading" className="space-y-3">
        <h2 id="responses-heading" className="text-2xl font-bold">How the government responded</h2>
        <dl className="divide-y divide-govuk-border border-y border-govuk-border">
          {RESPONSE_CLASSES.map((value) => (
            <div key={value} className="grid gap-1 py-3 sm:grid-cols-[16rem_4rem_1fr]">
              <dt className="font-bold">{RESPONSE_CLASS_LABELS[value]}</dt>
              <dd className="tabular-nums">{classCount.get(value) ?? 0}</dd>
              <dd className="text-govuk-secondary">{RESPONSE_CLASS_DEFINITIONS[value]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="milestones-heading" className="space-y-3">
        <h2 id="milestones-heading" className="text-2xl font-bold">Phase one milestones by status</h2>
        <dl className="divide-y divide-govuk-border border-y border-govuk-border">
          {MILESTONE_STATUSES.map((value) => (
            <div key={value} className="grid grid-cols-[16rem_4rem] py-3">
              <dt className="font-bold">{MILESTONE_STATUS_LABELS[value]}</dt>
              <dd className="tabular-nums">{statusCount.get(value) ?? 0}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="pillars-heading" className="space-y-3">
        <h2 id="pillars-heading" className="text-2xl font-bold">The six pillars of reform</h2>
        <table className="w-full border-collapse">
          <caption className="sr-only">Recommendations and milestones under each pillar of reform</caption>
          <thead>
            <tr>
              <th scope="col" className={th}>Pillar</th>
              <th scope="col" className={`${th} text-right`}>Recommendations</th>
              <th scope="col" className={`${th} text-right`}>Milestones</th>
            </tr>
          </thead>
          <tbody>
            {overview.pillars.map((pillar) => (
              <tr key={pillar.number}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {pillar.number}. {pillar.title}
                </th>
                <td className={`${td} text-right tabular-nums`}>{pillar.recommendations}</td>
                <td className={`${td} text-right tabular-nums`}>{pillar.milestones}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="outcomes-heading" className="space-y-3">
        <h2 id="outcomes-heading" className="text-2xl font-bold">The National Framework: 4 outcomes and 2 enablers</h2>
        <ol className="list-decimal space-y-2 pl-6">
          {overview.outcomes.map((outcome) => (
            <li key={outcome.number}>
              {outcome.title} <span className="text-govuk-secondary">({OUTCOME_KIND_LABELS[outcome.kind].toLowerCase()})</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
