import { Prisma } from "@/lib/generated/prisma/client";

// A milestone's current planned date: its forecast date when staff have set one, otherwise the date in the strategy.
// Written once for SQL and once for TypeScript, side by side; lib/reform/milestone-rules.ts builds "overdue" and the due
// windows on it. A module of its own so that lib/audit/as-at.server.ts can use it without an import cycle.

/** SQL for the current planned date of milestone alias `m`. */
export const plannedDateSql = Prisma.sql`COALESCE(m.forecast_date, m.due_date)`;

/** The same rule in TypeScript. */
export function plannedDate<Day>(m: { forecastDate: Day | null; dueDate: Day }): Day {
  return m.forecastDate ?? m.dueDate;
}
