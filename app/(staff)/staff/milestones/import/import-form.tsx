"use client";

import { useActionState, useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { Table, td, th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import type { ImportReport, ImportRow } from "@/lib/staff/milestone-csv.server";
import { milestoneImportAction, type ImportState } from "./actions";

const IDLE: ImportState = { stage: "idle" };

const importButton = `${buttonClass.primary} disabled:opacity-50`;

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** Upload a CSV file, check what it would change row by row, then apply it: all or nothing. */
export function MilestoneImportForm() {
  const [state, action, pending] = useActionState(milestoneImportAction, IDLE);
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
              : `${plural(state.report.applied, "milestone", "milestones")} updated`}
          </h2>
          {state.report.applied === 0 ? (
            <p>Every row of {fileName || "the file"} matches the tracker as it is now, so nothing was saved.</p>
          ) : (
            <>
              <p>The changes are on the public pages now, each with its reason in the milestone&apos;s history:</p>
              <ul className="mt-2 list-disc pl-6">
                {state.report.rows
                  .filter((r) => r.outcome === "change")
                  .map((r) => (
                    <li key={r.code}>
                      <a href={`/milestones/${encodeURIComponent(r.code)}`}>Milestone {r.code}</a>
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
            {plural(report.summary.rows, "row", "rows")}: {plural(report.summary.changes, "change", "changes")},{" "}
            {plural(report.summary.unchanged, "row", "rows")} with no change (skipped) and{" "}
            {plural(report.summary.errors, "row", "rows")} with errors.
          </p>
          <ResultsTable rows={report.rows} />
          <UnchangedRows rows={report.rows} />
          {state.stage === "preview" && report.ok && report.summary.changes > 0 && (
            <form action={action} className="space-y-4">
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="fileName" value={state.fileName} />
              <input type="hidden" name="csv" value={state.csv} />
              <p className="border-l-4 border-govuk-blue bg-govuk-light-grey px-3 py-2">
                The changes are published on the public pages as soon as you apply them. If someone changes one of these
                milestones before you do, nothing is saved and you will be asked to export the milestones again.
              </p>
              <button type="submit" className={importButton} disabled={pending}>
                {pending ? "Applying…" : `Apply ${plural(report.summary.changes, "change", "changes")}`}
              </button>
            </form>
          )}
          {state.stage === "preview" && report.ok && report.summary.changes === 0 && (
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

const OUTCOME_TAGS = {
  change: <Tag colour="blue">Change</Tag>,
  no_change: <Tag colour="grey">No change</Tag>,
  error: <Tag colour="red">Error</Tag>,
} as const;

/**
 * The rows that need reading: errors first (nothing can be applied until they are corrected; the error summary links
 * to them), then the changes, each in file order. Unchanged rows are listed apart, collapsed (UnchangedRows).
 */
function ResultsTable({ rows }: { rows: ImportRow[] }) {
  const shown = [...rows.filter((row) => row.outcome === "error"), ...rows.filter((row) => row.outcome === "change")];
  if (shown.length === 0) return null;
  return (
    <Table caption="The rows that change a milestone or have an error" captionVisible>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Row
          </th>
          <th scope="col" className={th}>
            Milestone
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
              <span className="block font-bold">{row.code || "(no code)"}</span>
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
              {row.outcome === "change" && (
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
