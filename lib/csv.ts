import { stringify } from "csv-stringify/sync";
import { neutraliseDirectionControls } from "@/lib/validations/text";

// Every CSV file the app writes: the open-data downloads (/api/v1/...?format=csv) and the staff export of the
// milestones. One rule for all of them, so that each opens safely and correctly in a spreadsheet and reads back
// with any strict parser:
//
// - RFC 4180: a header row, CRLF after every record, and any cell holding a comma, a quotation mark, a carriage
//   return or a line feed in quotation marks. (csv-stringify quotes a lone line feed only when asked: with CRLF
//   records it otherwise leaves a multi-paragraph text bare, and Python's csv module splits the row there.)
// - UTF-8 with a byte order mark, so that Excel reads £, é and curly quotes as UTF-8 rather than Windows-1252.
// - A text cell starting with =, +, -, @, a tab or a carriage return, possibly after apostrophes, gets one more
//   apostrophe in front, so that spreadsheets show it as text instead of running it as a formula
//   (https://owasp.org/www-community/attacks/CSV_Injection). Reversible: unprotectCell takes one off again, which
//   the milestone import does. Numbers and booleans are never touched.
// - Invisible direction controls in older text are replaced with U+FFFD, as on the pages (lib/validations/text.ts).

export const BOM = "\uFEFF";

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Stops spreadsheets running a cell as a formula; reversible (see unprotectCell). */
export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}

/** What a cell may hold: lists are joined with "; ", null and undefined are empty. */
export type CsvValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

/** The text of one cell, by the rules above (quoting aside, which is the writer's). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = typeof value === "string" ? value : value.join("; ");
  return protectCell(neutraliseDirectionControls(text));
}

/** A whole CSV file: the byte order mark, the header row, then one record per row, in the order of `columns`. */
export function writeCsv(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return (
    BOM +
    stringify(
      rows.map((row) => row.map(csvCell)),
      { header: true, columns: [...columns], record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
    )
  );
}
