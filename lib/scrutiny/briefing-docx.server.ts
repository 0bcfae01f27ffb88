import "server-only";
import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { formatDay } from "@/lib/dates";
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

// The briefing pack as an editable Word document, for officers who paste sections into their council's report
// template: real headings (Word's Heading 1 and 2 styles, so its navigation pane and contents field work), real
// tables with a repeating header row, numbered and bulleted lists, and links to each item's page on the site.
// The same sections and words as the page and the PDF (lib/scrutiny/briefing-words.ts).

const A4 = { width: 11_906, height: 16_838 }; // twentieths of a point
const MARGIN = 1_134; // 20 mm
const CONTENTS = "briefing-contents";

const link = (url: string, text: string) =>
  new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: "Hyperlink" })] });

const paragraph = (children: ParagraphChild[] | string) =>
  new Paragraph({ children: typeof children === "string" ? [new TextRun(children)] : children });

function cell(children: ParagraphChild[] | string, widthPercent: number, bold = false): TableCell {
  return new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        children: typeof children === "string" ? [new TextRun({ text: children, bold })] : children,
      }),
    ],
  });
}

function table(header: string[], widths: number[], rows: Array<Array<ParagraphChild[] | string>>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i]!, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i]!)) })),
    ],
  });
}

/** Under a list the pack cut short: how many it shows, and a link to all of them on the site. */
function moreItemsParagraphs(b: Briefing, list: CutList, shown: number, origin: string): Paragraph[] {
  const more = moreItems(b, list, shown);
  if (!more) return [];
  return [
    paragraph([new TextRun(`${more.sentence} `), link(`${origin}${more.path}`, more.linkText), new TextRun(".")]),
  ];
}

function milestoneTable(items: BriefingMilestone[], origin: string): Array<Paragraph | Table> {
  if (items.length === 0) return [paragraph("None.")];
  return [
    table(
      ["Milestone", "Status", "Planned date", "Strategy's date"],
      [46, 20, 17, 17],
      items.map((m) => [
        [link(`${origin}/milestones/${m.code}`, m.code), new TextRun(` ${m.name}`)],
        `${MILESTONE_STATUS_LABELS[m.status]}${m.lateness ? `, ${LATENESS_LABELS[m.lateness].toLowerCase()}` : ""}`,
        formatDay(m.plannedDate),
        m.daysLate > 0 ? `${formatDay(m.dueDate)} (${count(m.daysLate, "day")} later)` : formatDay(m.dueDate),
      ]),
    ),
  ];
}

/** The council's local section, in the page's words (lib/scrutiny/briefing-words.ts). */
function localSection(
  b: Briefing,
  local: LocalBriefing,
  origin: string,
  subheading: (text: string) => Paragraph,
): Paragraph[] {
  const actionLink = (code: string) => link(`${origin}/councils/${local.council.slug}/actions/${code}`, code);
  const bullet = (children: ParagraphChild[]) => new Paragraph({ bullet: { level: 0 }, children });
  const none = (text = "None.") => [paragraph(text)];
  return [
    paragraph(localSummary(b, local)),
    subheading(LOCAL_HEADINGS.actions),
    ...(local.actions.length === 0
      ? none()
      : local.actions.map((a) =>
          bullet([actionLink(a.code), new TextRun(` ${a.title}. ${localActionLine(a)} ${servesLine(a)}`)]),
        )),
    subheading(LOCAL_HEADINGS.changes),
    ...(local.changes.length === 0
      ? none()
      : local.changes.map((c) =>
          bullet([
            new TextRun(`${changeDay(c)}: `),
            actionLink(c.code),
            new TextRun(` ${c.name}. ${changeSentence(c)}`),
          ]),
        )),
    subheading(LOCAL_HEADINGS.slippage),
    ...(local.slipped.length === 0
      ? none()
      : local.slipped.map((a) =>
          bullet([
            actionLink(a.code),
            new TextRun(
              ` ${a.title}. ${localActionLine(a)}${a.replans
                .map((r) => ` Re-planned to ${formatDay(r.to)}: ${r.reason ?? "no reason given"}.`)
                .join("")}`,
            ),
          ]),
        )),
    subheading(LOCAL_HEADINGS.programmes),
    ...(local.programmes.length === 0
      ? none("None recorded.")
      : local.programmes.map((p) => bullet([new TextRun(programmeLine(p))]))),
  ];
}

