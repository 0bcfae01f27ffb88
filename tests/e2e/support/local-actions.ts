import pg from "pg";
import { E2E_DATABASE_URL } from "./staff";

// No local action is seeded (councils enter their own), so the public pages that show one need one made first:
// York's LA-1, added and then slipped with a reason, each change with its audit event, in the states the one writer
// (lib/local-actions/record.ts) records. York, so the council journeys (Thurrock, Essex) number their own from 1.
// Idempotent: every spec that needs it may call it. The staff journey goes through the forms.
export const E2E_LOCAL_ACTION = "/councils/york/actions/LA-1";

const CREATED = {
  title: "One front door for families in York",
  description: "Bring early help and children's social care referrals together behind one front door.",
  leadRole: "Director of Children's Services",
  status: "on_track",
  dueDate: "2025-03-31",
  forecastDate: null,
  actualDate: null,
  commentary: null,
  evidence: [],
  milestones: ["M-01"],
  recommendations: ["CR-01"],
  commitments: ["A1-O1-N1"],
  version: 1,
};
const SLIPPED = {
  ...CREATED,
  status: "delayed",
  forecastDate: "2025-09-30",
  commentary: "The new case management system goes live later than planned.",
  evidence: [{ title: "Cabinet report", url: "https://www.york.gov.uk/" }],
  version: 2,
};
const REASON = "The case management system supplier moved its go-live date";

export async function ensureLocalAction() {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    const council = await client.query<{ id: number; gss_code: string }>(
      "SELECT id, gss_code FROM council WHERE slug = 'york' FOR UPDATE",
    );
    const { id: councilId, gss_code: gss } = council.rows[0]!;
    const exists = await client.query("SELECT 1 FROM local_action WHERE council_id = $1 AND number = 1", [councilId]);
    if (exists.rowCount === 0) {
      const added = await client.query<{ id: number }>(
        `INSERT INTO local_action (council_id, number, title, description, lead_role, status, due_date, forecast_date,
           commentary, version)
         VALUES ($1, 1, $2, $3, $4, 'delayed', $5, $6, $7, 2) RETURNING id`,
        [
          councilId,
          SLIPPED.title,
          SLIPPED.description,
          SLIPPED.leadRole,
          SLIPPED.dueDate,
          SLIPPED.forecastDate,
          SLIPPED.commentary,
        ],
      );
      const id = added.rows[0]!.id;
      await client.query(
        `INSERT INTO local_action_evidence (local_action_id, position, title, url) VALUES ($1, 1, $2, $3)`,
        [id, SLIPPED.evidence[0]!.title, SLIPPED.evidence[0]!.url],
      );
      await client.query(
        `INSERT INTO local_action_milestone (local_action_id, milestone_id) SELECT $1, id FROM milestone WHERE code = 'M-01'`,
        [id],
      );
      await client.query(
        `INSERT INTO local_action_recommendation (local_action_id, recommendation_id)
           SELECT $1, id FROM recommendation WHERE code = 'CR-01'`,
        [id],
      );
      await client.query(
        `INSERT INTO local_action_commitment (local_action_id, commitment_id)
           SELECT $1, id FROM outcome_commitment WHERE code = 'A1-O1-N1'`,
        [id],
      );
      // Its audit events move the 'local' and 'council:E06000014' data versions (migration 0013).
      await client.query(
        `INSERT INTO audit_event (occurred_at, actor_label, action, entity_type, entity_id, entity_code, after)
           VALUES ('2024-10-01T09:00:00Z', 'e2e', 'create', 'local_action', $1, $2, $3)`,
        [id, `${gss}/LA-1`, JSON.stringify(CREATED)],
      );
      await client.query(
        `INSERT INTO audit_event (occurred_at, actor_label, action, entity_type, entity_id, entity_code, before, after, reason)
           VALUES ('2025-02-10T09:00:00Z', 'e2e', 'update', 'local_action', $1, $2, $3, $4, $5)`,
        [id, `${gss}/LA-1`, JSON.stringify(CREATED), JSON.stringify(SLIPPED), REASON],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}
