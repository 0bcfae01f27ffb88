import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMilestones } from "@/lib/reform/milestones.server";
import { parseStaffHomeFilters, staffHomeMilestoneFilters } from "@/lib/validations/staff-home";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createReferenceData, createUser, recordStaffEvent } from "@/tests/support/factories";

// The staff home's filters (app/(staff)/staff/page.tsx): GET parameters, validated, turned into the milestone
// list's own filters and run against a real database.

const TODAY = "2024-06-30";
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  // M-01: never assessed, its date passed. M-02: assessed last week, its date passed. M-03: never assessed, due
  // later. M-04: complete. M-05: assessed long ago, due later, in pillar 2.
  await createMilestone(prisma, { code: "M-01", dueDate: "2024-03-31", pillars: [1] });
  await createMilestone(prisma, { code: "M-02", dueDate: "2024-03-31", status: "on_track", pillars: [1, 2] });
  await createMilestone(prisma, { code: "M-03", dueDate: "2025-03-31", pillars: [2] });
  await createMilestone(prisma, {
    code: "M-04",
    dueDate: "2024-01-31",
    status: "complete",
    actualDate: "2024-01-15",
    pillars: [2],
  });
  await createMilestone(prisma, { code: "M-05", dueDate: "2025-03-31", status: "on_track", pillars: [2] });
  const editor = (await createUser(prisma, { email: "editor@example.gov.uk" })).id;
  await recordStaffEvent(prisma, { actorId: editor, milestoneCode: "M-02", occurredAt: "2024-06-23T10:00:00Z" });
  await recordStaffEvent(prisma, { actorId: editor, milestoneCode: "M-04", occurredAt: "2024-06-20T10:00:00Z" });
  await recordStaffEvent(prisma, { actorId: editor, milestoneCode: "M-05", occurredAt: "2023-11-01T10:00:00Z" });
});

afterAll(async () => {
  await database.close();
});

async function codesFor(query: string): Promise<string[]> {
  const parsed = parseStaffHomeFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const list = await listMilestones(staffHomeMilestoneFilters(parsed.filters), { all: true, today: TODAY });
  return list.items.map((m) => m.code);
}

describe("the staff home's milestone filters", () => {
  it("show everything by default, in code order", async () => {
    expect(await codesFor("")).toEqual(["M-01", "M-02", "M-03", "M-04", "M-05"]);
    expect(await codesFor("show=&pillar=&password=changed")).toEqual(["M-01", "M-02", "M-03", "M-04", "M-05"]);
  });

  it("overdue, stale, not yet assessed, by pillar, and together", async () => {
    expect(await codesFor("show=overdue")).toEqual(["M-01", "M-02"]);
    expect(await codesFor("show=stale")).toEqual(["M-01", "M-03", "M-05"]);
    expect(await codesFor("show=not-assessed")).toEqual(["M-01", "M-03"]);
    expect(await codesFor("pillar=2")).toEqual(["M-02", "M-03", "M-04", "M-05"]);
    expect(await codesFor("show=overdue&pillar=2")).toEqual(["M-02"]);
    expect(await codesFor("show=not-assessed&pillar=1")).toEqual(["M-01"]);
  });

  it("refuse a value they do not know, or one given twice, with a message naming the parameter", () => {
    for (const [query, parameter] of [
      ["show=late", "show"],
      ["show=overdue&show=stale", "show"],
      ["pillar=7", "pillar"],
      ["pillar=1.5", "pillar"],
      ["pillar=__proto__", "pillar"],
    ] as const) {
      const parsed = parseStaffHomeFilters(new URLSearchParams(query));
      expect(parsed.ok, query).toBe(false);
      if (!parsed.ok) expect(parsed.errors.map((e) => e.parameter)).toEqual([parameter]);
    }
    // Read as own string values only: a prototype key is not a filter.
    expect(parseStaffHomeFilters({ ["__proto__"]: "x", constructor: "y" } as never)).toEqual({ ok: true, filters: {} });
  });
});
