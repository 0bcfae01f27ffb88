import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as councilsApi } from "@/app/api/v1/councils/route";
import { GET as localActionsApi } from "@/app/api/v1/local-actions/route";
import { GET as programmesApi } from "@/app/api/v1/programmes/route";
import { GET as milestonesApi } from "@/app/api/v1/milestones/route";
import { GET as outcomesApi } from "@/app/api/v1/outcomes/route";
import { GET as pillarsApi } from "@/app/api/v1/pillars/route";
import { GET as recommendationsApi } from "@/app/api/v1/recommendations/route";
import { insertLocalAction } from "@/lib/local-actions/record";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { latenessOf } from "@/lib/reform/milestone-rules";
import { getMilestone, listMilestones } from "@/lib/reform/milestones.server";
import { DATASETS } from "@/lib/reform/open-data-fields";
import { getRecommendation, listRecommendations } from "@/lib/reform/recommendations.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createRecommendation, createReferenceData, createUser } from "@/tests/support/factories";

// "Overdue", split in two (issue 13): the date passed on a milestone nobody has assessed, or on one staff assessed.
// A fixture counted by hand with "today" fixed at 30 June 2024, then the real reform data through the API.

const TODAY = "2024-06-30";

describe("the rule", () => {
  it("names the kind of overdue, and nothing when a milestone is not overdue", () => {
    const past = "2024-01-31";
    expect(latenessOf({ status: "not_yet_assessed", plannedDate: past }, TODAY)).toBe("not_yet_assessed");
    for (const status of ["not_started", "on_track", "at_risk", "delayed"] as const) {
      expect(latenessOf({ status, plannedDate: past }, TODAY), status).toBe("assessed_late");
    }
    for (const status of ["complete", "superseded"] as const) {
      expect(latenessOf({ status, plannedDate: past }, TODAY), status).toBeNull();
    }
    expect(latenessOf({ status: "not_yet_assessed", plannedDate: TODAY }, TODAY), "due today").toBeNull();
    expect(latenessOf({ status: "delayed", plannedDate: "2024-07-01" }, TODAY)).toBeNull();
  });
});

