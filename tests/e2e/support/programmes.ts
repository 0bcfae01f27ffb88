import pg from "pg";
import { E2E_DATABASE_URL } from "./staff";

// No programme is seeded (staff record them), so pages that show one need one made first. This one is written
// straight into the throwaway database, with its audit event, as the staff form would write it (the staff journey
// in programmes.spec.ts goes through the form). Idempotent: every spec that needs it may call it.
export const E2E_PROGRAMME = "e2e-pathfinder";

export async function ensureProgramme() {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    const created = await client.query<{ id: number }>(
      `INSERT INTO programme (slug, name, description, started_on) VALUES ($1, 'E2E Pathfinder',
         'A programme made by the end-to-end tests.', '2024-01-01') ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [E2E_PROGRAMME],
    );
    const id = created.rows[0]?.id;
    if (id !== undefined) {
      await client.query(
        `INSERT INTO programme_milestone (programme_id, milestone_id) SELECT $1, id FROM milestone WHERE code = 'M-01'`,
        [id],
      );
      await client.query(
        `INSERT INTO programme_council (programme_id, council_id, from_date)
           SELECT $1, id, DATE '2024-01-01' FROM council WHERE slug IN ('thurrock', 'essex')`,
        [id],
      );
      const after = {
        slug: E2E_PROGRAMME,
        name: "E2E Pathfinder",
        description: "A programme made by the end-to-end tests.",
        startedOn: "2024-01-01",
        endedOn: null,
        milestones: ["M-01"],
        councils: [
          { council: "E06000034", from: "2024-01-01", until: null },
          { council: "E10000012", from: "2024-01-01", until: null },
        ],
        version: 1,
      };
      // The audit event moves the data version, so no stored page outlives the new programme.
      await client.query(
        `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, entity_code, after, reason)
           VALUES ('e2e', 'create', 'programme', $1, $2, $3, 'Made by the end-to-end tests')`,
        [id, E2E_PROGRAMME, JSON.stringify(after)],
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
