import "server-only";
import { unprotectCell, writeCsv } from "@/lib/csv";
import { db } from "@/lib/db/client.server";
import { authorise } from "@/lib/auth/actor.server";
import { todayInLondon, toIsoDay } from "@/lib/dates";
import { checkAgainstCurrent, writeMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { describeChanges, type HistoryChange } from "@/lib/audit/describe";
import { milestoneStateOf, sameState, type MilestoneState } from "@/lib/audit/records";
import { milestoneUpdateSchema, type MilestoneUpdate } from "@/lib/validations/milestone-update";
import { MILESTONE_STATUSES } from "@/lib/vocabulary";
import {
  CSV_UPLOAD_LIMITS,
  decodeEvidence,
  encodeEvidence,
  fileFailure,
  normaliseDay,
  normaliseStatus,
  parseCsvUpload,
  sameLines,
  type ApplyReport,
  type FileRow as UploadRow,
  type ImportReport,
  type ImportRow,
  type ImportSummary,
  type ParsedFile,
} from "@/lib/csv-upload";
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
export const MILESTONE_CSV_LIMITS = CSV_UPLOAD_LIMITS;

// The cell encodings, the file reader and the report are shared with the local actions' import (lib/csv-upload.ts).
export { decodeCsvBytes, decodeEvidence, encodeEvidence } from "@/lib/csv-upload";
export type { ApplyReport, ImportOutcome, ImportReport, ImportRow, ImportSummary } from "@/lib/csv-upload";

// ---------------------------------------------------------------------------------------------------------
// Cell encodings

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

type FileRow = UploadRow<MilestoneCsvColumn>;

export function parseMilestoneCsv(text: string): ParsedFile<MilestoneCsvColumn> {
  return parseCsvUpload(text, {
    columns: MILESTONE_CSV_COLUMNS,
    optional: MILESTONE_CSV_READ_ONLY_COLUMNS,
    rowsOf: "milestone",
  });
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