export async function renderBriefingDocx(b: Briefing, origin: string, htmlUrl: string): Promise<Uint8Array> {
  const sections = briefingSections(b);
  const title = (id: string) => sections.find((s) => s.id === id)!.title;
  const heading = (id: string) =>
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new Bookmark({ id, children: [new TextRun(title(id))] })],
    });
  const subheading = (text: string) =>
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
  const [scopeLine, ...dateLines] = coverLines(b);
  const running = `${BRIEFING_TITLE}: ${b.scope.name}, as at ${formatDay(b.asAt)}`;

  const document = new Document({
    title: `${BRIEFING_TITLE}: ${b.scope.title}, as at ${formatDay(b.asAt)}`,
    subject: `Children's social care reform, ${b.scope.title}: progress as at ${formatDay(b.asAt)} and changes since ${formatDay(b.since)}`,
    creator: "Reform Tracker",
    lastModifiedBy: "Reform Tracker",
    keywords: "children's social care, Stable Homes Built on Love, scrutiny, briefing",
    styles: {
      default: {
        document: { run: { font: "Arial", size: 22, language: { value: "en-GB" } } },
        heading1: { run: { font: "Arial", size: 32, bold: true }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: "Arial", size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 80 } } },
        title: { run: { font: "Arial", size: 44, bold: true }, paragraph: { spacing: { after: 200 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: CONTENTS,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: { default: new Header({ children: [paragraph(running)] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(BRIEFING_TITLE)] }),
          new Paragraph({ children: [new TextRun({ text: scopeLine!, size: 30 })], spacing: { after: 120 } }),
          ...dateLines.map((line) => paragraph(line)),
          new Paragraph({
            spacing: { before: 200 },
            children: [
              new TextRun(sourceLine(origin)),
              new TextRun(" This briefing on the web: "),
              link(htmlUrl, htmlUrl),
            ],
          }),

          subheading("Contents"),
          ...sections.map(
            (s) =>
              new Paragraph({
                numbering: { reference: CONTENTS, level: 0 },
                children: [
                  new InternalHyperlink({
                    anchor: s.id,
                    children: [new TextRun({ text: s.title, style: "Hyperlink" })],
                  }),
                ],
              }),
          ),

          heading("summary"),
          paragraph(summaryParagraph(b)),

          heading("status"),
          table(
            ["Status", "Milestones"],
            [70, 30],
            [
              ...MILESTONE_STATUSES.map((s) => [MILESTONE_STATUS_LABELS[s], String(b.milestones.byStatus[s])]),
              ["Total", String(b.milestones.total)],
              ["Overdue (of the total)", String(b.milestones.overdue)],
              ...LATENESS_KINDS.map((kind) => [
                `of which: ${LATENESS_LABELS[kind].toLowerCase()}`,
                String(b.milestones.lateness[kind]),
              ]),
            ],
          ),

          heading("changes"),
          paragraph(
            `From ${formatDay(b.since)} to ${formatDay(b.asAt)}: ${
              CHANGE_KINDS.filter((k) => b.changes.counts[k] > 0)
                .map((k) => `${CHANGE_KIND_LABELS[k]}: ${b.changes.counts[k]}`)
                .join("; ") || "no changes were published"
            }.`,
          ),
          ...b.changes.items.map(
            (c) =>
              new Paragraph({
                bullet: { level: 0 },
                children: [
                  new TextRun(`${changeDay(c)}: `),
                  link(
                    `${origin}/${c.entityType === "milestone" ? "milestones" : "recommendations"}/${c.code}`,
                    c.code,
                  ),
                  new TextRun(`${c.entityType === "milestone" ? ` ${c.name}` : ""}. ${changeSentence(c)}`),
                ],
              }),
          ),
          ...moreItemsParagraphs(b, "changes", b.changes.items.length, origin),

          heading("late"),
          ...milestoneTable(b.lateOrAtRisk, origin),
          ...moreItemsParagraphs(b, "lateOrAtRisk", b.lateOrAtRisk.length, origin),

          heading("due"),
          paragraph(dueSectionIntro(b)),
          ...milestoneTable(b.dueSoon, origin),
          ...moreItemsParagraphs(b, "dueSoon", b.dueSoon.length, origin),

          heading("slippage"),
          paragraph("Milestones re-planned to a date later than the strategy's, the longest slippage first."),
          ...milestoneTable(b.slipped, origin),
          ...moreItemsParagraphs(b, "slipped", b.slipped.length, origin),

          heading("recommendations"),
          ...b.recommendationsByClass.flatMap((group) => [
            new Paragraph({
              bullet: { level: 0 },
              children: [
                new TextRun({
                  text: `${RESPONSE_CLASS_LABELS[group.responseClass]} (${group.total}): `,
                  bold: true,
                }),
                ...(group.codes.length === 0
                  ? [new TextRun("none.")]
                  : group.codes.flatMap((code, i) => [
                      ...(i > 0 ? [new TextRun(", ")] : []),
                      link(`${origin}/recommendations/${code}`, code),
                    ])),
              ],
            }),
            ...moreItemsParagraphs(b, { responseClass: group.responseClass }, group.codes.length, origin),
          ]),
          subheading(`Accepted or being tested, but no milestone delivers it (${b.totals.undelivered})`),
          ...(b.undelivered.length === 0
            ? [paragraph("None.")]
            : b.undelivered.map(
                (r) =>
                  new Paragraph({
                    bullet: { level: 0 },
                    children: [
                      link(`${origin}/recommendations/${r.code}`, `Recommendation ${r.code}`),
                      new TextRun(` (${RESPONSE_CLASS_LABELS[r.responseClass]}): ${r.text}`),
                    ],
                  }),
              )),
          ...moreItemsParagraphs(b, "undelivered", b.undelivered.length, origin),

          ...(b.local ? [heading("local"), ...localSection(b, b.local, origin, subheading)] : []),

          heading("definitions"),
          ...definitions(!!b.local).map(
            (d) =>
              new Paragraph({
                bullet: { level: 0 },
                children: [new TextRun({ text: `${d.term}: `, bold: true }), new TextRun(d.meaning)],
              }),
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
