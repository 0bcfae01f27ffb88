import type { Metadata } from "next";
import Link from "next/link";
import { OperatorContact } from "@/components/operator-contact";
import { STALE_AFTER_DAYS } from "@/lib/reform/milestone-rules";
import { siteSettings } from "@/lib/site-settings.server";
import { REVIEW_LABELS, REVIEW_CODES } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "About the tracker" };

const OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

export default function AboutPage() {
  const settings = siteSettings();
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-4">
        <h1 className="text-4xl font-bold">About the tracker</h1>
        <p className="text-xl">
          Reform Tracker shows how far the reform of children&apos;s social care in England has got: every
          recommendation of three reviews, the government&apos;s response to it, and every milestone the government set
          out to deliver the reform.
        </p>
        {settings.operator && <p>This copy of the tracker is run by {settings.operator}.</p>}
      </div>

      <section aria-labelledby="what" className="space-y-3">
        <h2 id="what" className="text-2xl font-bold">
          What is tracked
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            The recommendations of three reviews published in 2022:{" "}
            {REVIEW_CODES.map((c) => REVIEW_LABELS[c]).join(", ")}.
          </li>
          <li>
            The government&apos;s response to each, as published in <cite>Stable Homes, Built on Love</cite> (Department
            for Education, February 2023), and a response class that sums it up.
          </li>
          <li>
            The six pillars of reform, the National Framework&apos;s four outcomes and two enablers, and what the
            strategy says will be done next and achieved after two years.
          </li>
          <li>
            The strategy&apos;s phase-one milestones (Figure 3), and any milestones DfE staff have added since, each
            with its status, dates and the history of every change.
          </li>
        </ul>
      </section>

      <section aria-labelledby="sources" className="space-y-3">
        <h2 id="sources" className="text-2xl font-bold">
          Where the texts come from
        </h2>
        <p>
          Every recommendation, response, pillar, outcome and milestone is copied word for word from{" "}
          <cite>Stable Homes, Built on Love: Implementation Strategy and Consultation</cite> (Department for Education,
          February 2023) and its annexes. It is Crown copyright, used under the{" "}
          <a href={OGL} rel="license">
            Open Government Licence v3.0
          </a>
          . The tracker keeps each recommendation&apos;s annex and row, so it can be checked against the strategy.
        </p>
        <p>
          The strategy reports no progress, so statuses start as &ldquo;Not yet assessed&rdquo;. Which milestones serve
          which pillars, outcomes and recommendations, and each response class, are judgements made by people reading
          the strategy, not the strategy&apos;s own words.
        </p>
      </section>

      <section aria-labelledby="updates" className="space-y-3">
        <h2 id="updates" className="text-2xl font-bold">
          Who updates statuses, and how often
        </h2>
        <p>
          Department for Education programme staff with an editor or administrator account update milestones: their
          status, forecast and completion dates, commentary and evidence. A reason is required when a date moves later
          or a milestone becomes at risk, delayed or superseded. Staff can also correct a recommendation&apos;s response
          class, with a reason.
        </p>
        <p>
          Every change is kept, with its date and reason, and shown in the item&apos;s history; the names of staff are
          not published. The tracker does not set a timetable for updates: it flags a milestone as stale when no member
          of staff has updated it for {STALE_AFTER_DAYS} days, so readers can see which ones have not been looked at.
          Pages show a change as soon as it is saved.
        </p>
      </section>

      <section aria-labelledby="classes" className="space-y-3">
        <h2 id="classes" className="text-2xl font-bold">
          How response classes were judged
        </h2>
        <p>
          People read each of the government&apos;s responses and put it in one of five classes: accepted, accepted in
          principle, testing first, consulting or considering, and not accepted. Each class comes with a one-sentence
          rationale that quotes the words of the response that decide it, shown on the recommendation&apos;s page. Where
          a response only says &ldquo;As above&rdquo;, the tracker shows the response it refers to.{" "}
          <Link href="/about/statuses#response-classes">What each class means</Link>.
        </p>
      </section>

      <section aria-labelledby="words" className="space-y-3">
        <h2 id="words" className="text-2xl font-bold">
          What &ldquo;overdue&rdquo;, &ldquo;stale&rdquo; and &ldquo;undelivered&rdquo; mean
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>Overdue</strong>: a milestone whose planned date has passed and which is not complete or superseded.
            The tracker says which overdue milestones nobody has assessed yet (&ldquo;date passed&rdquo;) and which
            staff have assessed and found late (&ldquo;overdue&rdquo;).
          </li>
          <li>
            <strong>Stale</strong>: an open milestone no member of staff has updated for {STALE_AFTER_DAYS} days.
          </li>
          <li>
            <strong>Undelivered</strong>: a recommendation the government accepted, accepted in principle or is testing,
            which no milestone delivers.
          </li>
        </ul>
        <p>
          <Link href="/about/statuses">Every status, class and figure, explained</Link>.
        </p>
      </section>

      <section aria-labelledby="data" className="space-y-3">
        <h2 id="data" className="text-2xl font-bold">
          Using the data
        </h2>
        <p>
          Everything on the tracker can be downloaded as JSON or CSV, free and without signing in:{" "}
          <Link href="/open-data">open data</Link>.
        </p>
      </section>

      <section aria-labelledby="errors" className="space-y-3">
        <h2 id="errors" className="text-2xl font-bold">
          Reporting an error
        </h2>
        {settings.contactEmail && (
          <p>
            If a text differs from the strategy, a status looks wrong or a page does not work, say which page (its
            address) and what is wrong.
          </p>
        )}
        <OperatorContact settings={settings} topic="an error" />
      </section>
    </div>
  );
}
