import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAtomFeed } from "@/lib/scrutiny/atom-feed";
import { describeChangeWithReason } from "@/lib/scrutiny/change-words";
import { listChanges } from "@/lib/scrutiny/changes.server";
import { todayInLondon } from "@/lib/dates";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createRecommendation, createReferenceData, createUser } from "@/tests/support/factories";

const ORIGIN = "https://reform-tracker.example";
const MARKUP_TITLE = '"><img src=x onerror=alert(1)> ]]> & <b>bold</b>';
const MARKUP_REASON = "<script>alert(document.cookie)</script>";
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  await createRecommendation(prisma, { code: "CR-01", pillar: 1, responseClass: "testing" });
  await createMilestone(prisma, {
    code: "M-01",
    dueDate: "2024-03-31",
    status: "on_track",
    pillars: [1],
    outcomes: [1],
  });
  await createMilestone(prisma, {
    code: "M-02",
    dueDate: "2024-06-30",
    status: "on_track",
    pillars: [2],
    outcomes: [3],
  });
  const editor = (await createUser(prisma, { email: "editor@example.gov.uk", role: "admin" })).id;
  const none = { actualDate: "", commentary: "", evidence: [] };
  expect(
    (
      await recordMilestoneUpdate(editor, {
        code: "M-01",
        version: 1,
        status: "delayed",
        forecastDate: "2025-03-31",
        reason: "The supplier withdrew from the contract",
        ...none,
      })
    ).ok,
  ).toBe(true);
  expect(
    (
      await recordMilestoneUpdate(editor, {
        code: "M-02",
        version: 1,
        status: "complete",
        forecastDate: "",
        reason: "",
        ...none,
        actualDate: "2024-06-01",
      })
    ).ok,
  ).toBe(true);
  const r = await prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
  expect(
    (
      await reclassifyRecommendation(editor, {
        code: "CR-01",
        version: r.version,
        responseClass: "accepted",
        rationale: 'It says "we will".',
        reason: "The response was misread at first",
      })
    ).ok,
  ).toBe(true);
  // Markup in a reason and a title, as the hostile-input tests type it, saved the way staff save it.
  expect(
    (
      await addMilestone(editor, {
        group: "laying_the_groundwork",
        activity: "An activity",
        title: MARKUP_TITLE,
        dueDate: "2026-03-31",
        pillars: [3],
        outcomes: [1],
        recommendations: [],
        reason: MARKUP_REASON,
      })
    ).ok,
  ).toBe(true);
});

afterAll(async () => {
  await database.close();
});

function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", htmlEntities: true }).parse(xml);
  const feed = doc.feed;
  const entries = [feed.entry ?? []].flat() as Array<Record<string, unknown>>;
  return { feed, entries };
}

describe("the Atom feed of published changes", () => {
  it("is well-formed Atom with the elements RFC 4287 requires, and absolute ids and links", async () => {
    const { feed, entries } = parseFeed(
      buildAtomFeed(await listChanges({ since: todayInLondon() }), { origin: ORIGIN }),
    );
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${ORIGIN}/feed.xml`);
    expect(typeof feed.title === "string" ? feed.title : feed.title["#text"]).toContain("Reform Tracker");
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(String(entry.id)).toMatch(/^https:\/\/reform-tracker\.example\//);
      expect(entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(String(entry.updated)))).toBe(false);
      expect(String((entry.link as Record<string, string>)["@href"])).toMatch(
        /^https:\/\/reform-tracker\.example\/(milestones|recommendations)\//,
      );
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it("lists the scripted changes: a slip with its reason, a completion and a reclassification", async () => {
    const { entries } = parseFeed(buildAtomFeed(await listChanges({ since: todayInLondon() }), { origin: ORIGIN }));
    const titles = entries.map((e) =>
      String(typeof e.title === "object" ? (e.title as Record<string, string>)["#text"] : e.title),
    );
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Dates slipped: M-01 /),
        expect.stringMatching(/^Milestones newly at risk or delayed: M-01 /),
        expect.stringMatching(/^Milestones completed: M-02 /),
        expect.stringMatching(/^Responses reclassified: CR-01 /),
      ]),
    );
    const slip = JSON.stringify(entries.find((e) => JSON.stringify(e.title).includes("Dates slipped")));
    expect(slip).toContain("Planned date moved later, from 31 March 2024 to 31 March 2025.");
    expect(slip).toContain("Reason: The supplier withdrew from the contract");
  });

  it("has a feed per pillar holding only that pillar's changes", async () => {
    const report = await listChanges({ since: todayInLondon() });
    const { feed, entries } = parseFeed(
      buildAtomFeed(report, { origin: ORIGIN, pillar: { number: 2, title: "Pillar 2" } }),
    );
    expect(feed.id).toBe(`${ORIGIN}/pillars/2/feed.xml`);
    expect(entries.map((e) => JSON.stringify(e.title))).toEqual([expect.stringContaining("M-02")]);
  });

  it("says what changed in words for every entry, as the /changes page does, with the reason", async () => {
    const report = await listChanges({ since: todayInLondon() });
    const items = report.pillars.flatMap((p) => Object.values(p.byKind).flat());
    const { entries } = parseFeed(buildAtomFeed(report, { origin: ORIGIN }));
    expect(entries).toHaveLength(new Set(items.map((i) => `${i.eventId}-${i.kind}`)).size);
    for (const entry of entries) {
      const item = items.find((i) => String(entry.id).endsWith(`#event-${i.eventId}-${i.kind}`))!;
      expect((entry.summary as Record<string, string>)["#text"]).toBe(describeChangeWithReason(item));
    }
  });

  it("carries markup in titles and reasons as text a reader shows, never as HTML", async () => {
    const xml = buildAtomFeed(await listChanges({ since: todayInLondon() }), { origin: ORIGIN });
    expect(xml).not.toMatch(/<script|<img|<b>|type="html"/);
    const entry = parseFeed(xml).entries.find((e) => JSON.stringify(e.title).includes("Milestones added"))!;
    expect(entry.title).toEqual({ "#text": `Milestones added: M-03 ${MARKUP_TITLE}`, "@type": "text" });
    expect(entry.summary).toEqual({
      "#text": `Added, due 31 March 2026. Reason: ${MARKUP_REASON}`,
      "@type": "text",
    });
  });
});
