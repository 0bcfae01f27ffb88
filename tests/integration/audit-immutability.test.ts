// History cannot be rewritten through the application's database role: the trigger of migration 0001 refuses
// UPDATE, DELETE and TRUNCATE on audit_event, whether asked through Prisma or in raw SQL, and an account that has
// audit events cannot be deleted (the foreign key is ON DELETE RESTRICT). Every refusal leaves the tables as they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createReferenceData, createUser, recordStaffEvent } from "@/tests/support/factories";

let database: TestDatabase;
let client: pg.Client;
let userId = 0;
let eventId = 0n;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  await createMilestone(prisma, { code: "M-01", dueDate: "2024-03-31" });
  userId = (await createUser(prisma, { email: "editor@example.gov.uk" })).id;
  eventId = (
    await recordStaffEvent(prisma, {
      actorId: userId,
      milestoneCode: "M-01",
      occurredAt: "2024-01-02T10:00:00Z",
      reason: "first",
    })
  ).id;
  await recordStaffEvent(prisma, {
    actorId: userId,
    milestoneCode: "M-01",
    occurredAt: "2024-02-02T10:00:00Z",
    reason: "second",
  });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database.close();
});

/** Runs the attempt, expects it to fail with `pattern`, and checks that no table changed. */
async function expectRefused(attempt: () => Promise<unknown>, pattern: RegExp) {
  const before = await checksumTables(database.prisma);
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the database accepted it").not.toBeNull();
  expect(String((error as Error).message)).toMatch(pattern);
  expect(await checksumTables(database.prisma)).toEqual(before);
}

const APPEND_ONLY = /append-only/;

describe("through Prisma", () => {
  it("refuses to update an audit event", async () => {
    await expectRefused(
      () => database.prisma.auditEvent.update({ where: { id: eventId }, data: { reason: "rewritten" } }),
      APPEND_ONLY,
    );
    await expectRefused(
      () => database.prisma.auditEvent.updateMany({ data: { actorLabel: "someone else" } }),
      APPEND_ONLY,
    );
  });

  it("refuses to delete an audit event", async () => {
    await expectRefused(() => database.prisma.auditEvent.delete({ where: { id: eventId } }), APPEND_ONLY);
    await expectRefused(() => database.prisma.auditEvent.deleteMany({}), APPEND_ONLY);
  });

  it("refuses raw SQL sent through Prisma", async () => {
    await expectRefused(() => database.prisma.$executeRawUnsafe(`UPDATE audit_event SET reason = 'x'`), APPEND_ONLY);
    await expectRefused(() => database.prisma.$executeRawUnsafe(`DELETE FROM audit_event`), APPEND_ONLY);
    await expectRefused(() => database.prisma.$executeRawUnsafe(`TRUNCATE audit_event`), APPEND_ONLY);
  });

  it("refuses to delete a user who has audit events", async () => {
    await expectRefused(
      () => database.prisma.user.delete({ where: { id: userId } }),
      /foreign key|audit_event_actor_id_fkey|P2003|constraint/i,
    );
  });
});

describe("in raw SQL on the application's own connection", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of audit_event", async () => {
    await expectRefused(
      () => client.query(`UPDATE audit_event SET reason = 'rewritten' WHERE id = $1`, [String(eventId)]),
      APPEND_ONLY,
    );
    await expectRefused(() => client.query(`UPDATE audit_event SET occurred_at = now()`), APPEND_ONLY);
    await expectRefused(() => client.query(`DELETE FROM audit_event WHERE id = $1`, [String(eventId)]), APPEND_ONLY);
    await expectRefused(() => client.query(`TRUNCATE audit_event`), APPEND_ONLY);
    await expectRefused(() => client.query(`TRUNCATE audit_event, app_user CASCADE`), APPEND_ONLY);
  });

  it("refuses them inside a transaction too, and the SQLSTATE says insufficient privilege", async () => {
    await client.query("BEGIN");
    const error = await client.query(`DELETE FROM audit_event`).then(
      () => null,
      (e: { code?: string }) => e,
    );
    await client.query("ROLLBACK");
    expect(error?.code).toBe("42501");
  });

  it("refuses to delete a user who has audit events (ON DELETE RESTRICT)", async () => {
    const before = await checksumTables(database.prisma);
    const error = await client.query(`DELETE FROM app_user WHERE id = $1`, [userId]).then(
      () => null,
      (e: { code?: string; constraint?: string }) => e,
    );
    expect(error?.code).toBe("23503");
    expect(error?.constraint).toBe("audit_event_actor_id_fkey");
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("still accepts new audit events (append)", async () => {
    const before = await database.prisma.auditEvent.count();
    await client.query(
      `INSERT INTO audit_event (actor_id, actor_label, action, entity_type, entity_id) VALUES ($1, 'staff', 'update', 'milestone', 1)`,
      [userId],
    );
    expect(await database.prisma.auditEvent.count()).toBe(before + 1);
    const first = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(first.reason).toBe("first");
  });
});
