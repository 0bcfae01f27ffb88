import type { ReactNode } from "react";
import Link from "next/link";
import { MilestoneStatusTag, MILESTONE_STATUS_COLOURS, OverdueTag, ResponseClassTag } from "@/components/status-tags";
import { num, Table, td, th } from "@/components/ui/table";
import { formatDay } from "@/lib/dates";
import { CHART_COLOURS } from "@/lib/palette";
import type { Briefing, BriefingMilestone, LocalBriefing } from "@/lib/scrutiny/briefing.server";
import {
  BRIEFING_TITLE,
  briefingSections,
  changeDay,
  changeSentence,
  count,
  coverLines,
  definitions,
  dueSectionIntro,
  LOCAL_HEADINGS,
  localActionLine,
  localSummary,
  milestoneDates,
  moreItems,
  programmeLine,
  servesLine,
  sourceLine,
  summaryParagraph,
  type CutList,
} from "@/lib/scrutiny/briefing-words";
import {
  CHANGE_KINDS,
  CHANGE_KIND_LABELS,
  LATENESS_KINDS,
  LATENESS_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASS_LABELS,
} from "@/lib/vocabulary";

// The briefing pack as a web page: the same sections and words as the PDF and the Word document
// (lib/scrutiny/briefing-words.ts). It prints on A4 (app/globals.css): no wide tables, so no column is cut off.

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h3 id={`${id}-heading`} className="text-2xl font-bold print:break-after-avoid">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** Under a list the pack cut short: how many it shows, and a link to all of them on the site. */
function MoreItems({ b, list, shown }: { b: Briefing; list: CutList; shown: number }) {
  const more = moreItems(b, list, shown);
  if (!more) return null;
  return (
    <p>
      {more.sentence} <Link href={more.path}>{more.linkText}</Link>.
    </p>
  );
}

/** A bar drawn with SVG attributes (the CSP allows no style attributes), in the row whose number it draws. */
function Bar({ value, max, fill }: { value: number; max: number; fill: string }) {
  return (
    <svg className="mt-1.5 block h-3 w-full min-w-16" aria-hidden="true" focusable="false">
      <rect x={0} y={0} height="100%" width={value === 0 ? 0 : `${Math.max(1, (100 * value) / max)}%`} fill={fill} />
    </svg>
  );
}

