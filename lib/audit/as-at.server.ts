import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";
import { toIsoDay } from "@/lib/dates";
import type { MilestoneStatusValue, ResponseClassValue } from "@/lib/vocabulary";
import { STATE_DEFAULTS } from "@/lib/audit/records";
import { plannedDate } from "@/lib/reform/planned-date";

/** What older events of a kind of record left out, as a jsonb value to lay their states over. */
function stateDefaultsSql(entityType: "milestone" | "recommendation"): Prisma.Sql {
  return Prisma.sql`CAST(${JSON.stringify(STATE_DEFAULTS[entityType])} AS jsonb)`;
}

// "As at" views: the state of every milestone and recommendation at the end of a past UK day, rebuilt from the
// append-only audit trail (decision 0004), never from a stored copy.
//
// A milestone's state at a moment is the "after" of its last update event on or before that moment, laid over
// its create event's "after", laid over the defaults for what older events left out (lib/audit/records.ts, the same
// as upgradeState() fills in); with no update yet, the create event's
// state (or, for a row with no create event, as in hand-built data, the "before" of its first later update). The
// source-data load's create events are effective from publication (2 February 2023), whenever the
// database was filled, so strategy milestones exist at every date; a milestone added by staff exists from its
// create event. A row with no audit event at all has never been changed (every write records one), so its
// current columns are its state throughout.
//
// The work is done by PostgreSQL in one statement (DISTINCT ON per entity, newest first); the app never loads the
// events themselves.

/** The UTC instant at which the UK day `asAt` (YYYY-MM-DD) ends: midnight Europe/London of the next day. */
export function endOfUkDaySql(asAt: string): Prisma.Sql {
  return Prisma.sql`((CAST(${asAt} AS date) + 1)::timestamp AT TIME ZONE 'Europe/London')`;
}

/** The UTC instant at which the UK day `day` starts. */
export function startOfUkDaySql(day: string): Prisma.Sql {
  return Prisma.sql`(CAST(${day} AS date)::timestamp AT TIME ZONE 'Europe/London')`;
}

/**
 * A derived table with the columns of `milestone` (id, code, "group", activity, title, date_as_written, due_date,
 * forecast_date, actual_date, status, commentary, source_line, version, created_at, updated_at) plus `evidence`
 * (jsonb) as they were at the end of UK day `asAt`, holding only milestones that existed then. Use it in place of
 * `milestone`: `FROM (${milestonesAsAtSql(asAt)}) m`, so the dashboard and list queries work unchanged as at a date.
 */
export function milestonesAsAtSql(asAt: string): Prisma.Sql {
  const bound = endOfUkDaySql(asAt);
  return Prisma.sql`
    WITH created AS (
      SELECT DISTINCT ON (a.entity_id) a.entity_id, a.actor_id, a.occurred_at, a.after
      FROM audit_event a
      WHERE a.entity_type = 'milestone' AND a.action = 'create'
      ORDER BY a.entity_id, a.occurred_at, a.id
    ),
    last_update AS (
      SELECT DISTINCT ON (a.entity_id) a.entity_id, a.after
      FROM audit_event a
      WHERE a.entity_type = 'milestone' AND a.action = 'update' AND a.occurred_at < ${bound}
      ORDER BY a.entity_id, a.occurred_at DESC, a.id DESC
    ),
    first_later AS (
      SELECT DISTINCT ON (a.entity_id) a.entity_id, a.before
      FROM audit_event a
      WHERE a.entity_type = 'milestone' AND a.action = 'update' AND a.occurred_at >= ${bound}
      ORDER BY a.entity_id, a.occurred_at, a.id
    ),
    any_event AS (
      SELECT DISTINCT a.entity_id FROM audit_event a WHERE a.entity_type = 'milestone'
    ),
    state AS (
      SELECT m.*,
             CASE WHEN e.entity_id IS NULL
                  THEN jsonb_build_object(
                         'status', m.status::text, 'forecastDate', m.forecast_date, 'actualDate', m.actual_date,
                         'commentary', m.commentary, 'version', m.version,
                         'evidence', COALESCE((SELECT jsonb_agg(jsonb_build_object('title', el.title, 'url', el.url) ORDER BY el.position)
                                               FROM evidence_link el WHERE el.milestone_id = m.id), '[]'::jsonb))
                  ELSE ${stateDefaultsSql("milestone")}
                       || COALESCE(c.after::jsonb, '{}'::jsonb)
                       || COALESCE(u.after::jsonb, CASE WHEN c.entity_id IS NULL THEN fl.before::jsonb END, '{}'::jsonb)
             END AS s
      FROM milestone m
      LEFT JOIN created c ON c.entity_id = m.id
      LEFT JOIN last_update u ON u.entity_id = m.id
      LEFT JOIN first_later fl ON fl.entity_id = m.id
      LEFT JOIN any_event e ON e.entity_id = m.id
      WHERE c.entity_id IS NULL OR c.actor_id IS NULL OR c.occurred_at < ${bound}
    )
    SELECT s.id, s.code, s."group", s.activity, s.title, s.date_as_written, s.due_date,
           CAST(NULLIF(s.s->>'forecastDate', '') AS date) AS forecast_date,
           CAST(NULLIF(s.s->>'actualDate', '') AS date) AS actual_date,
           CAST(s.s->>'status' AS "MilestoneStatus") AS status,
           s.s->>'commentary' AS commentary,
           s.source_line,
           CAST(s.s->>'version' AS int) AS version,
           s.created_at, s.updated_at,
           s.s->'evidence' AS evidence
    FROM state s`;
}

