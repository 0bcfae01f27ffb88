import "server-only";
import { parse } from "csv-parse/sync";
import { unprotectCell, writeCsv } from "@/lib/csv";
import { db } from "@/lib/db/client.server";
import { authorise } from "@/lib/auth/actor.server";
import { todayInLondon, toIsoDay } from "@/lib/dates";
import { checkAgainstCurrent, writeMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { describeChanges, type HistoryChange } from "@/lib/audit/describe";
import { milestoneStateOf, sameState, type MilestoneState } from "@/lib/audit/records";
import { milestoneUpdateSchema, type MilestoneUpdate } from "@/lib/validations/milestone-update";
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS } from "@/lib/vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";

// Bulk update of milestones from a CSV file: staff export the milestones, edit the file (usually in a
// spreadsheet) and upload it. The upload is all or nothing: every row is checked with the same rules as the
// milestone form (milestoneUpdateSchema, then checkAgainstCurrent) and, if any row is wrong, nothing is saved.
//
// The file (UTF-8 with a byte order mark, RFC 4180, CRLF between records, a header row):
//
//   code          the milestone, e.g. M-01. Required.
//   title         read only: for the reader's orientation. The import ignores it.
//   dueDate       read only: the original due date from the strategy. The import ignores it.
//   version       the milestone's version when it was exported. Required: a row whose version is not the
//                 milestone's current one is refused ("changed since you exported: export again").
//   status        not_yet_assessed, not_started, on_track, at_risk, delayed, complete or superseded (the import
//                 also accepts the labels, such as "On track").
//   forecastDate  YYYY-MM-DD (the import also accepts DD/MM/YYYY, which spreadsheets often write); empty = none.
//   actualDate    as forecastDate.
//   commentary    free text; empty = none.
//   evidence      the evidence links, one per line inside the cell, each `Title|https://address`. In a title or
//                 address, `\|` stands for a "|", `\\` for a backslash, `\n` and `\r` for line breaks; the
//                 export writes exactly these escapes, so every title and address survives the round trip.
//                 Empty = no links. Blank lines are ignored.
//   reason        why the milestone changed; published in its history, so a short sentence (20 characters and 3
//                 words, lib/validations/reason.ts). Required when the forecast date moves
//                 later or the status becomes at risk, delayed or superseded. The export leaves it empty.
//
// Columns may come in any order; title and dueDate may be left out; any other column is refused. The export is
// written by the rules of every CSV the app writes (lib/csv.ts): a cell that starts with =, +, -, @, a tab or a
// carriage return, possibly after apostrophes, gets one more apostrophe in front, so that spreadsheets do not run it
// as a formula, and the import removes one such apostrophe again from the text cells (title, commentary, evidence,
// reason); invisible direction controls of older text are written as U+FFFD, as the pages show them, so importing
// the file saves that replacement. Rows are numbered as a spreadsheet numbers them (the header is row 1); blank rows
// are skipped. Export, import of the unchanged file and export again give byte-identical files.

export const MILESTONE_CSV_COLUMNS = [
  "code",
  "title",
  "dueDate",
  "version",
  "status",
  "forecastDate",
  "actualDate",
  "commentary",
  "evidence",
  "reason",
] as const;
export type MilestoneCsvColumn = (typeof MILESTONE_CSV_COLUMNS)[number];

/** Context for the person editing the file; the import ignores them and does not require them. */
export const MILESTONE_CSV_READ_ONLY_COLUMNS = ["title", "dueDate"] as const satisfies readonly MilestoneCsvColumn[];

export const MILESTONE_CSV_FILENAME = "milestones-update.csv";
export const MILESTONE_CSV_LIMITS = { maxBytes: 2 * 1024 * 1024, maxRows: 2000 } as const;

// ---------------------------------------------------------------------------------------------------------
// Cell encodings

