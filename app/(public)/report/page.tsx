import type { Metadata } from "next";
import Link from "next/link";
import { CountsTable } from "@/components/counts-table";
import { DateField, FilterForm, SelectField } from "@/components/filter-form";
import { MilestoneStatusTag, OverdueTag, ResponseClassTag } from "@/components/status-tags";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { BriefingMilestone } from "@/lib/scrutiny/briefing.server";
import { cachedBriefing } from "@/lib/scrutiny/public-history-data.server";
import { describeChangeWithReason, titleSentence } from "@/lib/scrutiny/change-words";
import { formatDay } from "@/lib/dates";
import { numbered } from "@/lib/reform/options";
import { cachedOutcomes, cachedPillars } from "@/lib/reform/public-data.server";
import { toQueryString } from "@/lib/validations/public-filters";
import { toSearchParams } from "@/lib/search-params";
import { parseReportParams } from "@/lib/validations/report";
import type { LatenessCounts } from "@/lib/reform/dashboard.server";
import {
  CHANGE_KINDS,
  CHANGE_KIND_LABELS,
  LATENESS_KINDS,
  LATENESS_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
} from "@/lib/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Briefing pack" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The overdue column, split: the two add up to the milestones past their date and not complete.
const latenessColumns = LATENESS_KINDS.map((k) => ({ key: `late_${k}`, label: `Overdue: ${LATENESS_LABELS[k]}` }));
const latenessCounts = (c: LatenessCounts) =>
  Object.fromEntries(LATENESS_KINDS.map((k) => [`late_${k}`, c[k]])) as Record<string, number>;

function Milestones({ items, caption }: { items: BriefingMilestone[]; caption: string }) {
  if (items.length === 0) return <p>None.</p>;
  return (
    <ul className="space-y-1" aria-label={caption}>
      {items.map((m) => (
        <li key={m.code} className="break-inside-avoid">
          <Link href={`/milestones/${m.code}`}>{`${m.code} ${m.title}`}</Link>: <MilestoneStatusTag status={m.status} />{" "}
          <OverdueTag lateness={m.lateness} /> planned {formatDay(m.plannedDate)}
          {m.daysLate > 0 && ` (${m.daysLate} days after the strategy's ${formatDay(m.dueDate)})`}
        </li>
      ))}
    </ul>
  );
}

