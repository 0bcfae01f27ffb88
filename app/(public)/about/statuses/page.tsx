import type { Metadata } from "next";
import Link from "next/link";
import { MilestoneStatusTag, OverdueTag, ResponseClassTag } from "@/components/status-tags";
import { CLOSED_STATUSES, DUE_SOON_DAYS, STALE_AFTER_DAYS } from "@/lib/reform/milestone-rules";
import {
  LATENESS_DEFINITIONS,
  LATENESS_KINDS,
  LATENESS_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_DEFINITIONS,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_DEFINITIONS,
} from "@/lib/vocabulary";

export const metadata: Metadata = { title: "What the statuses and figures mean" };

const closed = CLOSED_STATUSES.map((s) => `\u201c${MILESTONE_STATUS_LABELS[s]}\u201d`).join(" or ");

/** Every status, response class and flag the tracker shows, in the words of lib/vocabulary.ts. */
export default function StatusesPage() {
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-4">
        <h1 className="text-4xl font-bold">What the statuses and figures mean</h1>
        <p className="text-xl">
          Every status, response class and flag the tracker shows, and how each figure is counted. How the tracker works
          as a whole: <Link href="/about">about the tracker</Link>.
        </p>
      </div>

      <section aria-labelledby="milestone-statuses" className="space-y-3">
        <h2 id="milestone-statuses" className="text-2xl font-bold">
          Milestone statuses
        </h2>
        <p>
          The strategy reports no progress, so every milestone starts as &ldquo;Not yet assessed&rdquo;. DfE staff
          change a status when they update a milestone, and every change is kept in the milestone&apos;s history with
          its date and, where one is needed, its reason.
        </p>
        <dl className="border-t border-govuk-border">
          {MILESTONE_STATUSES.map((s) => (
            <div key={s} className="grid gap-1 border-b border-govuk-border py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
              <dt>
                <MilestoneStatusTag status={s} />
              </dt>
              <dd>{MILESTONE_STATUS_DEFINITIONS[s]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="overdue" className="space-y-3">
        <h2 id="overdue" className="text-2xl font-bold">
          Overdue, and the two kinds of it
        </h2>
        <p>
          A milestone&apos;s <strong>planned date</strong> is the forecast date staff have set, or else the date in the
          strategy. A milestone is <strong>overdue</strong> when its planned date has passed and it is not {closed}.
          Dates are UK calendar days: a milestone planned for 31 March becomes overdue on 1 April.
        </p>
        <p>
          Overdue says only that the date has passed. Until staff assess a milestone, its date passing does not show
          that the work was missed: it may have been done without anyone updating the tracker. So the tracker splits
          overdue milestones in two, and shows each with its own tag:
        </p>
        <dl className="border-t border-govuk-border">
          {LATENESS_KINDS.map((k) => (
            <div key={k} className="grid gap-1 border-b border-govuk-border py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
              <dt>
                <OverdueTag lateness={k} />
                <span className="mt-1 block font-bold">{LATENESS_LABELS[k]}</span>
              </dt>
              <dd>{LATENESS_DEFINITIONS[k]}</dd>
            </div>
          ))}
        </dl>
        <p>
          The two always add up to the overdue figure. Lists:{" "}
          <Link href="/milestones?lateness=not_yet_assessed">milestones past their date, not yet assessed</Link>;{" "}
          <Link href="/milestones?lateness=assessed_late">milestones assessed and late</Link>. In the open data, the
          milestone field <code>overdue</code> is true for both, and <code>lateness</code> says which (
          <Link href="/open-data#milestones">open-data fields</Link>).
        </p>
      </section>

      <section aria-labelledby="other-flags" className="space-y-3">
        <h2 id="other-flags" className="text-2xl font-bold">
          Other flags and figures
        </h2>
        <dl className="border-t border-govuk-border">
          {[
            [
              "Due soon",
              `A milestone that is not ${closed} and is planned for today or one of the next ${DUE_SOON_DAYS} days.`,
            ],
            [
              "Stale",
              `A milestone that is not ${closed}, which no member of staff has updated for ${STALE_AFTER_DAYS} days. Loading the strategy's text does not count as an update, so a milestone nobody has ever updated is stale.`,
            ],
            [
              "Undelivered",
              "A recommendation the government accepted, accepted in principle or is testing, which no milestone delivers. It shows a gap between what was promised and the milestones set out to deliver it, not that the work was not done.",
            ],
            [
              "Slipped",
              "A milestone whose planned date is now later than the date in the strategy, because staff set a later forecast date. The slippage register shows how many days later.",
            ],
            [
              "Days overdue",
              "For an overdue milestone, the days from its planned date to today (or to the date being viewed). A milestone can be overdue without having slipped, and slipped without being overdue.",
            ],
            [
              "As at a date",
              "Pages that take a date show the reform as it stood at the end of that UK day, rebuilt from the history of changes.",
            ],
          ].map(([term, definition]) => (
            <div key={term} className="grid gap-1 border-b border-govuk-border py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
              <dt className="font-bold">{term}</dt>
              <dd>{definition}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="response-classes" className="space-y-3">
        <h2 id="response-classes" className="text-2xl font-bold">
          Response classes
        </h2>
        <p>
          Each recommendation&apos;s response class sums up the government&apos;s response to it in the strategy. The
          classes were judged by people reading each response, and each comes with a one-sentence rationale quoting the
          words of the response that decide it. Staff can correct a class; the correction, its date and its reason are
          shown in the recommendation&apos;s history.
        </p>
        <dl className="border-t border-govuk-border">
          {RESPONSE_CLASSES.map((c) => (
            <div key={c} className="grid gap-1 border-b border-govuk-border py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
              <dt>
                <ResponseClassTag responseClass={c} />
              </dt>
              <dd>{RESPONSE_CLASS_DEFINITIONS[c]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
