import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { todayInLondon } from "@/lib/dates";
import { getMilestone, listMilestones } from "@/lib/reform/milestones.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { getRecommendation, listRecommendations } from "@/lib/reform/recommendations.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { slippageRegister } from "@/lib/scrutiny/slippage.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser, recordStaffEvent } from "@/tests/support/factories";

// The public views "as at" a date are rebuilt from the audit trail. As at today they must equal today's views
// exactly; as at an earlier date they must show the earlier state.
let database: TestDatabase;
const today = todayInLondon();

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const editor = (await createUser(database.prisma, { email: "editor@example.gov.uk" })).id;
  const none = { commentary: "", evidence: [] as Array<{ title: string; url: string }> };
  expect(
    (
      await recordMilestoneUpdate(editor, {
        code: "M-01",
        version: 1,
        status: "complete",
        forecastDate: "",
        actualDate: "2023-08-20",
        reason: "",
        ...none,
        commentary: "Hub opened",
      })
    ).ok,
  ).toBe(true);
  expect(
    (
      await recordMilestoneUpdate(editor, {
        code: "M-04",
        version: 1,
        status: "delayed",
        forecastDate: "2027-03-31",
        actualDate: "",
        reason: "Delivery partners were not ready",
        ...none,
      })
    ).ok,
  ).toBe(true);
  const r = await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
  expect(
    (
      await reclassifyRecommendation(editor, {
        code: "CR-01",
        version: r.version,
        responseClass: "accepted",
        rationale: 'It says "We will test".',
        reason: "Correction of an earlier entry",
      })
    ).ok,
  ).toBe(true);
  // An older staff update, dated in 2024, on a milestone whose current state matches it.
  await database.prisma.milestone.update({ where: { code: "M-05" }, data: { status: "on_track", version: 2 } });
  await recordStaffEvent(database.prisma, {
    actorId: editor,
    milestoneCode: "M-05",
    occurredAt: "2024-03-01T12:00:00Z",
    before: {
      status: "not_yet_assessed",
      forecastDate: null,
      actualDate: null,
      commentary: null,
      evidence: [],
      version: 1,
    },
    after: { status: "on_track", forecastDate: null, actualDate: null, commentary: null, evidence: [], version: 2 },
  });
});

afterAll(async () => {
  await database.close();
});

describe("as at today", () => {
  it("the dashboard is identical to today's dashboard", async () => {
    expect(await summariseDashboard({ today, asAt: today })).toEqual(await summariseDashboard({ today }));
  });

  it("the lists are identical to today's lists, whatever the filters", async () => {
    for (const filters of [
      {},
      { status: "delayed" as const },
      { gap: "stale" as const },
      { due: "overdue" as const },
      { pillar: 4 },
    ]) {
      expect(await listMilestones({ ...filters, asAt: today }, { all: true, today })).toEqual(
        await listMilestones(filters, { all: true, today }),
      );
    }
    for (const filters of [
      {},
      { class: "accepted" as const },
      { gap: "undelivered" as const },
      { status: "complete" as const },
    ]) {
      expect(await listRecommendations({ ...filters, asAt: today }, { all: true })).toEqual(
        await listRecommendations(filters, { all: true }),
      );
    }
  });

  it("the slippage register is identical to today's", async () => {
    expect(await slippageRegister({ asAt: today })).toEqual(await slippageRegister());
    const m4 = (await slippageRegister()).find((m) => m.code === "M-04");
    expect([m4?.timesSlipped, m4?.totalSlippageDays]).toEqual([1, 942]);
  });

  it("detail pages are identical to today's", async () => {
    expect(await getMilestone("M-04", { asAt: today, today })).toEqual(await getMilestone("M-04", { today }));
    expect(await getRecommendation("CR-01", { asAt: today, today })).toEqual(
      await getRecommendation("CR-01", { today }),
    );
  });
});

describe("as at an earlier date", () => {
  it("shows the statuses and classes of that day", async () => {
    const then = await summariseDashboard({ asAt: "2024-06-30" });
    expect(then.milestonesByStatus).toMatchObject({ on_track: 1, not_yet_assessed: 36, complete: 0, delayed: 0 });
    const before = await summariseDashboard({ asAt: "2024-01-31" });
    expect(before.milestonesByStatus).toMatchObject({ not_yet_assessed: 37 });
    const m4 = await getMilestone("M-04", { asAt: "2024-06-30" });
    expect([m4?.status, m4?.forecastDate, m4?.history.filter((h) => h.byStaff)]).toEqual([
      "not_yet_assessed",
      null,
      [],
    ]);
    const cr1 = await getRecommendation("CR-01", { asAt: "2024-06-30" });
    expect(cr1?.responseClass).toBe("testing");
    const delayed = await listMilestones({ status: "delayed", asAt: "2024-06-30" }, { all: true });
    expect(delayed.total).toBe(0);
    const slippageThen = (await slippageRegister({ asAt: "2024-06-30" })).find((m) => m.code === "M-04");
    expect([slippageThen?.timesSlipped, slippageThen?.totalSlippageDays, slippageThen?.replans]).toEqual([0, 0, []]);
    const onTrack = await listMilestones({ status: "on_track", asAt: "2024-06-30" }, { all: true });
    expect(onTrack.items.map((m) => m.code)).toEqual(["M-05"]);
  });
});