export default async function ReportPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = toSearchParams(await searchParams);
  const parsed = parseReportParams(raw);
  const [pillars, outcomes] = await Promise.all([cachedPillars(), cachedOutcomes()]);
  const b = parsed.ok ? await cachedBriefing(parsed.params) : null;
  const query = parsed.ok ? toQueryString(parsed.params) : "";
  const statusColumns = MILESTONE_STATUSES.map((s) => ({ key: s, label: MILESTONE_STATUS_LABELS[s] }));

  return (
    <div className="space-y-8 print:space-y-4 print:text-[11pt]">
      <div className="print:hidden space-y-4">
        <h1 className="text-4xl font-bold">Briefing pack</h1>
        <p className="max-w-3xl">
          For council scrutiny committees: the reform as it stood on a date, and what changed since your last meeting.
          Print this page (it is laid out for A4) or download it as a PDF.
        </p>
        {!parsed.ok && (
          <ErrorSummary errors={parsed.errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))} />
        )}
        <FilterForm action="/report" clearHref="/report" open={!parsed.ok} summary="Date and scope of the briefing">
          <DateField name="since" label="Changes since (your last meeting)" value={raw.get("since") ?? undefined} />
          <DateField name="asAt" label="As at" value={raw.get("asAt") ?? undefined} />
          <SelectField
            name="pillar"
            label="Only one pillar"
            value={raw.get("pillar") ?? undefined}
            options={numbered(pillars)}
            anyLabel="All pillars"
          />
          <SelectField
            name="outcome"
            label="Only one outcome or enabler"
            value={raw.get("outcome") ?? undefined}
            options={numbered(outcomes)}
            anyLabel="All outcomes"
          />
        </FilterForm>
        {b && (
          <p>
            <a href={`/report/pdf${query}`} download>
              Download this briefing as a PDF
            </a>
          </p>
        )}
      </div>

      {b && (
        <article className="space-y-8 print:space-y-4" aria-labelledby="briefing-title">
          <header>
            <h2 id="briefing-title" className="text-3xl font-bold">
              Children&apos;s social care reform: briefing
            </h2>
            <p className="text-xl">{b.scope.title}</p>
            <p className="text-govuk-secondary">
              As at {formatDay(b.asAt)}. Changes since {formatDay(b.since)}.
            </p>
          </header>

          <section aria-labelledby="summary-heading" className="space-y-2">
            <h3 id="summary-heading" className="text-2xl font-bold">
              Summary
            </h3>
            <ul className="list-disc pl-6">
              <li>
                {b.totals.milestones} milestones:{" "}
                {MILESTONE_STATUSES.filter((s) => b.totals.byStatus[s] > 0)
                  .map((s) => `${MILESTONE_STATUS_LABELS[s]} ${b.totals.byStatus[s]}`)
                  .join(", ")}
                .
              </li>
              <li>
                {b.totals.overdue} milestones past their planned date and not complete (
                {b.totals.lateness.not_yet_assessed} not yet assessed by staff, {b.totals.lateness.assessed_late}{" "}
                assessed and late); {b.slipped.length} re-planned later than the strategy&apos;s date.
              </li>
              <li>
                {b.totals.recommendations} recommendations; {b.undelivered.length} accepted or being tested that no
                milestone delivers.
              </li>
            </ul>
          </section>

          <section aria-labelledby="by-pillar-heading" className="space-y-2 break-inside-avoid">
            <h3 id="by-pillar-heading" className="text-2xl font-bold">
              By pillar
            </h3>
            <CountsTable
              id="briefing-pillars"
              caption="Milestones by pillar and status, as at the briefing date"
              rowHeader="Pillar"
              columns={[...statusColumns, ...latenessColumns]}
              showTotal={false}
              rows={b.pillars.map((p) => ({
                label: `${p.number}. ${p.title}`,
                href: `/pillars/${p.number}`,
                counts: { ...p.milestones, ...latenessCounts(p.lateness) },
              }))}
            />
          </section>

          <section aria-labelledby="by-outcome-heading" className="space-y-2 break-inside-avoid">
            <h3 id="by-outcome-heading" className="text-2xl font-bold">
              By outcome and enabler
            </h3>
            <CountsTable
              id="briefing-outcomes"
              caption="Milestones by outcome or enabler and status, as at the briefing date"
              rowHeader="Outcome or enabler"
              columns={[...statusColumns, ...latenessColumns]}
              showTotal={false}
              rows={b.outcomes.map((o) => ({
                label: `${o.number}. ${o.title}`,
                href: `/outcomes/${o.number}`,
                counts: { ...o.milestones, ...latenessCounts(o.lateness) },
              }))}
            />
          </section>

          <section aria-labelledby="changes-heading" className="space-y-3">
            <h3 id="changes-heading" className="text-2xl font-bold">
              What changed since {formatDay(b.since)}
            </h3>
            <p>{CHANGE_KINDS.map((k) => `${CHANGE_KIND_LABELS[k]}: ${b.changes.counts[k]}`).join(" · ")}</p>
            {b.changes.pillars.map((p) => (
              <div key={String(p.number)} className="break-inside-avoid">
                <h4 className="font-bold">{p.number ? `Pillar ${p.number}: ${p.title}` : p.title}</h4>
                <ul className="list-disc pl-6">
                  {CHANGE_KINDS.flatMap((k) =>
                    p.byKind[k].map((c) => (
                      <li key={`${c.eventId}-${k}`}>
                        {CHANGE_KIND_LABELS[k]}:{" "}
                        <Link href={`/${c.entityType === "milestone" ? "milestones" : "recommendations"}/${c.code}`}>
                          {c.code}
                        </Link>{" "}
                        {titleSentence(c.title)} {describeChangeWithReason(c)}
                      </li>
                    )),
                  )}
                </ul>
              </div>
            ))}
          </section>

          <section aria-labelledby="overdue-heading" className="space-y-2">
            <h3 id="overdue-heading" className="text-2xl font-bold">
              Milestones past their planned date and not complete ({b.overdue.length})
            </h3>
            <p>
              &ldquo;Date passed&rdquo;: nobody has assessed the milestone yet, so its date passing does not show it was
              missed. &ldquo;Overdue&rdquo;: staff have assessed it and it is late.{" "}
              <Link href="/about/statuses">What the statuses and figures mean</Link>.
            </p>
            <Milestones items={b.overdue} caption="Milestones past their planned date and not complete" />
          </section>

          <section aria-labelledby="slipped-heading" className="space-y-2">
            <h3 id="slipped-heading" className="text-2xl font-bold">
              Slipped milestones ({b.slipped.length})
            </h3>
            <Milestones items={b.slipped} caption="Slipped milestones" />
          </section>

          <section aria-labelledby="gaps-heading" className="space-y-2">
            <h3 id="gaps-heading" className="text-2xl font-bold">
              Gaps: accepted or being tested, but no milestone delivers it ({b.undelivered.length})
            </h3>
            <ul className="space-y-2">
              {b.undelivered.map((r) => (
                <li key={r.code} className="break-inside-avoid">
                  <Link href={`/recommendations/${r.code}`}>{r.code}</Link>{" "}
                  <ResponseClassTag responseClass={r.responseClass} /> {r.text}
                </li>
              ))}
            </ul>
          </section>
        </article>
      )}
    </div>
  );
}
