import "server-only";
import { db, WRITE_TRANSACTION } from "@/lib/db/client.server";
import { authorise } from "@/lib/auth/actor.server";
import { unprotectCell, writeCsv } from "@/lib/csv";
import {
  decodeEvidence,
  encodeEvidence,
  fileFailure,
  normaliseDay,
  normaliseStatus,
  parseCsvUpload,
  sameLines,
  type ApplyReport,
  type FileRow,
  type ImportReport,
  type ImportRow,
} from "@/lib/csv-upload";
import { todayInLondon } from "@/lib/dates";
import { describeChanges, type HistoryChange } from "@/lib/audit/describe";
import { localActionStateOf, sameState, type LocalActionState } from "@/lib/audit/records";
import { checkAgainstCurrent } from "@/lib/staff/milestone-updates.server";
import {
  codesFromText,
  localActionUpdateSchema,
  newLocalActionSchema,
  type NewLocalAction,
} from "@/lib/validations/local-action";
import { withDirectionControlsNeutralised } from "@/lib/validations/text";
import { MILESTONE_STATUSES } from "@/lib/vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  applyLocalActionUpdate,
  insertLocalAction,
  LOCAL_ACTION_INCLUDE,
  localActionCode,
  localActionEntityCode,
  type LocalActionFields,
} from "@/lib/local-actions/record";

// One council's local actions as a CSV file (issue 15, item 5): council staff export them, keep the file as their
// spreadsheet, and upload it again. The rules are the milestone import's (lib/staff/milestone-csv.server.ts), with
// one addition: a row with no code adds a local action. The upload is all or nothing, in one transaction: every row is
// checked with the council form's rules (lib/validations/local-action.ts, then checkAgainstCurrent) and, if any row
// is wrong, nothing is saved. Each change is written by the one writer (lib/local-actions/record.ts) with its audit
// event, attributed on the public pages to the council.
//
// The file (UTF-8 with a byte order mark, RFC 4180, CRLF between records, a header row; docs/local-actions-csv.md):
//
//   code             the local action, e.g. LA-3; empty in a row that adds one.
//   title, description, leadRole   text; the lead is a role, never a person's name.
//   dueDate          YYYY-MM-DD (or DD/MM/YYYY). Set when the action is added and never moved: slippage is measured
//                    from it. In a row with a code it must stay as exported; a later date goes in forecastDate.
//   version          the action's version when it was exported; empty in a row that adds one. A row whose version
//                    is not the action's current one is refused ("changed since you exported: export again").
//   status           a milestone status value or its label (On track).
//   forecastDate, actualDate   as dueDate; empty = none.
//   commentary       text; empty = none.
//   evidence         one `Title|https://address` per line, escaped as in the milestone file (lib/csv-upload.ts).
//   milestones, recommendations, commitments   the national items served, as codes separated by "; " (M-30; M-31,
//                    CR-01, A1-O1-N3); commas and spaces also separate. At least one code in the three together.
//   reason           why it changed; required as on the form (a slip, at risk, delayed, superseded). Export: empty.
//
// Export, import of the unchanged file and export again give byte-identical files.

export const LOCAL_ACTION_CSV_COLUMNS = [
  "code",
  "title",
  "description",
  "leadRole",
  "dueDate",
  "version",
  "status",
  "forecastDate",
  "actualDate",
  "commentary",
  "evidence",
  "milestones",
  "recommendations",
  "commitments",
  "reason",
] as const;
export type LocalActionCsvColumn = (typeof LOCAL_ACTION_CSV_COLUMNS)[number];

export const localActionsCsvFilename = (slug: string) => `${slug}-local-actions.csv`;

type Council = { id: number; slug: string; gssCode: string; name: string; endedOn: Date | null };
type Tx = Prisma.TransactionClient;

/** The council a staff address names (its slug or GSS code, any case), or null. */
export async function councilByKey(key: string): Promise<Council | null> {
  const trimmed = key.trim();
  const select = { id: true, slug: true, gssCode: true, name: true, endedOn: true } as const;
  if (/^e\d{8}$/i.test(trimmed)) return db().council.findUnique({ where: { gssCode: trimmed.toUpperCase() }, select });
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/i.test(trimmed) && trimmed.length <= 100)
    return db().council.findUnique({ where: { slug: trimmed.toLowerCase() }, select });
  return null;
}

