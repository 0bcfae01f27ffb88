// A synthetic dataset about 100 times the size of the real reform, for the benchmark (scripts/bench/routes.ts).
// It is added to a database that already holds the migrated schema and the real reform data (loadReformData),
// with set-based SQL (INSERT ... SELECT FROM generate_series) in one transaction, so it takes seconds.
//
// Codes never collide with the real ones: recommendations are GEN-00001..., milestones GM-0001...; generated
// recommendations use source rows from 1001 up (the real annexes stop at row 97). Texts are the real
// recommendations' and milestones' own words, reused in rotation, so full-text search and page sizes stay
// realistic. The spread is random but repeatable (setseed): statuses depend on whether the due date has passed,
// some milestones have forecast/actual dates, commentary and evidence links, and staff updates are recorded in
// audit_event by a handful of generated editors, as the app would have written them.
//
// Not inserted into: generated columns (recommendation.search, migration 0002) and columns with defaults we are
// happy with (ids). Run ANALYZE afterwards (done here).
import pg from "pg";
import type { MilestoneState } from "@/lib/audit/records";
import type { AuditEventInput } from "@/lib/audit/records";
import { auditEventRow } from "@/lib/audit/trail.server";
import { SOURCE_ACTOR_LABEL } from "@/lib/seed/load-reform-data.server";

export interface LargeDatasetSize {
  recommendations: number;
  milestones: number;
}

export interface LargeDatasetResult {
  recommendations: number;
  milestones: number;
  recommendationOutcomes: number;
  milestonePillars: number;
  milestoneOutcomes: number;
  milestoneRecommendations: number;
  evidenceLinks: number;
  auditEvents: number;
  users: number;
  seconds: number;
}

const SEED = 0.4242; // setseed(): the same dataset on every run
const EDITORS = 6;

