import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBriefing, type BriefingInput } from "@/lib/scrutiny/briefing.server";
import { renderBriefingPdf } from "@/lib/scrutiny/briefing-pdf.server";
import { renderBriefingDocx } from "@/lib/scrutiny/briefing-docx.server";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { listMilestones } from "@/lib/reform/milestones.server";
import { listRecommendations } from "@/lib/reform/recommendations.server";
import { addDays, todayInLondon } from "@/lib/dates";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { parseReportParams } from "@/lib/validations/report";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";
import {
  codesAndIsoDates,
  docxPart,
  docxText,
  flat,
  overlappingBoxes,
  pdfPagesAsPng,
  readPdf,
} from "@/tests/support/briefing-files";

let database: TestDatabase;
const today = todayInLondon();
const ORIGIN = "https://reform-tracker.example";
const HTML_URL = `${ORIGIN}/report`;
let pillarTitles: Array<{ number: number; title: string }>;

// Long texts of the lengths staff may type, with long words, to find overlapping or cut text.
const LONG_WORD = "Interdepartmentalisation";
const LONG_ACTIVITY = `Long activity ${`${LONG_WORD} `.repeat(12)}`.slice(0, 300).trim();
const LONG_TITLE = `Long milestone ${"commissioning arrangements for regional care cooperatives ".repeat(6)}`
  .slice(0, 300)
  .trim();
const LONG_REASON =
  `Long reason: ${"the regional partners asked for more time to agree the commissioning model; ".repeat(13)}`
    .slice(0, 1000)
    .trim();

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  pillarTitles = await database.prisma.pillar.findMany({ select: { number: true, title: true } });
  const editor = (await createUser(database.prisma, { email: "editor@example.gov.uk", role: "admin" })).id;
  const none = { actualDate: "", commentary: "", evidence: [] };
  const update = async (input: Parameters<typeof recordMilestoneUpdate>[1]) =>
    expect((await recordMilestoneUpdate(editor, input)).ok).toBe(true);
  await update({
    code: "M-01",
    version: 1,
    status: "complete",
    forecastDate: "",
    reason: "",
    ...none,
    actualDate: "2023-08-20",
  });
  await update({
    code: "M-04",
    version: 1,
    status: "delayed",
    forecastDate: "2099-03-31",
    reason: "Waiting for regional partners",
    ...none,
  });
  // A milestone of pillar 3 with the longest activity, title and reason the forms allow, overdue and slipped.
  const added = await addMilestone(editor, {
    group: "laying_the_groundwork",
    activity: LONG_ACTIVITY,
    title: LONG_TITLE,
    dueDate: "2024-01-31",
    pillars: [3],
    outcomes: [3],
    recommendations: [],
    reason: "Added for the test of long texts",
  });
  expect(added.ok).toBe(true);
  await update({
    code: added.ok ? added.value.code : "",
    version: 1,
    status: "at_risk",
    forecastDate: "2024-06-30",
    reason: LONG_REASON,
    ...none,
  });
});

afterAll(async () => {
  await database.close();
});

const pack = (input: Partial<BriefingInput> = {}) => buildBriefing({ since: today, asAt: today, ...input });

