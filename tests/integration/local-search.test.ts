import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchApi } from "@/app/api/v1/search/route";
import { snippetText } from "@/lib/reform/snippets";
import { searchEverything } from "@/lib/reform/search.server";
import { addLocalAction, updateLocalAction } from "@/lib/local-actions/writes.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { addProgramme } from "@/lib/staff/programmes.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// The site search finds councils, national programmes and councils' local actions (issue 15, migration 0015):
// searching "Thurrock" finds the council's page, and a local action is found by its words, attributed to its council.

let database: TestDatabase;
let councilEditor = 0;
const TODAY = "2026-06-01";

const ACTION = {
  council: "thurrock",
  title: "Kinship navigator service",
  description: "Commission a navigator who helps kinship carers find support, advice and peer groups in Thurrock.",
  leadRole: "Head of Service, Children Looked After",
  status: "on_track",
  dueDate: "2027-03-31",
  forecastDate: "",
  actualDate: "",
  commentary: "",
  evidence: [],
  milestones: ["M-30"],
  recommendations: [],
  commitments: [],
  reason: "",
};

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const dfe = (await createUser(database.prisma, { email: "editor@education.gov.uk", role: "editor" })).id;
  councilEditor = (
    await createUser(database.prisma, { email: "ed@thurrock.gov.uk", role: "council_editor", council: "thurrock" })
  ).id;
  expect(
    await addProgramme(dfe, {
      slug: "families-first-pathfinder",
      name: "Families First for Children Pathfinder",
      description: "Testing the reforms to family help and child protection in some areas first.",
      startedOn: "2023-09-01",
      endedOn: "",
      reason: "Announced in the strategy, chapter 2",
    }),
  ).toMatchObject({ ok: true });
  expect(await addLocalAction(councilEditor, ACTION, { today: TODAY })).toMatchObject({ ok: true, code: "LA-1" });
});

afterAll(async () => {
  await database.close();
});

describe("the site search, locally", () => {
  it("finds the council's page for 'Thurrock', first, by its name or its GSS code", async () => {
    const results = await searchEverything({ q: "Thurrock" });
    expect(results.items[0]).toMatchObject({
      kind: "council",
      code: "E06000034",
      path: "/councils/thurrock",
      title: [{ text: "Thurrock", match: true }],
    });
    expect(results.items[0]!.snippets.map((s) => [s.field, snippetText(s.parts)])).toEqual([
      ["officialName", "Thurrock Council"],
    ]);
    expect(results.countsByKind.council).toBe(1);
    expect((await searchEverything({ q: "E06000034" })).items.map((r) => r.path)).toEqual(["/councils/thurrock"]);
    expect((await searchEverything({ q: "kingston thames", kind: "council" })).items.map((r) => r.path)).toEqual([
      "/councils/kingston-upon-thames",
    ]);
  });

  it("finds a national programme by its name and description", async () => {
    const results = await searchEverything({ q: "pathfinder" });
    expect(results.items.find((r) => r.kind === "programme")).toMatchObject({
      code: "families-first-pathfinder",
      path: "/programmes/families-first-pathfinder",
    });
    expect((await searchEverything({ q: "child protection", kind: "programme" })).total).toBe(1);
  });

  it("finds a local action by its title and description, attributed to its council, and its new commentary once saved", async () => {
    const results = await searchEverything({ q: "navigator" });
    expect(results.countsByKind.local_action).toBe(1);
    const found = results.items.find((r) => r.kind === "local_action");
    expect(found).toMatchObject({
      code: "LA-1",
      path: "/councils/thurrock/actions/LA-1",
      status: "on_track",
      council: { slug: "thurrock", name: "Thurrock" },
    });
    expect(found!.snippets.map((s) => s.field)).toEqual(["description"]);
    // "Thurrock" also finds the action that names it, after the council itself.
    const thurrock = await searchEverything({ q: "thurrock" });
    expect(thurrock.items.map((r) => r.kind)).toEqual(["council", "local_action"]);
    // Never a person: the result says nothing of who saved it.
    expect(JSON.stringify(results)).not.toContain("ed@thurrock.gov.uk");

    expect((await searchEverything({ q: "quokka" })).total).toBe(0);
    const saved = await updateLocalAction(
      councilEditor,
      { ...ACTION, code: "LA-1", version: 1, commentary: "The quokka-themed peer group has started." },
      { today: TODAY },
    );
    expect(saved.ok).toBe(true);
    const after = await searchEverything({ q: "quokka" });
    expect(after.items.map((r) => [r.kind, r.code, r.snippets.map((s) => s.field)])).toEqual([
      ["local_action", "LA-1", ["commentary"]],
    ]);
  });

  it("is in the API, with kind=council, kind=programme and kind=local_action", async () => {
    for (const [kind, path] of [
      ["council", "/councils/thurrock"],
      ["programme", "/programmes/families-first-pathfinder"],
      ["local_action", "/councils/thurrock/actions/LA-1"],
    ] as const) {
      const q = kind === "programme" ? "families" : "thurrock";
      const response = await searchApi(new Request(`http://localhost/api/v1/search?q=${q}&kind=${kind}`));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: Array<{ kind: string; url: string; council?: unknown }> };
      expect(body.items.map((i) => [i.kind, new URL(i.url).pathname])).toEqual([[kind, path]]);
      if (kind === "local_action")
        expect(body.items[0]!.council).toEqual({
          slug: "thurrock",
          name: "Thurrock",
          url: expect.stringMatching(/\/councils\/thurrock$/),
        });
    }
  });
});
