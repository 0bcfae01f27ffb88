import type { ReactNode } from "react";
import { Document, Font, Link, Page, Rect, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import { formatDay } from "@/lib/dates";
import { CHART_COLOURS, GOVUK_COLOURS } from "@/lib/palette";
import { MILESTONE_STATUS_COLOURS } from "@/components/status-tags";
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
  moreItems,
  pdfNotTaggedNote,
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

// The briefing pack as an A4 PDF for a committee's agenda pack, drawn on the server with @react-pdf/renderer's
// built-in Helvetica: no browser and no font download. The same sections and words as the page and the Word
// document (lib/scrutiny/briefing-words.ts). Every figure is text; every item links to its page on the site.
// Layout rules that keep text from overlapping or being cut: every style sets its own line height, nothing has a
// fixed height, table cells have fixed widths with padding between them, and no text is shortened.

// Never break words with hyphens ("Com-plete"): wrap whole words only.
Font.registerHyphenationCallback((word) => [word]);

const MARGIN = 57; // 20 mm: room for a council's hole punch and its own page stamp
// The footer is placed from the top: in our tries, @react-pdf drew nothing of a fixed element placed with `bottom`
// (the page numbers were missing).
const A4_HEIGHT = 841.89;
const styles = StyleSheet.create({
  page: {
    paddingTop: 64,
    paddingBottom: 56,
    paddingHorizontal: MARGIN,
    fontSize: 10.5,
    fontFamily: "Helvetica",
    color: GOVUK_COLOURS.text,
    lineHeight: 1.4,
  },
  running: {
    position: "absolute",
    left: MARGIN,
    right: MARGIN,
    fontSize: 8.5,
    lineHeight: 1.3,
    color: GOVUK_COLOURS.secondary,
    flexDirection: "row",
    justifyContent: "space-between",
  },
  title: { fontSize: 22, lineHeight: 1.25, fontFamily: "Helvetica-Bold", marginBottom: 12 },
  scope: { fontSize: 15, lineHeight: 1.3, marginBottom: 10 },
  coverLine: { fontSize: 11.5, lineHeight: 1.4, marginBottom: 2 },
  rule: { borderBottomWidth: 3, borderBottomColor: GOVUK_COLOURS.link, marginVertical: 14 },
  small: { fontSize: 9, lineHeight: 1.4, color: GOVUK_COLOURS.secondary, marginBottom: 6 },
  h2: { fontSize: 15, lineHeight: 1.3, fontFamily: "Helvetica-Bold", marginTop: 16, marginBottom: 8 },
  h3: { fontSize: 12, lineHeight: 1.3, fontFamily: "Helvetica-Bold", marginTop: 10, marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  row: {
    flexDirection: "row",
    borderBottomWidth: 0.5,
    borderBottomColor: GOVUK_COLOURS.border,
    paddingVertical: 3,
  },
  headRow: { borderBottomWidth: 1.2, borderBottomColor: GOVUK_COLOURS.text },
  bold: { fontFamily: "Helvetica-Bold" },
  item: { marginBottom: 6 },
  link: { color: GOVUK_COLOURS.link },
});

/** @react-pdf draws an outline entry (a bookmark) for any element with this prop, but types it on Page only. */
const bookmark = (title: string) => ({ bookmark: { title, fit: true } }) as object;

/** A section's heading, kept on the page of at least `ahead` points of what follows it (the whole status chart). */
function Heading({ id, title, ahead = 90 }: { id: string; title: string; ahead?: number }) {
  return (
    <View id={id} {...bookmark(title)} minPresenceAhead={ahead}>
      <Text style={styles.h2}>{title}</Text>
    </View>
  );
}

/** A cell of fixed width: the table's columns never run into each other. */
function Cell({
  width,
  children,
  right,
  bold,
}: {
  width: string;
  children: ReactNode;
  right?: boolean;
  bold?: boolean;
}) {
  return (
    <Text style={[{ width, paddingRight: 8 }, right ? { textAlign: "right" } : {}, bold ? styles.bold : {}]}>
      {children}
    </Text>
  );
}

/** Under a list the pack cut short: how many it shows, and a link to all of them on the site. */
function MoreItems({ b, list, shown, origin }: { b: Briefing; list: CutList; shown: number; origin: string }) {
  const more = moreItems(b, list, shown);
  if (!more) return null;
  return (
    <Text style={styles.paragraph}>
      {`${more.sentence} `}
      <Link src={`${origin}${more.path}`} style={styles.link}>
        {more.linkText}
      </Link>
      .
    </Text>
  );
}

const MILESTONE_COLUMNS = ["46%", "20%", "17%", "17%"];

function MilestoneTable({ items, origin }: { items: BriefingMilestone[]; origin: string }) {
  if (items.length === 0) return <Text style={styles.paragraph}>None.</Text>;
  return (
    <View>
      <View style={[styles.row, styles.headRow]} fixed={false} wrap={false}>
        {["Milestone", "Status", "Planned date", "Strategy's date"].map((label, i) => (
          <Cell key={label} width={MILESTONE_COLUMNS[i]!} bold>
            {label}
          </Cell>
        ))}
      </View>
      {items.map((m) => (
        <View key={m.code} style={styles.row} wrap={false}>
          <Cell width={MILESTONE_COLUMNS[0]!}>
            <Link src={`${origin}/milestones/${m.code}`} style={styles.link}>
              {m.code}
            </Link>
            {` ${m.name}`}
          </Cell>
          <Cell width={MILESTONE_COLUMNS[1]!}>
            {MILESTONE_STATUS_LABELS[m.status]}
            {m.lateness ? `\n${LATENESS_LABELS[m.lateness]}` : ""}
          </Cell>
          <Cell width={MILESTONE_COLUMNS[2]!}>{formatDay(m.plannedDate)}</Cell>
          <Cell width={MILESTONE_COLUMNS[3]!}>
            {formatDay(m.dueDate)}
            {m.daysLate > 0 ? `\n${count(m.daysLate, "day")} later` : ""}
          </Cell>
        </View>
      ))}
    </View>
  );
}

function StatusChart({ b }: { b: Briefing }) {
  const max = Math.max(1, ...MILESTONE_STATUSES.map((s) => b.milestones.byStatus[s]));
  const barWidth = 150;
  return (
    <View wrap={false}>
      <View style={[styles.row, styles.headRow]} wrap={false}>
        <Cell width="38%" bold>
          Status
        </Cell>
        <Cell width="14%" right bold>
          Milestones
        </Cell>
        <View style={{ width: "48%", paddingLeft: 10 }} />
      </View>
      {MILESTONE_STATUSES.map((s) => {
        const n = b.milestones.byStatus[s];
        return (
          <View key={s} style={styles.row} wrap={false}>
            <Cell width="38%">{MILESTONE_STATUS_LABELS[s]}</Cell>
            <Cell width="14%" right>
              {String(n)}
            </Cell>
            <View style={{ width: "48%", paddingLeft: 10, justifyContent: "center" }}>
              <Svg width={barWidth} height={10}>
                <Rect
                  x={0}
                  y={0}
                  height={10}
                  width={n === 0 ? 0 : Math.max(2, (barWidth * n) / max)}
                  fill={CHART_COLOURS[MILESTONE_STATUS_COLOURS[s]]}
                />
              </Svg>
            </View>
          </View>
        );
      })}
      <View style={styles.row} wrap={false}>
        <Cell width="38%" bold>
          Total
        </Cell>
        <Cell width="14%" right bold>
          {String(b.milestones.total)}
        </Cell>
      </View>
      <View style={styles.row} wrap={false}>
        <Cell width="38%">Overdue (of the total)</Cell>
        <Cell width="14%" right>
          {String(b.milestones.overdue)}
        </Cell>
      </View>
      {LATENESS_KINDS.map((kind) => (
        <View key={kind} style={styles.row} wrap={false}>
          <Cell width="38%">{`   of which: ${LATENESS_LABELS[kind].toLowerCase()}`}</Cell>
          <Cell width="14%" right>
            {String(b.milestones.lateness[kind])}
          </Cell>
        </View>
      ))}
    </View>
  );
}

/**
 * One item of the local section's lists (its actions, its changes, its slippage): a first line that starts with an
 * optional prefix and links the action's code to its page, then lines of detail, the `secondary` ones in grey.
 */
function LocalItem({
  href,
  code,
  title,
  prefix,
  lines,
  secondary,
}: {
  href: string;
  code: string;
  title: string;
  prefix?: string;
  lines: string[];
  secondary: string[];
}) {
  return (
    <View style={styles.item} wrap={false}>
      <Text>
        {prefix}
        <Link src={href} style={styles.link}>
          {code}
        </Link>
        {` ${title}`}
      </Text>
      {lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
      {secondary.map((line, i) => (
        <Text key={i} style={{ color: GOVUK_COLOURS.secondary }}>
          {line}
        </Text>
      ))}
    </View>
  );
}

/** A sub-heading of the local section and its list, or "None." */
function LocalList({ heading, empty = "None.", children }: { heading: string; empty?: string; children: ReactNode[] }) {
  return (
    <>
      <Text style={styles.h3} minPresenceAhead={40}>
        {heading}
      </Text>
      {children.length === 0 ? <Text style={styles.paragraph}>{empty}</Text> : children}
    </>
  );
}

/** The council's local section, in the page's words (lib/scrutiny/briefing-words.ts). */
function LocalSection({
  b,
  local,
  title,
  origin,
}: {
  b: Briefing;
  local: LocalBriefing;
  title: string;
  origin: string;
}) {
  const actionUrl = (code: string) => `${origin}/councils/${local.council.slug}/actions/${code}`;
  return (
    <>
      <Heading id="local" title={title} />
      <Text style={styles.paragraph}>{localSummary(b, local)}</Text>
      <LocalList heading={LOCAL_HEADINGS.actions}>
        {local.actions.map((a) => (
          <LocalItem
            key={a.code}
            href={actionUrl(a.code)}
            code={a.code}
            title={a.title}
            lines={[localActionLine(a)]}
            secondary={[servesLine(a)]}
          />
        ))}
      </LocalList>
      <LocalList heading={LOCAL_HEADINGS.changes}>
        {local.changes.map((c) => (
          <LocalItem
            key={c.eventId}
            href={actionUrl(c.code)}
            code={c.code}
            title={c.name}
            prefix={`${changeDay(c)}: `}
            lines={[changeSentence(c)]}
            secondary={[]}
          />
        ))}
      </LocalList>
      <LocalList heading={LOCAL_HEADINGS.slippage}>
        {local.slipped.map((a) => (
          <LocalItem
            key={a.code}
            href={actionUrl(a.code)}
            code={a.code}
            title={a.title}
            lines={[localActionLine(a)]}
            secondary={a.replans.map((r) => `Re-planned to ${formatDay(r.to)}: ${r.reason ?? "no reason given"}`)}
          />
        ))}
      </LocalList>
      <LocalList heading={LOCAL_HEADINGS.programmes} empty="None recorded.">
        {local.programmes.map((p) => (
          <Text key={`${p.slug}-${p.from}`} style={styles.item}>
            {programmeLine(p)}
          </Text>
        ))}
      </LocalList>
    </>
  );
}

export function BriefingPdf({ briefing: b, origin, htmlUrl }: { briefing: Briefing; origin: string; htmlUrl: string }) {
  const sections = briefingSections(b);
  const title = (id: string) => sections.find((s) => s.id === id)!.title;
  const [scopeLine, ...dateLines] = coverLines(b);
  const running = `${b.scope.name}, as at ${formatDay(b.asAt)}`;
  return (
    <Document
      title={`${BRIEFING_TITLE}: ${b.scope.title}, as at ${formatDay(b.asAt)}`}
      author="Reform Tracker"
      subject={`Children's social care reform, ${b.scope.title}: progress as at ${formatDay(b.asAt)} and changes since ${formatDay(b.since)}`}
      keywords="children's social care, Stable Homes Built on Love, scrutiny, briefing"
      creator="Reform Tracker"
      producer="Reform Tracker"
      language="en-GB"
      pageMode="useOutlines"
    >
      <Page size="A4" style={styles.page}>
        <View style={[styles.running, { top: 28 }]} fixed>
          <Text style={{ width: "75%" }}>{running}</Text>
          <Text style={{ width: "25%", textAlign: "right" }}>Reform Tracker</Text>
        </View>
        <View style={[styles.running, { top: A4_HEIGHT - 40 }]} fixed>
          <Text style={{ width: "70%" }}>{BRIEFING_TITLE}</Text>
          <Text
            style={{ width: "30%", textAlign: "right" }}
            render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
          />
        </View>

        <View {...bookmark(BRIEFING_TITLE)}>
          <Text style={styles.title}>{BRIEFING_TITLE}</Text>
        </View>
        <Text style={styles.scope}>{scopeLine}</Text>
        {dateLines.map((line) => (
          <Text key={line} style={styles.coverLine}>
            {line}
          </Text>
        ))}
        <View style={styles.rule} />
        <Text style={styles.small}>{sourceLine(origin)}</Text>
        <Text style={styles.small}>{pdfNotTaggedNote(htmlUrl)}</Text>

        <Text style={styles.h3}>Contents</Text>
        {sections.map((s, i) => (
          <Link key={s.id} src={`#${s.id}`} style={[styles.link, { marginBottom: 1 }]}>
            {`${i + 1}. ${s.title}`}
          </Link>
        ))}

        <Heading id="summary" title={title("summary")} />
        <Text style={styles.paragraph}>{summaryParagraph(b)}</Text>

        <Heading id="status" title={title("status")} ahead={230} />
        <StatusChart b={b} />

        <Heading id="changes" title={title("changes")} />
        <Text style={styles.paragraph}>
          {`From ${formatDay(b.since)} to ${formatDay(b.asAt)}: ${
            CHANGE_KINDS.filter((k) => b.changes.counts[k] > 0)
              .map((k) => `${CHANGE_KIND_LABELS[k]}: ${b.changes.counts[k]}`)
              .join("; ") || "no changes were published"
          }.`}
        </Text>
        {b.changes.items.map((c) => (
          <View key={c.eventId} style={styles.item} wrap={false}>
            <Text>
              {`${changeDay(c)}: `}
              <Link
                src={`${origin}/${c.entityType === "milestone" ? "milestones" : "recommendations"}/${c.code}`}
                style={styles.link}
              >
                {c.code}
              </Link>
              {c.entityType === "milestone" ? ` ${c.name}` : ""}
            </Text>
            <Text>{changeSentence(c)}</Text>
          </View>
        ))}
        <MoreItems b={b} list="changes" shown={b.changes.items.length} origin={origin} />

        <Heading id="late" title={title("late")} />
        <MilestoneTable items={b.lateOrAtRisk} origin={origin} />
        <MoreItems b={b} list="lateOrAtRisk" shown={b.lateOrAtRisk.length} origin={origin} />

        <Heading id="due" title={title("due")} />
        <Text style={styles.paragraph}>{dueSectionIntro(b)}</Text>
        <MilestoneTable items={b.dueSoon} origin={origin} />
        <MoreItems b={b} list="dueSoon" shown={b.dueSoon.length} origin={origin} />

        <Heading id="slippage" title={title("slippage")} />
        <Text style={styles.paragraph}>
          Milestones re-planned to a date later than the strategy&apos;s, the longest slippage first.
        </Text>
        <MilestoneTable items={b.slipped} origin={origin} />
        <MoreItems b={b} list="slipped" shown={b.slipped.length} origin={origin} />

        <Heading id="recommendations" title={title("recommendations")} />
        {b.recommendationsByClass.map((group) => (
          <View key={group.responseClass} style={styles.item}>
            <Text style={styles.bold}>{`${RESPONSE_CLASS_LABELS[group.responseClass]} (${group.total})`}</Text>
            <Text>
              {group.codes.length === 0
                ? "None."
                : group.codes.map((code, i) => (
                    <Text key={code}>
                      {i > 0 ? ", " : ""}
                      <Link src={`${origin}/recommendations/${code}`} style={styles.link}>
                        {code}
                      </Link>
                    </Text>
                  ))}
            </Text>
            <MoreItems b={b} list={{ responseClass: group.responseClass }} shown={group.codes.length} origin={origin} />
          </View>
        ))}
        <Text style={styles.h3} minPresenceAhead={40}>
          {`Accepted or being tested, but no milestone delivers it (${b.totals.undelivered})`}
        </Text>
        {b.undelivered.length === 0 ? (
          <Text>None.</Text>
        ) : (
          b.undelivered.map((r) => (
            <View key={r.code} style={styles.item}>
              <Text minPresenceAhead={30}>
                <Link src={`${origin}/recommendations/${r.code}`} style={styles.link}>
                  {`Recommendation ${r.code}`}
                </Link>
                {` (${RESPONSE_CLASS_LABELS[r.responseClass]})`}
              </Text>
              <Text>{r.text}</Text>
            </View>
          ))
        )}
        <MoreItems b={b} list="undelivered" shown={b.undelivered.length} origin={origin} />

        {b.local && <LocalSection b={b} local={b.local} title={title("local")} origin={origin} />}

        <Heading id="definitions" title={title("definitions")} />
        {definitions(!!b.local).map((d) => (
          <View key={d.term} style={styles.item} wrap={false}>
            <Text style={styles.bold}>{d.term}</Text>
            <Text>{d.meaning}</Text>
          </View>
        ))}
      </Page>
    </Document>
  );
}
