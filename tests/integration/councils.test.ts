import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCouncil, listCouncils } from "@/lib/councils/councils.server";
import { councilSlug, readCouncils } from "@/lib/seed/councils";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { parseCouncilParams } from "@/lib/validations/councils";
import { hostileString } from "@/tests/support/hostile-values";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import fc from "fast-check";

// The reference list of councils (issue 15): loaded with the reform data, found by slug or GSS code.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
});

afterAll(async () => {
  await database.close();
});

describe("the reference list", () => {
  it("holds the 153 English councils with children's services duties, each with a unique slug and code", () => {
    const councils = readCouncils();
    expect(councils).toHaveLength(153);
    expect(new Set(councils.map((c) => c.slug)).size).toBe(153);
    expect(councils.find((c) => c.gssCode === "E06000034")).toMatchObject({
      slug: "thurrock",
      name: "Thurrock",
      region: "East of England",
      type: "UA",
    });
    expect(councilSlug("St. Helens")).toBe("st-helens");
    expect(councilSlug("Bournemouth, Christchurch and Poole")).toBe("bournemouth-christchurch-and-poole");
  });

  it("is loaded once: a second load changes nothing, and keeps a council marked as ended", async () => {
    expect(await database.prisma.council.count()).toBe(153);
    const [ended, successor] = await Promise.all([
      database.prisma.council.findUniqueOrThrow({ where: { slug: "north-northamptonshire" } }),
      database.prisma.council.findUniqueOrThrow({ where: { slug: "west-northamptonshire" } }),
    ]);
    await database.prisma.council.update({
      where: { id: ended.id },
      data: { endedOn: new Date("2030-04-01T00:00:00Z"), successorId: successor.id },
    });
    const before = await checksumTables(database.prisma);
    const result = await loadReformData(database.prisma);
    expect(result.inserted.councils).toBe(0);
    expect(await checksumTables(database.prisma)).toEqual(before);
    expect(await findCouncil("north-northamptonshire")).toMatchObject({
      endedOn: "2030-04-01",
      successor: { slug: "west-northamptonshire", name: "West Northamptonshire" },
    });
  });
});

describe("finding councils", () => {
  it("finds a council by slug or GSS code, in any case", async () => {
    for (const key of ["thurrock", "Thurrock", "E06000034", "e06000034", " thurrock "])
      expect((await findCouncil(key))?.slug, key).toBe("thurrock");
    expect(await findCouncil("thurrock-council")).toBeNull();
    expect(await findCouncil("E06999999")).toBeNull();
  });

  it("answers null, without an error, for anything that cannot name a council", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (key) => {
        const found = await findCouncil(key);
        if (found)
          expect(found.slug === key.trim().toLowerCase() || found.gssCode === key.trim().toUpperCase()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("lists councils by region, north to south, and searches their names", async () => {
    const all = await listCouncils();
    expect(all).toHaveLength(153);
    expect(all[0]!.region).toBe("North East");
    expect(all.at(-1)!.region).toBe("South West");
    expect((await listCouncils({ q: "thur" })).map((c) => c.slug)).toEqual(["thurrock"]);
    // Words in any order, in the short or the official name.
    expect((await listCouncils({ q: "council thurrock" })).map((c) => c.slug)).toEqual(["thurrock"]);
    expect((await listCouncils({ region: "London" })).length).toBe(33);
    expect(await listCouncils({ q: "no such place" })).toEqual([]);
  });
});

describe("the parameters of /councils and /api/v1/councils", () => {
  it("takes a name and a region, and refuses what it does not know with a specific message", () => {
    expect(
      parseCouncilParams({ q: " thurrock ", region: "East of England" }, { strict: true, programmes: [] }),
    ).toEqual({
      ok: true,
      params: { q: "thurrock", region: "East of England", format: "json" },
    });
    expect(parseCouncilParams(new URLSearchParams("region=Wales"), { strict: true, programmes: [] })).toMatchObject({
      ok: false,
      errors: [{ parameter: "region", message: expect.stringContaining('"region" must be one of: North East') }],
    });
    expect(
      parseCouncilParams(new URLSearchParams("council=x&format=xml"), { strict: true, programmes: [] }),
    ).toMatchObject({
      ok: false,
      errors: [
        {
          parameter: "council",
          message: 'Unknown parameter "council". Allowed parameters: q, region, programme, publishes, format.',
        },
        { parameter: "format", message: '"format" must be one of: json, csv.' },
      ],
    });
    expect(parseCouncilParams(new URLSearchParams("q=a&q=b"), { strict: false, programmes: [] })).toMatchObject({
      ok: false,
    });
    expect(
      parseCouncilParams(new URLSearchParams(`q=${"x".repeat(101)}`), { strict: false, programmes: [] }),
    ).toMatchObject({
      ok: false,
      errors: [{ parameter: "q", message: "The search must be 100 characters or fewer" }],
    });
    // Pages ignore names they do not know (a page's address may carry others), the API does not.
    expect(parseCouncilParams(new URLSearchParams("utm_source=x"), { strict: false, programmes: [] })).toMatchObject({
      ok: true,
    });
  });
});
