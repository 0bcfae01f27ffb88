import { parse } from "csv-parse/sync";
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS } from "@/lib/vocabulary";
import type { HistoryChange } from "@/lib/audit/describe";

// What every staff CSV upload shares (the milestones' at /staff/milestones/import, a council's local actions' at
// /staff/councils/{slug}/import): reading the uploaded bytes and the file, the cell encodings the exports write and
// the imports read back, and the shape of the row-by-row report the preview and the apply step return. The rules for
// writing a CSV are lib/csv.ts's.

export const CSV_UPLOAD_LIMITS = { maxBytes: 2 * 1024 * 1024, maxRows: 2000 } as const;

// ---------------------------------------------------------------------------------------------------------
// Cell encodings

function escapePart(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/**
 * Evidence links as the cell holds them: one `Title|address` per line. In a title or address, `\|` stands for a "|",
 * `\\` for a backslash, `\n` and `\r` for line breaks, so every title and address survives the round trip.
 */
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
export function normaliseDay(cell: string): string {
  const s = cell.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : s;
}

/** A status as a value (on_track) or as the label the site shows (On track), in any case. */
export function normaliseStatus(cell: string): string {
  const s = cell.trim();
  const lower = s.toLowerCase();
  const byValue = MILESTONE_STATUSES.find((v) => v === lower);
  if (byValue) return byValue;
  const byLabel = MILESTONE_STATUSES.find((v) => MILESTONE_STATUS_LABELS[v].toLowerCase() === lower);
  return byLabel ?? s;
}

/** Spreadsheets rewrite line breaks inside cells (the forms save CRLF, Excel writes LF): that alone is no change. */
export function sameLines(a: string, b: string): boolean {
  const lines = (s: string) => s.replace(/\r\n?/g, "\n");
  return lines(a) === lines(b);
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading a file

function tooLarge(): string {
  return "The file is larger than 2 MB. Upload the file you exported from this page, with your changes.";
}

/** Turns uploaded bytes into text, refusing anything that is not UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes.byteLength > CSV_UPLOAD_LIMITS.maxBytes) return { ok: false, error: tooLarge() };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      error: 'The file is not saved as UTF-8 text. In Excel choose "Save as", then "CSV UTF-8 (Comma delimited)".',
    };
  }
}

export interface FileRow<Column extends string> {
  /** The row's number as a spreadsheet shows it: the header is row 1, the first data row 2. */
  line: number;
  cells: Partial<Record<Column, string>>;
  /** A problem with the row's shape, found while reading the file. */
  shapeError: string | null;
}

export type ParsedFile<Column extends string> =
  { ok: true; rows: Array<FileRow<Column>> } | { ok: false; error: string };

/**
 * Reads an uploaded CSV: RFC 4180 with or without a byte order mark, a header row naming only `columns` (in any
 * order, each once; `optional` ones may be left out), blank rows skipped. `rowsOf` names a data row in messages
 * ("milestone", "local action").
 */
export function parseCsvUpload<Column extends string>(
  text: string,
  format: { columns: readonly Column[]; optional: readonly Column[]; rowsOf: string },
): ParsedFile<Column> {
  const expectedHeader = format.columns.join(",");
  if (Buffer.byteLength(text, "utf8") > CSV_UPLOAD_LIMITS.maxBytes) return { ok: false, error: tooLarge() };
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
      max_record_size: CSV_UPLOAD_LIMITS.maxBytes,
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
      error: `The columns are separated by semicolons. Save the file with commas between columns. The first row must be: ${expectedHeader}`,
    };
  }
  const known = new Set<string>(format.columns);
  const unknown = names.filter((n) => !known.has(n)).map((n) => (n === "" ? "(a column with no name)" : n));
  const duplicated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  const missing = format.columns.filter((c) => !names.includes(c) && !format.optional.includes(c));
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
      error: `The first row of the file does not have the right column names: ${problems.join("; ")}. The first row must be: ${expectedHeader}`,
    };
  }

  const rows: Array<FileRow<Column>> = [];
  body.forEach((record, i) => {
    if (record.every((cell) => cell.trim() === "")) return; // a blank line, or a row a spreadsheet left empty
    const cells: FileRow<Column>["cells"] = {};
    names.forEach((name, c) => {
      cells[name as Column] = record[c] ?? "";
    });
    const shapeError =
      record.length > names.length && record.slice(names.length).some((cell) => cell.trim() !== "")
        ? `Row ${i + 2} has ${record.length} cells but the first row has ${names.length} column names: check for a stray comma`
        : null;
    rows.push({ line: i + 2, cells, shapeError });
  });
  if (rows.length > CSV_UPLOAD_LIMITS.maxRows) {
    return {
      ok: false,
      error: `The file has ${rows.length} rows of ${format.rowsOf}s. It can have at most ${CSV_UPLOAD_LIMITS.maxRows}.`,
    };
  }
  if (rows.length === 0) return { ok: false, error: `The file has no ${format.rowsOf} rows under its first row.` };
  return { ok: true, rows };
}

// ---------------------------------------------------------------------------------------------------------
// The report of a preview or an apply

/** "add" only where a file may add records (a council's local actions); milestones are only changed. */
export type ImportOutcome = "add" | "change" | "no_change" | "error";

export interface ImportRow {
  /** The row's number as a spreadsheet shows it: the header is row 1, the first data row 2. */
  line: number;
  /** The record's code; "" for a row that adds one. */
  code: string;
  /** The record's title in the tracker (not the file's, which may be read-only), or the new title for an addition. */
  title: string | null;
  outcome: ImportOutcome;
  changes: HistoryChange[];
  reason: string | null;
  errors: string[];
}

export interface ImportSummary {
  rows: number;
  /** Rows that add a record, where a file may add them. */
  additions?: number;
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
  /** How many records were added or updated: 0 whenever ok is false. */
  applied: number;
}

export function fileFailure(error: string): ImportReport {
  return { ok: false, fileError: error, rows: [], summary: { rows: 0, changes: 0, unchanged: 0, errors: 0 } };
}

/** What a CSV upload form's server action answers (lib/staff/csv-import-action.server.ts). */
export type ImportState =
  | { stage: "idle" }
  | { stage: "refused"; message: string }
  | { stage: "preview"; fileName: string; report: ImportReport; csv: string }
  | { stage: "applied"; fileName: string; report: ApplyReport }
  | { stage: "apply_failed"; fileName: string; report: ApplyReport };
