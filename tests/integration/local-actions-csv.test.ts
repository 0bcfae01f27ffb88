import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotSignedInError, OTHER_COUNCIL_MESSAGE } from "@/lib/auth/actor.server";
import {
  applyLocalActionImport,
  exportLocalActionsCsv,
  LOCAL_ACTION_CSV_COLUMNS,
  previewLocalActionImport,
} from "@/lib/local-actions/csv.server";
import { addLocalAction, updateLocalAction } from "@/lib/local-actions/writes.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";
import { hostileString } from "@/tests/support/hostile-values";
import { python, readByPython } from "@/tests/support/python-csv";

// A council's local actions by CSV (issue 15, item 5): the export reads back with strict parsers and round-trips
// byte for byte; an upload adds rows without a code and updates rows with one, all or nothing, with the form's rules,
// the version check and an audit event per change; only the council's own accounts (and DfE admins) may use it.

const TODAY = "2026-06-01";
const HEADER = LOCAL_ACTION_CSV_COLUMNS.join(",");

let database: TestDatabase;
const users = { thurrock: 0, essex: 0, admin: 0, dfeEditor: 0 };

const TRICKY_DESCRIPTION =
  '=SUM(A1) is not a formula here, "quoted", with commas,\r\nsecond line | pipe \\n\nthird <script>alert(1)</script> – £3,000 ’';
const TRICKY_EVIDENCE = [
  { title: 'Cabinet report, "final" | annex \\ back\\slash', url: "https://thurrock.gov.uk/report?a=1&b=2" },
  { title: '=HYPERLINK("https://evil.example")', url: "https://thurrock.gov.uk/a|b" },
];

const base = {
  council: "thurrock",
  leadRole: "Director of Children's Services",
  status: "on_track",
  forecastDate: "",
  actualDate: "",
  evidence: [],
  recommendations: [],
  commitments: [],
  reason: "",
};

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const user = (email: string, role: "council_editor" | "council_lead" | "admin" | "editor", council?: string) =>
    createUser(database.prisma, { email, role, ...(council ? { council } : {}) }).then((u) => u.id);
  users.thurrock = await user("ed@thurrock.gov.uk", "council_editor", "thurrock");
  users.essex = await user("lead@essex.gov.uk", "council_lead", "essex");
  users.admin = await user("admin@education.gov.uk", "admin");
  users.dfeEditor = await user("editor@education.gov.uk", "editor");

  const saved = [
    await addLocalAction(
      users.thurrock,
      {
        ...base,
        title: "Family help teams in every locality",
        description: TRICKY_DESCRIPTION,
        dueDate: "2026-09-30",
        commentary: "@risk of confusion\nsecond line",
        evidence: TRICKY_EVIDENCE,
        milestones: ["M-02", "M-01"],
        recommendations: ["CR-01"],
        commitments: ["A1-O1-N1"],
      },
      { today: TODAY },
    ),
    await addLocalAction(
      users.thurrock,
      {
        ...base,
        title: "-1 agency social workers",
        description: "Reduce the use of agency social workers.",
        dueDate: "2027-03-31",
        commentary: "",
        milestones: ["M-03"],
      },
      { today: TODAY },
    ),
  ];
  expect(saved.map((s) => s.ok)).toEqual([true, true]);
});

afterAll(async () => {
  await database.close();
});

type CsvRecord = Record<(typeof LOCAL_ACTION_CSV_COLUMNS)[number], string>;

const records = (csv: string) => parse(csv, { bom: true, columns: true }) as CsvRecord[];

function toCsv(rows: CsvRecord[]): string {
  return stringify(rows, { header: true, columns: [...LOCAL_ACTION_CSV_COLUMNS], record_delimiter: "\r\n" });
}

async function exported(userId = users.thurrock, council = "thurrock"): Promise<string> {
  const file = await exportLocalActionsCsv(userId, council);
  expect(file).not.toBeNull();
  return file!.csv;
}

async function unchangedTables<T>(write: () => Promise<T>): Promise<T> {
  const before = await checksumTables(database.prisma);
  const result = await write();
  expect(await checksumTables(database.prisma)).toEqual(before);
  return result;
}

const blankRow = (): CsvRecord =>
  Object.fromEntries(LOCAL_ACTION_CSV_COLUMNS.map((c) => [c, ""])) as unknown as CsvRecord;