function escapePart(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Evidence links as the cell holds them: one `Title|address` per line. */
export function encodeEvidence(links: ReadonlyArray<{ title: string; url: string }>): string {
  return links.map((l) => `${escapePart(l.title)}|${escapePart(l.url)}`).join("\n");
}

export type EvidenceDecoding =
  { ok: true; links: Array<{ title: string; url: string }> } | { ok: false; error: string };

export function decodeEvidence(cell: string): EvidenceDecoding {
  const links: Array<{ title: string; url: string }> = [];
  const lines = cell.split(/\r\n|\n|\r/);
  let n = 0;
  for (const line of lines) {
    if (line.trim() === "") continue;
    n++;
    const parts: string[] = [""];
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === "\\" && i + 1 < line.length) {
        const next = line[i + 1]!;
        const escaped = next === "\\" ? "\\" : next === "|" ? "|" : next === "n" ? "\n" : next === "r" ? "\r" : null;
        if (escaped !== null) {
          parts[parts.length - 1] += escaped;
          i++;
          continue;
        }
      }
      if (c === "|") parts.push("");
      else parts[parts.length - 1] += c;
    }
    if (parts.length === 1) {
      return {
        ok: false,
        error: `Evidence link ${n} must be a title and an address separated by "|", like: Annual report|https://www.gov.uk/report`,
      };
    }
    if (parts.length > 2) {
      return { ok: false, error: `Evidence link ${n} has more than one "|": write \\| for a "|" inside a title` };
    }
    links.push({ title: parts[0]!.trim(), url: parts[1]!.trim() });
  }
  return { ok: true, links };
}

/** YYYY-MM-DD stays as it is; D/M/YYYY (as UK spreadsheets write dates) becomes YYYY-MM-DD. */
function normaliseDay(cell: string): string {
  const s = cell.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : s;
}

