import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLocalAction, applyLocalActionUpdate, type LocalActionFields } from "@/lib/local-actions/record";
import {
  listLocalActions,
  localActionCountsByStatus,
  localChanges,
  localSlippage,
  nationalItemsServed,
} from "@/lib/local-actions/reads.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// The public reads of local actions (issue 15, items 3 and 8): now and as at a past day, rebuilt from their audit
// events as milestones are, with the filters of /api/v1/local-actions, the local changes in words, the local
// slippage and the national items served. Written through the one writer (lib/local-actions/record.ts) with the
// moment each change happened, so the days are real days in the trail.

let database: TestDatabase;
const THURROCK = "E06000034";
const ESSEX = "E10000012";
const TODAY = "2026-06-01";

const base: LocalActionFields = {
  title: "Family help teams in every locality",
  description: "Bring early help and child in need work together in four locality teams.",
  leadRole: "Director of Children's Services",
  status: "on_track",
  dueDate: "2025-09-30",
  forecastDate: null,
  actualDate: null,
  commentary: null,
  evidence: [],
  milestones: ["M-01"],
  recommendations: ["CR-01"],
  commitments: ["A1-O1-N1"],
};
const SLIP_REASON = "Recruiting two team managers has taken longer than planned";

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const editor = await createUser(database.prisma, {
    email: "named.person@thurrock.gov.uk",
    role: "council_editor",
    council: "thurrock",
  });
  const actor = { id: editor.id, label: editor.email };
  const council = async (gssCode: string) =>
    database.prisma.council.findUniqueOrThrow({ where: { gssCode }, select: { id: true, gssCode: true } });
  const at = (iso: string) => ({ occurredAt: new Date(iso) });
  const thurrock = await council(THURROCK);
  const essex = await council(ESSEX);
  await database.prisma.$transaction(async (tx) => {
    const first = await insertLocalAction(tx, actor, thurrock, base, null, at("2025-03-01T10:00:00Z"));
    if (!first.ok) throw new Error("not added");
    await insertLocalAction(
      tx,
      actor,
      essex,
      { ...base, title: "Essex family hubs", milestones: ["M-02"], recommendations: [], commitments: [] },
      null,
      at("2025-04-01T10:00:00Z"),
    );
    const row = await tx.localAction.findFirstOrThrow({ where: { councilId: thurrock.id, number: 1 } });
    const slipped = await applyLocalActionUpdate(
      tx,
      actor,
      {
        id: row.id,
        entityCode: `${THURROCK}/LA-1`,
        current: first.state,
        next: { ...base, status: "delayed", forecastDate: "2025-12-31" },
        reason: SLIP_REASON,
      },
      at("2025-06-15T09:00:00Z"),
    );
    if (!slipped.ok) throw new Error("not updated");
    await insertLocalAction(
      tx,
      actor,
      thurrock,
      {
        ...base,
        title: "A new front door",
        dueDate: "2025-08-31",
        milestones: [],
        recommendations: [],
        commitments: [],
      },
      null,
      at("2025-07-01T09:00:00Z"),
    );
  });
});

afterAll(async () => {
  await database.close();
});

const thurrockAt = async (asAt: string | null) =>
  (await listLocalActions({ council: THURROCK }, { asAt, today: TODAY })).items.map((a) => ({
    code: a.code,
    status: a.status,
    forecastDate: a.forecastDate,
    lateness: a.lateness,
    slipped: a.slipped,
  }));

