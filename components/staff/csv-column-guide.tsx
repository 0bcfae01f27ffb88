import type { ReactNode } from "react";
import { Table, td, th } from "@/components/ui/table";

export type CsvColumn = { name: string; meaning: string };

/** "What each column of the file holds": the folded guide above a CSV upload (milestones, a council's local actions). */
export function CsvColumnGuide({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly CsvColumn[];
  /** What else a reader must know about the file, below the table. */
  children: ReactNode;
}) {
  return (
    <details className="max-w-4xl">
      <summary className="cursor-pointer font-bold text-govuk-blue underline">
        What each column of the file holds
      </summary>
      <div className="mt-4">
        <Table caption={caption}>
          <thead>
            <tr>
              <th scope="col" className={th}>
                Column
              </th>
              <th scope="col" className={th}>
                What to put in it
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.name}>
                <th scope="row" className={`${td} font-mono font-normal`}>
                  {c.name}
                </th>
                <td className={td}>{c.meaning}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-4">{children}</p>
      </div>
    </details>
  );
}