describe("the split in the figures, over a fixture", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.prisma;
    await createReferenceData(prisma);
    await createRecommendation(prisma, { code: "CR-01", pillar: 1, responseClass: "accepted", outcomes: [1] });
    await createRecommendation(prisma, { code: "CR-02", pillar: 2, responseClass: "accepted", outcomes: [3] });
    await createRecommendation(prisma, { code: "CR-03", pillar: 2, responseClass: "testing", outcomes: [3] });
    // Overdue, not yet assessed: M-01, M-02. Assessed and late: M-03 (delayed), M-04 (on track, date passed).
    // Not overdue: M-05 (complete), M-06 (not yet assessed, due later), M-07 (forecast moved later).
    await createMilestone(prisma, { code: "M-01", dueDate: "2023-08-31", pillars: [1], outcomes: [1] });
    await createMilestone(prisma, {
      code: "M-02",
      dueDate: "2024-03-31",
      pillars: [1, 2],
      outcomes: [1, 3],
      recommendations: ["CR-01"],
    });
    await createMilestone(prisma, {
      code: "M-03",
      dueDate: "2023-11-30",
      status: "delayed",
      pillars: [2],
      outcomes: [3],
      recommendations: ["CR-01", "CR-02"],
    });
    await createMilestone(prisma, { code: "M-04", dueDate: "2024-05-31", status: "on_track", pillars: [2] });
    await createMilestone(prisma, {
      code: "M-05",
      dueDate: "2023-08-31",
      status: "complete",
      actualDate: "2023-08-01",
      pillars: [1],
    });
    await createMilestone(prisma, { code: "M-06", dueDate: "2024-12-31", pillars: [1] });
    await createMilestone(prisma, {
      code: "M-07",
      dueDate: "2024-01-31",
      forecastDate: "2024-09-30",
      status: "at_risk",
      pillars: [2],
      recommendations: ["CR-03"],
    });
  });

  afterAll(async () => {
    await database.close();
  });

  it("counts both kinds on the dashboard, adding up to the overdue figure", async () => {
    const d = await summariseDashboard({ today: TODAY });
    expect(d.overdue).toBe(4);
    expect(d.lateness).toEqual({ not_yet_assessed: 2, assessed_late: 2 });
    expect(d.gaps.overdueMilestones).toBe(4);
    expect(d.byPillar.slice(0, 2).map((p) => [p.number, p.lateness])).toEqual([
      [1, { not_yet_assessed: 2, assessed_late: 0 }],
      [2, { not_yet_assessed: 1, assessed_late: 2 }],
    ]);
    expect(d.byOutcome.find((o) => o.number === 3)!.lateness).toEqual({ not_yet_assessed: 1, assessed_late: 1 });
  });

  it("marks and filters the milestone list, keeping `overdue` as it was", async () => {
    const all = await listMilestones({ sort: "code" }, { today: TODAY });
    expect(all.items.map((m) => [m.code, m.overdue, m.lateness])).toEqual([
      ["M-01", true, "not_yet_assessed"],
      ["M-02", true, "not_yet_assessed"],
      ["M-03", true, "assessed_late"],
      ["M-04", true, "assessed_late"],
      ["M-05", false, null],
      ["M-06", false, null],
      ["M-07", false, null],
    ]);
    const codes = async (lateness: "not_yet_assessed" | "assessed_late", pillar?: number) =>
      (await listMilestones({ lateness, pillar, sort: "code" }, { today: TODAY })).items.map((m) => m.code);
    expect(await codes("not_yet_assessed")).toEqual(["M-01", "M-02"]);
    expect(await codes("assessed_late")).toEqual(["M-03", "M-04"]);
    expect(await codes("assessed_late", 1)).toEqual([]);
    expect((await getMilestone("M-02", { today: TODAY }))!.lateness).toBe("not_yet_assessed");
    expect((await getMilestone("M-07", { today: TODAY }))!.lateness).toBeNull();
  });

  it("names each recommendation's late milestones by kind, and filters on them", async () => {
    const list = await listRecommendations({}, { all: true, today: TODAY });
    expect(list.items.map((r) => [r.code, r.milestonesOverdueNotYetAssessed, r.milestonesAssessedLate])).toEqual([
      ["CR-01", ["M-02"], ["M-03"]],
      ["CR-02", [], ["M-03"]],
      ["CR-03", [], []],
    ]);
    // As at a day, the same from the milestones' states rebuilt from the audit trail (read once for the whole list).
    const asAt = await listRecommendations({ asAt: TODAY }, { all: true });
    expect(asAt.items.map((r) => [r.code, r.milestonesOverdueNotYetAssessed, r.milestonesAssessedLate])).toEqual(
      list.items.map((r) => [r.code, r.milestonesOverdueNotYetAssessed, r.milestonesAssessedLate]),
    );
    const codes = async (lateness: "not_yet_assessed" | "assessed_late") =>
      (await listRecommendations({ lateness }, { all: true, today: TODAY })).items.map((r) => r.code);
    expect(await codes("not_yet_assessed")).toEqual(["CR-01"]);
    expect(await codes("assessed_late")).toEqual(["CR-01", "CR-02"]);
    const cr01 = (await getRecommendation("CR-01", { today: TODAY }))!;
    expect(cr01.milestonesOverdueNotYetAssessed).toEqual(["M-02"]);
    expect(cr01.milestoneLinks.map((m) => [m.code, m.lateness])).toEqual([
      ["M-02", "not_yet_assessed"],
      ["M-03", "assessed_late"],
    ]);
  });
});