/**
 * The user, authorised to write the council's local actions, and the council; null for a council that does not
 * exist (a council account is refused first: a council that does not exist is nobody's own).
 */
async function authoriseFor(userId: number | null | undefined, councilKey: string) {
  const council = await councilByKey(councilKey);
  const actor = await authorise(userId, "local-action:write", council ? { councilId: council.id } : undefined);
  return { actor, council };
}

interface CurrentAction extends LocalActionState {
  id: number;
  number: number;
  code: string;
}

type ActionRow = Prisma.LocalActionGetPayload<{ include: typeof LOCAL_ACTION_INCLUDE }>;

function currentOf(row: ActionRow): CurrentAction {
  return { id: row.id, number: row.number, code: localActionCode(row.number), ...localActionStateOf(row) };
}

/** The audited fields alone, without the version or the row's other columns. */
function fieldsOnly(a: CurrentAction): LocalActionFields {
  const { version: _version, id: _id, number: _number, code: _code, ...fields } = a;
  return fields;
}

async function actionsOf(tx: Tx, councilId: number): Promise<CurrentAction[]> {
  const rows = await tx.localAction.findMany({
    where: { councilId },
    orderBy: { number: "asc" },
    include: LOCAL_ACTION_INCLUDE,
  });
  return rows.map(currentOf);
}

// ---------------------------------------------------------------------------------------------------------
// Export

function exportRecord(a: CurrentAction): string[] {
  const record: Record<LocalActionCsvColumn, string | string[]> = {
    code: a.code,
    title: a.title,
    description: a.description,
    leadRole: a.leadRole,
    dueDate: a.dueDate,
    version: String(a.version),
    status: a.status,
    forecastDate: a.forecastDate ?? "",
    actualDate: a.actualDate ?? "",
    commentary: a.commentary ?? "",
    evidence: encodeEvidence(a.evidence),
    milestones: a.milestones,
    recommendations: a.recommendations,
    commitments: a.commitments,
    reason: "",
  };
  return LOCAL_ACTION_CSV_COLUMNS.map((c) => {
    const value = record[c];
    return Array.isArray(value) ? value.join("; ") : value;
  });
}

