import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";

test.describe("the JSON API", () => {
  test("lists recommendations with stable fields, filtered like the pages", async ({ request }) => {
    const response = await request.get("/api/v1/recommendations?review=CMA&pageSize=100");
    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const body = await response.json();
    expect(body.total).toBe(8);
    expect(Object.keys(body.items[0])).toEqual([
      "code",
      "review",
      "section",
      "subsection",
      "pillar",
      "outcomes",
      "text",
      "responseText",
      "responseInherited",
      "responseInheritedFrom",
      "statedResponse",
      "responseClass",
      "responseRationale",
      "milestones",
      "sourceAnnex",
      "sourceRow",
      "url",
      "milestonesOverdueNotYetAssessed",
      "milestonesAssessedLate",
    ]);
    expect(body.items.map((r: { code: string }) => r.code)).toEqual([
      "CMA-01",
      "CMA-02",
      "CMA-03",
      "CMA-04",
      "CMA-05",
      "CMA-06",
      "CMA-07",
      "CMA-08",
    ]);
    expect(body.items[4]).toMatchObject({
      statedResponse: "Accept in principle",
      pillar: 4,
      section: "Transforming care experience",
    });
  });

  test("searches and pages", async ({ request }) => {
    const all = await (await request.get("/api/v1/recommendations?q=Pathfinder&pageSize=500")).json();
    expect(all.total).toBeGreaterThan(5);
    for (const r of all.items) expect(`${r.text} ${r.responseText}`.toLowerCase()).toContain("pathfinder");
    const page2 = await (await request.get("/api/v1/recommendations?q=Pathfinder&pageSize=2&page=2")).json();
    expect(page2.items.map((r: { code: string }) => r.code)).toEqual(
      all.items.slice(2, 4).map((r: { code: string }) => r.code),
    );
  });

  test("lists milestones, pillars and outcomes", async ({ request }) => {
    const milestones = await (await request.get("/api/v1/milestones?group=laying_the_groundwork")).json();
    expect(milestones.total).toBe(6);
    expect(milestones.items[0]).toHaveProperty("dateAsWritten");
    expect(milestones.items.every((m: { status: string }) => m.status === "not_yet_assessed")).toBe(true);
    // Before any staff update, an overdue milestone's lateness says nobody has assessed it; `overdue` is unchanged.
    for (const m of milestones.items as Array<{ overdue: boolean; lateness: string | null }>) {
      expect(m.lateness).toBe(m.overdue ? "not_yet_assessed" : null);
    }
    // The two kinds of lateness, filtered, add up to the overdue milestones (staff specs may have assessed some).
    const list = async (query: string) =>
      (await (await request.get(`/api/v1/milestones?${query}&pageSize=500`)).json()).items as Array<{
        code: string;
        status: string;
        overdue: boolean;
        lateness: string | null;
      }>;
    const unassessed = await list("lateness=not_yet_assessed");
    const late = await list("lateness=assessed_late");
    expect(unassessed.length).toBeGreaterThan(0);
    expect(unassessed.every((m) => m.overdue && m.status === "not_yet_assessed")).toBe(true);
    expect(late.every((m) => m.overdue && m.status !== "not_yet_assessed")).toBe(true);
    expect([...unassessed, ...late].map((m) => m.code).sort()).toEqual(
      (await list("due=overdue")).map((m) => m.code).sort(),
    );
    const pillars = await (await request.get("/api/v1/pillars")).json();
    expect(pillars.items).toHaveLength(6);
    expect(pillars.items[3].title).toBe(
      "Putting love, relationships and a stable home at the heart of being a child in care",
    );
    const outcomes = await (await request.get("/api/v1/outcomes")).json();
    expect(outcomes.items.map((o: { kind: string }) => o.kind)).toEqual([
      "outcome",
      "outcome",
      "outcome",
      "outcome",
      "enabler",
      "enabler",
    ]);
    expect(outcomes.items[0].nextActions.length).toBeGreaterThan(0);
  });

  test("answers a bad parameter with a 400 that names it and the allowed values", async ({ request }) => {
    const badClass = await request.get("/api/v1/recommendations?class=maybe");
    expect(badClass.status()).toBe(400);
    expect((await badClass.json()).errors).toEqual([
      {
        parameter: "class",
        message: '"class" must be one of: accepted, accepted_in_principle, testing, consulting, not_accepted.',
      },
    ]);
    const unknown = await request.get("/api/v1/milestones?colour=red");
    expect(unknown.status()).toBe(400);
    expect((await unknown.json()).errors[0].parameter).toBe("colour");
    const badDate = await request.get("/api/v1/milestones?dueFrom=2024-02-31");
    expect(badDate.status()).toBe(400);
    expect((await badDate.json()).message).toContain("dueFrom");
    const badPillar = await request.get("/api/v1/pillars?pillar=1");
    expect(badPillar.status()).toBe(400);
    const badPage = await request.get("/api/v1/recommendations?page=0");
    expect((await badPage.json()).errors[0].parameter).toBe("page");
  });
});

// Every CSV file's rules (lib/csv.ts) are proved in tests/integration/csv-files.test.ts; here, over HTTP.
function strictRows(body: Buffer): Array<Record<string, string>> {
  return parse(body.toString("utf8"), {
    bom: true,
    columns: true,
    relax_quotes: false,
    relax_column_count: false,
    record_delimiter: ["\r\n", "\n", "\r"],
  }) as Array<Record<string, string>>;
}

test.describe("CSV downloads", () => {
  test("are RFC 4180 with a header row, honouring the filters", async ({ request }) => {
    const response = await request.get("/api/v1/recommendations?format=csv&pillar=3");
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toContain("recommendations.csv");
    const body = await response.body();
    expect([...body.subarray(0, 3)], "a UTF-8 byte order mark").toEqual([0xef, 0xbb, 0xbf]);
    const rows = strictRows(body);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.pillar === "3" && r.section === "Unlocking family networks")).toBe(true);
    // Texts with commas, quotes and line breaks survive the round trip.
    const json = await (await request.get("/api/v1/recommendations?pillar=3&pageSize=100")).json();
    expect(rows.map((r) => r.responseText)).toEqual(json.items.map((r: { responseText: string }) => r.responseText));
  });

  test("exist for every list", async ({ request }) => {
    for (const [path, count] of [
      ["/api/v1/milestones?format=csv", 37],
      ["/api/v1/pillars?format=csv", 6],
      ["/api/v1/outcomes?format=csv", 6],
      ["/api/v1/recommendations?format=csv", 113],
    ] as const) {
      const rows = strictRows(await (await request.get(path)).body());
      expect(rows, path).toHaveLength(count);
    }
  });
});
