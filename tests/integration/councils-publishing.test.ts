import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as councilsApi } from "@/app/api/v1/councils/route";
import { findCouncil, listCouncils } from "@/lib/councils/councils.server";
import { addLocalAction } from "@/lib/local-actions/writes.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { parseCouncilParams } from "@/lib/validations/councils";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// The council list's "publishes local actions" filter and counts (issue 15, item 1): a council publishes when it has
// at least one local action.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const admin = (await createUser(database.prisma, { email: "admin@education.gov.uk", role: "admin" })).id;
  const action = (council: string, title: string) =>
    addLocalAction(
      admin,
      {
        council,
        title,
        description: "Bring early help and child in need work together.",
        leadRole: "Director of Children's Services",
        status: "on_track",
        dueDate: "2027-03-31",
        forecastDate: "",
        actualDate: "",
        commentary: "",
        evidence: [],
        milestones: ["M-01"],
        recommendations: [],
        commitments: [],
        reason: "",
      },
      { today: "2026-06-01" },
    );
  const saved = [
    await action("thurrock", "Family help teams"),
    await action("thurrock", "Kinship offer"),
    await action("rutland", "Family help teams"),
  ];
  expect(saved.every((s) => s.ok)).toBe(true);
});

afterAll(async () => {
  await database.close();
});

describe("councils that publish local actions", () => {
  it("are those with at least one, each listed with its count", async () => {
    const publishing = await listCouncils({ publishes: true });
    expect(publishing.map((c) => [c.slug, c.localActions])).toEqual([
      ["rutland", 1],
      ["thurrock", 2],
    ]);
    const notYet = await listCouncils({ publishes: false });
    expect(notYet).toHaveLength(151);
    expect(notYet.every((c) => c.localActions === 0)).toBe(true);
    expect((await listCouncils()).length).toBe(153);
    // With the other filters.
    expect((await listCouncils({ publishes: true, region: "East of England" })).map((c) => c.slug)).toEqual([
      "thurrock",
    ]);
    expect(await listCouncils({ publishes: false, q: "thurrock" })).toEqual([]);
    expect((await findCouncil("E06000034"))?.localActions).toBe(2);
  });

  it("is a yes/no filter on the page and in the API, with a specific message for any other value", () => {
    for (const value of ["yes", "no"] as const)
      expect(parseCouncilParams({ publishes: value }, { strict: false, programmes: [] })).toEqual({
        ok: true,
        params: { publishes: value, format: "json" },
      });
    expect(parseCouncilParams({ publishes: "" }, { strict: false, programmes: [] })).toEqual({
      ok: true,
      params: { format: "json" },
    });
    expect(parseCouncilParams({ publishes: "maybe" }, { strict: false, programmes: [] })).toEqual({
      ok: false,
      params: { format: "json" },
      errors: [{ parameter: "publishes", message: '"publishes" must be one of: yes, no.' }],
    });
    expect(parseCouncilParams({ publishes: "yes" }, { strict: true, programmes: [] })).toEqual({
      ok: true,
      params: { publishes: "yes", format: "json" },
    });
    expect(parseCouncilParams({ publishes: "Yes" }, { strict: true, programmes: [] })).toMatchObject({
      ok: false,
      errors: [{ parameter: "publishes", message: '"publishes" must be one of: yes, no.' }],
    });
  });

  it("filters /api/v1/councils, in JSON and CSV, and answers any other value with 400 and its message", async () => {
    const get = (query: string) => councilsApi(new Request(`http://localhost/api/v1/councils${query}`));
    const slugs = async (query: string) =>
      ((await (await get(query)).json()) as { items: Array<{ slug: string }> }).items.map((c) => c.slug);
    expect(await slugs("?publishes=yes")).toEqual(["rutland", "thurrock"]);
    expect(await slugs("?publishes=yes&region=East%20of%20England")).toEqual(["thurrock"]);
    const notYet = await slugs("?publishes=no");
    expect(notYet).toHaveLength(151);
    expect(notYet).not.toContain("thurrock");
    expect(await slugs("?publishes=")).toHaveLength(153);
    const csv = await (await get("?publishes=yes&format=csv")).text();
    expect(csv.trim().split("\n")).toHaveLength(3);
    for (const query of ["?publishes=maybe", "?publishes=yes&publishes=no"]) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).errors[0], query).toMatchObject({ parameter: "publishes" });
    }
    expect((await (await get("?publishes=true")).json()).errors[0].message).toBe(
      '"publishes" must be one of: yes, no.',
    );
  });
});