describe("the briefing pack's figures", () => {
  it("are the dashboard's for the whole reform, as at the date", async () => {
    const b = await pack();
    const dashboard = await summariseDashboard({ asAt: today });
    expect(b.milestones.total).toBe(38);
    expect(b.milestones.byStatus).toEqual(dashboard.milestonesByStatus);
    expect(b.milestones.byStatus).toMatchObject({ complete: 1, delayed: 1, at_risk: 1, not_yet_assessed: 35 });
    expect(b.milestones.overdue).toBe(dashboard.overdue);
    // Overdue, split as the dashboard splits it: the pack says which late milestones nobody has assessed yet.
    expect(b.milestones.lateness).toEqual(dashboard.lateness);
    expect(b.milestones.lateness.not_yet_assessed + b.milestones.lateness.assessed_late).toBe(b.milestones.overdue);
    expect(b.recommendations.byClass).toEqual(dashboard.recommendationsByClass);
    expect(b.recommendations.total).toBe(113);
    expect(b.recommendations.undelivered).toBe(dashboard.gaps.undeliveredRecommendations);
    expect(b.undelivered).toHaveLength(dashboard.gaps.undeliveredRecommendations);
    // A forecast far in the future, so that M-04 is never overdue on the day the tests run.
    const daysLate = (Date.UTC(2099, 2, 31) - Date.UTC(2024, 7, 31)) / 86_400_000;
    expect(b.slipped.map((m) => [m.code, m.daysLate])).toEqual([
      ["M-04", daysLate],
      ["M-38", 151],
    ]);
    expect(b.lateOrAtRisk.map((m) => m.code)).toContain("M-04");
    expect(b.lateOrAtRisk.map((m) => m.code)).not.toContain("M-01");
    expect(b.changes.counts).toMatchObject({ completed: 1, slipped: 2, at_risk_or_delayed: 2, added: 1 });
  });

  it("are the pillar page's and the outcome page's for one pillar or outcome", async () => {
    const dashboard = await summariseDashboard({ asAt: today });
    for (const n of [1, 3, 4]) {
      const b = await pack({ pillar: n });
      const milestones = await listMilestones({ pillar: n, asAt: today }, { all: true });
      const recommendations = await listRecommendations({ pillar: n, asAt: today }, { all: true });
      expect(b.milestones.byStatus, `pillar ${n}`).toEqual(dashboard.byPillar.find((p) => p.number === n)!.milestones);
      expect(b.milestones.total).toBe(milestones.total);
      expect(b.milestones.overdue).toBe(milestones.items.filter((m) => m.overdue).length);
      expect(b.milestones.overdue).toBe((await listMilestones({ pillar: n, asAt: today, due: "overdue" })).total);
      for (const kind of ["not_yet_assessed", "assessed_late"] as const)
        expect(b.milestones.lateness[kind], `pillar ${n}, ${kind}`).toBe(
          (await listMilestones({ pillar: n, asAt: today, lateness: kind })).total,
        );
      expect(b.recommendations.byClass).toEqual(recommendations.countsByClass);
      expect(b.recommendations.total).toBe(recommendations.total);
      expect(b.recommendations.undelivered).toBe(
        (await listRecommendations({ pillar: n, asAt: today, gap: "undelivered" })).total,
      );
    }
    const b = await pack({ outcome: 5 });
    expect(b.scope.title).toBe("Enabler 5: The workforce is equipped and effective");
    expect(b.milestones.byStatus).toEqual(dashboard.byOutcome.find((o) => o.number === 5)!.milestones);
    expect(b.recommendations.byClass).toEqual(dashboard.byOutcome.find((o) => o.number === 5)!.recommendations);
  });

  it("hold only the pillar's items, and count only its changes, each once", async () => {
    const b = await pack({ pillar: 4 });
    expect(b.scope.title).toBe(
      "Pillar 4: Putting love, relationships and a stable home at the heart of being a child in care",
    );
    const inPillar = new Set(
      (await listMilestones({ pillar: 4, asAt: today }, { all: true })).items.map((m) => m.code),
    );
    for (const m of [...b.lateOrAtRisk, ...b.dueSoon, ...b.slipped]) expect(inPillar).toContain(m.code);
    expect(b.changes.items.map((c) => c.code)).toEqual(["M-01", "M-04"]);
    expect(b.changes.counts).toMatchObject({ completed: 1, slipped: 1, at_risk_or_delayed: 1, added: 0 });
    const other = await pack({ pillar: 1 });
    expect(other.changes.items).toEqual([]);
    expect(Object.values(other.changes.counts).every((n) => n === 0)).toBe(true);
  });

  it("shows the reform as it was before the changes when asked for an earlier date", async () => {
    const b = await pack({ since: "2023-02-02", asAt: "2024-01-01" });
    expect(b.milestones.byStatus).toMatchObject({ not_yet_assessed: 37, complete: 0 });
    expect(b.changes.items).toEqual([]);
  });

  it("lists the milestones due before the next meeting, or in the next 90 days", async () => {
    const b = await pack({ since: "2023-02-02", asAt: "2023-06-01", nextMeeting: "2023-09-30" });
    expect(b.dueUntil).toBe("2023-09-30");
    expect(b.dueSoon.length).toBeGreaterThan(0);
    for (const m of b.dueSoon) expect(m.plannedDate >= "2023-06-01" && m.plannedDate <= "2023-09-30").toBe(true);
    const dashboard = await summariseDashboard({ asAt: "2023-06-01" });
    const ninety = await pack({ since: "2023-02-02", asAt: "2023-06-01" });
    expect(ninety.dueUntil).toBe(addDays("2023-06-01", 90));
    expect(ninety.dueSoon).toHaveLength(dashboard.dueNext90Days);
  });
});

