// The app's database role (migration 0005) can do everything the app does, and cannot rewrite history: as that role,
// every kind of staff write, sign-in, health check and public read works, while changing or removing audit records,
// switching the append-only trigger off, touching the migration records or creating tables is refused by PostgreSQL's
// own permissions, before any trigger runs. Each refusal leaves every table as it was.
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in.server";
import { ensureApplicationLogin } from "@/lib/db/application-role.server";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { checkHealth } from "@/lib/db/health.server";
import { applyMilestoneImport, exportMilestonesCsv } from "@/lib/staff/milestone-csv.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { getMilestone, listMilestones } from "@/lib/reform/milestones.server";
import { listRecommendations } from "@/lib/reform/recommendations.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import { changeOwnPassword, deactivateUser, inviteUser, resetPassword } from "@/lib/auth/users.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";
import { hashPassword } from "@/lib/auth/passwords.server";

const TODAY = "2024-06-30";
let database: TestDatabase;
let restrictedUrl: string;
let restricted: pg.Client;
let admin: number;
let editor: number;

beforeAll(async () => {
  database = await createTestDatabase();
  // Reference data and accounts are loaded as the owner, as `npm start` and `npm run db:seed` do.
  await loadReformData(database.prisma);
  admin = (await createUser(database.prisma, { email: "admin@example.gov.uk", role: "admin" })).id;
  editor = (await createUser(database.prisma, { email: "editor@example.gov.uk" })).id;
  await database.prisma.user.update({
    where: { id: editor },
    data: { passwordHash: await hashPassword("the editor's old passphrase") },
  });

  // Roles belong to the whole server, which other test files share: a login of this file's own.
  restrictedUrl = await ensureApplicationLogin(database.url, `reform_tracker_web_${randomBytes(4).toString("hex")}`);
  restricted = new pg.Client({ connectionString: restrictedUrl });
  await restricted.connect();
  // From here on the app's own code (db()) connects as the restricted login.
  await database.prisma.$queryRaw`SELECT 1`;
  process.env.DATABASE_URL = restrictedUrl;
  (globalThis as { prisma?: unknown }).prisma = undefined;
});

afterAll(async () => {
  await restricted?.end();
  await database.close();
});

