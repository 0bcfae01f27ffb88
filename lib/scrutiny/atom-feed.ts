import { changePath, describeChangeWithReason } from "@/lib/scrutiny/change-words";
import type { ChangeItem, ChangesReport } from "@/lib/scrutiny/changes.server";
import { neutraliseDirectionControls } from "@/lib/validations/text";
import { CHANGE_KIND_LABELS } from "@/lib/vocabulary";

// The Atom feed (RFC 4287) of published changes, so council officers can subscribe. Ids and links are absolute URLs.
//
// Every text is written as `type="text"` and escaped here: a reader shows it as the characters staff typed, never as
// markup. (The `feed` package we used before wrote titles and summaries as `type="html"` in CDATA, so a reason of
// `<script>…</script>` reached readers as HTML to render.) Text also leaves out what XML 1.0 cannot carry (control
// characters, broken surrogates) and, like every page, shows invisible direction controls as U+FFFD.

export const FEED_ITEM_LIMIT = 100;
const TITLE_LIMIT = 300;

// Characters XML 1.0 does not allow at all: the C0 controls but tab and line breaks, unpaired surrogates, U+FFFE/F.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // A parser turns a literal CR (or CRLF) into LF; as a character reference it stays a CR.
  "\r": "&#13;",
};

/** Text as XML character data or an attribute value: escaped, and safe to show. Exported for the tests. */
export function xmlText(text: string): string {
  return neutraliseDirectionControls(text)
    .replace(NOT_XML, "\uFFFD")
    .replace(/[&<>"'\r]/g, (c) => ENTITIES[c]!);
}

const textElement = (name: string, text: string) => `<${name} type="text">${xmlText(text)}</${name}>`;
const link = (rel: "alternate" | "self", type: string, href: string) =>
  `<link rel="${rel}" type="${type}" href="${xmlText(href)}"/>`;

/** The first `limit` characters (not UTF-16 units, so no emoji is cut in half). */
const truncate = (text: string, limit: number) => [...text].slice(0, limit).join("");

/**
 * The whole reform's feed, a pillar's (`pillar`), or a council's feed of its local actions' changes (`council`: the
 * report holds that council's changes only, lib/scrutiny/feed-data.server.ts), attributed to the council.
 */
export function buildAtomFeed(
  report: ChangesReport,
  options: {
    origin: string;
    pillar?: { number: number; title: string };
    council?: { slug: string; name: string };
  },
): string {
  const { origin, pillar, council } = options;
  const councilPage = council ? `${origin}/councils/${encodeURIComponent(council.slug)}` : null;
  const selfUrl = councilPage
    ? `${councilPage}/feed.xml`
    : `${origin}${pillar ? `/pillars/${pillar.number}/feed.xml` : "/feed.xml"}`;
  const groups = pillar ? report.pillars.filter((p) => p.number === pillar.number) : report.pillars;
  // A change to a milestone in two pillars is one entry in the whole-reform feed.
  const items = new Map<string, ChangeItem>();
  for (const group of groups)
    for (const list of Object.values(group.byKind))
      for (const item of list) items.set(`${item.eventId}-${item.kind}`, item);
  const entries = [...items.values()]
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.eventId.localeCompare(a.eventId))
    .slice(0, FEED_ITEM_LIMIT);
  const updated = entries[0] ? new Date(entries[0].occurredAt) : new Date(`${report.until}T00:00:00Z`);

  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `<id>${xmlText(selfUrl)}</id>`,
    textElement(
      "title",
      council
        ? `Reform Tracker: ${council.name}'s local actions`
        : pillar
          ? `Reform Tracker: changes to pillar ${pillar.number}, ${pillar.title}`
          : "Reform Tracker: changes to children's social care reform",
    ),
    textElement(
      "subtitle",
      council
        ? `Changes ${council.name} has published to its local actions for Stable Homes, Built on Love.`
        : "Changes DfE programme staff have published to the milestones and response classes of Stable Homes, Built on Love.",
    ),
    `<updated>${updated.toISOString()}</updated>`,
    link(
      "alternate",
      "text/html",
      councilPage ?? (pillar ? `${origin}/pillars/${pillar.number}` : `${origin}/changes`),
    ),
    link("self", "application/atom+xml", selfUrl),
    // A council's changes are the council's, never a person's (issue 15).
    council
      ? `<author><name>${xmlText(council.name)}</name><uri>${xmlText(councilPage!)}</uri></author>`
      : `<author><name>Reform Tracker</name><uri>${xmlText(origin)}</uri></author>`,
    textElement("rights", "Contains public sector information licensed under the Open Government Licence v3.0"),
  ];
  for (const item of entries) {
    const page = `${origin}${changePath(item)}`;
    lines.push(
      `<entry>`,
      `<id>${xmlText(`${origin}/changes#event-${item.eventId}-${item.kind}`)}</id>`,
      textElement(
        "title",
        truncate(`${CHANGE_KIND_LABELS[item.kind]}: ${item.code} ${item.title.split("\n")[0]}`, TITLE_LIMIT),
      ),
      link("alternate", "text/html", page),
      `<updated>${new Date(item.occurredAt).toISOString()}</updated>`,
      // What changed, in the words of the /changes page, and why.
      textElement("summary", describeChangeWithReason(item)),
      `</entry>`,
    );
  }
  lines.push(`</feed>`);
  return `${lines.join("\n")}\n`;
}