describe("the export", () => {
  it("is one council's actions, by code, UTF-8 with a byte order mark, CRLF, read back as written by Python's csv module", async () => {
    const csv = await exported();
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    const rows = records(csv);
    expect(rows.map((r) => r.code)).toEqual(["LA-1", "LA-2"]);
    expect(rows[0]).toMatchObject({
      title: "Family help teams in every locality",
      // A formula starter gets one apostrophe; the import takes it off again.
      description: `'${TRICKY_DESCRIPTION}`,
      commentary: "'@risk of confusion\nsecond line",
      dueDate: "2026-09-30",
      version: "1",
      status: "on_track",
      milestones: "M-01; M-02",
      recommendations: "CR-01",
      commitments: "A1-O1-N1",
      reason: "",
    });
    expect(rows[1]!.title).toBe("'-1 agency social workers");
    if (python) {
      const read = readByPython(csv);
      expect(read[0]).toEqual([...LOCAL_ACTION_CSV_COLUMNS]);
      expect(read.slice(1).map((r) => r[0])).toEqual(["LA-1", "LA-2"]);
      expect(read.slice(1).map((r) => r[2])).toEqual(rows.map((r) => r.description));
    }
    expect(await exportLocalActionsCsv(users.admin, "E06000034")).toMatchObject({
      csv,
      filename: "thurrock-local-actions.csv",
    });
  });

  it("is refused to another council's account and to DfE editors, and is null for a council that does not exist", async () => {
    await expect(exportLocalActionsCsv(users.essex, "thurrock")).rejects.toThrow(OTHER_COUNCIL_MESSAGE);
    await expect(exportLocalActionsCsv(users.dfeEditor, "thurrock")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportLocalActionsCsv(null, "thurrock")).rejects.toBeInstanceOf(NotSignedInError);
    await expect(exportLocalActionsCsv(users.thurrock, "no-such-council")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await exportLocalActionsCsv(users.admin, "no-such-council")).toBeNull();
    const essex = records(await exported(users.essex, "essex"));
    expect(essex).toEqual([]);
  });
});

