import Link from "next/link";
import { withAsAt } from "@/lib/as-at-pages";
import { formatDateTime, formatDay, isRealDay } from "@/lib/dates";
import type { LocalChange } from "@/lib/local-actions/reads.server";

const shown = (value: string | null) => (value === null ? "(none)" : isRealDay(value) ? formatDay(value) : value);

/**
 * A council's local changes, newest first: when, which action, what changed in words and why. Attributed to the
 * council, as DfE's changes are to DfE: never to a person.
 */
export function LocalChangeList({
  changes,
  council,
  asAt,
  linkActions = true,
}: {
  changes: LocalChange[];
  council: { slug: string; name: string };
  asAt: string | null;
  linkActions?: boolean;
}) {
  return (
    <ol className="space-y-4 border-l-4 border-govuk-border pl-4">
      {changes.map((c, i) => (
        <li key={`${c.occurredAt}-${c.code}-${i}`}>
          <p className="font-bold">
            <time dateTime={c.occurredAt}>{formatDateTime(c.occurredAt)}</time>
          </p>
          <p>
            {linkActions ? (
              <Link href={withAsAt(`/councils/${council.slug}/actions/${c.code}`, asAt)} prefetch={false}>
                <span translate="no">{c.code}</span>: {c.title}
              </Link>
            ) : null}
            {linkActions ? ". " : ""}
            {c.added ? `Added by ${council.name}` : `Updated by ${council.name}`}
          </p>
          {c.changes.length > 0 && (
            <ul className="list-disc pl-6">
              {c.changes.map((change) => (
                <li key={change.field}>
                  {change.field}: {shown(change.before)} → {shown(change.after)}
                </li>
              ))}
            </ul>
          )}
          {c.reason && <p>Reason: {c.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
