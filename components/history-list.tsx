import { formatDateTime, formatDay, isRealDay } from "@/lib/dates";

// Dates in a change ("Forecast date") are stored as YYYY-MM-DD: shown as every other date on the site is.
const shown = (value: string | null) => (value === null ? "(none)" : isRealDay(value) ? formatDay(value) : value);
import type { HistoryEntry } from "@/lib/audit/history.server";

/**
 * A change history, newest first: when, what changed and why. Who made it is in each entry's summary: on public pages
 * DfE or the council, never a member of staff (publicHistory); on staff pages the account (staffHistory).
 */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p>No changes recorded.</p>;
  return (
    <ol className="space-y-4 border-l-4 border-govuk-border pl-4">
      {[...entries].reverse().map((e, i) => (
        <li key={`${e.occurredAt}-${i}`}>
          <p className="font-bold">
            <time dateTime={e.occurredAt}>
              {e.byStaff ? formatDateTime(e.occurredAt) : formatDay(e.occurredAt.slice(0, 10))}
            </time>
          </p>
          <p>{e.summary}</p>
          {e.changes.length > 0 && (
            <ul className="list-disc pl-6">
              {e.changes.map((c) => (
                <li key={c.field}>
                  {c.field}: {shown(c.before)} → {shown(c.after)}
                </li>
              ))}
            </ul>
          )}
          {e.reason && <p>Reason: {e.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