/** The council's local actions as they are now, by code, ready to edit and upload again; null for no such council. */
export async function exportLocalActionsCsv(
  userId: number | null | undefined,
  councilKey: string,
): Promise<{ csv: string; filename: string } | null> {
  const { council } = await authoriseFor(userId, councilKey);
  if (!council) return null;
  const actions = await actionsOf(db(), council.id);
  return {
    csv: writeCsv(LOCAL_ACTION_CSV_COLUMNS, actions.map(exportRecord)),
    filename: localActionsCsvFilename(council.slug),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Checking the rows against the council's actions as they are

type Row = FileRow<LocalActionCsvColumn>;

type Planned =
  | { kind: "add"; fields: LocalActionFields; reason: string | null }
  | { kind: "update"; current: CurrentAction; next: LocalActionFields; reason: string | null };

interface AssessedRow extends ImportRow {
  planned: Planned | null;
}

/** National codes named anywhere in the file that name nothing, by kind. */
interface KnownCodes {
  milestones: Set<string>;
  recommendations: Set<string>;
  commitments: Set<string>;
}

const CSV_MESSAGES: Partial<Record<string, string>> = {
  code: "The code must be a local action code, like LA-3, or empty to add a local action",
  version:
    "The version must be the number from your export: export the local actions again and make your changes in the new file",
  status: `The status must be one of: ${MILESTONE_STATUSES.join(", ")}`,
};

function rowInput(cells: Row["cells"]) {
  const cell = (c: LocalActionCsvColumn) => cells[c] ?? "";
  const text = (c: LocalActionCsvColumn) => unprotectCell(cell(c));
  return {
    code: cell("code").trim().toUpperCase(),
    title: text("title"),
    description: text("description"),
    leadRole: text("leadRole"),
    dueDate: normaliseDay(cell("dueDate")),
    version: cell("version").trim(),
    status: normaliseStatus(cell("status")),
    forecastDate: normaliseDay(cell("forecastDate")),
    actualDate: normaliseDay(cell("actualDate")),
    commentary: text("commentary"),
    evidenceCell: text("evidence"),
    milestones: codesFromText(cell("milestones")),
    recommendations: codesFromText(cell("recommendations")),
    commitments: codesFromText(cell("commitments")),
    reason: text("reason"),
  };
}

function nationalItemErrors(fields: LocalActionFields, known: KnownCodes): string[] {
  const errors: string[] = [];
  const unknown = (label: string, codes: string[], set: Set<string>) => {
    const missing = codes.filter((c) => !set.has(c));
    if (missing.length) errors.push(`There is no ${label} ${missing.join(", ")}`);
  };
  unknown("national milestone", fields.milestones, known.milestones);
  unknown("recommendation", fields.recommendations, known.recommendations);
  unknown("Annex 1 action", fields.commitments, known.commitments);
  return errors;
}

const byCode = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

// The fields a local action has and a milestone has not, labelled here for the preview (the shared labels in
// lib/vocabulary.ts are the public history's, which shows every kind of record).
const LOCAL_FIELD_LABELS = {
  description: "Description",
  leadRole: "Lead",
  milestones: "National milestones",
  recommendations: "Recommendations",
  commitments: "Annex 1 actions",
} as const satisfies Partial<Record<keyof LocalActionFields, string>>;

/** A change to a local action field by field, in words, as the milestone preview shows one. */
function describeLocalChanges(before: Partial<LocalActionFields>, after: LocalActionFields): HistoryChange[] {
  const shown = (v: string | string[] | undefined) =>
    v === undefined || v === "" || (Array.isArray(v) && v.length === 0) ? null : Array.isArray(v) ? v.join("; ") : v;
  const extra = (Object.keys(LOCAL_FIELD_LABELS) as Array<keyof typeof LOCAL_FIELD_LABELS>)
    .map((f) => ({ field: LOCAL_FIELD_LABELS[f], before: shown(before[f]), after: shown(after[f]) }))
    .filter((c) => c.before !== c.after);
  return [...describeChanges(before, after), ...extra];
}

function fieldsFrom(parsed: Omit<NewLocalAction, "council" | "reason">): LocalActionFields {
  return {
    title: parsed.title,
    description: parsed.description,
    leadRole: parsed.leadRole,
    status: parsed.status,
    dueDate: parsed.dueDate,
    forecastDate: parsed.forecastDate,
    actualDate: parsed.actualDate,
    commentary: parsed.commentary,
    evidence: parsed.evidence,
    milestones: [...parsed.milestones].sort(byCode),
    recommendations: [...parsed.recommendations].sort(byCode),
    commitments: [...parsed.commitments].sort(byCode),
  };
}

function assessRows(
  rows: Row[],
  council: Council,
  currentByCode: Map<string, CurrentAction>,
  known: KnownCodes,
  today: string,
): AssessedRow[] {
  const inputs = rows.map((r) => rowInput(r.cells));
  const linesByCode = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    if (input.code) linesByCode.set(input.code, [...(linesByCode.get(input.code) ?? []), rows[i]!.line]);
  });

  return rows.map((row, i): AssessedRow => {
    const input = inputs[i]!;
    const errors: string[] = [];
    const adding = input.code === "";
    const current = adding ? null : (currentByCode.get(input.code) ?? null);
    const base = {
      line: row.line,
      code: input.code,
      title: current?.title ?? (input.title.trim() || null),
      changes: [] as HistoryChange[],
      reason: null as string | null,
      planned: null,
    };
    const fail = (): AssessedRow => ({ ...base, outcome: "error", errors });

    if (row.shapeError) errors.push(row.shapeError);
    const evidence = decodeEvidence(input.evidenceCell);
    if (!evidence.ok) errors.push(evidence.error);
    const candidate = { ...input, council: council.slug, evidence: evidence.ok ? evidence.links : [] };
    const parsed = adding ? newLocalActionSchema.safeParse(candidate) : localActionUpdateSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, index] = issue.path;
        if (field === "evidence" && typeof index === "number")
          errors.push(`Evidence link ${index + 1}: ${issue.message}`);
        else errors.push(CSV_MESSAGES[String(field)] ?? issue.message);
      }
    }

    if (adding) {
      if (input.version !== "")
        errors.push("A row without a code adds a new local action: leave its version empty, or give it its code");
      if (council.endedOn) errors.push(`${council.name} has ended: add the action to its successor council instead`);
      if (errors.length || !parsed.success) return fail();
      const fields = fieldsFrom(parsed.data as NewLocalAction);
      errors.push(...nationalItemErrors(fields, known));
      for (const e of checkAgainstCurrent(
        parsed.data,
        { status: "not_yet_assessed", forecastDate: null, dueDate: fields.dueDate },
        today,
        "local action",
      ))
        errors.push(e.message);
      if (errors.length) return fail();
      return {
        ...base,
        outcome: "add",
        changes: describeLocalChanges({}, fields),
        reason: parsed.data.reason,
        errors: [],
        planned: { kind: "add", fields, reason: parsed.data.reason },
      };
    }

    const lines = linesByCode.get(input.code)!;
    if (lines.length > 1)
      errors.push(
        `${input.code} is in the file more than once (rows ${lines.join(", ")}): keep one row for each local action`,
      );
    const badCode = errors.includes(CSV_MESSAGES.code!);
    if (!current && !badCode) errors.push(`${council.name} has no local action ${input.code}`);
    if (current && parsed.success && "version" in parsed.data && parsed.data.version !== current.version) {
      errors.push(
        `${input.code} has changed since you exported the file (the file has version ${parsed.data.version}, the local action is now at version ${current.version}): export the local actions again and make your changes in the new file`,
      );
    }
    if (current && input.dueDate !== current.dueDate)
      errors.push(
        `The due date of ${input.code} is fixed when it is added (${current.dueDate}), so slippage can be measured from it: leave it as it is and put the new date in forecastDate`,
      );
    if (errors.length || !parsed.success || !current) return fail();

    const update = parsed.data;
    const next = fieldsFrom({ ...update, dueDate: current.dueDate });
    if (next.commentary !== null && current.commentary !== null && sameLines(next.commentary, current.commentary))
      next.commentary = current.commentary;
    if (sameLines(next.description, current.description)) next.description = current.description;
    if (sameState<LocalActionState>(fieldsOnly(current), next)) return { ...base, outcome: "no_change", errors: [] };

    errors.push(...nationalItemErrors(next, known));
    for (const e of checkAgainstCurrent(update, current, today, "local action")) errors.push(e.message);
    if (errors.length) return fail();
    return {
      ...base,
      outcome: "change",
      changes: describeLocalChanges(fieldsOnly(current), next),
      reason: update.reason,
      errors: [],
      planned: { kind: "update", current, next, reason: update.reason },
    };
  });
}

