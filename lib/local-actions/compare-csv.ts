import { writeCsv } from "@/lib/csv";
import type { CouncilComparison } from "@/lib/local-actions/compare.server";
import { MILESTONE_STATUS_LABELS } from "@/lib/vocabulary";

// The compare download's columns. `status` is the vocabulary's value (on_track), `status_label` its words; a council
// with no local action for the item has one row with the action's columns empty and "No local action" as its label.
export const COMPARE_CSV_COLUMNS = [
  "gss_code",
  "council",
  "region",
  "local_action",
  "title",
  "status",
  "status_label",
  "due_date",
  "planned_date",
  "actual_date",
  "url",
] as const;

export function compareCsv(rows: CouncilComparison[], origin: string): string {
  return writeCsv(
    COMPARE_CSV_COLUMNS,
    rows.flatMap(({ council, actions }) =>
      actions.length === 0
        ? [[council.gssCode, council.name, council.region, "", "", "", "No local action", "", "", "", ""]]
        : actions.map((a) => [
            council.gssCode,
            council.name,
            council.region,
            a.code,
            a.title,
            a.status,
            MILESTONE_STATUS_LABELS[a.status],
            a.dueDate,
            a.plannedDate,
            a.actualDate,
            `${origin}/councils/${council.slug}/actions/${a.code}`,
          ]),
    ),
  );
}
