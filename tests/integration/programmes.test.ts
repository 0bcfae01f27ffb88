import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as councilsApi } from "@/app/api/v1/councils/route";
import { GET as programmeApi } from "@/app/api/v1/programmes/[slug]/route";
import { GET as programmesApi } from "@/app/api/v1/programmes/route";
import { listCouncils } from "@/lib/councils/councils.server";
import { getProgramme, listProgrammes, programmesOfCouncil } from "@/lib/programmes/programmes.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import {
  addProgramme,
  addProgrammeCouncil,
  endProgrammeCouncil,
  setProgrammeMilestones,
  STALE_PROGRAMME_MESSAGE,
  updateProgrammeDetails,
} from "@/lib/staff/programmes.server";
import { parseCouncilParams } from "@/lib/validations/councils";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// National programmes (issue 15, item 2): recorded by staff (none is seeded), every change audited in the same
// transaction, a stale form refused, every refusal changing nothing, and the public reads and filters that follow.

let database: TestDatabase;
let editor = 0;
const REASON = "Announced in the strategy, chapter 2";

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  editor = (await createUser(database.prisma, { email: "editor@example.gov.uk", role: "editor" })).id;
});

afterAll(async () => {
  await database.close();
});

const programmeEvents = () =>
  database.prisma.auditEvent.findMany({ where: { entityType: "programme" }, orderBy: { id: "asc" } });
const dataVersion = async () =>
  (await database.prisma.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).value.toString();

async function refusedWithoutChange(write: () => Promise<{ ok: boolean; errors?: unknown }>) {
  const before = await checksumTables(database.prisma);
  const result = await write();
  expect(result.ok).toBe(false);
  expect(await checksumTables(database.prisma)).toEqual(before);
  return result as { ok: false; errors: Array<{ field: string; message: string }> };
}

