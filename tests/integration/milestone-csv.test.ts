import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotSignedInError } from "@/lib/auth/actor.server";
import { publicHistory } from "@/lib/audit/history.server";
import {
  applyMilestoneImport,
  decodeCsvBytes,
  decodeEvidence,
  encodeEvidence,
  exportMilestonesCsv,
  MILESTONE_CSV_COLUMNS,
  previewMilestoneImport,
} from "@/lib/staff/milestone-csv.server";
import { protectCell, unprotectCell } from "@/lib/csv";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// Bulk update by CSV against the real reform data (37 milestones): the file round-trips losslessly, an upload is
// all or nothing, and only staff may use it.

const TODAY = "2024-06-30";
const HEADER = MILESTONE_CSV_COLUMNS.join(",");

let database: TestDatabase;
let editor: number;
let editorEmail: string;
let deactivated: number;

// Text a spreadsheet and CSV can trip over: commas, quotes, line breaks of both kinds, "|", backslashes, formula
// starters, markup and non-ASCII characters.
const TRICKY_COMMENTARY =
  '=SUM(A1) is not a formula here, "quoted", with commas,\r\nsecond line | pipe \\n\nthird line <script>alert(1)</script> – £3,000 ’';
const TRICKY_EVIDENCE = [
  { title: 'Report, "final" | annex \\ back\\slash', url: "https://example.gov.uk/report?a=1&b=2" },
  { title: '=HYPERLINK("https://evil.example")', url: "https://example.gov.uk/a|b" },
  { title: "Line one\nline two", url: "http://example.gov.uk/plain" },
  { title: "- dash first, ünïcödé", url: "https://example.gov.uk/%7Cencoded" },
];

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const user = await createUser(database.prisma, { email: "editor@example.gov.uk" });
  editor = user.id;
  editorEmail = user.email;
  const gone = await createUser(database.prisma, { email: "gone@example.gov.uk" });
  await database.prisma.user.update({ where: { id: gone.id }, data: { active: false, deactivatedAt: new Date() } });
  deactivated = gone.id;

  // M-03 holds awkward text, saved the way the milestone form saves it.
  const saved = await recordMilestoneUpdate(
    editor,
    {
      code: "M-03",
      version: 1,
      status: "on_track",
      forecastDate: "",
      actualDate: "",
      commentary: TRICKY_COMMENTARY,
      evidence: TRICKY_EVIDENCE,
      reason: "",
    },
    { today: TODAY },
  );
  expect(saved.ok).toBe(true);
});

afterAll(async () => {
  await database.close();
});

type CsvRecord = Record<(typeof MILESTONE_CSV_COLUMNS)[number], string>;

function records(csv: string): CsvRecord[] {
  return parse(csv, { bom: true, columns: true }) as CsvRecord[];
}