function MilestoneTable({ items, caption }: { items: BriefingMilestone[]; caption: string }) {
  if (items.length === 0) return <p>None.</p>;
  // On a phone, a list (a four-column table would hide the dates off to the side); wider, and in print, a table.
  return (
    <>
      <ul
        className="divide-y divide-govuk-border border-y border-govuk-border sm:hidden print:hidden"
        aria-label={caption}
      >
        {items.map((m) => (
          <li key={m.code} className="space-y-1 py-3">
            <p>
              <Link href={`/milestones/${m.code}`}>{m.code}</Link> {m.name}
            </p>
            <p>
              <MilestoneStatusTag status={m.status} />
              {m.lateness && " "}
              <OverdueTag lateness={m.lateness} />
            </p>
            <p>{milestoneDates(m)}.</p>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block print:block">
        <MilestoneRows items={items} caption={caption} />
      </div>
    </>
  );
}

function MilestoneRows({ items, caption }: { items: BriefingMilestone[]; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Milestone
          </th>
          <th scope="col" className={th}>
            Status
          </th>
          <th scope="col" className={th}>
            Planned date
          </th>
          <th scope="col" className={th}>
            Strategy&apos;s date
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((m) => (
          <tr key={m.code}>
            <td className={td}>
              <Link href={`/milestones/${m.code}`}>{m.code}</Link> {m.name}
            </td>
            <td className={td}>
              <MilestoneStatusTag status={m.status} />
              {m.lateness && (
                <span className="block">
                  <OverdueTag lateness={m.lateness} />
                </span>
              )}
            </td>
            <td className={td}>{formatDay(m.plannedDate)}</td>
            <td className={td}>
              {formatDay(m.dueDate)}
              {m.daysLate > 0 && <span className="block">{count(m.daysLate, "day")} later</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The council's local section: its actions in scope, its changes in the period, its slippage, its programmes. */
function LocalSection({ b, local, title }: { b: Briefing; local: LocalBriefing; title: string }) {
  const actionHref = (code: string) => `/councils/${local.council.slug}/actions/${code}`;
  return (
    <Section id="local" title={title}>
      <p className="max-w-3xl">{localSummary(b, local)}</p>
      <h4 className="text-xl font-bold">{LOCAL_HEADINGS.actions}</h4>
      {local.actions.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="space-y-3">
          {local.actions.map((a) => (
            <li key={a.code}>
              <span className="block">
                <Link href={actionHref(a.code)}>{a.code}</Link> {a.title} <MilestoneStatusTag status={a.status} />
              </span>
              <span className="block">{localActionLine(a)}</span>
              <span className="block text-govuk-secondary">{servesLine(a)}</span>
            </li>
          ))}
        </ul>
      )}
      <h4 className="text-xl font-bold">{LOCAL_HEADINGS.changes}</h4>
      {local.changes.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="space-y-3">
          {local.changes.map((c) => (
            <li key={c.eventId}>
              <span className="block">
                {changeDay(c)}: <Link href={actionHref(c.code)}>{c.code}</Link> {c.name}
              </span>
              <span className="block">{changeSentence(c)}</span>
            </li>
          ))}
        </ul>
      )}
      <h4 className="text-xl font-bold">{LOCAL_HEADINGS.slippage}</h4>
      {local.slipped.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="space-y-3">
          {local.slipped.map((a) => (
            <li key={a.code}>
              <span className="block">
                <Link href={actionHref(a.code)}>{a.code}</Link> {a.title}
              </span>
              <span className="block">{localActionLine(a)}</span>
              {a.replans.map((r) => (
                <span key={r.setAt} className="block text-govuk-secondary">
                  Re-planned to {formatDay(r.to)}: {r.reason ?? "no reason given"}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <h4 className="text-xl font-bold">{LOCAL_HEADINGS.programmes}</h4>
      {local.programmes.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {local.programmes.map((p) => (
            <li key={`${p.slug}-${p.from}`}>{programmeLine(p)}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function BriefingDocument({ b, origin }: { b: Briefing; origin: string }) {
  const sections = briefingSections(b);
  const title = (id: string) => sections.find((s) => s.id === id)!.title;
  const [scopeLine, ...dateLines] = coverLines(b);
  const max = Math.max(1, ...MILESTONE_STATUSES.map((s) => b.milestones.byStatus[s]));
  return (
    <article className="space-y-8 print:space-y-5" aria-labelledby="briefing-title">
      <header className="space-y-2 border-b-4 border-govuk-blue pb-4">
        <h2 id="briefing-title" className="text-3xl font-bold">
          {BRIEFING_TITLE}
        </h2>
        <p className="text-xl">{scopeLine}</p>
        {dateLines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p className="text-base text-govuk-secondary">{sourceLine(origin)}</p>
      </header>

      <nav aria-labelledby="contents-heading" className="space-y-2">
        <h3 id="contents-heading" className="text-xl font-bold">
          Contents
        </h3>
        <ol className="list-decimal pl-6">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}-heading`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>

      <Section id="summary" title={title("summary")}>
        <p className="max-w-3xl">{summaryParagraph(b)}</p>
      </Section>

      <Section id="status" title={title("status")}>
        <Table caption={`Milestones by status, ${b.scope.title}, as at ${formatDay(b.asAt)}`}>
          <thead>
            <tr>
              <th scope="col" className={th}>
                Status
              </th>
              <th scope="col" className={`${th} ${num}`}>
                Milestones
              </th>
              <th scope="col" className={`${th} w-1/2`}>
                Chart
              </th>
            </tr>
          </thead>
          <tbody>
            {MILESTONE_STATUSES.map((s) => (
              <tr key={s}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {MILESTONE_STATUS_LABELS[s]}
                </th>
                <td className={`${td} ${num}`}>{b.milestones.byStatus[s]}</td>
                <td className={`${td} align-middle`}>
                  <Bar value={b.milestones.byStatus[s]} max={max} fill={CHART_COLOURS[MILESTONE_STATUS_COLOURS[s]]} />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row" className={`${td} text-left`}>
                Total
              </th>
              <td className={`${td} ${num} font-bold`}>{b.milestones.total}</td>
              <td className={td} />
            </tr>
            <tr>
              <th scope="row" className={`${td} text-left font-normal`}>
                Overdue (of the total)
              </th>
              <td className={`${td} ${num}`}>{b.milestones.overdue}</td>
              <td className={td} />
            </tr>
            {LATENESS_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row" className={`${td} pl-4 text-left font-normal`}>
                  of which: {LATENESS_LABELS[kind].toLowerCase()}
                </th>
                <td className={`${td} ${num}`}>{b.milestones.lateness[kind]}</td>
                <td className={td} />
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>

      <Section id="changes" title={title("changes")}>
        <p>
          From {formatDay(b.since)} to {formatDay(b.asAt)}:{" "}
          {CHANGE_KINDS.filter((k) => b.changes.counts[k] > 0)
            .map((k) => `${CHANGE_KIND_LABELS[k]}: ${b.changes.counts[k]}`)
            .join("; ") || "no changes were published"}
          .
        </p>
        {b.changes.items.length > 0 && (
          <ul className="space-y-3">
            {b.changes.items.map((c) => (
              <li key={c.eventId}>
                <span className="block">
                  {changeDay(c)}:{" "}
                  <Link href={`/${c.entityType === "milestone" ? "milestones" : "recommendations"}/${c.code}`}>
                    {c.code}
                  </Link>{" "}
                  {c.entityType === "milestone" ? c.name : ""}
                </span>
                <span className="block">{changeSentence(c)}</span>
              </li>
            ))}
          </ul>
        )}
        <MoreItems b={b} list="changes" shown={b.changes.items.length} />
      </Section>

      <Section id="late" title={title("late")}>
        <MilestoneTable items={b.lateOrAtRisk} caption={title("late")} />
        <MoreItems b={b} list="lateOrAtRisk" shown={b.lateOrAtRisk.length} />
      </Section>

      <Section id="due" title={title("due")}>
        <p>{dueSectionIntro(b)}</p>
        <MilestoneTable items={b.dueSoon} caption={title("due")} />
        <MoreItems b={b} list="dueSoon" shown={b.dueSoon.length} />
      </Section>

      <Section id="slippage" title={title("slippage")}>
        <p>Milestones re-planned to a date later than the strategy&apos;s, the longest slippage first.</p>
        <MilestoneTable items={b.slipped} caption={title("slippage")} />
        <MoreItems b={b} list="slipped" shown={b.slipped.length} />
      </Section>

      <Section id="recommendations" title={title("recommendations")}>
        <dl className="space-y-2">
          {b.recommendationsByClass.map((group) => (
            <div key={group.responseClass}>
              <dt className="font-bold">
                {RESPONSE_CLASS_LABELS[group.responseClass]} ({group.total})
              </dt>
              <dd>
                {group.codes.length === 0
                  ? "None."
                  : group.codes.map((code, i) => (
                      <span key={code}>
                        {i > 0 && ", "}
                        <Link href={`/recommendations/${code}`}>{code}</Link>
                      </span>
                    ))}
                <MoreItems b={b} list={{ responseClass: group.responseClass }} shown={group.codes.length} />
              </dd>
            </div>
          ))}
        </dl>
        <h4 className="text-xl font-bold">
          Accepted or being tested, but no milestone delivers it ({b.totals.undelivered})
        </h4>
        {b.undelivered.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="space-y-3">
            {b.undelivered.map((r) => (
              <li key={r.code}>
                <Link href={`/recommendations/${r.code}`}>Recommendation {r.code}</Link>{" "}
                <ResponseClassTag responseClass={r.responseClass} />
                <span className="block whitespace-pre-line">{r.text}</span>
              </li>
            ))}
          </ul>
        )}
        <MoreItems b={b} list="undelivered" shown={b.undelivered.length} />
      </Section>

      {b.local && <LocalSection b={b} local={b.local} title={title("local")} />}

      <Section id="definitions" title={title("definitions")}>
        <dl className="space-y-2">
          {definitions(!!b.local).map((d) => (
            <div key={d.term}>
              <dt className="font-bold">{d.term}</dt>
              <dd>{d.meaning}</dd>
            </div>
          ))}
        </dl>
      </Section>
    </article>
  );
}