describe("an upload", () => {
  it("round-trips losslessly: the unchanged file changes nothing, and exporting again gives the same bytes", async () => {
    const csv = await exported();
    const preview = await unchangedTables(() =>
      previewLocalActionImport(users.thurrock, "thurrock", csv, { today: TODAY }),
    );
    expect(preview).toMatchObject({
      ok: true,
      fileError: null,
      summary: { rows: 2, additions: 0, changes: 0, unchanged: 2, errors: 0 },
    });
    const applied = await unchangedTables(() =>
      applyLocalActionImport(users.thurrock, "thurrock", csv, { today: TODAY }),
    );
    expect(applied).toMatchObject({ ok: true, applied: 0 });
    expect(await exported()).toBe(csv);

    // As a spreadsheet saves it: LF line breaks inside cells, no byte order mark, UK dates: still no change.
    const resaved = toCsv(
      records(csv).map((r) => ({
        ...r,
        description: r.description.replace(/\r\n/g, "\n"),
        dueDate: r.dueDate.split("-").reverse().join("/"),
      })),
    );
    expect(await previewLocalActionImport(users.thurrock, "thurrock", resaved, { today: TODAY })).toMatchObject({
      ok: true,
      summary: { unchanged: 2, changes: 0, errors: 0 },
    });
  });

  it("adds rows without a code and updates rows with one, each with its audit event attributed to the council's account", async () => {
    const rows = records(await exported());
    rows[1] = {
      ...rows[1]!,
      status: "At risk",
      forecastDate: "2027-06-30",
      reason: "Recruitment of permanent staff is slower than planned.",
    };
    const added = {
      ...blankRow(),
      title: "Kinship carers' support offer",
      description: "Publish a local offer for kinship carers.",
      leadRole: "Head of Service, Children Looked After",
      dueDate: "31/12/2026",
      status: "not_started",
      milestones: "m-30, M-31",
      commitments: "A1-O1-R2",
    };
    const csv = toCsv([...rows, added]);
    const preview = await unchangedTables(() =>
      previewLocalActionImport(users.thurrock, "thurrock", csv, { today: TODAY }),
    );
    expect(preview.ok, JSON.stringify(preview.rows.flatMap((r) => r.errors))).toBe(true);
    expect(preview.summary).toEqual({ rows: 3, additions: 1, changes: 1, unchanged: 1, errors: 0 });
    expect(preview.rows[1]).toMatchObject({ code: "LA-2", outcome: "change" });
    expect(preview.rows[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: "Status", before: "On track", after: "At risk" },
        { field: "Forecast date", before: null, after: "2027-06-30" },
      ]),
    );
    expect(preview.rows[2]).toMatchObject({ code: "", outcome: "add", title: "Kinship carers' support offer" });

    const applied = await applyLocalActionImport(users.thurrock, "thurrock", csv, { today: TODAY });
    expect(applied).toMatchObject({ ok: true, applied: 2 });
    expect(applied.rows[2]!.code).toBe("LA-3");

    const after = records(await exported());
    expect(after.map((r) => [r.code, r.version, r.status])).toEqual([
      ["LA-1", "1", "on_track"],
      ["LA-2", "2", "at_risk"],
      ["LA-3", "1", "not_started"],
    ]);
    expect(after[2]).toMatchObject({ dueDate: "2026-12-31", milestones: "M-30; M-31", commitments: "A1-O1-R2" });

    const events = await database.prisma.auditEvent.findMany({
      where: { entityType: "local_action", entityCode: { in: ["E06000034/LA-2", "E06000034/LA-3"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.entityCode, e.action, e.actorId, e.reason])).toEqual([
      ["E06000034/LA-2", "create", users.thurrock, null],
      ["E06000034/LA-2", "update", users.thurrock, "Recruitment of permanent staff is slower than planned."],
      ["E06000034/LA-3", "create", users.thurrock, null],
    ]);
  });

  it("writes nothing when any one row is wrong, and names that row and the problem", async () => {
    const good = records(await exported());
    const cases: Array<{ edit: (rows: CsvRecord[]) => CsvRecord[]; error: string | RegExp }> = [
      {
        edit: (rows) => [{ ...rows[0]!, status: "delayed" }, { ...rows[1]!, commentary: "A fine change" }, rows[2]!],
        error: "Enter the reason the local action is now at risk, delayed or superseded",
      },
      {
        edit: (rows) => [{ ...rows[0]!, dueDate: "2027-01-31" }, ...rows.slice(1)],
        error: /The due date of LA-1 is fixed when it is added \(2026-09-30\)/,
      },
      {
        edit: (rows) => [{ ...rows[0]!, milestones: "M-999" }, ...rows.slice(1)],
        error: "There is no national milestone M-999",
      },
      {
        edit: (rows) => [{ ...rows[0]!, version: "7" }, ...rows.slice(1)],
        error: /LA-1 has changed since you exported/,
      },
      {
        edit: (rows) => [{ ...rows[0]!, code: "LA-99" }, ...rows.slice(1)],
        error: "Thurrock has no local action LA-99",
      },
      { edit: (rows) => [...rows, { ...rows[0]! }], error: /LA-1 is in the file more than once \(rows 2, 5\)/ },
      {
        edit: (rows) => [
          ...rows,
          {
            ...blankRow(),
            title: "No links",
            description: "d",
            leadRole: "Lead",
            dueDate: "2027-01-01",
            status: "on_track",
          },
        ],
        error: "Link at least one national milestone, recommendation or Annex 1 action that this local action serves",
      },
      {
        edit: (rows) => [...rows, { ...rows[0]!, code: "", version: "1", title: "Copy" }],
        error: "A row without a code adds a new local action: leave its version empty, or give it its code",
      },
      {
        edit: (rows) => [{ ...rows[0]!, status: "complete", actualDate: "2026-07-01" }, ...rows.slice(1)],
        error: "Actual completion date must be today or in the past",
      },
    ];
    for (const { edit, error } of cases) {
      const csv = toCsv(edit(good));
      const applied = await unchangedTables(() =>
        applyLocalActionImport(users.thurrock, "thurrock", csv, { today: TODAY }),
      );
      expect(applied.ok).toBe(false);
      expect(applied.applied).toBe(0);
      const messages = applied.rows.flatMap((r) => r.errors);
      expect(
        messages.some((m) => (typeof error === "string" ? m === error : error.test(m))),
        messages.join(" / "),
      ).toBe(true);
    }
  });

  it("refuses a stale row after someone saves the action with the form", async () => {
    const csv = await exported();
    const rows = records(csv);
    const la1 = rows[0]!;
    const saved = await updateLocalAction(
      users.thurrock,
      {
        ...base,
        code: "LA-1",
        version: la1.version,
        title: la1.title,
        description: TRICKY_DESCRIPTION,
        commentary: "Updated on the form",
        evidence: TRICKY_EVIDENCE,
        milestones: ["M-01", "M-02"],
        recommendations: ["CR-01"],
        commitments: ["A1-O1-N1"],
      },
      { today: TODAY },
    );
    expect(saved.ok).toBe(true);
    const stale = toCsv([{ ...la1, commentary: "Updated in the spreadsheet" }]);
    const applied = await unchangedTables(() =>
      applyLocalActionImport(users.thurrock, "thurrock", stale, { today: TODAY }),
    );
    expect(applied.ok).toBe(false);
    expect(applied.rows[0]!.errors[0]).toMatch(/LA-1 has changed since you exported the file \(the file has version 1/);
  });

  it("is refused to another council's account, to DfE editors and when signed out, changing nothing", async () => {
    const csv = await exported();
    for (const [userId, error] of [
      [users.essex, OTHER_COUNCIL_MESSAGE],
      [users.dfeEditor, ForbiddenError],
      [null, NotSignedInError],
    ] as const) {
      await unchangedTables(async () => {
        await expect(previewLocalActionImport(userId, "thurrock", csv)).rejects.toThrow(error);
        await expect(applyLocalActionImport(userId, "thurrock", csv)).rejects.toThrow(error);
      });
    }
    // An admin may, and a council that does not exist is named as such.
    expect(await previewLocalActionImport(users.admin, "thurrock", csv)).toMatchObject({ ok: true });
    expect(await applyLocalActionImport(users.admin, "nowhere", csv)).toMatchObject({
      ok: false,
      fileError: "This council does not exist",
      applied: 0,
    });
    // A file exported for one council, uploaded to another: its codes name nothing there.
    const elsewhere = await unchangedTables(() => applyLocalActionImport(users.essex, "essex", csv, { today: TODAY }));
    expect(elsewhere.rows.map((r) => r.errors[0])).toEqual([
      "Essex has no local action LA-1",
      "Essex has no local action LA-2",
      "Essex has no local action LA-3",
    ]);
  });

  it("refuses a file of the wrong shape as a whole, with one clear error", async () => {
    const cases: Array<[string, RegExp]> = [
      ["", /The file is empty/],
      ["code;title\r\nLA-1;x\r\n", /separated by semicolons/],
      ["code,title\r\nLA-1,x\r\n", /missing the columns description, leadRole/],
      [`${HEADER},extra\r\n`, /unknown column extra/],
      [`${HEADER}\r\n`, /no local action rows/],
      [`${HEADER}\r\n"LA-1,\r\n`, /not a valid CSV file/],
    ];
    for (const [text, error] of cases) {
      const report = await previewLocalActionImport(users.thurrock, "thurrock", text);
      expect(report.ok).toBe(false);
      expect(report.fileError).toMatch(error);
    }
  });

  it(
    "answers any text, or any cell, with a report and never an exception, and writes nothing",
    { timeout: 180_000 },
    async () => {
      const header = fc.oneof(
        fc.constant(HEADER),
        fc.shuffledSubarray([...LOCAL_ACTION_CSV_COLUMNS, "__proto__", "=cmd"]).map((c) => c.join(",")),
        hostileString,
      );
      const cell = fc.oneof(
        hostileString,
        fc.constantFrom("LA-1", "on_track", "2026-03-31", "M-01", '"', "a,b", "x\ny"),
      );
      // Never a version the file's action has: a row with a code is stale, a row without one is refused for having one.
      const version = fc.oneof(
        fc.integer({ min: 1000, max: 2 ** 31 - 1 }).map(String),
        hostileString.filter((s) => s.trim() !== "" && !/^\s*\d{1,3}\s*$/.test(s)),
      );
      const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
      const row = fc
        .tuple(
          fc.oneof(fc.constantFrom("LA-1", ""), cell),
          fc.array(cell, { minLength: 4, maxLength: 4 }),
          version,
          fc.array(cell, { maxLength: 9 }),
        )
        .map(([code, before, v, after]) => [code, ...before, v, ...after].map(quote).join(","));
      const csv = fc
        .tuple(fc.constantFrom("", "\uFEFF"), header, fc.array(row, { maxLength: 4 }), fc.constantFrom("\r\n", "\n"))
        .map(([bom, h, rows, eol]) => bom + [h, ...rows].join(eol));
      await unchangedTables(() =>
        fc.assert(
          fc.asyncProperty(
            fc.oneof({ weight: 3, arbitrary: csv }, { weight: 1, arbitrary: hostileString }),
            async (text) => {
              const preview = await previewLocalActionImport(users.thurrock, "thurrock", text, { today: TODAY });
              const applied = await applyLocalActionImport(users.thurrock, "thurrock", text, { today: TODAY });
              expect(preview.ok).toBe(false);
              expect(applied).toMatchObject({ ok: false, applied: 0 });
            },
          ),
          { numRuns: 150 },
        ),
      );
    },
  );
});
