import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client.server";
import { todayInLondon, toIsoDay } from "@/lib/dates";
import { endOfUkDaySql, startOfUkDaySql } from "@/lib/audit/as-at.server";
import { CHANGE_KINDS, type ChangeKind } from "@/lib/vocabulary";
import { plannedDate } from "@/lib/reform/planned-date";
import { upgradeState } from "@/lib/audit/records";

// Every change staff made in a period, from the audit trail, grouped by pillar. User-account events and the
// source-data load are not changes to the reform and are left out. A council's changes to its local actions (issue
// 15) are changes too, attributed to the council, never to a person: the national views ask for them by scope. A
// local action belongs to the pillars and outcomes of the national milestones and recommendations it served then.

/** Which changes: DfE's to the national reform, councils' to their local actions, or both. */
export type ChangeScope = "national" | "local" | "all";

/** The council a local change belongs to (who it is attributed to). */
export interface ChangeCouncil {
  slug: string;
  name: string;
  gssCode: string;
}

export type ChangeEntityType = "milestone" | "recommendation" | "local_action";

export interface ChangeItem {
  /** The audit event's id, as a string (JSON has no bigint). */
  eventId: string;
  occurredAt: string;
  entityType: ChangeEntityType;
  /** M-30, CR-01, or a local action's code within its council (LA-3). */
  code: string;
  title: string;
  /** The council of a local action's change; null for DfE's. */
  council: ChangeCouncil | null;
  kind: ChangeKind;
  /** completed: the actual date; at_risk_or_delayed: statuses; slipped/brought_forward: planned dates; reclassified: classes. */
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface PillarChanges {
  /** null for milestones linked to no pillar. */
  number: number | null;
  title: string;
  total: number;
  byKind: Record<ChangeKind, ChangeItem[]>;
}

/**
 * One audit event, listed once whatever the number of pillars it belongs to: the pillars and outcomes it serves, and
 * each kind of change it made (an update can complete a milestone and move its date).
 */
export interface ListedChange {
  eventId: string;
  occurredAt: string;
  entityType: ChangeEntityType;
  code: string;
  title: string;
  council: ChangeCouncil | null;
  reason: string | null;
  pillars: number[];
  outcomes: number[];
  changes: Array<{ kind: ChangeKind; from: string | null; to: string | null }>;
}

export interface ChangesReport {
  since: string;
  until: string;
  /** Distinct changes of each kind in the period (a change in two pillars counts once). */
  counts: Record<ChangeKind, number>;
  /** Audit events in the period (one event can be more than one kind of change, e.g. completed and re-dated). */
  events: number;
  pillars: PillarChanges[];
  /** Each event once, newest first (the /changes page). */
  changes: ListedChange[];
}

interface EventRow {
  id: bigint;
  occurred_at: Date;
  action: string;
  entity_type: ChangeEntityType;
  entity_code: string | null;
  council_slug: string | null;
  council_name: string | null;
  council_gss: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  title: string | null;
  due_date: Date | null;
  pillars: number[] | null;
  outcomes: number[] | null;
}

const str = (v: unknown): string | null => (v === undefined || v === null || v === "" ? null : String(v));

/** The kinds of change one audit event represents. Exported for the tests. */
export function classify(e: {
  action: string;
  entityType: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  dueDate: string | null;
}) {
  const out: Array<{ kind: ChangeKind; from: string | null; to: string | null }> = [];
  if (e.entityType === "recommendation") {
    out.push({ kind: "reclassified", from: str(e.before.responseClass), to: str(e.after.responseClass) });
    return out;
  }
  if (e.action === "create") {
    out.push({ kind: "added", from: null, to: str(e.after.dueDate) });
    return out;
  }
  const before = { status: str(e.before.status), forecast: str(e.before.forecastDate) };
  const after = { status: str(e.after.status), forecast: str(e.after.forecastDate), actual: str(e.after.actualDate) };
  if (after.status === "complete" && before.status !== "complete")
    out.push({ kind: "completed", from: before.status, to: after.actual });
  if ((after.status === "at_risk" || after.status === "delayed") && before.status !== after.status) {
    out.push({ kind: "at_risk_or_delayed", from: before.status, to: after.status });
  }
  const previousPlanned =
    e.dueDate === null ? before.forecast : plannedDate({ forecastDate: before.forecast, dueDate: e.dueDate });
  if (after.forecast && after.forecast !== before.forecast && previousPlanned) {
    if (after.forecast > previousPlanned) out.push({ kind: "slipped", from: previousPlanned, to: after.forecast });
    else if (after.forecast < previousPlanned)
      out.push({ kind: "brought_forward", from: previousPlanned, to: after.forecast });
  }
  if (out.length === 0) out.push({ kind: "other", from: null, to: null });
  return out;
}

function emptyByKind(): Record<ChangeKind, ChangeItem[]> {
  return Object.fromEntries(CHANGE_KINDS.map((k) => [k, []])) as unknown as Record<ChangeKind, ChangeItem[]>;
}

const ENTITY_TYPES: Record<ChangeScope, ChangeEntityType[]> = {
  national: ["milestone", "recommendation"],
  local: ["local_action"],
  all: ["milestone", "recommendation", "local_action"],
};

// The national codes a local action's event says it served, as a set of rows.
const servedMilestones = Prisma.sql`(SELECT jsonb_array_elements_text(COALESCE(a.after::jsonb->'milestones', '[]'::jsonb)))`;
const servedRecommendations = Prisma.sql`(SELECT jsonb_array_elements_text(COALESCE(a.after::jsonb->'recommendations', '[]'::jsonb)))`;

/**
 * Changes made from the start of UK day `since` to the end of UK day `until` (default today), grouped by pillar.
 * `scope` (default national) says whose changes; `council` (a GSS code) keeps one council's local changes only.
 */
export async function listChanges(input: {
  since: string;
  until?: string;
  scope?: ChangeScope;
  council?: string;
}): Promise<ChangesReport> {
  const since = input.since;
  const until = input.until ?? todayInLondon();
  const types = ENTITY_TYPES[input.council ? "local" : (input.scope ?? "national")];
  const councilOnly = input.council ? Prisma.sql`AND co.gss_code = ${input.council}` : Prisma.empty;
  const prisma = db();
  const [rows, pillarRows] = await Promise.all([
    prisma.$queryRaw<EventRow[]>`
      SELECT a.id, a.occurred_at, a.action, a.entity_type, a.entity_code, a.before, a.after, a.reason,
             COALESCE(m.title, r.text, a.after::jsonb->>'title') AS title,
             COALESCE(m.due_date, CAST(a.after::jsonb->>'dueDate' AS date)) AS due_date,
             co.slug AS council_slug, co.name AS council_name, co.gss_code AS council_gss,
             CASE WHEN a.entity_type = 'milestone'
                  THEN ARRAY(SELECT p.number FROM milestone_pillar mp JOIN pillar p ON p.id = mp.pillar_id WHERE mp.milestone_id = a.entity_id ORDER BY p.number)
                  WHEN a.entity_type = 'recommendation'
                  THEN ARRAY(SELECT p.number FROM pillar p WHERE p.id = r.pillar_id)
                  ELSE ARRAY(SELECT p.number FROM pillar p WHERE p.id IN (
                         SELECT mp.pillar_id FROM milestone_pillar mp JOIN milestone x ON x.id = mp.milestone_id WHERE x.code IN ${servedMilestones}
                         UNION SELECT x.pillar_id FROM recommendation x WHERE x.code IN ${servedRecommendations}) ORDER BY p.number) END AS pillars,
             CASE WHEN a.entity_type = 'milestone'
                  THEN ARRAY(SELECT o.number FROM milestone_outcome mo JOIN outcome o ON o.id = mo.outcome_id WHERE mo.milestone_id = a.entity_id ORDER BY o.number)
                  WHEN a.entity_type = 'recommendation'
                  THEN ARRAY(SELECT o.number FROM recommendation_outcome ro JOIN outcome o ON o.id = ro.outcome_id WHERE ro.recommendation_id = a.entity_id ORDER BY o.number)
                  ELSE ARRAY(SELECT o.number FROM outcome o WHERE o.id IN (
                         SELECT mo.outcome_id FROM milestone_outcome mo JOIN milestone x ON x.id = mo.milestone_id WHERE x.code IN ${servedMilestones}
                         UNION SELECT ro.outcome_id FROM recommendation_outcome ro JOIN recommendation x ON x.id = ro.recommendation_id WHERE x.code IN ${servedRecommendations}) ORDER BY o.number) END AS outcomes
      FROM audit_event a
      LEFT JOIN milestone m ON a.entity_type = 'milestone' AND m.id = a.entity_id
      LEFT JOIN recommendation r ON a.entity_type = 'recommendation' AND r.id = a.entity_id
      LEFT JOIN local_action la ON a.entity_type = 'local_action' AND la.id = a.entity_id
      LEFT JOIN council co ON co.id = la.council_id
      WHERE a.entity_type IN (${Prisma.join(types)})
        AND a.actor_id IS NOT NULL
        ${councilOnly}
        AND a.occurred_at >= ${startOfUkDaySql(since)} AND a.occurred_at < ${endOfUkDaySql(until)}
      ORDER BY a.occurred_at, a.id`,
    prisma.pillar.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true } }),
  ]);

  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  const groups = new Map<number | null, PillarChanges>(
    pillarRows.map((p) => [p.number, { number: p.number, title: p.title, total: 0, byKind: emptyByKind() }]),
  );
  const changes: ListedChange[] = [];
  for (const row of rows) {
    // A milestone's update is read as the full states it describes, whichever release wrote it (lib/audit).
    const update = row.entity_type === "milestone" && row.action === "update";
    const council: ChangeCouncil | null =
      row.council_slug && row.council_name && row.council_gss
        ? { slug: row.council_slug, name: row.council_name, gssCode: row.council_gss }
        : null;
    // A local action's audit code is "<GSS>/LA-3"; in its council it is LA-3.
    const code = (council ? row.entity_code?.split("/")[1] : row.entity_code) ?? "";
    const kinds = classify({
      action: row.action,
      entityType: row.entity_type,
      before: (update ? upgradeState("milestone", row.before) : (row.before ?? {})) as Record<string, unknown>,
      after: (update ? upgradeState("milestone", row.after) : (row.after ?? {})) as Record<string, unknown>,
      dueDate: toIsoDay(row.due_date),
    });
    changes.push({
      eventId: String(row.id),
      occurredAt: row.occurred_at.toISOString(),
      entityType: row.entity_type,
      code,
      title: row.title ?? "",
      council,
      reason: row.reason,
      pillars: row.pillars ?? [],
      outcomes: row.outcomes ?? [],
      changes: kinds,
    });
    const pillars: Array<number | null> = row.pillars?.length ? row.pillars : [null];
    for (const k of kinds) {
      counts[k.kind] += 1;
      const item: ChangeItem = {
        eventId: String(row.id),
        occurredAt: row.occurred_at.toISOString(),
        entityType: row.entity_type,
        code,
        title: row.title ?? "",
        council,
        kind: k.kind,
        from: k.from,
        to: k.to,
        reason: row.reason,
      };
      for (const n of pillars) {
        if (!groups.has(n))
          groups.set(n, { number: n, title: "Not linked to a pillar", total: 0, byKind: emptyByKind() });
        const g = groups.get(n)!;
        g.byKind[k.kind].push(item);
        g.total += 1;
      }
    }
  }
  return {
    since,
    until,
    counts,
    events: rows.length,
    pillars: [...groups.values()].filter((g) => g.total > 0),
    changes: changes.reverse(),
  };
}
