"use client";

import { useActionState, useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { Table, td, th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import type { ImportReport, ImportRow, ImportState } from "@/lib/csv-upload";

const IDLE: ImportState = { stage: "idle" };

const importButton = `${buttonClass.primary} disabled:opacity-50`;

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** What the form calls the records the file holds, and where each one's public page is. */
export interface CsvRecordNames {
  /** "milestone", "local action" */
  one: string;
  /** "milestones", "local actions" */
  many: string;
  /** The public address of a record is this followed by its code: "/milestones/". */
  publicPath: string;
  /** How the success message names one record, before its code: "Milestone", "Local action". */
  label: string;
}

/**
 * Upload a CSV file, check what it would change row by row, then apply it: all or nothing. Shared by every staff CSV
 * upload; `action` is the upload's server action (lib/staff/csv-import-action.server.ts).
 */
export function CsvImportForm({
  action: serverAction,
  names,
}: {
  action: (previous: ImportState, form: FormData) => Promise<ImportState>;
  names: CsvRecordNames;
}) {
  const [state, action, pending] = useActionState(serverAction, IDLE);
  const report: ImportReport | null =
    state.stage === "preview" || state.stage === "apply_failed" || state.stage === "applied" ? state.report : null;
  const fileError = report?.fileError ?? null;
  const fileName = "fileName" in state ? state.fileName : "";

  const summaryErrors: ErrorSummaryItem[] = [];
  if (state.stage === "refused") summaryErrors.push({ href: "#csvFile", message: state.message });
  if (fileError) summaryErrors.push({ href: "#csvFile", message: fileError });
  for (const row of report?.rows ?? []) {
    for (const message of row.errors)
      summaryErrors.push({
        href: `#row-${row.line}`,
        message: `Row ${row.line}${row.code ? ` (${row.code})` : ""}: ${message}`,
      });
  }

  const summaryRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (summaryErrors.length) summaryRef.current?.focus();
    else if (state.stage === "applied") successRef.current?.focus();
    else if (state.stage === "preview") resultsRef.current?.focus();
    // Focus moves once per answer from the server (summaryErrors is worked out from state alone).
  }, [state, summaryErrors.length]);

  return (
    <div className="space-y-8">
      <ErrorSummary
        ref={summaryRef}
        className=""
        errors={summaryErrors.slice(0, 50)}
        description={
          report && report.rows.length > 0
            ? `Nothing has been saved. ${plural(report.summary.errors, "row has", "rows have")} errors: correct them in your file and upload it again.`
            : undefined
        }
      >
        {summaryErrors.length > 50 && (
          <p className="mt-3">
            And {plural(summaryErrors.length - 50, "more error", "more errors")}, shown in the table below.
          </p>
        )}
      </ErrorSummary>

      {state.stage === "applied" && (
        <div
          ref={successRef}
          className="border-4 border-govuk-green p-4"
          role="status"
          tabIndex={-1}
          aria-labelledby="applied-title"
        >
          <h2 id="applied-title" className="text-2xl font-bold">
            {state.report.applied === 0
              ? "Nothing to change"
              : `${plural(state.report.applied, names.one, names.many)} ${appliedVerb(state.report)}`}
          </h2>
          {state.report.applied === 0 ? (
            <p>Every row of {fileName || "the file"} matches the tracker as it is now, so nothing was saved.</p>
          ) : (
            <>
              <p>The changes are on the public pages now, each with its reason in the {names.one}&apos;s history:</p>
              <ul className="mt-2 list-disc pl-6">
                {state.report.rows
                  .filter((r) => r.outcome === "change" || r.outcome === "add")
                  .map((r) => (
                    <li key={r.line}>
                      <a href={`${names.publicPath}${encodeURIComponent(r.code)}`}>
                        {names.label} {r.code}
                      </a>
                      {r.outcome === "add" ? " (added)" : ""}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </div>
      )}

      {report && report.rows.length > 0 && state.stage !== "applied" && (
        <section aria-labelledby="results-title" className="space-y-4">
          <h2 id="results-title" ref={resultsRef} tabIndex={-1} className="text-2xl font-bold">
            {state.stage === "apply_failed" ? "Your changes have not been saved" : "Check your changes"}
          </h2>
          {state.stage === "apply_failed" && (
            <p>
              Something changed since you checked the file, so nothing has been saved. The rows with errors are shown
              below.
            </p>
          )}
          <p>
            {fileName ? `${fileName} has ` : "The file has "}
            {plural(report.summary.rows, "row", "rows")}:{" "}
            {report.summary.additions !== undefined &&
              `${plural(report.summary.additions, `new ${names.one}`, `new ${names.many}`)}, `}
            {plural(report.summary.changes, "change", "changes")}, {plural(report.summary.unchanged, "row", "rows")}{" "}
            with no change (skipped) and {plural(report.summary.errors, "row", "rows")} with errors.
          </p>
          <ResultsTable rows={report.rows} names={names} />
          <UnchangedRows rows={report.rows} />
          {state.stage === "preview" && report.ok && toApply(report) > 0 && (
            <form action={action} className="space-y-4">
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="fileName" value={state.fileName} />
              <input type="hidden" name="csv" value={state.csv} />
              <p className="border-l-4 border-govuk-blue bg-govuk-light-grey px-3 py-2">
                The changes are published on the public pages as soon as you apply them. If someone changes one of these{" "}
                {names.many} before you do, nothing is saved and you will be asked to export the {names.many} again.
              </p>
              <button type="submit" className={importButton} disabled={pending}>
                {pending ? "Applying…" : `Apply ${plural(toApply(report), "change", "changes")}`}
              </button>
            </form>
          )}
          {state.stage === "preview" && report.ok && toApply(report) === 0 && (
            <p className="border-l-4 border-govuk-blue bg-govuk-light-grey px-3 py-2">
              There is nothing to apply: every row matches the tracker as it is now.
            </p>
          )}
        </section>
      )}

      <form action={action} className="max-w-2xl space-y-4" noValidate>
        <input type="hidden" name="intent" value="preview" />
        <h2 className="text-2xl font-bold">{report ? "Upload a file" : "Upload your file"}</h2>
        <div className={`space-y-1 ${fileError ? "border-l-4 border-govuk-red pl-3" : ""}`}>
          <label htmlFor="csvFile" className="block font-bold">
            CSV file with your changes
          </label>
          <p id="csvFile-hint" className="text-govuk-secondary">
            The file you downloaded from this page, saved as CSV UTF-8. At most 2 MB and 2,000 rows. Nothing is saved
            until you have checked the changes and chosen to apply them.
          </p>
          {fileError && (
            <p id="csvFile-error" className="font-bold text-govuk-red">
              <span className="sr-only">Error: </span>
              {fileError}
            </p>
          )}
          <input
            id="csvFile"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fileError ? "csvFile-hint csvFile-error" : "csvFile-hint"}
            aria-invalid={fileError ? true : undefined}
            className="mt-1 block w-full max-w-full border-2 border-govuk-text bg-white p-1.5"
          />
        </div>
        <button type="submit" className={importButton} disabled={pending}>
          {pending ? "Checking…" : "Check the file"}
        </button>
      </form>
    </div>
  );
}

/** Rows the apply step writes: changes, and additions where the file may add records. */
function toApply(report: ImportReport): number {
  return report.summary.changes + (report.summary.additions ?? 0);
}

function appliedVerb(report: ImportReport): string {
  const additions = report.rows.filter((r) => r.outcome === "add").length;
  return additions === 0
    ? "updated"
    : additions === report.rows.filter((r) => r.outcome === "change").length + additions
      ? "added"
      : "added or updated";
}

const OUTCOME_TAGS = {
  add: <Tag colour="green">New</Tag>,
  change: <Tag colour="blue">Change</Tag>,
  no_change: <Tag colour="grey">No change</Tag>,
  error: <Tag colour="red">Error</Tag>,
} as const;

/**
 * The rows that need reading: errors first (nothing can be applied until they are corrected; the error summary links
 * to them), then the changes, each in file order. Unchanged rows are listed apart, collapsed (UnchangedRows).
 */
function ResultsTable({ rows, names }: { rows: ImportRow[]; names: CsvRecordNames }) {
  const shown = [
    ...rows.filter((row) => row.outcome === "error"),
    ...rows.filter((row) => row.outcome === "change" || row.outcome === "add"),
  ];
  if (shown.length === 0) return null;
  const adds = rows.some((row) => row.outcome === "add");
  return (
    <Table
      caption={`The rows that ${adds ? "add or change" : "change"} a ${names.one} or have an error`}
      captionVisible
    >
      <thead>
        <tr>
          <th scope="col" className={th}>
            Row
          </th>
          <th scope="col" className={th}>
            {names.one[0]!.toUpperCase() + names.one.slice(1)}
          </th>
          <th scope="col" className={th}>
            Result
          </th>
          <th scope="col" className={th}>
            What changes
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr
            key={row.line}
            id={`row-${row.line}`}
            className={row.outcome === "error" ? "bg-govuk-error-tint" : undefined}
          >
            <td className={td}>{row.line}</td>
            <th scope="row" className={`${td} text-left font-normal`}>
              <span className="block font-bold">{row.code || (row.outcome === "add" ? "New" : "(no code)")}</span>
              {row.title && <span className="block">{row.title}</span>}
            </th>
            <td className={td}>{OUTCOME_TAGS[row.outcome]}</td>
            <td className={td}>
              {row.outcome === "error" && (
                <ul className="list-disc space-y-1 pl-5 font-bold text-govuk-red">
                  {row.errors.map((e, i) => (
                    <li key={i}>
                      <span className="sr-only">Error: </span>
                      {e}
                    </li>
                  ))}
                </ul>
              )}
              {(row.outcome === "change" || row.outcome === "add") && (
                <dl className="space-y-2">
                  {row.changes.map((c) => (
                    <div key={c.field}>
                      <dt className="font-bold">{c.field}</dt>
                      <dd className="whitespace-pre-wrap break-words">
                        <span className="sr-only">from </span>
                        {c.before ?? "(none)"} <span aria-hidden="true">→</span>
                        <span className="sr-only"> to</span> {c.after ?? "(none)"}
                      </dd>
                    </div>
                  ))}
                  {row.reason && (
                    <div>
                      <dt className="font-bold">Reason</dt>
                      <dd className="whitespace-pre-wrap break-words">{row.reason}</dd>
                    </div>
                  )}
                </dl>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The rows that match the tracker, collapsed under their count: skipped when the file is applied. */
function UnchangedRows({ rows }: { rows: ImportRow[] }) {
  const unchanged = rows.filter((row) => row.outcome === "no_change");
  if (unchanged.length === 0) return null;
  return (
    <details>
      <summary className="cursor-pointer text-govuk-link underline">
        {plural(unchanged.length, "row matches", "rows match")} the tracker and will be skipped
      </summary>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        {unchanged.map((row) => (
          <li key={row.line}>
            Row {row.line}: <span className="font-bold">{row.code}</span>
            {row.title ? `, ${row.title}` : ""}
          </li>
        ))}
      </ul>
    </details>
  );
}