describe("local actions as at a past day, rebuilt from their audit events", () => {
  it("holds none before the first was added, and each as it stood at the end of each day", async () => {
    expect(await thurrockAt("2025-02-28")).toEqual([]);
    expect(await thurrockAt("2025-03-01")).toEqual([
      { code: "LA-1", status: "on_track", forecastDate: null, lateness: null, slipped: false },
    ]);
    expect(await thurrockAt("2025-06-14")).toEqual([
      { code: "LA-1", status: "on_track", forecastDate: null, lateness: null, slipped: false },
    ]);
    expect(await thurrockAt("2025-06-15")).toEqual([
      { code: "LA-1", status: "delayed", forecastDate: "2025-12-31", lateness: null, slipped: true },
    ]);
    // Lateness is judged on the day viewed: LA-2 was due on 31 August 2025 and is still on track.
    expect(await thurrockAt("2025-09-01")).toEqual([
      { code: "LA-1", status: "delayed", forecastDate: "2025-12-31", lateness: null, slipped: true },
      { code: "LA-2", status: "on_track", forecastDate: null, lateness: "assessed_late", slipped: false },
    ]);
    expect(await thurrockAt(null)).toEqual([
      { code: "LA-1", status: "delayed", forecastDate: "2025-12-31", lateness: "assessed_late", slipped: true },
      { code: "LA-2", status: "on_track", forecastDate: null, lateness: "assessed_late", slipped: false },
    ]);
  });

  it("counts by status and lists what changed locally, as at a day, in words, with the reason", async () => {
    expect(await localActionCountsByStatus(THURROCK, "2025-06-14")).toMatchObject({ on_track: 1, delayed: 0 });
    expect(await localActionCountsByStatus(THURROCK)).toMatchObject({ on_track: 1, delayed: 1, complete: 0 });
    const before = await localChanges(THURROCK, { asAt: "2025-06-14" });
    expect(before).toEqual([expect.objectContaining({ code: "LA-1", added: true, changes: [], reason: null })]);
    const after = await localChanges(THURROCK, {});
    expect(after.map((c) => [c.code, c.added])).toEqual([
      ["LA-2", true],
      ["LA-1", false],
      ["LA-1", true],
    ]);
    expect(after[1]).toMatchObject({
      reason: SLIP_REASON,
      changes: expect.arrayContaining([
        { field: "Status", before: "On track", after: "Delayed" },
        { field: "Forecast date", before: null, after: "2025-12-31" },
      ]),
    });
    expect(await localChanges(THURROCK, { number: 2 })).toHaveLength(1);
  });

  it("never names the person who made a change", async () => {
    const everything = JSON.stringify([
      await listLocalActions({}, { today: TODAY }),
      await localChanges(THURROCK, {}),
      await localChanges(ESSEX, {}),
    ]);
    expect(everything).not.toContain("named.person");
    expect(everything).not.toContain("@");
  });
});

describe("filters, slippage and the national picture", () => {
  it("filters by council, region, status, milestone, recommendation and programme, and pages", async () => {
    const codes = async (filters: Parameters<typeof listLocalActions>[0], asAt: string | null = null) =>
      (await listLocalActions(filters, { asAt, today: TODAY })).items.map((a) => `${a.council.gssCode}/${a.code}`);
    expect(await codes({})).toEqual([`${ESSEX}/LA-1`, `${THURROCK}/LA-1`, `${THURROCK}/LA-2`]);
    expect(await codes({ region: "East of England" })).toHaveLength(3);
    expect(await codes({ region: "London" })).toEqual([]);
    expect(await codes({ status: "delayed" })).toEqual([`${THURROCK}/LA-1`]);
    expect(await codes({ status: "delayed" }, "2025-06-14")).toEqual([]);
    expect(await codes({ milestone: "M-02" })).toEqual([`${ESSEX}/LA-1`]);
    expect(await codes({ recommendation: "CR-01" })).toEqual([`${THURROCK}/LA-1`]);
    expect(await codes({ programme: "nothing-of-the-kind" })).toEqual([]);
    const page = await listLocalActions({}, { today: TODAY, page: 2, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((a) => a.code)).toEqual(["LA-2"]);
    expect((await listLocalActions({}, { today: TODAY, page: 5, pageSize: 2 })).total).toBe(3);
  });

  it("lists as local slippage what is overdue or forecast later than first planned", async () => {
    const now = (await listLocalActions({ council: THURROCK }, { today: TODAY })).items;
    expect(localSlippage(now).map((a) => a.code)).toEqual(["LA-1", "LA-2"]);
    const then = (await listLocalActions({ council: THURROCK }, { asAt: "2025-07-01", today: TODAY })).items;
    expect(localSlippage(then).map((a) => a.code)).toEqual(["LA-1"]);
  });

  it("gives the national items served with their national status", async () => {
    const actions = (await listLocalActions({ council: THURROCK }, { today: TODAY })).items;
    const national = await nationalItemsServed(actions, { today: TODAY });
    const m01 = await database.prisma.milestone.findUniqueOrThrow({ where: { code: "M-01" } });
    expect(national.milestones).toEqual([expect.objectContaining({ code: "M-01", status: m01.status })]);
    expect(national.recommendations).toEqual([expect.objectContaining({ code: "CR-01" })]);
    expect(national.commitments).toEqual([expect.objectContaining({ code: "A1-O1-N1", outcome: 1 })]);
  });
});
