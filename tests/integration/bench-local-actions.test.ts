import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upgradeState } from "@/lib/audit/records";
import { listCouncils } from "@/lib/councils/councils.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { generateLocalActions } from "@/scripts/bench/generate-local-actions";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

// The benchmark's generated local actions (issue 15, item 9; scripts/bench/generate-local-actions.ts), checked small:
// every council gets its actions through the one writer, each with a "create" event and some with an "update", each
// event a valid local_action state that reconstructs the row, and the same dataset on every run.

let database: TestDatabase;
const TODAY = "2026-06-01";

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
});

afterAll(async () => {
  await database.close();
});

describe("the benchmark's local actions", () => {
  it("gives every current council its actions, audited as the app audits them", { timeout: 120_000 }, async () => {
    const result = await generateLocalActions(database.url, { perCouncil: 3, today: TODAY });
    const councils = await database.prisma.council.count({ where: { endedOn: null } });
    expect(result).toMatchObject({ councils, localActions: councils * 3 });
    expect(result.updates).toBeGreaterThan(0);

    expect((await listCouncils({ publishes: false })).every((c) => c.endedOn !== null)).toBe(true);
    const events = await database.prisma.auditEvent.findMany({
      where: { entityType: "local_action" },
      orderBy: { id: "asc" },
    });
    expect(events.filter((e) => e.action === "create")).toHaveLength(result.localActions);
    expect(events.filter((e) => e.action === "update")).toHaveLength(result.updates);
    // Each action's last event says what its row says; a slip or a worse status carries its reason.
    const rows = await database.prisma.localAction.findMany({ select: { id: true, version: true, status: true } });
    const last = new Map(events.map((e) => [e.entityId, e]));
    for (const row of rows) {
      const state = upgradeState("local_action", last.get(row.id)!.after);
      expect(state).toMatchObject({ version: row.version, status: row.status });
    }
    for (const e of events.filter((e) => e.action === "update")) {
      const after = upgradeState("local_action", e.after);
      if (after.status !== "complete") expect(e.reason).toBeTruthy();
      expect(e.occurredAt.toISOString().slice(0, 10) <= TODAY).toBe(true);
    }
    // A fifth or so serve M-30, for the compare page.
    const m30 = await database.prisma.localActionMilestone.count({ where: { milestone: { code: "M-30" } } });
    expect(m30).toBeGreaterThan(result.localActions / 10);
    await expect(generateLocalActions(database.url, { perCouncil: 1, today: TODAY })).rejects.toThrow(/exist already/);
  });
});
