import { Document, Font, Link, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDay } from "@/lib/dates";
import { GOVUK_COLOURS } from "@/lib/palette";
import type { Briefing, BriefingGroup, BriefingMilestone } from "@/lib/scrutiny/briefing.server";
import { describeChangeWithReason, titleSentence } from "@/lib/scrutiny/change-words";
import {
  CHANGE_KINDS,
  CHANGE_KIND_LABELS,
  LATENESS_KINDS,
  LATENESS_LABELS,
  LATENESS_TAG_LABELS,
  MILESTONE_STATUSES,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASSES,
  RESPONSE_CLASS_LABELS,
} from "@/lib/vocabulary";

// The briefing pack as an A4 PDF, drawn on the server with @react-pdf/renderer's built-in Helvetica: no browser and
// no font download. Every figure is text; every item links back to its page on the site.

// Never break words with hyphens ("Com-plete"): wrap whole words only.
Font.registerHyphenationCallback((word) => [word]);

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 10, fontFamily: "Helvetica", color: GOVUK_COLOURS.text, lineHeight: 1.35 },
  h1: { fontSize: 20, fontFamily: "Helvetica-Bold", marginBottom: 6 },
  h2: { fontSize: 14, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 6 },
  meta: { color: GOVUK_COLOURS.secondary, marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: GOVUK_COLOURS.border, paddingVertical: 2 },
  cellLabel: { flex: 4 },
  cell: { flex: 1, textAlign: "right", fontSize: 8.5 },
  bold: { fontFamily: "Helvetica-Bold" },
  item: { marginBottom: 3 },
  link: { color: GOVUK_COLOURS.link },
  footer: { position: "absolute", bottom: 20, left: 40, right: 40, fontSize: 8, color: GOVUK_COLOURS.secondary },
});

function CountsTable({ groups, kind }: { groups: BriefingGroup[]; kind: "milestones" | "recommendations" }) {
  const columns =
    kind === "milestones"
      ? MILESTONE_STATUSES.map((s) => ({ key: s, label: MILESTONE_STATUS_LABELS[s] }))
      : RESPONSE_CLASSES.map((c) => ({ key: c, label: RESPONSE_CLASS_LABELS[c] }));
  return (
    <View>
      <View style={[styles.row, styles.bold]}>
        <Text style={styles.cellLabel}>
          {kind === "milestones" ? "Milestones by status" : "Recommendations by response"}
        </Text>
        {columns.map((c) => (
          <Text key={c.key} style={styles.cell}>
            {c.label}
          </Text>
        ))}
        {kind === "milestones" &&
          LATENESS_KINDS.map((k) => <Text key={k} style={styles.cell}>{`Overdue: ${LATENESS_LABELS[k]}`}</Text>)}
      </View>
      {groups.map((g) => (
        <View key={g.number} style={styles.row} wrap={false}>
          <Text style={styles.cellLabel}>{`${g.number}. ${g.title}`}</Text>
          {columns.map((c) => (
            <Text key={c.key} style={styles.cell}>
              {String((kind === "milestones" ? g.milestones : g.recommendations)[c.key as never] ?? 0)}
            </Text>
          ))}
          {kind === "milestones" &&
            LATENESS_KINDS.map((k) => (
              <Text key={k} style={styles.cell}>
                {String(g.lateness[k])}
              </Text>
            ))}
        </View>
      ))}
    </View>
  );
}

function MilestoneList({ items, origin, empty }: { items: BriefingMilestone[]; origin: string; empty: string }) {
  if (items.length === 0) return <Text>{empty}</Text>;
  return (
    <View>
      {items.map((m) => (
        <Text key={m.code} style={styles.item}>
          <Link src={`${origin}/milestones/${m.code}`} style={styles.link}>
            {m.code}
          </Link>
          {` ${m.title}: ${MILESTONE_STATUS_LABELS[m.status]}${m.lateness ? ` (${LATENESS_TAG_LABELS[m.lateness]})` : ""}, planned ${formatDay(m.plannedDate)}`}
          {m.daysLate > 0 ? ` (${m.daysLate} days after the strategy's ${formatDay(m.dueDate)})` : ""}
        </Text>
      ))}
    </View>
  );
}