/** Writes records back as a spreadsheet would: the same columns, no apostrophes added or removed, line breaks quoted. */
function csvOf(rows: CsvRecord[], columns: readonly string[] = MILESTONE_CSV_COLUMNS): string {
  return stringify(
    rows.map((r) => columns.map((c) => (r as Record<string, string>)[c] ?? "")),
    { header: true, columns: [...columns], record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

function edit(csv: string, changes: Record<string, Partial<CsvRecord>>): string {
  return csvOf(records(csv).map((r) => ({ ...r, ...(changes[r.code] ?? {}) })));
}

async function milestone(code: string) {
  return database.prisma.milestone.findUniqueOrThrow({
    where: { code },
    include: { evidence: { orderBy: { position: "asc" } } },
  });
}

describe("the exported file", () => {
  it("has a header row, one row per milestone in code order, and the current values", async () => {
    const csv = await exportMilestonesCsv(editor);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    const rows = records(csv);
    expect(rows).toHaveLength(37);
    expect(rows.map((r) => r.code)).toEqual([...rows.map((r) => r.code)].sort());
    expect(rows[0]).toEqual({
      code: "M-01",
      title: "North East hub established to support prospective foster carers",
      dueDate: "2023-08-31",
      version: "1",
      status: "not_yet_assessed",
      forecastDate: "",
      actualDate: "",
      commentary: "",
      evidence: "",
      reason: "",
    });
    const m03 = rows.find((r) => r.code === "M-03")!;
    expect(m03).toMatchObject({ version: "2", status: "on_track", commentary: `'${TRICKY_COMMENTARY}` });
    // One link per line, Title|address, with \| \\ \n escapes; the apostrophe keeps spreadsheets from running it.
    expect(m03.evidence).toBe(
      [
        'Report, "final" \\| annex \\\\ back\\\\slash|https://example.gov.uk/report?a=1&b=2',
        '=HYPERLINK("https://evil.example")|https://example.gov.uk/a\\|b',
        "Line one\\nline two|http://example.gov.uk/plain",
        "- dash first, ünïcödé|https://example.gov.uk/%7Cencoded",
      ].join("\n"),
    );
  });

  it("round-trips losslessly: importing it unchanged changes nothing, and exporting again gives the same bytes", async () => {
    const first = await exportMilestonesCsv(editor);
    const preview = await previewMilestoneImport(editor, first, { today: TODAY });
    expect(preview).toMatchObject({
      ok: true,
      fileError: null,
      summary: { rows: 37, changes: 0, unchanged: 37, errors: 0 },
    });
    expect(preview.rows.every((r) => r.outcome === "no_change" && r.errors.length === 0)).toBe(true);
    expect(preview.rows[0]).toMatchObject({ line: 2, code: "M-01" });

    const before = await checksumTables(database.prisma);
    const applied = await applyMilestoneImport(editor, first, { today: TODAY });
    expect(applied).toMatchObject({ ok: true, applied: 0, summary: { changes: 0, unchanged: 37 } });
    expect(await checksumTables(database.prisma)).toEqual(before);
    expect(await exportMilestonesCsv(editor)).toBe(first);
  });

  it("is read back the same after a spreadsheet re-saves it (no byte order mark, LF line ends)", async () => {
    const resaved = csvOf(records(await exportMilestonesCsv(editor))).replace(/\r\n/g, "\n");
    expect(resaved).toContain("with commas,\nsecond line"); // the line breaks inside M-03's commentary too
    const preview = await previewMilestoneImport(editor, resaved, { today: TODAY });
    expect(preview.summary).toEqual({ rows: 37, changes: 0, unchanged: 37, errors: 0 });
  });

  it("accepts UK dates and status labels as a spreadsheet may write them", async () => {
    const csv = edit(await exportMilestonesCsv(editor), {
      "M-03": { status: "On track" },
      "M-04": { forecastDate: "1/8/2024", status: "On track" },
    });
    const preview = await previewMilestoneImport(editor, csv, { today: TODAY });
    expect(preview.ok).toBe(true);
    expect(preview.rows.find((r) => r.code === "M-03")!.outcome).toBe("no_change");
    expect(preview.rows.find((r) => r.code === "M-04")).toMatchObject({
      outcome: "change",
      changes: [
        { field: "Status", before: "Not yet assessed", after: "On track" },
        { field: "Forecast date", before: null, after: "2024-08-01" },
      ],
    });
  });
});

describe("applying an edited file", () => {
  it("previews exactly the changed rows, then saves them with their audit events, and the export shows them", async () => {
    const exported = await exportMilestonesCsv(editor);
    const edited = edit(exported, {
      "M-01": { status: "complete", actualDate: "2023-09-15", commentary: "The hub opened in Newcastle." },
      "M-05": {
        status: "delayed",
        forecastDate: "2024-09-30",
        reason: "The first procurement found no supplier, so it was run again.",
      },
    });

    const preview = await previewMilestoneImport(editor, edited, { today: TODAY });
    expect(preview).toMatchObject({ ok: true, summary: { rows: 37, changes: 2, unchanged: 35, errors: 0 } });
    expect(preview.rows.filter((r) => r.outcome === "change")).toEqual([
      {
        line: 2,
        code: "M-01",
        title: "North East hub established to support prospective foster carers",
        outcome: "change",
        changes: [
          { field: "Status", before: "Not yet assessed", after: "Complete" },
          { field: "Actual completion date", before: null, after: "2023-09-15" },
          { field: "Commentary", before: null, after: "The hub opened in Newcastle." },
        ],
        reason: null,
        errors: [],
      },
      {
        line: 6,
        code: "M-05",
        title: "Delivery partner contract awarded",
        outcome: "change",
        changes: [
          { field: "Status", before: "Not yet assessed", after: "Delayed" },
          { field: "Forecast date", before: null, after: "2024-09-30" },
        ],
        reason: "The first procurement found no supplier, so it was run again.",
        errors: [],
      },
    ]);

    // Unchanged rows carry the title too, for the collapsed list of skipped rows.
    expect(preview.rows.find((r) => r.code === "M-02")).toMatchObject({
      outcome: "no_change",
      title: "North East fostering recruitment marketing launch",
    });

    const eventsBefore = await database.prisma.auditEvent.count();
    const applied = await applyMilestoneImport(editor, edited, { today: TODAY });
    expect(applied).toMatchObject({ ok: true, applied: 2, summary: { changes: 2, unchanged: 35, errors: 0 } });

    const m01 = await milestone("M-01");
    expect(m01).toMatchObject({ status: "complete", commentary: "The hub opened in Newcastle.", version: 2 });
    expect(m01.actualDate?.toISOString().slice(0, 10)).toBe("2023-09-15");
    const m05 = await milestone("M-05");
    expect(m05).toMatchObject({ status: "delayed", version: 2 });
    expect(m05.forecastDate?.toISOString().slice(0, 10)).toBe("2024-09-30");

    const events = await database.prisma.auditEvent.findMany({
      where: { id: { gt: 0 } },
      orderBy: { id: "asc" },
      skip: eventsBefore,
    });
    expect(events).toHaveLength(2);
    expect(
      events.map((e) => ({
        actorId: e.actorId,
        actorLabel: e.actorLabel,
        action: e.action,
        entityCode: e.entityCode,
        before: e.before,
        after: e.after,
        reason: e.reason,
      })),
    ).toEqual([
      {
        actorId: editor,
        actorLabel: editorEmail,
        action: "update",
        entityCode: "M-01",
        before: {
          status: "not_yet_assessed",
          forecastDate: null,
          actualDate: null,
          commentary: null,
          evidence: [],
          version: 1,
        },
        after: {
          status: "complete",
          forecastDate: null,
          actualDate: "2023-09-15",
          commentary: "The hub opened in Newcastle.",
          evidence: [],
          version: 2,
        },
        reason: null,
      },
      {
        actorId: editor,
        actorLabel: editorEmail,
        action: "update",
        entityCode: "M-05",
        before: {
          status: "not_yet_assessed",
          forecastDate: null,
          actualDate: null,
          commentary: null,
          evidence: [],
          version: 1,
        },
        after: {
          status: "delayed",
          forecastDate: "2024-09-30",
          actualDate: null,
          commentary: null,
          evidence: [],
          version: 2,
        },
        reason: "The first procurement found no supplier, so it was run again.",
      },
    ]);

    const history = await publicHistory("milestone", m05.id);
    expect(history.at(-1)).toMatchObject({
      byStaff: true,
      summary: "Updated by DfE programme staff",
      reason: "The first procurement found no supplier, so it was run again.",
      changes: [
        { field: "Status", before: "Not yet assessed", after: "Delayed" },
        { field: "Forecast date", before: null, after: "2024-09-30" },
      ],
    });
    expect((await publicHistory("milestone", m01.id)).at(-1)).toMatchObject({
      byStaff: true,
      changes: expect.arrayContaining([{ field: "Actual completion date", before: null, after: "2023-09-15" }]),
    });

    // The new export is the edited file with the two versions moved on and the reasons left empty.
    const expected = records(edited).map((r) =>
      r.code === "M-01" || r.code === "M-05" ? { ...r, version: "2", reason: "" } : r,
    );
    const again = await exportMilestonesCsv(editor);
    expect(records(again)).toEqual(expected);
    expect(again).toBe(`\uFEFF${csvOf(expected)}`);

    // Uploading the same file again is refused for those two rows: it was made from the old versions.
    const before = await checksumTables(database.prisma);
    const twice = await applyMilestoneImport(editor, edited, { today: TODAY });
    expect(twice).toMatchObject({ ok: false, applied: 0, summary: { errors: 2 } });
    expect(twice.rows.filter((r) => r.outcome === "error").map((r) => r.code)).toEqual(["M-01", "M-05"]);
    expect(twice.rows.find((r) => r.code === "M-01")!.errors[0]).toMatch(
      /changed since you exported the file.*export the milestones again/,
    );
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("writes nothing when any one row is wrong, and names that row", async () => {
    const exported = await exportMilestonesCsv(editor);
    const good = {
      "M-10": { commentary: '<script>alert("x")</script> & "quotes", commas – and javascript:alert(1) as text' },
      "M-11": { status: "on_track" },
    };
    const bad: Array<[string, Record<string, Partial<CsvRecord>> | ((csv: string) => string), string, RegExp]> = [
      [
        "a date that does not exist",
        { "M-12": { forecastDate: "2024-02-30" } },
        "M-12",
        /Forecast date must be a real date, like 2024-03-31/,
      ],
      [
        "a date in another format",
        { "M-12": { forecastDate: "March 2025" } },
        "M-12",
        /Forecast date must be a real date/,
      ],
      [
        "a later forecast with no reason",
        { "M-12": { forecastDate: "2026-01-31" } },
        "M-12",
        /Enter the reason the forecast date has moved later/,
      ],
      [
        "at risk with no reason",
        { "M-12": { status: "at_risk" } },
        "M-12",
        /Enter the reason the milestone is now at risk, delayed or superseded/,
      ],
      [
        "a one-character reason",
        { "M-12": { status: "at_risk", reason: "x" } },
        "M-12",
        /Write the reason as a short sentence, at least 20 characters and 3 words: it is published with the change/,
      ],
      [
        "a reason of two words",
        { "M-12": { commentary: "Checked", reason: "Checked again" } },
        "M-12",
        /Write the reason as a short sentence, at least 20 characters and 3 words/,
      ],
      [
        "a completion date in the future",
        { "M-12": { status: "complete", actualDate: "2030-01-01" } },
        "M-12",
        /must be today or in the past/,
      ],
      ["an unknown status", { "M-12": { status: "finished" } }, "M-12", /The status must be one of: not_yet_assessed/],
      ["an unknown code", { "M-12": { code: "M-99" } }, "M-99", /There is no milestone with the code M-99/],
      ["a code that is not a code", { "M-12": { code: "<script>" } }, "<SCRIPT>", /The code must be a milestone code/],
      [
        "a stale version",
        { "M-12": { version: "7", commentary: "Mine" } },
        "M-12",
        /changed since you exported the file \(the file has version 7, the milestone is now at version 1\)/,
      ],
      ["a missing version", { "M-12": { version: "" } }, "M-12", /The version must be the number from your export/],
      [
        "a javascript: evidence address",
        { "M-12": { evidence: "Click me|javascript:alert(1)" } },
        "M-12",
        /Evidence link 1: Evidence addresses must start with https:\/\/ or http:\/\//,
      ],
      [
        "an evidence line with no address",
        { "M-12": { evidence: "Just a title" } },
        "M-12",
        /Evidence link 1 must be a title and an address separated by "\|"/,
      ],
      [
        "an evidence line with two separators",
        { "M-12": { evidence: "A|B|https://example.gov.uk" } },
        "M-12",
        /more than one "\|"/,
      ],
      [
        "eleven evidence links",
        { "M-12": { evidence: Array.from({ length: 11 }, (_, i) => `L${i}|https://example.gov.uk/${i}`).join("\n") } },
        "M-12",
        /at most 10 evidence links/,
      ],
      [
        "commentary that is too long",
        { "M-12": { commentary: "x".repeat(4001) } },
        "M-12",
        /Commentary must be 4000 characters or fewer/,
      ],
      [
        "a milestone twice",
        (csv) => csv + csv.split("\r\n").find((l) => l.startsWith("M-12,"))! + "\r\n",
        "M-12",
        /in the file more than once \(rows 13, 39\)/,
      ],
    ];

    for (const [what, change, code, message] of bad) {
      const withGood = edit(exported, good);
      const file = typeof change === "function" ? change(withGood) : edit(withGood, change);
      const preview = await previewMilestoneImport(editor, file, { today: TODAY });
      expect(preview.ok, what).toBe(false);
      const errors = preview.rows.filter((r) => r.outcome === "error");
      expect(errors.length, what).toBeGreaterThanOrEqual(1);
      expect(new Set(errors.map((r) => r.code)), what).toEqual(new Set([code]));
      expect(errors[0]!.errors.join(" "), what).toMatch(message);
      // A row with an error still names the milestone by its title, when the code is one.
      expect(errors[0]!.title === null, what).toBe(code === "M-99" || code === "<SCRIPT>");
      expect(
        preview.rows.filter((r) => r.outcome === "change").map((r) => r.code),
        what,
      ).toEqual(["M-10", "M-11"]);

      const before = await checksumTables(database.prisma);
      const applied = await applyMilestoneImport(editor, file, { today: TODAY });
      expect(applied, what).toMatchObject({ ok: false, applied: 0 });
      expect(
        applied.rows.filter((r) => r.outcome === "error").map((r) => r.code),
        what,
      ).toEqual(errors.map((r) => r.code));
      expect(await checksumTables(database.prisma), what).toEqual(before);
    }

    // The good rows alone are saved, markup and all, as text.
    const applied = await applyMilestoneImport(editor, edit(exported, good), { today: TODAY });
    expect(applied).toMatchObject({ ok: true, applied: 2 });
    expect((await milestone("M-10")).commentary).toBe(good["M-10"].commentary);
  });

  it("refuses the whole file when a milestone changes between the preview and the apply", async () => {
    const exported = await exportMilestonesCsv(editor);
    const edited = edit(exported, { "M-20": { status: "on_track" }, "M-21": { status: "on_track" } });
    expect((await previewMilestoneImport(editor, edited, { today: TODAY })).ok).toBe(true);

    const other = await createUser(database.prisma, { email: "other@example.gov.uk" });
    const saved = await recordMilestoneUpdate(
      other.id,
      {
        code: "M-21",
        version: 1,
        status: "not_started",
        forecastDate: "",
        actualDate: "",
        commentary: "",
        evidence: [],
        reason: "",
      },
      { today: TODAY },
    );
    expect(saved.ok).toBe(true);

    const before = await checksumTables(database.prisma);
    const applied = await applyMilestoneImport(editor, edited, { today: TODAY });
    expect(applied).toMatchObject({ ok: false, applied: 0, summary: { changes: 1, errors: 1 } });
    expect(applied.rows.find((r) => r.code === "M-21")).toMatchObject({
      outcome: "error",
      errors: [expect.stringMatching(/M-21 has changed since you exported the file/)],
    });
    expect(await checksumTables(database.prisma)).toEqual(before);
    expect((await milestone("M-20")).status).toBe("not_yet_assessed");
  });

  it("lets exactly one of two simultaneous uploads of the same changes win", async () => {
    const exported = await exportMilestonesCsv(editor);
    const edited = edit(exported, { "M-30": { status: "on_track" }, "M-31": { status: "not_started" } });
    const eventsBefore = await database.prisma.auditEvent.count();
    const results = await Promise.all([
      applyMilestoneImport(editor, edited, { today: TODAY }),
      applyMilestoneImport(editor, edited, { today: TODAY }),
    ]);
    expect(results.map((r) => r.applied).sort()).toEqual([0, 2]);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    expect(await database.prisma.auditEvent.count()).toBe(eventsBefore + 2);
    expect((await milestone("M-30")).version).toBe(2);
  });
});

describe("who may use it", () => {
  it("refuses anonymous and deactivated users, writing nothing", async () => {
    const csv = edit(await exportMilestonesCsv(editor), { "M-33": { status: "on_track" } });
    const before = await checksumTables(database.prisma);
    for (const user of [null, deactivated, 987654]) {
      await expect(exportMilestonesCsv(user)).rejects.toBeInstanceOf(NotSignedInError);
      await expect(previewMilestoneImport(user, csv, { today: TODAY })).rejects.toBeInstanceOf(NotSignedInError);
      await expect(applyMilestoneImport(user, csv, { today: TODAY })).rejects.toBeInstanceOf(NotSignedInError);
    }
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});

describe("files that cannot be used", () => {
  it("are refused as a whole with one clear error, writing nothing", async () => {
    const exported = await exportMilestonesCsv(editor);
    const rows = records(exported);
    const withoutReason = csvOf(
      rows,
      MILESTONE_CSV_COLUMNS.filter((c) => c !== "reason"),
    );
    const extraColumn = csvOf(
      rows.map((r) => ({ ...r, owner: "me" }) as CsvRecord),
      [...MILESTONE_CSV_COLUMNS, "owner"],
    );
    const tooManyRows = `${HEADER}\r\n${Array.from({ length: 2001 }, (_, i) => `M-${i + 1},,,1,on_track,,,,,`).join("\r\n")}\r\n`;
    const tooBig = `${HEADER}\r\nM-01,,,1,on_track,,,"${"x".repeat(2 * 1024 * 1024)}",,\r\n`;
    const cases: Array<[string, string, RegExp]> = [
      [
        "a missing column",
        withoutReason,
        /does not have the right column names: it is missing the column reason\. The first row must be: code,title,dueDate,version,status/,
      ],
      ["an unknown column", extraColumn, /it has the unknown column owner/],
      ["no header row", exported.split("\r\n").slice(1).join("\r\n"), /does not have the right column names/],
      ["semicolons", exported.replace(HEADER, HEADER.replace(/,/g, ";")), /separated by semicolons/],
      ["more than 2,000 rows", tooManyRows, /It can have at most 2000/],
      ["a file over 2 MB", tooBig, /larger than 2 MB/],
      ["an unclosed quotation mark", `${HEADER}\r\nM-01,"unclosed,,1,on_track,,,,,\r\n`, /not a valid CSV file/],
      ["binary content", `PK\u0003\u0004\u0000\u0000garbage`, /not a CSV file/],
      ["an empty file", "", /The file is empty/],
      ["only a header", `\uFEFF${HEADER}\r\n`, /no milestone rows/],
    ];
    const before = await checksumTables(database.prisma);
    for (const [what, csv, message] of cases) {
      const preview = await previewMilestoneImport(editor, csv, { today: TODAY });
      expect(preview, what).toMatchObject({ ok: false, rows: [] });
      expect(preview.fileError, what).toMatch(message);
      const applied = await applyMilestoneImport(editor, csv, { today: TODAY });
      expect(applied, what).toMatchObject({ ok: false, applied: 0, rows: [] });
      expect(applied.fileError, what).toMatch(message);
    }
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("refuses bytes that are not UTF-8, or too many of them, before reading them", () => {
    expect(decodeCsvBytes(new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0xe9, 0x0a]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/CSV UTF-8/),
    });
    expect(decodeCsvBytes(new Uint8Array(2 * 1024 * 1024 + 1))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/larger than 2 MB/),
    });
    expect(decodeCsvBytes(new TextEncoder().encode("\uFEFFcode,ü"))).toEqual({ ok: true, text: "\uFEFFcode,ü" });
  });
});

describe("the cell encodings", () => {
  it("round-trip any evidence title and address", () => {
    const links = [
      ...TRICKY_EVIDENCE,
      { title: "ends with a backslash \\", url: "https://example.gov.uk/\\" },
      { title: "\\| \\n literally", url: "https://example.gov.uk/x\r\ny" },
    ];
    expect(decodeEvidence(encodeEvidence(links))).toEqual({ ok: true, links });
    expect(decodeEvidence("")).toEqual({ ok: true, links: [] });
    expect(decodeEvidence("\n  A | https://a.example  \r\n\r\nB|https://b.example\n")).toEqual({
      ok: true,
      links: [
        { title: "A", url: "https://a.example" },
        { title: "B", url: "https://b.example" },
      ],
    });
    // An unknown escape is kept as written.
    expect(decodeEvidence("C:\\docs|https://a.example")).toEqual({
      ok: true,
      links: [{ title: "C:\\docs", url: "https://a.example" }],
    });
  });

  it("keep spreadsheets from running cells as formulas, reversibly", () => {
    for (const value of ["=1+1", "+44 20", "-5", "@SUM(A1)", "'=already", "''=twice", "'plain", "plain", ""]) {
      expect(unprotectCell(protectCell(value))).toBe(value);
    }
    expect(protectCell("=1+1")).toBe("'=1+1");
    expect(protectCell("plain")).toBe("plain");
  });
});