describe("the open-data API over the reform data", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadReformData(database.prisma);
    const editor = (await createUser(database.prisma, { email: "editor@example.gov.uk" })).id;
    const saves = [
      await recordMilestoneUpdate(editor, {
        code: "M-01",
        version: 1,
        status: "delayed",
        forecastDate: "",
        actualDate: "",
        commentary: "",
        evidence: [],
        reason: "The hub opened later than planned",
      }),
      await recordMilestoneUpdate(editor, {
        code: "M-02",
        version: 1,
        status: "complete",
        forecastDate: "",
        actualDate: "2023-08-01",
        commentary: "",
        evidence: [],
        reason: "",
      }),
    ];
    expect(saves.map((s) => s.ok)).toEqual([true, true]);
  });

  afterAll(async () => {
    await database.close();
  });

  async function json(handler: (request: Request) => Promise<Response>, path: string) {
    const response = await handler(new Request(`http://localhost${path}`));
    expect(response.status, path).toBe(200);
    return (await response.json()) as { total: number; items: Array<Record<string, unknown>> };
  }

  async function csv(handler: (request: Request) => Promise<Response>, path: string) {
    const response = await handler(new Request(`http://localhost${path}`));
    expect(response.status, path).toBe(200);
    return parse(await response.text(), { bom: true, columns: true }) as Array<Record<string, string>>;
  }

  it("keeps `overdue` and adds `lateness` to milestones, in JSON and CSV, with a filter", async () => {
    const all = await json(milestonesApi, "/api/v1/milestones?pageSize=500");
    const m01 = all.items.find((m) => m.code === "M-01")!;
    const m02 = all.items.find((m) => m.code === "M-02")!;
    expect([m01.status, m01.overdue, m01.lateness]).toEqual(["delayed", true, "assessed_late"]);
    expect([m02.status, m02.overdue, m02.lateness]).toEqual(["complete", false, null]);
    for (const m of all.items) {
      const expected = m.overdue ? (m.status === "not_yet_assessed" ? "not_yet_assessed" : "assessed_late") : null;
      expect(m.lateness, String(m.code)).toBe(expected);
    }
    const overdue = all.items.filter((m) => m.overdue).length;
    const late = await json(milestonesApi, "/api/v1/milestones?lateness=assessed_late");
    const unassessed = await json(milestonesApi, "/api/v1/milestones?lateness=not_yet_assessed&pageSize=500");
    expect(late.items.map((m) => m.code)).toEqual(["M-01"]);
    expect(unassessed.total).toBe(overdue - 1);
    expect(unassessed.items.every((m) => m.status === "not_yet_assessed" && m.overdue === true)).toBe(true);

    const rows = await csv(milestonesApi, "/api/v1/milestones?format=csv&lateness=assessed_late");
    expect(rows.map((r) => [r.code, r.overdue, r.lateness])).toEqual([["M-01", "true", "assessed_late"]]);
    const allRows = await csv(milestonesApi, "/api/v1/milestones?format=csv");
    expect(allRows.find((r) => r.code === "M-02")!.lateness).toBe("");
  });

  it("adds the late milestones of each kind to recommendations, with a filter", async () => {
    const late = await json(recommendationsApi, "/api/v1/recommendations?lateness=assessed_late&pageSize=500");
    const m01 = (await json(milestonesApi, "/api/v1/milestones?pageSize=500")).items.find((m) => m.code === "M-01")!;
    expect(late.items.map((r) => r.code).sort()).toEqual([...(m01.recommendations as string[])].sort());
    for (const r of late.items) expect(r.milestonesAssessedLate).toEqual(["M-01"]);
    const rows = await csv(recommendationsApi, "/api/v1/recommendations?format=csv&lateness=assessed_late");
    expect(rows.map((r) => r.milestonesAssessedLate)).toEqual(rows.map(() => "M-01"));
  });

  it("refuses a lateness it does not know with a 400 naming the values", async () => {
    for (const handler of [milestonesApi, recommendationsApi]) {
      const response = await handler(new Request("http://localhost/api/v1/x?lateness=late"));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: unknown }).errors).toEqual([
        { parameter: "lateness", message: '"lateness" must be one of: not_yet_assessed, assessed_late.' },
      ]);
    }
  });

  it("documents every field each dataset emits, in the order it emits them (/open-data)", async () => {
    const handlers = {
      recommendations: recommendationsApi,
      milestones: milestonesApi,
      pillars: pillarsApi,
      outcomes: outcomesApi,
      councils: councilsApi,
      programmes: programmesApi,
      "local-actions": localActionsApi,
    };
    // None is seeded (staff record them), so one is made here for the API to emit.
    const prisma = database.prisma;
    const thurrock = await prisma.council.findUniqueOrThrow({ where: { slug: "thurrock" } });
    const m01 = await prisma.milestone.findUniqueOrThrow({ where: { code: "M-01" } });
    await prisma.programme.create({
      data: {
        slug: "a-programme",
        name: "A programme",
        description: "What it is",
        milestones: { create: { milestoneId: m01.id } },
        councils: { create: { councilId: thurrock.id, fromDate: new Date("2024-01-01T00:00:00Z") } },
      },
    });
    await prisma.$transaction((tx) =>
      insertLocalAction(
        tx,
        { id: null, label: "test" },
        thurrock,
        {
          title: "Family help teams",
          description: "Four locality teams.",
          leadRole: "Director of Children's Services",
          status: "on_track",
          dueDate: "2026-09-30",
          forecastDate: null,
          actualDate: null,
          commentary: null,
          evidence: [{ title: "Plan", url: "https://www.thurrock.gov.uk/plan" }],
          milestones: ["M-01"],
          recommendations: [],
          commitments: [],
        },
        null,
      ),
    );
    for (const dataset of DATASETS) {
      const documented = dataset.fields.map((f) => f.name);
      const body = await json(handlers[dataset.id], dataset.path);
      for (const item of body.items) expect(Object.keys(item), dataset.path).toEqual(documented);
      const response = await handlers[dataset.id](new Request(`http://localhost${dataset.path}?format=csv`));
      const [header] = parse(await response.text(), { bom: true, to_line: 1 }) as string[][];
      expect(header, `${dataset.path} CSV`).toEqual(documented);
      for (const field of dataset.fields) expect(field.description.length, field.name).toBeGreaterThan(10);
    }
  });
});