/**
 * A derived table with the columns of `recommendation` that can change (id, code, review_id, pillar_id,
 * response_class, response_rationale, version) as at the end of UK day `asAt`. Recommendations all come from the
 * strategy, so every one exists at every date.
 */
export function recommendationsAsAtSql(asAt: string): Prisma.Sql {
  const bound = endOfUkDaySql(asAt);
  return Prisma.sql`
    WITH created AS (
      SELECT DISTINCT ON (a.entity_id) a.entity_id, a.after
      FROM audit_event a
      WHERE a.entity_type = 'recommendation' AND a.action = 'create'
      ORDER BY a.entity_id, a.occurred_at, a.id
    ),
    last_change AS (
      SELECT DISTINCT ON (a.entity_id) a.entity_id, a.after
      FROM audit_event a
      WHERE a.entity_type = 'recommendation' AND a.action IN ('update', 'reclassify') AND a.occurred_at < ${bound}
      ORDER BY a.entity_id, a.occurred_at DESC, a.id DESC
    ),
    first_later AS (
      SELECT DISTINCT ON (a.entity_id) a.entity_id, a.before
      FROM audit_event a
      WHERE a.entity_type = 'recommendation' AND a.action IN ('update', 'reclassify') AND a.occurred_at >= ${bound}
      ORDER BY a.entity_id, a.occurred_at, a.id
    ),
    any_event AS (
      SELECT DISTINCT a.entity_id FROM audit_event a WHERE a.entity_type = 'recommendation'
    ),
    state AS (
      SELECT r.id, r.code, r.review_id, r.pillar_id, r.response_class, r.response_rationale, r.version,
             CASE WHEN e.entity_id IS NULL THEN '{}'::jsonb
                  ELSE ${stateDefaultsSql("recommendation")} || COALESCE(c.after::jsonb, '{}'::jsonb)
                       || COALESCE(u.after::jsonb, CASE WHEN c.entity_id IS NULL THEN fl.before::jsonb END, '{}'::jsonb) END AS s,
             e.entity_id IS NULL AS untouched
      FROM recommendation r
      LEFT JOIN created c ON c.entity_id = r.id
      LEFT JOIN last_change u ON u.entity_id = r.id
      LEFT JOIN first_later fl ON fl.entity_id = r.id
      LEFT JOIN any_event e ON e.entity_id = r.id
    )
    SELECT s.id, s.code, s.review_id, s.pillar_id,
           CASE WHEN s.untouched THEN s.response_class
                ELSE CAST(COALESCE(s.s->>'responseClass', s.response_class::text) AS "ResponseClass") END AS response_class,
           CASE WHEN s.untouched THEN s.response_rationale ELSE COALESCE(s.s->>'responseRationale', s.response_rationale) END AS response_rationale,
           CASE WHEN s.untouched THEN s.version ELSE CAST(s.s->>'version' AS int) END AS version
    FROM state s`;
}