function report(assessed: AssessedRow[]): ImportReport {
  const rows: ImportRow[] = assessed.map(({ line, code, title, outcome, changes, reason, errors }) => ({
    line,
    code,
    // Older stored text may hold invisible direction controls: shown neutralised, as everywhere else.
    title: withDirectionControlsNeutralised(title),
    outcome,
    changes: withDirectionControlsNeutralised(changes),
    reason,
    errors,
  }));
  const count = (o: ImportRow["outcome"]) => rows.filter((r) => r.outcome === o).length;
  const summary = {
    rows: rows.length,
    additions: count("add"),
    changes: count("change"),
    unchanged: count("no_change"),
    errors: count("error"),
  };
  return { ok: summary.errors === 0, fileError: null, rows, summary };
}

async function knownCodes(tx: Tx, rows: Row[]): Promise<KnownCodes> {
  const inputs = rows.map((r) => rowInput(r.cells));
  const wanted = (k: "milestones" | "recommendations" | "commitments") => [
    ...new Set(inputs.flatMap((i) => i[k].map((c) => c.toUpperCase()))),
  ];
  const [milestones, recommendations, commitments] = await Promise.all([
    tx.milestone.findMany({ where: { code: { in: wanted("milestones") } }, select: { code: true } }),
    tx.recommendation.findMany({ where: { code: { in: wanted("recommendations") } }, select: { code: true } }),
    tx.outcomeCommitment.findMany({ where: { code: { in: wanted("commitments") } }, select: { code: true } }),
  ]);
  const set = (found: Array<{ code: string }>) => new Set(found.map((f) => f.code));
  return { milestones: set(milestones), recommendations: set(recommendations), commitments: set(commitments) };
}

