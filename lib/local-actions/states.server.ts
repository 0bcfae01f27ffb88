import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { endOfUkDaySql } from "@/lib/audit/as-at.server";

// Councils' local actions as they are now, or as they were at the end of a past UK day, for the national views that
// show them beside the milestones (/changes, /slippage, compare, the briefing). As for milestones
// (lib/audit/as-at.server.ts), a past state is rebuilt from the append-only audit trail, never from a stored copy:
// every local action event holds the action's whole state (lib/audit/records.ts), so its state at a moment is the
// "after" of its last event before that moment, and an action exists from its create event.

/**
 * A derived table of local actions: id, council_id, number, title, status (text), due_date, forecast_date,
 * actual_date (dates), milestones and recommendations (the national codes it serves, text[]). Use it as
 * `FROM ${localActionSource(asAt)} la`.
 */
export function localActionSource(asAt?: string | null): Prisma.Sql {
  if (!asAt) {
    return Prisma.sql`(
      SELECT la.id, la.council_id, la.number, la.title, la.status::text AS status, la.due_date, la.forecast_date,
             la.actual_date,
             ARRAY(SELECT m.code FROM local_action_milestone x JOIN milestone m ON m.id = x.milestone_id
                    WHERE x.local_action_id = la.id ORDER BY m.code) AS milestones,
             ARRAY(SELECT r.code FROM local_action_recommendation x JOIN recommendation r ON r.id = x.recommendation_id
                    WHERE x.local_action_id = la.id ORDER BY r.code) AS recommendations
      FROM local_action la)`;
  }
  return Prisma.sql`(
    SELECT la.id, la.council_id, la.number, e.after->>'title' AS title, e.after->>'status' AS status,
           CAST(e.after->>'dueDate' AS date) AS due_date,
           CAST(NULLIF(e.after->>'forecastDate', '') AS date) AS forecast_date,
           CAST(NULLIF(e.after->>'actualDate', '') AS date) AS actual_date,
           ARRAY(SELECT jsonb_array_elements_text(COALESCE(e.after->'milestones', '[]'::jsonb))) AS milestones,
           ARRAY(SELECT jsonb_array_elements_text(COALESCE(e.after->'recommendations', '[]'::jsonb))) AS recommendations
    FROM local_action la
    JOIN LATERAL (
      SELECT a.after::jsonb AS after FROM audit_event a
      WHERE a.entity_type = 'local_action' AND a.entity_id = la.id AND a.occurred_at < ${endOfUkDaySql(asAt)}
      ORDER BY a.occurred_at DESC, a.id DESC LIMIT 1
    ) e ON true)`;
}

/**
 * A condition on `la` (a row of localActionSource(asAt)): it serves the national milestone or recommendation `code`.
 * Today's links are read from their tables (indexed), a past day's from the state's code list.
 */
export function servesSql(item: { kind: "milestone" | "recommendation"; code: string }, asAt?: string | null) {
  if (asAt)
    return item.kind === "milestone"
      ? Prisma.sql`${item.code} = ANY(la.milestones)`
      : Prisma.sql`${item.code} = ANY(la.recommendations)`;
  return item.kind === "milestone"
    ? Prisma.sql`la.id IN (SELECT x.local_action_id FROM local_action_milestone x JOIN milestone m ON m.id = x.milestone_id
                           WHERE m.code = ${item.code})`
    : Prisma.sql`la.id IN (SELECT x.local_action_id FROM local_action_recommendation x
                           JOIN recommendation r ON r.id = x.recommendation_id WHERE r.code = ${item.code})`;
}
