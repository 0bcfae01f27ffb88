import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as councilApi } from "@/app/api/v1/councils/[slug]/route";
import { GET as localActionsApi } from "@/app/api/v1/local-actions/route";
import { applyLocalActionUpdate, insertLocalAction, type LocalActionFields } from "@/lib/local-actions/record";
import { LOCAL_ACTION_FIELDS } from "@/lib/local-actions/open-data";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

// /api/v1/local-actions (issue 15, item 8): the envelope and 400 rules of /api/v1/milestones, its filters (council
// by slug or GSS code, region, programme, status, milestone, recommendation, asAt, paging), the CSV, and the local
// action counts on /api/v1/councils/{slug}.

let database: TestDatabase;
const base: LocalActionFields = {
  title: "Family help teams in every locality",
  description: "Bring early help and child in need work together in four locality teams.",
  leadRole: "Director of Children's Services",
  status: "on_track",
  dueDate: "2026-09-30",
  forecastDate: null,
  actualDate: null,
  commentary: null,
  evidence: [{ title: "Cabinet report", url: "https://www.thurrock.gov.uk/cabinet-report" }],
  milestones: ["M-01"],
  recommendations: ["CR-01"],
  commitments: ["A1-O1-N1"],
};

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const prisma = database.prisma;
  const council = (slug: string) =>
    prisma.council.findUniqueOrThrow({ where: { slug }, select: { id: true, gssCode: true } });
  const [thurrock, essex, leeds] = await Promise.all([council("thurrock"), council("essex"), council("leeds")]);
  const actor = { id: null, label: "test@example.gov.uk" };
  await prisma.programme.create({
    data: {
      slug: "a-programme",
      name: "A programme",
      description: "What it is",
      councils: { create: { councilId: leeds.id, fromDate: new Date("2024-01-01T00:00:00Z") } },
    },
  });
  await prisma.$transaction(async (tx) => {
    const first = await insertLocalAction(tx, actor, thurrock, base, null, {
      occurredAt: new Date("2025-01-10T12:00:00Z"),
    });
    if (!first.ok) throw new Error("not added");
    const row = await tx.localAction.findFirstOrThrow({ where: { councilId: thurrock.id, number: 1 } });
    await applyLocalActionUpdate(
      tx,
      actor,
      {
        id: row.id,
        entityCode: `${thurrock.gssCode}/LA-1`,
        current: first.state,
        next: { ...base, status: "at_risk", forecastDate: "2026-12-31" },
        reason: "Recruitment has taken longer than planned",
      },
      { occurredAt: new Date("2025-05-10T12:00:00Z") },
    );
    await insertLocalAction(tx, actor, thurrock, { ...base, title: "A second", milestones: [] }, null);
    await insertLocalAction(tx, actor, essex, { ...base, title: "Essex hubs", recommendations: [] }, null);
    await insertLocalAction(tx, actor, leeds, { ...base, title: "Leeds hubs", milestones: ["M-02"] }, null);
  });
});

afterAll(async () => {
  await database.close();
});

const get = (query: string) => localActionsApi(new Request(`http://localhost/api/v1/local-actions${query}`));
async function items(query: string): Promise<string[]> {
  const response = await get(query);
  expect(response.status, query).toBe(200);
  const body = (await response.json()) as { items: Array<{ council: string; code: string }> };
  return body.items.map((i) => `${i.council}/${i.code}`);
}

