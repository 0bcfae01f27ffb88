import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { getMilestone, listMilestones } from "@/lib/reform/milestones.server";
import { getRecommendation, listRecommendations } from "@/lib/reform/recommendations.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import {
  createMilestone,
  createRecommendation,
  createReferenceData,
  createUser,
  recordStaffEvent,
} from "@/tests/support/factories";

// A small fixture whose every figure is counted by hand below. "Today" is fixed at 30 June 2024, so:
// overdue = open and planned date before 30 June 2024; due soon = open and planned by 28 September 2024;
// stale = open and no staff update since 1 April 2024.
const TODAY = "2024-06-30";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  await createRecommendation(prisma, {
    code: "CR-01",
    pillar: 1,
    responseClass: "accepted",
    outcomes: [1],
    text: "Recruit more foster carers in every region.",
  });
  await createRecommendation(prisma, {
    code: "CR-02",
    pillar: 1,
    responseClass: "testing",
    outcomes: [1, 3],
    response: "We will test support for foster families in a Pathfinder.",
  });
  await createRecommendation(prisma, { code: "CR-03", pillar: 2, responseClass: "consulting", outcomes: [3] });
  await createRecommendation(prisma, {
    code: "CPE-01",
    review: "CPE",
    pillar: 2,
    responseClass: "accepted_in_principle",
    outcomes: [3],
  });
  await createRecommendation(prisma, {
    code: "CMA-01",
    review: "CMA",
    pillar: 4,
    responseClass: "accepted",
    outcomes: [4],
  });
  await createRecommendation(prisma, { code: "CR-04", pillar: 6, responseClass: "not_accepted", outcomes: [6] });
  await createRecommendation(prisma, { code: "CR-05", pillar: 3, responseClass: "accepted", outcomes: [2] });

  await createMilestone(prisma, {
    code: "M-01",
    dueDate: "2023-08-31",
    status: "complete",
    actualDate: "2023-08-15",
    pillars: [1],
    outcomes: [1],
    recommendations: ["CR-01"],
  });
  await createMilestone(prisma, {
    code: "M-02",
    dueDate: "2023-11-30",
    forecastDate: "2024-09-30",
    status: "delayed",
    pillars: [1],
    outcomes: [1],
    recommendations: ["CR-02"],
  });
  await createMilestone(prisma, {
    code: "M-03",
    dueDate: "2024-05-31",
    status: "on_track",
    pillars: [2],
    outcomes: [3],
    recommendations: ["CPE-01"],
    group: "setting_national_direction",
  });
  await createMilestone(prisma, { code: "M-04", dueDate: "2024-08-31", pillars: [4], outcomes: [4] });
  await createMilestone(prisma, {
    code: "M-05",
    dueDate: "2025-03-31",
    status: "superseded",
    pillars: [6],
    outcomes: [6],
  });
  await createMilestone(prisma, {
    code: "M-06",
    dueDate: "2024-03-31",
    status: "at_risk",
    pillars: [2, 4],
    outcomes: [3, 4],
    recommendations: ["CMA-01"],
  });

  const editor = await createUser(prisma, { email: "editor@example.gov.uk" });
  await recordStaffEvent(prisma, {
    actorId: editor.id,
    milestoneCode: "M-01",
    occurredAt: "2024-06-01T10:00:00Z",
    before: { status: "on_track" },
    after: { status: "complete" },
  });
  await recordStaffEvent(prisma, { actorId: editor.id, milestoneCode: "M-03", occurredAt: "2024-01-10T10:00:00Z" });
  await recordStaffEvent(prisma, {
    actorId: editor.id,
    milestoneCode: "M-06",
    occurredAt: "2024-05-01T10:00:00Z",
    before: { status: "on_track", forecastDate: null },
    after: { status: "at_risk", forecastDate: "2024-03-31" },
    reason: "Supplier contract delayed",
  });
});

afterAll(async () => {
  await database.close();
});