function normaliseStatus(cell: string): string {
  const s = cell.trim();
  const lower = s.toLowerCase();
  const byValue = MILESTONE_STATUSES.find((v) => v === lower);
  if (byValue) return byValue;
  const byLabel = MILESTONE_STATUSES.find((v) => MILESTONE_STATUS_LABELS[v].toLowerCase() === lower);
  return byLabel ?? s;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the current state

interface CurrentMilestone extends MilestoneState {
  id: number;
  code: string;
  title: string;
  dueDate: string;
}

type MilestoneWithEvidence = Prisma.MilestoneGetPayload<{ include: { evidence: true } }>;

function currentOf(m: MilestoneWithEvidence): CurrentMilestone {
  return { id: m.id, code: m.code, title: m.title, dueDate: toIsoDay(m.dueDate)!, ...milestoneStateOf(m) };
}

/** The audited state alone, without the row's other columns. */
function stateOnly({
  status,
  forecastDate,
  actualDate,
  commentary,
  evidence,
  version,
}: CurrentMilestone): MilestoneState {
  return { status, forecastDate, actualDate, commentary, evidence, version };
}

// ---------------------------------------------------------------------------------------------------------
// Export

function exportRecord(m: CurrentMilestone): Record<MilestoneCsvColumn, string> {
  return {
    code: m.code,
    title: m.title,
    dueDate: m.dueDate,
    version: String(m.version),
    status: m.status,
    forecastDate: m.forecastDate ?? "",
    actualDate: m.actualDate ?? "",
    commentary: m.commentary ?? "",
    evidence: encodeEvidence(m.evidence),
    reason: "",
  };
}

function toCsvText(records: Array<Record<MilestoneCsvColumn, string>>): string {
  return writeCsv(
    MILESTONE_CSV_COLUMNS,
    records.map((r) => MILESTONE_CSV_COLUMNS.map((c) => r[c])),
  );
}

/** Every milestone as it is now, ordered by code, ready to edit and upload again. */
export async function exportMilestonesCsv(userId: number | null | undefined): Promise<string> {
  await authorise(userId, "milestone:import");
  const milestones = await db().milestone.findMany({ orderBy: { code: "asc" }, include: { evidence: true } });
  return toCsvText(milestones.map((m) => exportRecord(currentOf(m))));
}

// ---------------------------------------------------------------------------------------------------------
// Reading a file

export type ImportOutcome = "change" | "no_change" | "error";

export interface ImportRow {
  /** The row's number as a spreadsheet shows it: the header is row 1, the first milestone row 2. */
  line: number;
  code: string;
  /** The milestone's title in the tracker (not the file's, which is read-only), or null for an unknown code. */
  title: string | null;
  outcome: ImportOutcome;
  changes: HistoryChange[];
  reason: string | null;
  errors: string[];
}

export interface ImportSummary {
  rows: number;
  changes: number;
  unchanged: number;
  errors: number;
}

export interface ImportReport {
  /** True when the file could be read and no row has an error. */
  ok: boolean;
  /** A problem with the file as a whole (not CSV, wrong columns, too big): then there are no rows. */
  fileError: string | null;
  rows: ImportRow[];
  summary: ImportSummary;
}

export interface ApplyReport extends ImportReport {
  /** How many milestones were updated: 0 whenever ok is false. */
  applied: number;
}

interface FileRow {
  line: number;
  cells: Partial<Record<MilestoneCsvColumn, string>>;
  /** A problem with the row's shape, found while reading the file. */
  shapeError: string | null;
}

type ParsedFile = { ok: true; rows: FileRow[] } | { ok: false; error: string };

const EXPECTED_HEADER = MILESTONE_CSV_COLUMNS.join(",");

/** Turns uploaded bytes into text, refusing anything that is not UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes.byteLength > MILESTONE_CSV_LIMITS.maxBytes) return { ok: false, error: tooLarge() };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      error: 'The file is not saved as UTF-8 text. In Excel choose "Save as", then "CSV UTF-8 (Comma delimited)".',
    };
  }
}

function tooLarge(): string {
  return "The file is larger than 2 MB. Upload the file you exported from this page, with your changes.";
}

export function parseMilestoneCsv(text: string): ParsedFile {
  if (Buffer.byteLength(text, "utf8") > MILESTONE_CSV_LIMITS.maxBytes) return { ok: false, error: tooLarge() };
  if (text.replace(/^\uFEFF/, "").trim() === "")
    return { ok: false, error: "The file is empty. Upload the file you exported from this page, with your changes." };
  if (text.includes("\u0000"))
    return {
      ok: false,
      error: "The file is not a CSV file. Upload the file you exported from this page, saved as CSV.",
    };

  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MILESTONE_CSV_LIMITS.maxBytes,
    }) as string[][];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return {
      ok: false,
      error: `The file is not a valid CSV file${lines ? ` (the problem is near line ${lines} of the file)` : ""}: check that every quotation mark that opens a cell also closes it, and save it as "CSV UTF-8 (Comma delimited)".`,
    };
  }

  const [header = [], ...body] = records;
  const names = header.map((h) => h.trim());
  if (names.length === 1 && names[0]!.includes(";")) {
    return {
      ok: false,
      error: `The columns are separated by semicolons. Save the file with commas between columns. The first row must be: ${EXPECTED_HEADER}`,
    };
  }
  const known = new Set<string>(MILESTONE_CSV_COLUMNS);
  const unknown = names.filter((n) => !known.has(n)).map((n) => (n === "" ? "(a column with no name)" : n));
  const duplicated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  const missing = MILESTONE_CSV_COLUMNS.filter(
    (c) => !names.includes(c) && !(MILESTONE_CSV_READ_ONLY_COLUMNS as readonly string[]).includes(c),
  );
  if (unknown.length || duplicated.length || missing.length) {
    const problems = [
      missing.length ? `it is missing the ${plural(missing.length, "column")} ${missing.join(", ")}` : null,
      unknown.length ? `it has the unknown ${plural(unknown.length, "column")} ${unknown.join(", ")}` : null,
      duplicated.length
        ? `it has the ${plural(duplicated.length, "column")} ${duplicated.join(", ")} more than once`
        : null,
    ].filter(Boolean);
    return {
      ok: false,
      error: `The first row of the file does not have the right column names: ${problems.join("; ")}. The first row must be: ${EXPECTED_HEADER}`,
    };
  }

  const rows: FileRow[] = [];
  body.forEach((record, i) => {
    if (record.every((cell) => cell.trim() === "")) return; // a blank line, or a row a spreadsheet left empty
    const cells: FileRow["cells"] = {};
    names.forEach((name, c) => {
      cells[name as MilestoneCsvColumn] = record[c] ?? "";
    });
    const shapeError =
      record.length > names.length && record.slice(names.length).some((cell) => cell.trim() !== "")
        ? `Row ${i + 2} has ${record.length} cells but the first row has ${names.length} column names: check for a stray comma`
        : null;
    rows.push({ line: i + 2, cells, shapeError });
  });
  if (rows.length > MILESTONE_CSV_LIMITS.maxRows) {
    return {
      ok: false,
      error: `The file has ${rows.length} rows of milestones. It can have at most ${MILESTONE_CSV_LIMITS.maxRows}.`,
    };
  }
  if (rows.length === 0) return { ok: false, error: "The file has no milestone rows under its first row." };
  return { ok: true, rows };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

// ---------------------------------------------------------------------------------------------------------
// Checking the rows against the milestones as they are

interface AssessedRow extends Omit<ImportRow, "title"> {
  update: MilestoneUpdate | null;
  current: CurrentMilestone | null;
}

const CSV_MESSAGES: Partial<Record<string, string>> = {
  code: "The code must be a milestone code, like M-01",
  version:
    "The version must be the number from your export: export the milestones again and make your changes in the new file",
  status: `The status must be one of: ${MILESTONE_STATUSES.join(", ")}`,
};

function rowInput(cells: FileRow["cells"]) {
  const cell = (c: MilestoneCsvColumn) => cells[c] ?? "";
  const text = (c: MilestoneCsvColumn) => unprotectCell(cell(c));
  return {
    code: cell("code").trim().toUpperCase(),
    version: cell("version").trim(),
    status: normaliseStatus(cell("status")),
    forecastDate: normaliseDay(cell("forecastDate")),
    actualDate: normaliseDay(cell("actualDate")),
    commentary: text("commentary"),
    evidenceCell: text("evidence"),
    reason: text("reason"),
  };
}

function assessRows(rows: FileRow[], currentByCode: Map<string, CurrentMilestone>, today: string): AssessedRow[] {
  const inputs = rows.map((r) => rowInput(r.cells));
  const linesByCode = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    if (input.code) linesByCode.set(input.code, [...(linesByCode.get(input.code) ?? []), rows[i]!.line]);
  });

  return rows.map((row, i): AssessedRow => {
    const input = inputs[i]!;
    const errors: string[] = [];
    const base = {
      line: row.line,
      code: input.code,
      changes: [] as HistoryChange[],
      reason: null as string | null,
      update: null,
      current: null,
    };
    const fail = (): AssessedRow => ({ ...base, outcome: "error", errors });

    if (row.shapeError) errors.push(row.shapeError);
    if (input.code === "") {
      errors.push("Enter the milestone code, like M-01");
      return fail();
    }
    const lines = linesByCode.get(input.code)!;
    if (lines.length > 1)
      errors.push(
        `${input.code} is in the file more than once (rows ${lines.join(", ")}): keep one row for each milestone`,
      );

    const evidence = decodeEvidence(input.evidenceCell);
    if (!evidence.ok) errors.push(evidence.error);
    const parsed = milestoneUpdateSchema.safeParse({ ...input, evidence: evidence.ok ? evidence.links : [] });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, index] = issue.path;
        if (field === "evidence" && typeof index === "number")
          errors.push(`Evidence link ${index + 1}: ${issue.message}`);
        else errors.push(CSV_MESSAGES[String(field)] ?? issue.message);
      }
    }
    const current = currentByCode.get(input.code) ?? null;
    if (!current && !errors.some((e) => e === CSV_MESSAGES.code))
      errors.push(`There is no milestone with the code ${input.code}`);
    if (current && parsed.success && parsed.data.version !== current.version) {
      errors.push(
        `${input.code} has changed since you exported the file (the file has version ${parsed.data.version}, the milestone is now at version ${current.version}): export the milestones again and make your changes in the new file`,
      );
    }
    if (errors.length || !parsed.success || !current) return fail();

    const update = parsed.data;
    // Spreadsheets rewrite line breaks inside cells (the form saves CRLF, Excel writes LF): that alone is no change.
    if (update.commentary !== null && current.commentary !== null && sameLines(update.commentary, current.commentary))
      update.commentary = current.commentary;
    const next: Omit<MilestoneState, "version"> = {
      status: update.status,
      forecastDate: update.forecastDate,
      actualDate: update.actualDate,
      commentary: update.commentary,
      evidence: update.evidence,
    };
    if (sameState<MilestoneState>(stateOnly(current), next))
      return { ...base, outcome: "no_change", errors: [], current };

    for (const e of checkAgainstCurrent(update, current, today)) errors.push(e.message);
    if (errors.length) return { ...base, current, outcome: "error", errors };
    return {
      ...base,
      outcome: "change",
      changes: describeChanges(stateOnly(current), next),
      reason: update.reason,
      errors: [],
      update,
      current,
    };
  });
}

function sameLines(a: string, b: string): boolean {
  const lines = (s: string) => s.replace(/\r\n?/g, "\n");
  return lines(a) === lines(b);
}

function summarise(rows: ImportRow[]): ImportSummary {
  return {
    rows: rows.length,
    changes: rows.filter((r) => r.outcome === "change").length,
    unchanged: rows.filter((r) => r.outcome === "no_change").length,
    errors: rows.filter((r) => r.outcome === "error").length,
  };
}

function report(assessed: AssessedRow[], currentByCode: Map<string, CurrentMilestone>): ImportReport {
  const rows = assessed.map(({ line, code, outcome, changes, reason, errors }) => ({
    line,
    code,
    // Shown so staff can tell milestones apart without the code list; neutralised like every other stored text.
    title: withDirectionControlsNeutralised(currentByCode.get(code)?.title ?? null),
    outcome,
    // The milestones' values as they are now may be older text with invisible direction controls: shown neutralised.
    changes: withDirectionControlsNeutralised(changes),
    reason,
    errors,
  }));
  const summary = summarise(rows);
  return { ok: summary.errors === 0, fileError: null, rows, summary };
}

function fileFailure(error: string): ImportReport {
  return { ok: false, fileError: error, rows: [], summary: { rows: 0, changes: 0, unchanged: 0, errors: 0 } };
}

function codesIn(rows: FileRow[]): string[] {
  return [...new Set(rows.map((r) => rowInput(r.cells).code).filter(Boolean))];
}

/** What an upload would change, row by row, with every error. Writes nothing. */
export async function previewMilestoneImport(
  userId: number | null | undefined,
  csvText: string,
  options: { today?: string } = {},
): Promise<ImportReport> {
  await authorise(userId, "milestone:import");
  const file = parseMilestoneCsv(csvText);
  if (!file.ok) return fileFailure(file.error);
  const milestones = await db().milestone.findMany({
    where: { code: { in: codesIn(file.rows) } },
    include: { evidence: true },
  });
  const currentByCode = new Map(milestones.map((m) => [m.code, currentOf(m)]));
  return report(assessRows(file.rows, currentByCode, options.today ?? todayInLondon()), currentByCode);
}

/**
 * Saves an upload, all or nothing, in one transaction: the milestones in the file are locked, every row is
 * checked again against them as they are now, and only if no row has an error is each changed milestone
 * updated (version + 1, evidence replaced) with its audit event. Unchanged rows are skipped.
 */
export async function applyMilestoneImport(
  userId: number | null | undefined,
  csvText: string,
  options: { today?: string } = {},
): Promise<ApplyReport> {
  const actor = await authorise(userId, "milestone:import");
  const file = parseMilestoneCsv(csvText);
  if (!file.ok) return { ...fileFailure(file.error), applied: 0 };
  const codes = codesIn(file.rows);
  const today = options.today ?? todayInLondon();

  return db().$transaction(
    async (tx) => {
      // Locked in id order, so that two uploads at once cannot deadlock; an upload and a form save queue up.
      const locked = codes.length
        ? await tx.$queryRaw<
            Array<{ id: number }>
          >`SELECT id FROM milestone WHERE code = ANY(${codes}::text[]) ORDER BY id FOR UPDATE`
        : [];
      const milestones = await tx.milestone.findMany({
        where: { id: { in: locked.map((l) => l.id) } },
        include: { evidence: true },
      });
      const currentByCode = new Map(milestones.map((m) => [m.code, currentOf(m)]));
      const assessed = assessRows(file.rows, currentByCode, today);
      const result = report(assessed, currentByCode);
      if (!result.ok) return { ...result, applied: 0 };

      let applied = 0;
      for (const row of assessed) {
        if (row.outcome !== "change" || !row.update || !row.current) continue;
        const { update, current } = row;
        await writeMilestoneUpdate(tx, actor, {
          id: current.id,
          code: current.code,
          current: stateOnly(current),
          next: {
            status: update.status,
            forecastDate: update.forecastDate,
            actualDate: update.actualDate,
            commentary: update.commentary,
            evidence: update.evidence,
          },
          reason: update.reason,
        });
        applied++;
      }
      return { ...result, applied };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
