import Link from "next/link";
import { num, Table, td, th } from "@/components/ui/table";

/** The data table that sits beside every chart: the same numbers, readable by everyone. */
export function CountsTable({
  id,
  caption,
  rowHeader,
  rows,
  columns,
  showTotal = true,
}: {
  id: string;
  caption: string;
  rowHeader: string;
  rows: Array<{ label: string; href?: string; counts: Record<string, number> }>;
  columns: Array<{ key: string; label: string; href?: (rowIndex: number) => string }>;
  /** Off where the columns overlap (a milestone can be due, done and overdue), so a sum means nothing. */
  showTotal?: boolean;
}) {
  return (
    <div id={id}>
      <Table caption={caption}>
        <thead>
          <tr>
            <th scope="col" className={th}>
              {rowHeader}
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${th} ${num}`}>
                {c.label}
              </th>
            ))}
            {showTotal && (
              <th scope="col" className={`${th} ${num}`}>
                Total
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.label}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {row.href ? <Link href={row.href}>{row.label}</Link> : row.label}
              </th>
              {columns.map((c) => (
                <td key={c.key} className={`${td} ${num}`}>
                  {c.href && row.counts[c.key] ? (
                    <Link href={c.href(i)}>{row.counts[c.key]}</Link>
                  ) : (
                    (row.counts[c.key] ?? 0)
                  )}
                </td>
              ))}
              {showTotal && (
                <td className={`${td} ${num} font-bold`}>{Object.values(row.counts).reduce((a, b) => a + b, 0)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