describe("the dashboard", () => {
  it("counts recommendations by response class for each review", async () => {
    const d = await summariseDashboard({ today: TODAY });
    expect(d.recommendationsByReview.map((r) => [r.review, r.total, r.byClass])).toEqual([
      ["CR", 5, { accepted: 2, accepted_in_principle: 0, testing: 1, consulting: 1, not_accepted: 1 }],
      ["CPE", 1, { accepted: 0, accepted_in_principle: 1, testing: 0, consulting: 0, not_accepted: 0 }],
      ["CMA", 1, { accepted: 1, accepted_in_principle: 0, testing: 0, consulting: 0, not_accepted: 0 }],
    ]);
    expect(d.recommendationsByClass).toEqual({
      accepted: 3,
      accepted_in_principle: 1,
      testing: 1,
      consulting: 1,
      not_accepted: 1,
    });
  });

  it("counts milestones by status, overdue and due in the next 90 days", async () => {
    const d = await summariseDashboard({ today: TODAY });
    expect(d.milestonesByStatus).toEqual({
      not_yet_assessed: 1,
      not_started: 0,
      on_track: 1,
      at_risk: 1,
      delayed: 1,
      complete: 1,
      superseded: 1,
    });
    expect(d.milestoneTotal).toBe(6);
    expect(d.overdue).toBe(2); // M-03 and M-06; M-02's forecast (30 Sep 2024) is still ahead
    expect(d.dueNext90Days).toBe(1); // M-04, 31 Aug 2024
  });

  it("breaks milestone statuses and response classes down by pillar and by outcome", async () => {
    const d = await summariseDashboard({ today: TODAY });
    const pillar = (n: number) => d.byPillar.find((p) => p.number === n)!;
    expect(pillar(1).milestones).toMatchObject({ complete: 1, delayed: 1, on_track: 0 });
    expect(pillar(2).milestones).toMatchObject({ on_track: 1, at_risk: 1 });
    expect(pillar(4).milestones).toMatchObject({ not_yet_assessed: 1, at_risk: 1 });
    expect(Object.values(pillar(5).milestones).reduce((a, b) => a + b, 0)).toBe(0);
    expect(pillar(1).recommendations).toMatchObject({ accepted: 1, testing: 1 });
    const outcome = (n: number) => d.byOutcome.find((o) => o.number === n)!;
    expect(outcome(3).milestones).toMatchObject({ on_track: 1, at_risk: 1 });
    expect(outcome(3).recommendations).toMatchObject({ testing: 1, consulting: 1, accepted_in_principle: 1 });
    expect(outcome(4).milestones).toMatchObject({ not_yet_assessed: 1, at_risk: 1 });
  });

  it("places milestones on the quarterly timeline by their planned date", async () => {
    const d = await summariseDashboard({ today: TODAY });
    const nonEmpty = d.timeline.filter((t) => t.due > 0);
    expect(nonEmpty).toEqual([
      { quarter: "2023 Q3", due: 1, done: 1, overdue: 0 },
      { quarter: "2024 Q1", due: 1, done: 0, overdue: 1 },
      { quarter: "2024 Q2", due: 1, done: 0, overdue: 1 },
      { quarter: "2024 Q3", due: 2, done: 0, overdue: 0 },
      { quarter: "2025 Q1", due: 1, done: 0, overdue: 0 },
    ]);
    expect(d.timeline).toHaveLength(12);
  });

  it("flags the gaps a scrutineer looks for", async () => {
    const d = await summariseDashboard({ today: TODAY });
    expect(d.gaps).toEqual({
      undeliveredRecommendations: 1, // CR-05: accepted, no milestone
      overdueMilestones: 2,
      staleMilestones: 3, // M-02 and M-04 never updated, M-03 last updated 10 Jan 2024
    });
  });
});