describe("/api/v1/local-actions", () => {
  it("lists every council's local actions with the documented fields, in the milestones' envelope", async () => {
    const response = await get("");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = await response.json();
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(Object.keys(body.items[0])).toEqual([...LOCAL_ACTION_FIELDS]);
    expect(body.items.map((i: { council: string }) => i.council)).toEqual(["essex", "leeds", "thurrock", "thurrock"]);
    expect(body.items[2]).toMatchObject({
      councilGssCode: "E06000034",
      councilName: "Thurrock",
      code: "LA-1",
      status: "at_risk",
      dueDate: "2026-09-30",
      forecastDate: "2026-12-31",
      slipped: true,
      evidence: ["https://www.thurrock.gov.uk/cabinet-report"],
      milestones: ["M-01"],
      annex1Actions: ["A1-O1-N1"],
      url: expect.stringMatching(/\/councils\/thurrock\/actions\/LA-1$/),
    });
    // Attributed to the council: the account that wrote it is nowhere in the answer.
    expect(JSON.stringify(body)).not.toContain("test@example.gov.uk");
  });

  it("filters by council (slug or GSS code), region, programme, status, milestone and recommendation", async () => {
    expect(await items("?council=thurrock")).toEqual(["thurrock/LA-1", "thurrock/LA-2"]);
    expect(await items("?council=E06000034")).toEqual(await items("?council=THURROCK"));
    expect(await items("?region=Yorkshire and The Humber")).toEqual(["leeds/LA-1"]);
    expect(await items("?programme=a-programme")).toEqual(["leeds/LA-1"]);
    expect(await items("?status=at_risk")).toEqual(["thurrock/LA-1"]);
    expect(await items("?milestone=m-02")).toEqual(["leeds/LA-1"]);
    expect(await items("?recommendation=CR-01&council=thurrock")).toEqual(["thurrock/LA-1", "thurrock/LA-2"]);
    expect(await items("?recommendation=CR-01")).not.toContain("essex/LA-1");
  });

  it("gives the actions as they stood at the end of a past day", async () => {
    expect(await items("?asAt=2025-01-09")).toEqual([]);
    const then = await (await get("?asAt=2025-02-01")).json();
    expect(then.items).toEqual([expect.objectContaining({ code: "LA-1", status: "on_track", forecastDate: null })]);
    expect(await items("?asAt=2025-05-10&status=at_risk")).toEqual(["thurrock/LA-1"]);
  });

  it("pages, and gives every match as CSV with the documented header", async () => {
    const second = await (await get("?pageSize=1&page=2")).json();
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 1, items: [{ council: "leeds" }] });
    const csv = await get("?format=csv&pageSize=1");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parse(await csv.text(), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...LOCAL_ACTION_FIELDS]);
    expect(rows).toHaveLength(5);
  });

  it("answers a bad query with a 400 that says what is wrong", async () => {
    for (const [query, parameter, message] of [
      ["?colour=red", "colour", /Unknown parameter "colour"/],
      ["?council=nowhere", "council", /No council has the slug or GSS code "nowhere"/],
      ["?council=<script>", "council", /slug \(like thurrock\) or GSS code/],
      ["?region=Narnia", "region", /"region" must be one of: North East/],
      ["?programme=nope", "programme", /a-programme/],
      ["?status=late", "status", /"status" must be one of/],
      ["?milestone=CR-01", "milestone", /like M-30/],
      ["?recommendation=M-01", "recommendation", /like CR-01/],
      ["?page=0", "page", /whole number/],
      ["?pageSize=501", "pageSize", /1 to 500/],
      ["?format=xml", "format", /json, csv/],
      ["?asAt=2025-02-30", "asAt", /./],
      ["?status=on_track&status=delayed", "status", /given 2 times/],
    ] as const) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.error).toBe("Bad query parameter");
      expect(body.errors[0].parameter, query).toBe(parameter);
      expect(body.errors[0].message, query).toMatch(message);
    }
  });
});

describe("/api/v1/councils/{slug}", () => {
  it("counts the council's local actions by status", async () => {
    const response = await councilApi(new Request("http://localhost/api/v1/councils/thurrock"), {
      params: Promise.resolve({ slug: "thurrock" }),
    });
    const body = await response.json();
    expect(body.localActionsByStatus).toMatchObject({ on_track: 1, at_risk: 1, delayed: 0, complete: 0 });
    const none = await councilApi(new Request("http://localhost/api/v1/councils/york"), {
      params: Promise.resolve({ slug: "york" }),
    });
    expect(Object.values((await none.json()).localActionsByStatus)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
