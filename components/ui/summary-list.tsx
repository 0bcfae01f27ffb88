import type { ReactNode } from "react";

export function SummaryList({ rows }: { rows: Array<{ key: string; value: ReactNode } | false | null | undefined> }) {
  return (
    <dl className="border-t border-govuk-border">
      {rows.filter(Boolean).map((row) => {
        const { key, value } = row as { key: string; value: ReactNode };
        return (
          <div key={key} className="grid gap-1 border-b border-govuk-border py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
            <dt className="font-bold">{key}</dt>
            <dd>{value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