describe("the recommendations list", () => {
  const codes = async (filters: Parameters<typeof listRecommendations>[0]) =>
    (await listRecommendations(filters)).items.map((r) => r.code);

  it("filters by review, pillar, outcome, response class, milestone status and gap", async () => {
    expect(await codes({ review: "CR" })).toEqual(["CR-01", "CR-02", "CR-03", "CR-04", "CR-05"]);
    expect(await codes({ pillar: 2 })).toEqual(["CR-03", "CPE-01"]);
    expect(await codes({ outcome: 3 })).toEqual(["CR-02", "CR-03", "CPE-01"]);
    expect(await codes({ class: "accepted" })).toEqual(["CR-01", "CR-05", "CMA-01"]);
    expect(await codes({ status: "at_risk" })).toEqual(["CMA-01"]);
    expect(await codes({ gap: "undelivered" })).toEqual(["CR-05"]);
    expect(await codes({ review: "CR", class: "accepted", pillar: 3 })).toEqual(["CR-05"]);
  });

  it("searches recommendation and response text, ranking matches in the recommendation first", async () => {
    expect(await codes({ q: "foster" })).toEqual(["CR-01", "CR-02"]);
    expect(await codes({ q: "Pathfinder" })).toEqual(["CR-02"]);
    expect(await codes({ q: "nothing matches this" })).toEqual([]);
  });

  it("counts the matches by class and pages through them", async () => {
    const list = await listRecommendations({ review: "CR", pageSize: 2, page: 2 });
    expect(list.total).toBe(5);
    expect(list.countsByClass).toEqual({
      accepted: 2,
      accepted_in_principle: 0,
      testing: 1,
      consulting: 1,
      not_accepted: 1,
    });
    expect(list.items.map((r) => r.code)).toEqual(["CR-03", "CR-04"]);
  });

  it("sorts by class and by pillar", async () => {
    expect(await codes({ sort: "class" })).toEqual(["CR-01", "CR-05", "CMA-01", "CPE-01", "CR-02", "CR-03", "CR-04"]);
    expect((await codes({ sort: "pillar" }))[6]).toBe("CR-04");
  });
});

describe("the milestones list", () => {
  const codes = async (filters: Parameters<typeof listMilestones>[0]) =>
    (await listMilestones(filters, { today: TODAY })).items.map((m) => m.code);

  it("filters by group, pillar, outcome, status and due window, ordered by planned date", async () => {
    expect(await codes({})).toEqual(["M-01", "M-06", "M-03", "M-04", "M-02", "M-05"]);
    expect(await codes({ group: "setting_national_direction" })).toEqual(["M-03"]);
    expect(await codes({ pillar: 2 })).toEqual(["M-06", "M-03"]);
    expect(await codes({ outcome: 4 })).toEqual(["M-06", "M-04"]);
    expect(await codes({ status: "complete" })).toEqual(["M-01"]);
    expect(await codes({ due: "overdue" })).toEqual(["M-06", "M-03"]);
    expect(await codes({ due: "next-90-days" })).toEqual(["M-04"]);
    expect(await codes({ due: "2024" })).toEqual(["M-06", "M-03", "M-04", "M-02"]);
    expect(await codes({ dueFrom: "2024-04-01", dueTo: "2024-08-31" })).toEqual(["M-03", "M-04"]);
    expect(await codes({ gap: "stale" })).toEqual(["M-03", "M-04", "M-02"]);
  });

  it("reports planned date, overdue and last staff update for each", async () => {
    const list = await listMilestones({}, { today: TODAY });
    const m2 = list.items.find((m) => m.code === "M-02")!;
    expect([m2.dueDate, m2.forecastDate, m2.plannedDate, m2.overdue, m2.lastUpdated]).toEqual([
      "2023-11-30",
      "2024-09-30",
      "2024-09-30",
      false,
      null,
    ]);
    const m6 = list.items.find((m) => m.code === "M-06")!;
    expect([m6.overdue, m6.lastUpdated, m6.recommendations, m6.pillars]).toEqual([
      true,
      "2024-05-01T10:00:00.000Z",
      ["CMA-01"],
      [2, 4],
    ]);
  });
});

describe("detail pages' data", () => {
  it("gives a milestone its links and its public history, without the staff member", async () => {
    const m = await getMilestone("M-06", { today: TODAY });
    expect(m?.recommendationLinks.map((r) => r.code)).toEqual(["CMA-01"]);
    expect(m?.history).toEqual([
      {
        occurredAt: "2024-05-01T10:00:00.000Z",
        action: "update",
        byStaff: true,
        summary: "Updated by DfE programme staff",
        changes: [
          { field: "Status", before: "On track", after: "At risk" },
          { field: "Forecast date", before: null, after: "2024-03-31" },
        ],
        reason: "Supplier contract delayed",
      },
    ]);
    expect(JSON.stringify(m)).not.toContain("editor@example.gov.uk");
  });

  it("gives a recommendation its milestones with their status", async () => {
    const r = await getRecommendation("CMA-01", { today: TODAY });
    expect(r?.milestoneLinks).toEqual([
      {
        code: "M-06",
        title: "Milestone M-06",
        status: "at_risk",
        plannedDate: "2024-03-31",
        overdue: true,
        lateness: "assessed_late",
      },
    ]);
    expect(await getRecommendation("CR-99")).toBeNull();
  });
});
