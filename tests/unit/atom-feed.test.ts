import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildAtomFeed, xmlText } from "@/lib/scrutiny/atom-feed";
import type { ChangeItem, ChangesReport } from "@/lib/scrutiny/changes.server";
import { CHANGE_KINDS, type ChangeKind } from "@/lib/vocabulary";
import { NASTY_STRINGS } from "@/tests/support/hostile-values";

// The feed as a feed reader parses it: every reason and title, whatever staff typed (the hostile-input payloads, and
// markup written to break out of CDATA or an attribute), comes out as the same text in a `type="text"` element, and
// no element or attribute is added.

const ORIGIN = "https://reform-tracker.example";
const PAYLOADS = [
  ...NASTY_STRINGS.filter((s) => s !== ""),
  "<script>alert(1)</script>",
  "]]><script>alert(1)</script><![CDATA[",
  '</summary><entry><title type="html">&lt;img src=x onerror=alert(1)&gt;</title></entry>',
  "&amp; &lt;b&gt; &#60; &nbsp; &unknown;",
  "Tab\there, CRLF\r\nand CR\rand LF\n",
];

/** How a text should read in the feed: invisible direction controls and what XML cannot carry shown as U+FFFD. */
function shown(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "\uFFFD")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");
}

function report(items: Array<Pick<ChangeItem, "title" | "reason">>): ChangesReport {
  const byKind = Object.fromEntries(CHANGE_KINDS.map((k) => [k, [] as ChangeItem[]])) as Record<
    ChangeKind,
    ChangeItem[]
  >;
  items.forEach((item, i) =>
    byKind.slipped.push({
      eventId: String(i + 1),
      occurredAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString(),
      entityType: "milestone",
      council: null,
      code: `M-${String(i + 1).padStart(2, "0")}`,
      kind: "slipped",
      from: "2024-03-31",
      to: "2025-03-31",
      ...item,
    }),
  );
  return {
    since: "2024-01-01",
    until: "2024-01-31",
    counts: Object.fromEntries(CHANGE_KINDS.map((k) => [k, k === "slipped" ? items.length : 0])) as Record<
      ChangeKind,
      number
    >,
    events: items.length,
    pillars: [{ number: 1, title: "Pillar 1", total: items.length, byKind }],
    changes: [],
  };
}

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  // As a reader sees it: entities and character references decoded, nothing trimmed or converted to numbers.
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    isArray: (name) => name === "entry",
  }).parse(xml);
  return doc.feed as { entry: Array<Record<string, unknown>> } & Record<string, unknown>;
}

describe("the Atom feed's text", () => {
  it("reaches a reader as the text written, in type=text elements, with nothing injected", () => {
    const items = PAYLOADS.map((p) => ({ title: p, reason: p }));
    const xml = buildAtomFeed(report(items), { origin: ORIGIN });
    expect(xml).not.toMatch(/type="html"|<!\[CDATA\[|<script/i);
    const entries = parse(xml).entry;
    expect(entries).toHaveLength(PAYLOADS.length);
    for (const entry of entries) {
      // Only the elements we wrote (the line breaks between them are the entry's only text).
      expect(String(entry["#text"] ?? "").trim()).toBe("");
      expect(
        Object.keys(entry)
          .filter((k) => k !== "#text")
          .sort(),
      ).toEqual(["id", "link", "summary", "title", "updated"]);
      const index = Number(String(entry.id).split("#event-")[1]!.split("-")[0]) - 1;
      const payload = PAYLOADS[index]!;
      const title = entry.title as Record<string, string>;
      const summary = entry.summary as Record<string, string>;
      expect(Object.keys(title).sort(), JSON.stringify(payload)).toEqual(["#text", "@type"]);
      expect(Object.keys(summary).sort(), JSON.stringify(payload)).toEqual(["#text", "@type"]);
      expect(title["@type"]).toBe("text");
      expect(summary["@type"]).toBe("text");
      expect(summary["#text"], JSON.stringify(payload)).toBe(
        `Planned date moved later, from 31 March 2024 to 31 March 2025. Reason: ${shown(payload)}`,
      );
      const code = `M-${String(index + 1).padStart(2, "0")}`;
      expect(title["#text"], JSON.stringify(payload)).toBe(
        [...`Dates slipped: ${code} ${shown(payload.split("\n")[0]!)}`].slice(0, 300).join(""),
      );
    }
  });

  it("keeps payloads without controls exactly as written, markup included", () => {
    const xml = buildAtomFeed(report([{ title: "Milestone", reason: "<script>alert(1)</script>" }]), {
      origin: ORIGIN,
    });
    expect(xml).toContain(
      '<summary type="text">Planned date moved later, from 31 March 2024 to 31 March 2025. Reason: &lt;script&gt;alert(1)&lt;/script&gt;</summary>',
    );
    expect((parse(xml).entry[0]!.summary as Record<string, string>)["#text"]).toMatch(
      /Reason: <script>alert\(1\)<\/script>$/,
    );
  });

  it("shows invisible direction controls as U+FFFD, and never cuts a character in half", () => {
    expect(xmlText("\u202Egnp.exe")).toBe("\uFFFDgnp.exe");
    expect(xmlText("a\u0000b\uD800c\uFFFEd")).toBe("a\uFFFDb\uFFFDc\uFFFDd");
    expect(xmlText(`"'&<>\r`)).toBe("&quot;&apos;&amp;&lt;&gt;&#13;");
    const long = buildAtomFeed(report([{ title: "🚸".repeat(400), reason: null }]), { origin: ORIGIN });
    const title = (parse(long).entry[0]!.title as Record<string, string>)["#text"]!;
    expect([...title]).toHaveLength(300);
    expect(title.toWellFormed()).toBe(title);
  });
});