describe("recording a programme", () => {
  it("seeds none: programmes and their councils are entered by people", async () => {
    expect(await database.prisma.programme.count()).toBe(0);
    expect(await listProgrammes()).toEqual([]);
  });

  it("adds one, links milestones, adds two councils and ends one, each change audited and moving the data version", async () => {
    const start = await dataVersion();
    expect(
      await addProgramme(editor, {
        slug: "families-first-pathfinder",
        name: "Families First for Children Pathfinder",
        description: "Testing the reforms to family help and child protection in some areas first.",
        startedOn: "2023-09-01",
        endedOn: "",
        reason: REASON,
      }),
    ).toEqual({ ok: true, value: { slug: "families-first-pathfinder" } });
    expect(await dataVersion()).not.toBe(start);

    const linked = await setProgrammeMilestones(editor, {
      programme: "families-first-pathfinder",
      version: 1,
      milestones: ["M-02", "M-01"],
      reason: REASON,
    });
    expect(linked).toEqual({ ok: true, value: { slug: "families-first-pathfinder", version: 2 } });
    for (const [council, version] of [
      ["thurrock", 2],
      ["E08000011", 3],
    ] as const) {
      expect(
        await addProgrammeCouncil(editor, {
          programme: "families-first-pathfinder",
          version,
          council,
          from: "2024-01-01",
          until: "",
          reason: REASON,
        }),
      ).toMatchObject({ ok: true });
    }
    const ended = await endProgrammeCouncil(editor, {
      programme: "families-first-pathfinder",
      version: 4,
      council: "E08000011",
      from: "2024-01-01",
      until: "2024-12-31",
      reason: REASON,
    });
    expect(ended).toMatchObject({ ok: true, value: { version: 5 } });

    const events = await programmeEvents();
    expect(events.map((e) => e.action)).toEqual(["create", "update", "update", "update", "update"]);
    expect(events.every((e) => e.reason === REASON && e.actorLabel === "editor@example.gov.uk")).toBe(true);
    const last = events.at(-1)!;
    expect(last.before).toMatchObject({
      version: 4,
      councils: [{ council: "E06000034" }, { council: "E08000011", until: null }],
    });
    expect(last.after).toMatchObject({
      version: 5,
      milestones: ["M-01", "M-02"],
      councils: [
        { council: "E06000034", from: "2024-01-01", until: null },
        { council: "E08000011", from: "2024-01-01", until: "2024-12-31" },
      ],
    });
  });

  it("reads back: the programme page, the council page's list and the /councils filter", async () => {
    const p = (await getProgramme("families-first-pathfinder"))!;
    expect(p.milestoneList.map((m) => m.code)).toEqual(["M-01", "M-02"]);
    expect(p.councils.map((c) => [c.slug, c.from, c.until, c.current])).toEqual([
      ["knowsley", "2024-01-01", "2024-12-31", false],
      ["thurrock", "2024-01-01", null, true],
    ]);
    expect(p.councilsNow).toBe(1);
    expect(await programmesOfCouncil("thurrock")).toMatchObject([{ slug: "families-first-pathfinder", current: true }]);
    expect(await programmesOfCouncil("essex")).toEqual([]);
    const inIt = await listCouncils({ programme: "families-first-pathfinder" });
    expect(inIt.map((c) => c.slug).sort()).toEqual(["knowsley", "thurrock"]);
    expect(await getProgramme("no-such-programme")).toBeNull();
    expect(await getProgramme("../../etc/passwd")).toBeNull();
  });

  it("answers in the open-data API, and refuses an unknown programme filter with 400", async () => {
    const list = await (await programmesApi(new Request("http://localhost/api/v1/programmes"))).json();
    expect(list.items).toMatchObject([
      { slug: "families-first-pathfinder", milestones: ["M-01", "M-02"], councilsNow: ["E06000034"] },
    ]);
    const csv = await (await programmesApi(new Request("http://localhost/api/v1/programmes?format=csv"))).text();
    expect(csv).toContain("M-01; M-02");
    const one = await programmeApi(new Request("http://localhost/api/v1/programmes/families-first-pathfinder"), {
      params: Promise.resolve({ slug: "families-first-pathfinder" }),
    });
    expect((await one.json()).councils).toHaveLength(2);
    const missing = await programmeApi(new Request("http://localhost/api/v1/programmes/nope"), {
      params: Promise.resolve({ slug: "nope" }),
    });
    expect(missing.status).toBe(404);
    const filtered = await councilsApi(
      new Request("http://localhost/api/v1/councils?programme=families-first-pathfinder"),
    );
    expect((await filtered.json()).total).toBe(2);
    const bad = await councilsApi(new Request("http://localhost/api/v1/councils?programme=nope"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([
      {
        parameter: "programme",
        message: '"programme" must be the web address name of a programme: families-first-pathfinder.',
      },
    ]);
    expect(parseCouncilParams({ programme: "nope" }, { strict: false, programmes: [] })).toMatchObject({ ok: false });
  });
});

describe("refusals change nothing", () => {
  const target = { programme: "families-first-pathfinder", reason: REASON };

  it("refuses a stale version, saying why", async () => {
    const result = await refusedWithoutChange(() =>
      updateProgrammeDetails(editor, {
        ...target,
        version: 4,
        name: "A new name",
        description: "A new description",
        startedOn: "",
        endedOn: "",
      }),
    );
    expect(result.errors).toEqual([{ field: "form", message: STALE_PROGRAMME_MESSAGE }]);
  });

  it("refuses an overlapping spell, an unknown council or milestone, a taken address and no change", async () => {
    const version = (await getProgramme("families-first-pathfinder"))!.version;
    const overlap = await refusedWithoutChange(() =>
      addProgrammeCouncil(editor, { ...target, version, council: "thurrock", from: "2025-01-01", until: "" }),
    );
    expect(overlap.errors[0]!.message).toMatch(/^Thurrock already takes part from 1 January 2024/);
    const nowhere = await refusedWithoutChange(() =>
      addProgrammeCouncil(editor, { ...target, version, council: "nowhere", from: "2025-01-01", until: "" }),
    );
    expect(nowhere.errors).toEqual([
      { field: "council", message: "No council has the web address name or GSS code nowhere" },
    ]);
    const unknown = await refusedWithoutChange(() =>
      setProgrammeMilestones(editor, { ...target, version, milestones: ["M-01", "M-999"] }),
    );
    expect(unknown.errors).toEqual([{ field: "milestones", message: "No milestone has the code M-999" }]);
    const same = await refusedWithoutChange(() =>
      setProgrammeMilestones(editor, { ...target, version, milestones: ["M-02", "M-01"] }),
    );
    expect(same.errors).toEqual([{ field: "form", message: "You have not changed anything" }]);
    await refusedWithoutChange(() =>
      addProgramme(editor, {
        slug: "families-first-pathfinder",
        name: "Again",
        description: "Again",
        startedOn: "",
        endedOn: "",
        reason: REASON,
      }),
    );
    const dates = await refusedWithoutChange(() =>
      updateProgrammeDetails(editor, {
        ...target,
        version,
        name: "N",
        description: "D",
        startedOn: "2025-01-01",
        endedOn: "2024-01-01",
      }),
    );
    expect(dates.errors).toEqual([{ field: "endedOn", message: "The end date must be on or after the start date" }]);
    const short = await refusedWithoutChange(() =>
      updateProgrammeDetails(editor, {
        ...target,
        version,
        name: "N",
        description: "D",
        startedOn: "",
        endedOn: "",
        reason: "typo",
      }),
    );
    expect(short.errors.map((e) => e.field)).toEqual(["reason"]);
  });
});