describe("as the application role, the app works", () => {
  it("connects as the restricted login, not as a superuser", async () => {
    const { rows } = await restricted.query(
      "SELECT current_user AS who, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser",
    );
    expect(rows[0].who).toMatch(/^reform_tracker_web_/);
    expect(rows[0].superuser).toBe(false);
  });

  it("saves milestone updates, CSV uploads, new milestones and reclassifications, with their audit records", async () => {
    const auditBefore = await database.prisma.auditEvent.count();
    const saved = await recordMilestoneUpdate(
      editor,
      {
        code: "M-01",
        version: 1,
        status: "delayed",
        forecastDate: "2026-03-31",
        actualDate: "",
        commentary: "As the app role",
        evidence: [{ title: "Minutes", url: "https://example.gov.uk/m" }],
        reason: "The date slipped by a quarter",
      },
      { today: TODAY },
    );
    expect(saved.ok).toBe(true);

    const rows = parse(await exportMilestonesCsv(editor), { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    const upload = stringify(
      rows.map((r) => (r.code === "M-02" ? { ...r, status: "on_track", commentary: "Uploaded as the app role" } : r)),
      { header: true, columns: Object.keys(rows[0]!) },
    );
    expect(await applyMilestoneImport(editor, upload, { today: TODAY })).toMatchObject({ ok: true, applied: 1 });

    const added = await addMilestone(editor, {
      group: "laying_the_groundwork",
      activity: "A",
      title: "Added as the app role",
      dueDate: "2026-03-31",
      pillars: [1],
      outcomes: [1],
      recommendations: [],
      reason: "Test change made by the role test",
    });
    expect(added.ok).toBe(true);

    const recommendation = await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
    const reclassified = await reclassifyRecommendation(editor, {
      code: "CR-01",
      version: recommendation.version,
      responseClass: "consulting",
      rationale: "A rationale long enough for the rule.",
      reason: "Test as the app role",
    });
    expect(reclassified.ok).toBe(true);
    expect(await database.prisma.auditEvent.count()).toBe(auditBefore + 4);
  });

  it("manages accounts and signs people in", async () => {
    const invited = await inviteUser(admin, { email: "new.person@example.gov.uk", name: "New Person", role: "editor" });
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    expect((await resetPassword(admin, { userId: invited.user.id })).ok).toBe(true);
    expect((await deactivateUser(admin, { userId: invited.user.id })).ok).toBe(true);

    expect((await signInWithPassword("editor@example.gov.uk", "the editor's old passphrase", "192.0.2.1")).ok).toBe(
      true,
    );
    expect((await signInWithPassword("editor@example.gov.uk", "wrong", "192.0.2.1")).ok).toBe(false);
    const changed = await changeOwnPassword(editor, {
      currentPassword: "the editor's old passphrase",
      newPassword: "the editor's new passphrase",
      confirmPassword: "the editor's new passphrase",
    });
    expect(changed.ok).toBe(true);
  });

  it("reads the public pages' data and reports healthy", async () => {
    expect(await checkHealth()).toMatchObject({ status: "ok" });
    expect((await summariseDashboard({ today: TODAY })).milestoneTotal).toBe(38);
    expect((await listRecommendations({})).total).toBe(113);
    expect((await listMilestones({}, { today: TODAY })).total).toBe(38);
    expect(await getMilestone("M-01", { today: TODAY })).toMatchObject({ commentary: "As the app role" });
  });
});

describe("as the application role, history cannot be rewritten", () => {
  async function expectRefused(sql: string, pattern: RegExp) {
    const before = await checksumTables(database.prisma);
    const error = await restricted.query(sql).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, `accepted: ${sql}`).not.toBeNull();
    expect((error as Error).message).toMatch(pattern);
    expect(await checksumTables(database.prisma)).toEqual(before);
  }
  const DENIED = /permission denied/;
  const NOT_OWNER = /must be owner/;

  it("cannot change, delete or empty the audit trail", async () => {
    expect(await database.prisma.auditEvent.count()).toBeGreaterThan(0);
    // Refused by the role's rights, before the append-only trigger would be reached.
    await expectRefused("UPDATE audit_event SET reason = 'rewritten'", DENIED);
    await expectRefused("DELETE FROM audit_event", DENIED);
    await expectRefused("TRUNCATE audit_event", DENIED);
  });

  it("cannot switch off or remove the append-only trigger, or take the table over", async () => {
    await expectRefused("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete", NOT_OWNER);
    await expectRefused("DROP TRIGGER audit_event_no_update_or_delete ON audit_event", NOT_OWNER);
    await expectRefused("DROP FUNCTION audit_event_is_append_only() CASCADE", NOT_OWNER);
    await expectRefused("ALTER TABLE audit_event OWNER TO CURRENT_USER", NOT_OWNER);
    await expectRefused("DROP TABLE audit_event", NOT_OWNER);
    await expectRefused("SET session_replication_role = replica", DENIED);
    // PostgreSQL answers a GRANT without the right to grant with a warning, not an error: it grants nothing.
    await restricted.query("GRANT UPDATE, DELETE ON audit_event TO CURRENT_USER");
    const { rows } = await restricted.query(
      "SELECT has_table_privilege(current_user, 'audit_event', 'UPDATE') OR has_table_privilege(current_user, 'audit_event', 'DELETE') AS can",
    );
    expect(rows[0].can).toBe(false);
    await expectRefused("DELETE FROM audit_event", DENIED);
  });

  it("cannot touch the migration records or change the schema", async () => {
    await expectRefused("DELETE FROM _prisma_migrations", DENIED);
    await expectRefused("UPDATE _prisma_migrations SET checksum = 'x'", DENIED);
    await expectRefused("CREATE TABLE shadow_audit (id int)", DENIED);
    await expectRefused("ALTER TABLE milestone ADD COLUMN extra text", NOT_OWNER);
  });

  it("can still append to and read the audit trail", async () => {
    const { rows } = await restricted.query(
      `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, entity_code, reason)
       VALUES ('test', 'note', 'milestone', 1, 'M-01', 'appended by the app role') RETURNING id`,
    );
    expect(rows).toHaveLength(1);
    const read = await restricted.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE reason = 'appended by the app role'",
    );
    expect(read.rows[0].n).toBe(1);
  });
});