describe("the briefing pack as a PDF", () => {
  it("reads as a committee paper: cover, contents, sections, page numbers, metadata and bookmarks", async () => {
    const b = await pack({ since: "2023-02-02", nextMeeting: addDays(today, 30) });
    const pdf = await readPdf(await renderBriefingPdf(b, ORIGIN, HTML_URL));
    const text = flat(pdf.pages.join("\n"));
    expect(flat(pdf.pages[0]!)).toContain("Children's social care reform: briefing pack The whole reform");
    for (const line of [
      "Period covered: 2 February 2023 to",
      "For the meeting on",
      "Source: Reform Tracker, https://reform-tracker.example,",
      "This PDF is not tagged",
      "Contents",
      "Status changed from Not yet assessed to Delayed; planned date moved later, from 31 August 2024 to 31 March 2099. Reason: Waiting for regional partners",
      "Completed on 20 August 2023.",
      "Increasing the recruitment and retention of foster carers: Support hub and marketing launch in new areas",
      "Annex: definitions",
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain("localhost");
    expect(pdf.pages.length).toBeGreaterThan(2);
    pdf.pages.forEach((page, i) => expect(flat(page)).toContain(`Page ${i + 1} of ${pdf.pages.length}`));
    expect(codesAndIsoDates(text)).toEqual([]);
    expect(pdf.info).toMatchObject({ Author: "Reform Tracker", Language: "en-GB" });
    expect(String(pdf.info.Title)).toContain("briefing pack: The whole reform, as at");
    expect(String(pdf.info.Subject)).toContain("progress as at");
    expect(pdf.outline).toEqual(
      expect.arrayContaining(["Summary", "Progress by status", "What changed in the period", "Annex: definitions"]),
    );
  });

  it("holds nothing of another pillar in a pillar's pack", async () => {
    const b = await pack({ since: "2023-02-02", pillar: 1 });
    const text = flat((await readPdf(await renderBriefingPdf(b, ORIGIN, HTML_URL))).pages.join("\n"));
    expect(text).toContain(pillarTitles.find((p) => p.number === 1)!.title);
    for (const p of pillarTitles.filter((p) => p.number !== 1)) expect(text).not.toContain(p.title);
    expect(text).not.toContain("M-04");
    expect(text).not.toContain("Waiting for regional partners");
  });

  it("has no overlapping text and nothing beyond the margins, with the longest texts", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "briefing-pages-"));
    try {
      for (const input of [{ since: "2023-02-02" }, { since: "2023-02-02", pillar: 3 }]) {
        const file = await renderBriefingPdf(await pack(input), ORIGIN, HTML_URL);
        const pdf = await readPdf(file);
        const text = flat(pdf.pages.join("\n"));
        // Whole: nothing is shortened.
        expect(text).toContain(LONG_TITLE);
        expect(text).toContain(LONG_REASON);
        expect(overlappingBoxes(pdf.boxes)).toEqual([]);
        const outside = pdf.boxes.filter((box) => box.left < 40 || box.right > pdf.pageSize.width - 40);
        expect(outside).toEqual([]);
        // Drawn by another program (poppler), pages 1 and 2 come out as real pictures.
        for (const png of pdfPagesAsPng(file, [1, 2], folder)) {
          const bytes = readFileSync(png);
          expect(bytes.subarray(1, 4).toString()).toBe("PNG");
          expect(bytes.length).toBeGreaterThan(20_000);
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the briefing pack as a Word document", () => {
  it("has headings, tables, lists, links and page numbers, and the same words as the PDF", async () => {
    const b = await pack({ since: "2023-02-02", pillar: 4 });
    const docx = await renderBriefingDocx(b, ORIGIN, HTML_URL);
    expect(Buffer.from(docx).subarray(0, 2).toString()).toBe("PK");
    const xml = docxPart(docx, "word/document.xml");
    const text = docxText(xml);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain("<w:numPr>");
    expect(xml).toContain("<w:hyperlink");
    const relationships = docxPart(docx, "word/_rels/document.xml.rels");
    expect(relationships).toContain(`${ORIGIN}/milestones/M-04`);
    expect(relationships).not.toContain("localhost");
    for (const line of [
      "Children's social care reform: briefing pack",
      b.scope.title,
      "Progress by status",
      "What changed in the period",
      "Status changed from Not yet assessed to Delayed; planned date moved later, from 31 August 2024 to 31 March 2099. Reason: Waiting for regional partners",
      "Annex: definitions",
    ]) {
      expect(flat(text)).toContain(line);
    }
    for (const p of pillarTitles.filter((p) => p.number !== 4)) expect(text).not.toContain(p.title);
    expect(codesAndIsoDates(text)).toEqual([]);
    const footer = docxPart(docx, "word/footer1.xml");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const core = docxPart(docx, "docProps/core.xml");
    expect(core).toContain("<dc:creator>Reform Tracker</dc:creator>");
    expect(core).toContain("briefing pack: Pillar 4");
  });
});

describe("the briefing pack's parameters", () => {
  it("are refused with a message naming them", () => {
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
    expect(parseReportParams({ nextMeeting: "2024-13-01" })).toMatchObject({
      ok: false,
      errors: [{ parameter: "nextMeeting" }],
    });
    expect(parseReportParams({ asAt: "2024-06-30", nextMeeting: "2024-06-01" }, "2026-11-23")).toMatchObject({
      ok: false,
      errors: [{ parameter: "nextMeeting", message: '"nextMeeting" must be on or after "asAt"' }],
    });
    expect(parseReportParams({}, "2026-11-23")).toEqual({
      ok: true,
      params: { since: "2026-08-25", asAt: "2026-11-23", pillar: undefined, outcome: undefined },
    });
    expect(parseReportParams({ nextMeeting: "2026-12-10" }, "2026-11-23")).toMatchObject({
      ok: true,
      params: { nextMeeting: "2026-12-10" },
    });
  });
});