export function BriefingPdf({ briefing: b, origin }: { briefing: Briefing; origin: string }) {
  return (
    <Document title={`Reform Tracker briefing as at ${b.asAt}`} author="Reform Tracker" language="en-GB">
      <Page size="A4" style={styles.page}>
        <Text style={styles.h1}>Children&apos;s social care reform: briefing</Text>
        <Text style={styles.meta}>{b.scope.title}</Text>
        <Text style={styles.meta}>{`As at ${formatDay(b.asAt)}. Changes since ${formatDay(b.since)}.`}</Text>
        <Text style={styles.meta}>
          Source: Reform Tracker ({origin}), from Stable Homes, Built on Love (DfE, February 2023). Open Government
          Licence v3.0.
        </Text>

        <Text style={styles.h2}>Summary</Text>
        <Text>{`${b.totals.milestones} milestones: ${MILESTONE_STATUSES.filter((s) => b.totals.byStatus[s] > 0)
          .map((s) => `${MILESTONE_STATUS_LABELS[s]} ${b.totals.byStatus[s]}`)
          .join(", ")}.`}</Text>
        <Text>{`${b.totals.overdue} milestones past their planned date and not complete: ${b.totals.lateness.not_yet_assessed} not yet assessed by staff, ${b.totals.lateness.assessed_late} assessed and late. ${b.slipped.length} milestones re-planned later than the strategy's date.`}</Text>
        <Text>{`${b.totals.recommendations} recommendations: ${RESPONSE_CLASSES.filter((c) => b.totals.byClass[c] > 0)
          .map((c) => `${RESPONSE_CLASS_LABELS[c]} ${b.totals.byClass[c]}`)
          .join(", ")}.`}</Text>
        <Text>{`${b.undelivered.length} recommendations accepted or being tested that no milestone delivers.`}</Text>

        <Text style={styles.h2}>By pillar</Text>
        <CountsTable groups={b.pillars} kind="milestones" />
        <Text style={styles.h2}>By outcome and enabler</Text>
        <CountsTable groups={b.outcomes} kind="milestones" />

        <Text style={styles.h2}>What changed since {formatDay(b.since)}</Text>
        <Text>{CHANGE_KINDS.map((k) => `${CHANGE_KIND_LABELS[k]}: ${b.changes.counts[k]}`).join(". ")}.</Text>
        {b.changes.pillars.map((p) => (
          <View key={String(p.number)} wrap={false}>
            <Text style={[styles.bold, { marginTop: 4 }]}>{p.number ? `Pillar ${p.number}: ${p.title}` : p.title}</Text>
            {CHANGE_KINDS.flatMap((k) =>
              p.byKind[k].map((c) => (
                <Text key={`${c.eventId}-${k}`} style={styles.item}>
                  {`${CHANGE_KIND_LABELS[k]}: `}
                  <Link
                    src={`${origin}/${c.entityType === "milestone" ? "milestones" : "recommendations"}/${c.code}`}
                    style={styles.link}
                  >
                    {c.code}
                  </Link>
                  {` ${titleSentence(c.title)} ${describeChangeWithReason(c)}`}
                </Text>
              )),
            )}
          </View>
        ))}

        <Text style={styles.h2}>Milestones past their planned date and not complete</Text>
        <Text style={styles.item}>
          {`"Date passed": nobody has assessed the milestone yet, so its date passing does not show it was missed. "Overdue": staff have assessed it and it is late. What every status and figure means: `}
          <Link src={`${origin}/about/statuses`} style={styles.link}>
            {`${origin}/about/statuses`}
          </Link>
        </Text>
        <MilestoneList items={b.overdue} origin={origin} empty="None." />
        <Text style={styles.h2}>Slipped milestones</Text>
        <MilestoneList items={b.slipped} origin={origin} empty="None." />

        <Text style={styles.h2}>Gaps: accepted or being tested, but no milestone delivers it</Text>
        {b.undelivered.length === 0 ? (
          <Text>None.</Text>
        ) : (
          b.undelivered.map((r) => (
            <Text key={r.code} style={styles.item}>
              <Link src={`${origin}/recommendations/${r.code}`} style={styles.link}>
                {r.code}
              </Link>
              {` (${RESPONSE_CLASS_LABELS[r.responseClass]}) ${r.text.length > 220 ? `${r.text.slice(0, 217)}…` : r.text}`}
            </Text>
          ))
        )}
        <Text
          style={styles.footer}
          render={({ pageNumber, totalPages }) =>
            `Reform Tracker briefing as at ${b.asAt} · page ${pageNumber} of ${totalPages}`
          }
          fixed
        />
      </Page>
    </Document>
  );
}
