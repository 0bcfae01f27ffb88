import { expect, test } from "@playwright/test";
import pg from "pg";
import { APPLICATION_ROLE, EMBEDDED_APPLICATION_LOGIN } from "@/lib/db/application-role.server";
import { E2E_DATABASE_URL, ensureStaffUser, signIn } from "./support/staff";

// The running app connects to PostgreSQL as a role that cannot rewrite history: `npm start` gives it a login that is
// a member of the application role of migration 0005, never the owner of the tables.
const EDITOR = { email: "e2e.role@education.gov.uk", password: "a passphrase for the role test" };

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

test("the app reads and writes as the restricted application role, which cannot change the audit trail", async ({
  page,
}) => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto("/staff/milestones/M-31");
  await page.getByLabel("Commentary").fill("Saved by the restricted role.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Milestone saved");
  await page.goto("/");

  // Every connection the app holds open to the tracker's database is the restricted login.
  const users = await query<{ usename: string }>(
    `SELECT DISTINCT usename FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  expect(users.map((u) => u.usename)).toEqual([EMBEDDED_APPLICATION_LOGIN]);

  const [rights] = await query<Record<string, boolean>>(
    `SELECT r.rolsuper AS superuser, r.rolcreaterole AS createrole, r.rolbypassrls AS bypassrls,
            pg_has_role($1, $2, 'MEMBER') AS member,
            has_table_privilege($1, 'audit_event', 'SELECT') AS "select",
            has_table_privilege($1, 'audit_event', 'INSERT') AS "insert",
            has_table_privilege($1, 'audit_event', 'UPDATE') AS "update",
            has_table_privilege($1, 'audit_event', 'DELETE') AS "delete",
            has_table_privilege($1, 'audit_event', 'TRUNCATE') AS "truncate",
            (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event') = $1 AS owner
       FROM pg_roles r WHERE r.rolname = $1`,
    [EMBEDDED_APPLICATION_LOGIN, APPLICATION_ROLE],
  );
  expect(rights).toEqual({
    superuser: false,
    createrole: false,
    bypassrls: false,
    member: true,
    select: true,
    insert: true,
    update: false,
    delete: false,
    truncate: false,
    owner: false,
  });
  // And the save went through that role, audit record included.
  const [audit] = await query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_event WHERE entity_code = 'M-31' AND action = 'update'",
  );
  expect(audit!.n).toBe(1);
});