export interface MilestoneStateAsAt {
  code: string;
  status: MilestoneStatusValue;
  dueDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  /** plannedDate(): the forecast date, else the due date */
  plannedDate: string;
  commentary: string | null;
  evidence: Array<{ title: string; url: string }>;
  version: number;
}

/** Every milestone that existed at the end of UK day `asAt`, in code order, as the audit trail says it was then. */
export async function milestoneStatesAsAt(asAt: string): Promise<MilestoneStateAsAt[]> {
  const rows = await db().$queryRaw<
    Array<{
      code: string;
      status: MilestoneStatusValue;
      due_date: Date;
      forecast_date: Date | null;
      actual_date: Date | null;
      commentary: string | null;
      evidence: Array<{ title: string; url: string }> | null;
      version: number;
    }>
  >`SELECT m.code, m.status::text AS status, m.due_date, m.forecast_date, m.actual_date, m.commentary, m.evidence, m.version
    FROM (${milestonesAsAtSql(asAt)}) m ORDER BY m.code`;
  return rows.map((r) => {
    const dueDate = toIsoDay(r.due_date)!;
    const forecastDate = toIsoDay(r.forecast_date);
    return {
      code: r.code,
      status: r.status,
      dueDate,
      forecastDate,
      actualDate: toIsoDay(r.actual_date),
      plannedDate: plannedDate({ forecastDate, dueDate }),
      commentary: r.commentary,
      evidence: (r.evidence ?? []).map((e) => ({ title: e.title, url: e.url })),
      version: Number(r.version),
    };
  });
}

export interface RecommendationClassAsAt {
  code: string;
  responseClass: ResponseClassValue;
  responseRationale: string;
  version: number;
}

/** Every recommendation's response class at the end of UK day `asAt`, in source order. */
export async function recommendationClassesAsAt(asAt: string): Promise<RecommendationClassAsAt[]> {
  const rows = await db().$queryRaw<
    Array<{ code: string; response_class: ResponseClassValue; response_rationale: string; version: number }>
  >`
    SELECT r.code, r.response_class::text AS response_class, r.response_rationale, r.version
    FROM (${recommendationsAsAtSql(asAt)}) r JOIN recommendation x ON x.id = r.id
    ORDER BY x.source_annex, x.source_row`;
  return rows.map((r) => ({
    code: r.code,
    responseClass: r.response_class,
    responseRationale: r.response_rationale,
    version: Number(r.version),
  }));
}

/**
 * A derived table of local actions (issue 15, item 3) with their state, rebuilt from their audit events: `id`,
 * `council_id`, `number`, `s` (the "after" of the last event, the whole state: lib/audit/records.ts
 * localActionStateSchema), `added_at` (the create event) and `changed_at` (the last event). Every write of a local
 * action records its whole state (lib/local-actions/record.ts), so without `asAt` this is the state now, and with it
 * the state at the end of that UK day, holding only actions added by then: one path for both.
 */
export function localActionsAsAtSql(asAt?: string | null): Prisma.Sql {
  const bound = asAt ? Prisma.sql`AND a.occurred_at < ${endOfUkDaySql(asAt)}` : Prisma.empty;
  return Prisma.sql`
    SELECT DISTINCT ON (a.entity_id) a.entity_id AS id, la.council_id, la.number, a.after::jsonb AS s,
           (SELECT min(c.occurred_at) FROM audit_event c
             WHERE c.entity_type = 'local_action' AND c.entity_id = a.entity_id) AS added_at,
           a.occurred_at AS changed_at
    FROM audit_event a
    JOIN local_action la ON la.id = a.entity_id
    WHERE a.entity_type = 'local_action' ${bound}
    ORDER BY a.entity_id, a.occurred_at DESC, a.id DESC`;
}
