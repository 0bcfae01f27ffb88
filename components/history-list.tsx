import { formatDateTime, formatDay } from "@/lib/dates";
import type { HistoryEntry } from "@/lib/audit/history.server";

/** The public change history: when, what changed and why. It never names the member of staff. */
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
                  {c.field}: {c.before ?? "(none)"} → {c.after ?? "(none)"}
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
