import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { buildBriefing } from "@/lib/scrutiny/briefing.server";
import { renderBriefingPdf } from "@/lib/scrutiny/briefing-pdf.server";
import { todayInLondon } from "@/lib/dates";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { parseReportParams } from "@/lib/validations/report";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

let database: TestDatabase;
const today = todayInLondon();

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const editor = (await createUser(database.prisma, { email: "editor@example.gov.uk" })).id;
  const none = { actualDate: "", commentary: "", evidence: [] };
  expect(
    (
      await recordMilestoneUpdate(editor, {
        code: "M-01",
        version: 1,
        status: "complete",
        forecastDate: "",
        reason: "",
        ...none,
        actualDate: "2023-08-20",
      })
    ).ok,
  ).toBe(true);
  expect(
    (
      await recordMilestoneUpdate(editor, {
        code: "M-04",
        version: 1,
        status: "delayed",
        forecastDate: "2099-03-31",
        reason: "Waiting for regional partners",
        ...none,
      })
    ).ok,
  ).toBe(true);
});

afterAll(async () => {
  await database.close();
});

async function pdfText(pdf: Buffer): Promise<string> {
  const standardFontDataUrl = `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`;
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return pages.join("\n").replace(/\s+/g, " ");
}

describe("the briefing pack", () => {
  it("counts the reform as at the date, with overdue, slipped, changes and gaps", async () => {
    const b = await buildBriefing({ since: today, asAt: today });
    expect(b.totals.milestones).toBe(37);
    expect(b.totals.byStatus).toMatchObject({ complete: 1, delayed: 1, not_yet_assessed: 35 });
    expect(b.totals.recommendations).toBe(113);
    // A forecast far in the future, so that M-04 is never overdue on the day the tests run.
    const daysLate = 942 + (Date.UTC(2099, 2, 31) - Date.UTC(2027, 2, 31)) / 86_400_000;
    expect(b.slipped.map((m) => [m.code, m.plannedDate, m.daysLate])).toEqual([["M-04", "2099-03-31", daysLate]]);
    expect(b.overdue.map((m) => m.code)).not.toContain("M-01");
    expect(b.overdue.map((m) => m.code)).not.toContain("M-04");
    expect(b.overdue).toHaveLength(35);
    // The delayed milestone (M-04) is planned for 2099, so every overdue one is still "Not yet assessed".
    expect(b.totals.lateness).toEqual({ not_yet_assessed: 35, assessed_late: 0 });
    expect(b.overdue.every((m) => m.lateness === "not_yet_assessed")).toBe(true);
    const pillar4 = b.pillars.find((p) => p.number === 4)!;
    expect(pillar4.lateness.not_yet_assessed + pillar4.lateness.assessed_late).toBe(pillar4.overdue);
    expect(b.changes.counts).toMatchObject({ completed: 1, slipped: 1, at_risk_or_delayed: 1 });
    expect(b.undelivered.length).toBeGreaterThan(0);
    expect(b.pillars.find((p) => p.number === 4)?.milestones).toMatchObject({ complete: 1, delayed: 1 });
  });

  it("shows the reform as it was before the changes when asked for an earlier date", async () => {
    const b = await buildBriefing({ since: "2023-02-02", asAt: "2024-01-01" });
    expect(b.totals.byStatus).toMatchObject({ not_yet_assessed: 37, complete: 0 });
    expect(b.changes.counts.completed).toBe(0);
  });

  it("narrows to one pillar", async () => {
    const b = await buildBriefing({ since: today, asAt: today, pillar: 4 });
    expect(b.scope.title).toBe(
      "Pillar 4: Putting love, relationships and a stable home at the heart of being a child in care",
    );
    expect(b.totals.milestones).toBe(11);
    expect(b.changes.pillars.map((p) => p.number)).toEqual([4]);
  });

  it("is generated as a PDF that opens and carries the headings and figures as text", async () => {
    const pdf = await renderBriefingPdf(
      await buildBriefing({ since: today, asAt: today }),
      "https://reform-tracker.example",
    );
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    for (const heading of [
      "Children's social care reform: briefing",
      "Summary",
      "By pillar",
      "By outcome and enabler",
      "Milestones past their planned date and not complete",
      "Slipped milestones",
      "Gaps",
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("37 milestones:");
    expect(text).toContain(
      "35 milestones past their planned date and not complete: 35 not yet assessed by staff, 0 assessed and late.",
    );
    expect(text).toContain("Not yet assessed (Date passed)");
    expect(text).toContain("https://reform-tracker.example/about/statuses");
    expect(text).toContain("Dates slipped: 1");
    expect(text).toContain("Waiting for regional partners");
    // Changes in the words of the /changes page and the feeds (lib/scrutiny/change-words.ts), not as stored codes.
    expect(text).toContain("Completed on 20 August 2023.");
    expect(text).toContain("Status changed from Not yet assessed to Delayed. Reason: Waiting for regional partners");
    expect(text).not.toContain("not_yet_assessed");
    expect(text).toContain("113 recommendations");
  });

  it("refuses bad parameters with a message naming them", () => {
    expect(parseReportParams({ asAt: "2024-02-30" })).toMatchObject({ ok: false, errors: [{ parameter: "asAt" }] });
    expect(parseReportParams({ asAt: "2099-01-01" }, "2026-11-23")).toMatchObject({
      ok: false,
      errors: [{ parameter: "asAt" }],
    });
    expect(parseReportParams({ since: "2025-01-01", asAt: "2024-01-01" }, "2026-11-23")).toMatchObject({
      ok: false,
      errors: [{ parameter: "since" }],
    });
    expect(parseReportParams({ pillar: "9" })).toMatchObject({ ok: false, errors: [{ parameter: "pillar" }] });
    expect(parseReportParams({}, "2026-11-23")).toEqual({
      ok: true,
      params: { since: "2026-08-25", asAt: "2026-11-23", pillar: undefined, outcome: undefined },
    });
  });
});