const NO_SUCH_COUNCIL = "This council does not exist";

function parse(csvText: string) {
  return parseCsvUpload(csvText, { columns: LOCAL_ACTION_CSV_COLUMNS, optional: [], rowsOf: "local action" });
}

/** What an upload would add and change, row by row, with every error. Writes nothing. */
export async function previewLocalActionImport(
  userId: number | null | undefined,
  councilKey: string,
  csvText: string,
  options: { today?: string } = {},
): Promise<ImportReport> {
  const { council } = await authoriseFor(userId, councilKey);
  if (!council) return fileFailure(NO_SUCH_COUNCIL);
  const file = parse(csvText);
  if (!file.ok) return fileFailure(file.error);
  const [actions, known] = await Promise.all([actionsOf(db(), council.id), knownCodes(db(), file.rows)]);
  const currentByCode = new Map(actions.map((a) => [a.code, a]));
  return report(assessRows(file.rows, council, currentByCode, known, options.today ?? todayInLondon()));
}

/**
 * Saves an upload, all or nothing, in one transaction: the council and its local actions are locked, every row is
 * checked again against them as they are now, and only if no row has an error is each changed action updated
 * (version + 1) and each new one added (numbered after the council's last), each with its audit event. Unchanged
 * rows are skipped. In the report, an added row's code is the code it was given.
 */
export async function applyLocalActionImport(
  userId: number | null | undefined,
  councilKey: string,
  csvText: string,
  options: { today?: string } = {},
): Promise<ApplyReport> {
  const { actor, council } = await authoriseFor(userId, councilKey);
  if (!council) return { ...fileFailure(NO_SUCH_COUNCIL), applied: 0 };
  const file = parse(csvText);
  if (!file.ok) return { ...fileFailure(file.error), applied: 0 };
  const today = options.today ?? todayInLondon();

  return db().$transaction(
    async (tx) => {
      // The council first (as insertLocalAction does), then its actions in id order: an upload and a form save, or
      // two uploads, queue up instead of deadlocking.
      await tx.$queryRaw`SELECT id FROM council WHERE id = ${council.id} FOR UPDATE`;
      await tx.$queryRaw`SELECT id FROM local_action WHERE council_id = ${council.id} ORDER BY id FOR UPDATE`;
      const [actions, known] = await Promise.all([actionsOf(tx, council.id), knownCodes(tx, file.rows)]);
      const currentByCode = new Map(actions.map((a) => [a.code, a]));
      const assessed = assessRows(file.rows, council, currentByCode, known, today);
      const result = report(assessed);
      if (!result.ok) return { ...result, applied: 0 };

      const auditActor = { id: actor.id, label: actor.email };
      let applied = 0;
      for (const [i, row] of assessed.entries()) {
        const planned = row.planned;
        if (!planned) continue;
        if (planned.kind === "update") {
          const saved = await applyLocalActionUpdate(tx, auditActor, {
            id: planned.current.id,
            entityCode: localActionEntityCode(council.gssCode, planned.current.number),
            current: { ...fieldsOnly(planned.current), version: planned.current.version },
            next: planned.next,
            reason: planned.reason,
          });
          // Every code was checked under the lock above, so the writer cannot refuse one here.
          if (!saved.ok) throw new Error(`local action import: ${saved.errors.map((e) => e.message).join("; ")}`);
        } else {
          const saved = await insertLocalAction(tx, auditActor, council, planned.fields, planned.reason);
          if (!saved.ok) throw new Error(`local action import: ${saved.errors.map((e) => e.message).join("; ")}`);
          result.rows[i]!.code = saved.code;
        }
        applied++;
      }
      return { ...result, applied };
    },
    { ...WRITE_TRANSACTION, timeout: 60_000 },
  );
}