export async function generateLargeDataset(
  databaseUrl: string,
  size: LargeDatasetSize = { recommendations: 10_000, milestones: 4_000 },
): Promise<LargeDatasetResult> {
  const started = Date.now();
  for (const [name, n] of Object.entries(size)) {
    // Also makes it safe to write the sizes into SQL text (CREATE TABLE AS takes no parameters).
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new Error(`generateLargeDataset: bad ${name} count ${n}`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const real = await client.query<{ recs: string; ms: string; gen: string }>(
      `SELECT (SELECT count(*) FROM recommendation WHERE code NOT LIKE 'GEN-%') AS recs,
              (SELECT count(*) FROM milestone WHERE code NOT LIKE 'GM-%') AS ms,
              (SELECT count(*) FROM recommendation WHERE code LIKE 'GEN-%') AS gen`,
    );
    const row = real.rows[0]!;
    if (Number(row.recs) === 0 || Number(row.ms) === 0) {
      throw new Error("generateLargeDataset: load the real reform data first (loadReformData); its texts are reused");
    }
    if (Number(row.gen) > 0) throw new Error("generateLargeDataset: this database already holds generated data");

    await client.query("BEGIN");
    const count = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rowCount ?? 0;
    await client.query("SELECT setseed($1)", [SEED]);

    // Staff who made the updates (the last one since deactivated: users are kept, as the app does). No password
    // hash, so none of them can sign in.
    const users = await count(
      `INSERT INTO app_user (email, name, role, active, created_at, deactivated_at)
       SELECT format('bench.editor%s@education.gov.invalid', g), format('Bench Editor %s', g),
              (CASE WHEN g = 1 THEN 'admin' ELSE 'editor' END)::"Role", g <> $1, timestamptz '2023-02-01' + g * interval '1 day',
              CASE WHEN g = $1 THEN now() END
       FROM generate_series(1, $1::int) g
       ON CONFLICT (email) DO NOTHING`,
      [EDITORS],
    );

    // Recommendations. The CTE with random() is materialised (volatile), so each row's draws are made once.
    const recommendations = await count(
      `WITH src AS (
         SELECT row_number() OVER (ORDER BY id) - 1 AS i, text, response_text, response_class, response_rationale
         FROM recommendation WHERE code NOT LIKE 'GEN-%'
       ),
       s AS (
         SELECT g, random() AS r_review, random() AS r_pillar, random() AS r_class, random() AS r_inherit,
                random() AS r_sub, random() AS r_stated, random() AS r_update
         FROM generate_series(1, $1::int) g
       )
       INSERT INTO recommendation (code, review_id, pillar_id, section, subsection, source_annex, source_row, text,
         response_text, response_inherited, response_inherited_from, stated_response, response_class,
         response_rationale, version, created_at, updated_at)
       SELECT format('GEN-%s', lpad(s.g::text, 5, '0')),
              rv.id, p.id, p.section,
              CASE WHEN rv.code = 'CMA'
                THEN (ARRAY['Commissioning', 'Creating capacity in the market', 'Resilience of the market'])[1 + floor(s.r_sub * 3)::int] END,
              rv.response_annex, 1000 + s.g,
              src.text, src.response_text,
              (s.r_inherit < 0.06 AND s.g > 1),
              CASE WHEN s.r_inherit < 0.06 AND s.g > 1 THEN format('GEN-%s', lpad((s.g - 1)::text, 5, '0')) END,
              CASE WHEN rv.code = 'CMA' THEN CASE WHEN s.r_stated < 0.75 THEN 'Accept' ELSE 'Accept in principle' END END,
              CASE WHEN s.r_class < 0.7 THEN src.response_class
                   ELSE (enum_range(NULL::"ResponseClass"))[1 + floor((s.r_class - 0.7) / 0.3 * 5)::int] END,
              src.response_rationale,
              CASE WHEN s.r_update < 0.05 THEN 2 ELSE 1 END,
              timestamptz '2023-02-02 09:00+00',
              CASE WHEN s.r_update < 0.05 THEN timestamptz '2023-03-01 09:00+00' + s.r_update / 0.05 * interval '900 days'
                   ELSE timestamptz '2023-02-02 09:00+00' END
       FROM s
       JOIN review rv ON rv.code = CASE WHEN s.r_review < 0.86 THEN 'CR' WHEN s.r_review < 0.93 THEN 'CPE' ELSE 'CMA' END
       JOIN pillar p ON p.number = 1 + floor(s.r_pillar * 6)::int
       JOIN src ON src.i = s.g % (SELECT count(*) FROM src)`,
      [size.recommendations],
    );

    // One or two outcomes per recommendation: one of its pillar's outcomes where there is one, sometimes another.
    let recommendationOutcomes = await count(
      `INSERT INTO recommendation_outcome (recommendation_id, outcome_id)
       SELECT DISTINCT ON (r.id) r.id, coalesce(po.outcome_id, o.id)
       FROM recommendation r
       LEFT JOIN pillar_outcome po ON po.pillar_id = r.pillar_id
       JOIN outcome o ON o.number = 1 + r.id % 6
       WHERE r.code LIKE 'GEN-%'
       ORDER BY r.id, md5(r.id::text || '-' || coalesce(po.outcome_id, 0)::text)`,
    );
    recommendationOutcomes += await count(
      `INSERT INTO recommendation_outcome (recommendation_id, outcome_id)
       SELECT t.id, o.id FROM (
         SELECT r.id, 1 + floor(random() * 6)::int AS n FROM recommendation r WHERE r.code LIKE 'GEN-%'
       ) t JOIN outcome o ON o.number = t.n
       WHERE random() < 0.4
       ON CONFLICT DO NOTHING`,
    );

    // The plan for each milestone: status by whether the due date has passed, dates, number of staff updates.
    await client.query(
      `CREATE TEMP TABLE gen_ms ON COMMIT DROP AS
       WITH src AS (
         SELECT row_number() OVER (ORDER BY id) - 1 AS i, "group", activity, title
         FROM milestone WHERE code NOT LIKE 'GM-%'
       ),
       s AS (
         SELECT g, random() AS r_due, random() AS r_status, random() AS r_date, random() AS r_written,
                random() AS r_comment, random() AS r_updates, random() AS r_last, random() AS r_links,
                random() AS r_created, random() AS r_editor
         FROM generate_series(1, ${size.milestones}) g
       ),
       d AS (
         SELECT s.*, (date '2023-01-01' + make_interval(months => floor(s.r_due * 48)::int + 1) - interval '1 day')::date AS due
         FROM s
       ),
       st AS (
         SELECT d.*,
           (CASE WHEN d.due < current_date THEN
              CASE WHEN r_status < 0.10 THEN 'not_yet_assessed' WHEN r_status < 0.15 THEN 'on_track'
                   WHEN r_status < 0.22 THEN 'at_risk' WHEN r_status < 0.42 THEN 'delayed'
                   WHEN r_status < 0.95 THEN 'complete' ELSE 'superseded' END
            ELSE
              CASE WHEN r_status < 0.20 THEN 'not_yet_assessed' WHEN r_status < 0.42 THEN 'not_started'
                   WHEN r_status < 0.77 THEN 'on_track' WHEN r_status < 0.89 THEN 'at_risk'
                   WHEN r_status < 0.95 THEN 'delayed' WHEN r_status < 0.98 THEN 'complete' ELSE 'superseded' END
            END)::"MilestoneStatus" AS status
         FROM d
       )
       SELECT st.g,
              format('GM-%s', lpad(st.g::text, 4, '0')) AS code,
              src."group", src.activity,
              format('%s (tranche %s)', src.title, 1 + st.g / (SELECT count(*) FROM src)) AS title,
              CASE WHEN st.r_written < 0.6 THEN to_char(st.due, 'FMMonth YYYY') END AS date_as_written,
              st.due,
              CASE WHEN st.status IN ('at_risk', 'delayed') THEN st.due + (30 + floor(st.r_date * 330)::int)
                   WHEN st.status = 'on_track' AND st.r_date < 0.3 THEN st.due
                   WHEN st.status = 'not_started' AND st.r_date < 0.1 THEN st.due + 90 END AS forecast,
              CASE WHEN st.status = 'complete' THEN least(st.due + (floor(st.r_date * 120)::int - 60), current_date) END AS actual,
              st.status,
              CASE WHEN st.status <> 'not_yet_assessed' AND st.r_comment < 0.7 THEN
                (ARRAY['Delivery confirmed with the delivery partner; next review at the programme board.',
                       'Procurement has taken longer than planned; the forecast date reflects the new timetable.',
                       'Pathfinder local authorities report early progress; evaluation findings are expected next year.',
                       'Dependent on legislation: timing follows the parliamentary timetable.',
                       'Published on GOV.UK; see the evidence links.'])[1 + floor(st.r_comment * 5 / 0.7)::int] END AS commentary,
              CASE WHEN st.status = 'not_yet_assessed' THEN 0 ELSE 1 + floor(st.r_updates * 3)::int END AS updates,
              -- The latest staff update: about a quarter within the last 90 days, the rest up to 500 days ago.
              now() - (CASE WHEN st.r_last < 0.25 THEN st.r_last * 4 * 85 ELSE 90 + (st.r_last - 0.25) / 0.75 * 410 END) * interval '1 day' AS last_update,
              1 + floor(st.r_links * 4)::int AS links,
              timestamptz '2023-02-02 09:00+00' + st.r_created * interval '200 days' AS created,
              1 + floor(st.r_editor * ${EDITORS})::int AS editor
       FROM st JOIN src ON src.i = st.g % (SELECT count(*) FROM src)`,
    );

    const milestones = await count(
      `INSERT INTO milestone (code, "group", activity, title, date_as_written, due_date, forecast_date, actual_date,
         status, commentary, source_line, version, created_at, updated_at)
       SELECT code, "group", activity, title, date_as_written, due, forecast, actual, status, commentary, NULL,
              1 + updates, least(created, last_update - updates * interval '60 days'),
              CASE WHEN updates > 0 THEN last_update ELSE least(created, last_update - updates * interval '60 days') END
       FROM gen_ms ORDER BY g`,
    );

    const milestonePillars = await count(
      `INSERT INTO milestone_pillar (milestone_id, pillar_id)
       SELECT m.id, p.id FROM milestone m JOIN pillar p ON p.number = 1 + m.id % 6 WHERE m.code LIKE 'GM-%'
       UNION
       SELECT t.id, p.id FROM (SELECT m.id, 1 + floor(random() * 6)::int AS n, random() AS r FROM milestone m WHERE m.code LIKE 'GM-%') t
       JOIN pillar p ON p.number = t.n WHERE t.r < 0.35`,
    );
    const milestoneOutcomes = await count(
      `INSERT INTO milestone_outcome (milestone_id, outcome_id)
       SELECT m.id, o.id FROM milestone m JOIN outcome o ON o.number = 1 + (m.id * 7) % 6 WHERE m.code LIKE 'GM-%'
       UNION
       SELECT t.id, o.id FROM (SELECT m.id, 1 + floor(random() * 6)::int AS n, random() AS r FROM milestone m WHERE m.code LIKE 'GM-%') t
       JOIN outcome o ON o.number = t.n WHERE t.r < 0.4`,
    );
    // 1-4 generated recommendations per milestone, and now and then one of the real ones.
    const milestoneRecommendations = await count(
      `WITH picks AS (
         SELECT m.id AS milestone_id, format('GEN-%s', lpad((1 + floor(random() * $1::int))::int::text, 5, '0')) AS code
         FROM milestone m JOIN gen_ms g ON g.code = m.code
         CROSS JOIN LATERAL generate_series(1, g.links) k
         UNION ALL
         SELECT m.id, t.code FROM milestone m
         JOIN LATERAL (SELECT code FROM recommendation WHERE code NOT LIKE 'GEN-%' ORDER BY md5(m.id::text || code) LIMIT 1) t ON true
         WHERE m.code LIKE 'GM-%' AND m.id % 50 = 0
       )
       INSERT INTO milestone_recommendation (milestone_id, recommendation_id)
       SELECT DISTINCT p.milestone_id, r.id FROM picks p JOIN recommendation r ON r.code = p.code
       ON CONFLICT DO NOTHING`,
      [size.recommendations],
    );

    const evidenceLinks = await count(
      `INSERT INTO evidence_link (milestone_id, position, title, url)
       SELECT m.id, k, format('%s: published evidence %s', m.code, k),
              format('https://www.gov.uk/government/publications/reform-tracker-bench-%s-%s', lower(m.code), k)
       FROM milestone m
       CROSS JOIN LATERAL generate_series(1, 1 + m.id % 2) k
       WHERE m.code LIKE 'GM-%' AND m.status = 'complete'`,
    );

    // Audit trail: the source load's "create" for each recommendation, a staff "create" for each generated
    // milestone, then each milestone's staff updates (60 days apart, ending at its last update) and the
    // occasional reclassification of a recommendation. The events are built in TypeScript and checked by the
    // audit trail's own row builder (lib/audit/trail.server.ts), so they have exactly the shapes the app writes.
    const auditEvents = await insertAuditEvents(client, await generatedAuditEvents(client));

    await client.query("COMMIT");
    await client.query("ANALYZE");
    return {
      recommendations,
      milestones,
      recommendationOutcomes,
      milestonePillars,
      milestoneOutcomes,
      milestoneRecommendations,
      evidenceLinks,
      auditEvents,
      users,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

interface GeneratedMilestone {
  id: number;
  code: string;
  due: string;
  status: MilestoneState["status"];
  forecast: string | null;
  actual: string | null;
  commentary: string | null;
  updates: number;
  last_update: Date;
  created: Date;
  editor_id: number;
  editor_name: string;
  evidence: Array<{ title: string; url: string }>;
}

interface GeneratedRecommendation {
  id: number;
  code: string;
  response_class: "accepted" | "accepted_in_principle" | "testing" | "consulting" | "not_accepted";
  response_rationale: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  editor_id: number;
  editor_name: string;
}

const UPDATE_REASONS = [
  "Quarterly programme board review",
  "Update from the delivery partner",
  "Correction after assurance check",
];

async function generatedAuditEvents(client: pg.Client): Promise<AuditEventInput[]> {
  const recommendations = (
    await client.query<GeneratedRecommendation>(
      `SELECT r.id, r.code, r.response_class::text AS response_class, r.response_rationale, r.version, r.created_at, r.updated_at,
              u.id AS editor_id, u.name AS editor_name
       FROM recommendation r JOIN app_user u ON u.email = format('bench.editor%s@education.gov.invalid', 1 + r.id % $1)
       WHERE r.code LIKE 'GEN-%' ORDER BY r.id`,
      [EDITORS],
    )
  ).rows;
  const milestones = (
    await client.query<GeneratedMilestone>(
      `SELECT m.id, m.code, to_char(g.due, 'YYYY-MM-DD') AS due, g.status::text AS status,
              to_char(g.forecast, 'YYYY-MM-DD') AS forecast, to_char(g.actual, 'YYYY-MM-DD') AS actual, g.commentary,
              g.updates, g.last_update, m.created_at AS created, u.id AS editor_id, u.name AS editor_name,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('title', e.title, 'url', e.url) ORDER BY e.position)
                        FROM evidence_link e WHERE e.milestone_id = m.id), '[]'::jsonb) AS evidence
       FROM milestone m JOIN gen_ms g ON g.code = m.code
       JOIN app_user u ON u.email = format('bench.editor%s@education.gov.invalid', g.editor)
       ORDER BY m.id`,
    )
  ).rows;

  const events: AuditEventInput[] = [];
  for (const r of recommendations) {
    // A recommendation at version 2 was reclassified once, from the class next to its current one.
    const original =
      r.version === 2 ? (r.response_class === "accepted" ? "accepted_in_principle" : "accepted") : r.response_class;
    const first = { responseClass: original, responseRationale: r.response_rationale, version: 1 } as const;
    events.push({
      actor: { id: null, label: SOURCE_ACTOR_LABEL },
      action: "create",
      entityType: "recommendation",
      entityId: r.id,
      entityCode: r.code,
      occurredAt: r.created_at,
      after: first,
    });
    if (r.version === 2) {
      events.push({
        actor: { id: r.editor_id, label: r.editor_name },
        action: "reclassify",
        entityType: "recommendation",
        entityId: r.id,
        entityCode: r.code,
        occurredAt: r.updated_at,
        before: first,
        after: { responseClass: r.response_class, responseRationale: r.response_rationale, version: 2 },
        reason: "Reclassified after the consultation response",
      });
    }
  }
  for (const m of milestones) {
    const actor = { id: m.editor_id, label: m.editor_name };
    const blank: MilestoneState = {
      status: "not_yet_assessed",
      forecastDate: null,
      actualDate: null,
      commentary: null,
      evidence: [],
      version: 1,
    };
    events.push({
      actor,
      action: "create",
      entityType: "milestone",
      entityId: m.id,
      entityCode: m.code,
      occurredAt: m.created,
      after: { ...blank, dueDate: m.due },
      reason: "Added from the programme delivery plan",
    });
    // Earlier updates step through "not started" and "on track"; the last one sets the milestone as it is now.
    let before = blank;
    for (let k = 1; k <= m.updates; k++) {
      const last = k === m.updates;
      const after: MilestoneState = last
        ? {
            status: m.status,
            forecastDate: m.forecast,
            actualDate: m.actual,
            commentary: m.commentary,
            evidence: m.evidence,
            version: k + 1,
          }
        : { ...blank, status: (["not_started", "on_track"] as const)[k - 1]!, version: k + 1 };
      events.push({
        actor,
        action: "update",
        entityType: "milestone",
        entityId: m.id,
        entityCode: m.code,
        occurredAt: new Date(m.last_update.getTime() - (m.updates - k) * 60 * 86_400_000),
        before,
        after,
        reason: UPDATE_REASONS[(m.id + k) % 3],
      });
      before = after;
    }
  }
  return events;
}

/** Inserts the events in time order, a few thousand per statement. */
async function insertAuditEvents(client: pg.Client, events: AuditEventInput[]): Promise<number> {
  const rows = events
    .map(auditEventRow)
    .sort((a, b) => new Date(a.occurredAt!).getTime() - new Date(b.occurredAt!).getTime())
    .map((row) => ({ ...row, occurredAt: new Date(row.occurredAt!).toISOString() }));
  for (let i = 0; i < rows.length; i += 5_000) {
    await client.query(
      `INSERT INTO audit_event (occurred_at, actor_id, actor_label, action, entity_type, entity_id, entity_code, before, after, reason)
       SELECT "occurredAt", "actorId", "actorLabel", action, "entityType", "entityId", "entityCode", before, after, reason
       FROM jsonb_to_recordset($1::jsonb) AS x("occurredAt" timestamptz, "actorId" int, "actorLabel" text, action text, "entityType" text,
                                               "entityId" int, "entityCode" text, before jsonb, after jsonb, reason text)`,
      [JSON.stringify(rows.slice(i, i + 5_000))],
    );
  }
  return rows.length;
}
