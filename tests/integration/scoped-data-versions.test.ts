import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { toIsoDay } from "@/lib/dates";
import { readDataVersions } from "@/lib/http/data-version";
import { versionKey } from "@/lib/http/public-routes";
import { addLocalAction } from "@/lib/local-actions/writes.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// The keys of stored public pages against real writes (issue 15, item 3): a council's change moves the key of its
// own pages and of the pages that show local counts, and leaves every national page's stored copy in place; a
// national change moves every key. What the front server does with the keys: tests/unit/front-server.test.ts.

let database: TestDatabase;
let pool: pg.Pool;
const users = { thurrock: 0, dfe: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  users.thurrock = (
    await createUser(database.prisma, { email: "ed@thurrock.gov.uk", role: "council_editor", council: "thurrock" })
  ).id;
  users.dfe = (await createUser(database.prisma, { email: "editor@education.gov.uk", role: "editor" })).id;
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
});

afterAll(async () => {
  await pool.end();
  await database.close();
});

const PAGES = {
  national: [
    "/",
    "/pillars/1",
    "/milestones",
    "/recommendations",
    "/outcomes/2",
    "/about",
    "/programmes",
    "/embed/milestones/M-01",
  ],
  otherCouncil: ["/councils/essex", "/api/v1/councils/essex", "/councils/E10000012", "/embed/councils/essex"],
  ownCouncil: [
    "/councils/thurrock",
    "/councils/THURROCK",
    "/councils/E06000034",
    "/councils/thurrock/actions/LA-1",
    "/councils/thurrock/feed.xml",
    "/api/v1/councils/thurrock",
    "/embed/councils/thurrock",
  ],
  local: [
    "/councils",
    "/councils?q=thu",
    "/councils/compare?milestone=M-01",
    "/councils/compare.csv?milestone=M-01",
    "/milestones/M-01",
    "/recommendations/CR-01",
    "/changes",
    "/slippage",
    "/search?q=family",
    "/report",
    "/report/pdf",
    "/report/docx?council=thurrock",
    "/api/v1/local-actions",
    "/api/v1/councils",
    "/feed.xml",
    "/pillars/1/feed.xml",
    "/sitemap.xml",
  ],
};
const ALL = Object.values(PAGES).flat();

async function keys() {
  const versions = await readDataVersions(pool);
  return Object.fromEntries(ALL.map((url) => [url, versionKey(versions, url)]));
}

const changed = (before: Record<string, string>, after: Record<string, string>) =>
  ALL.filter((url) => before[url] !== after[url]);

it("reads the national version, each scope's and the council slugs in one query", async () => {
  const versions = await readDataVersions(pool);
  expect(versions.national).toBe(
    String((await database.prisma.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).value),
  );
  expect(versions.councils.thurrock).toBe("E06000034");
  expect(Object.keys(versions.councils)).toHaveLength(await database.prisma.council.count());
});

it("a council's local write changes the keys of its own pages and the local pages, and no other", async () => {
  const before = await keys();
  const saved = await addLocalAction(
    users.thurrock,
    {
      council: "thurrock",
      title: "Family help teams in every locality",
      description: "Bring early help and child in need work together in four locality teams.",
      leadRole: "Director of Children's Services",
      status: "on_track",
      dueDate: "2026-09-30",
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
  expect(saved.ok).toBe(true);
  expect(changed(before, await keys())).toEqual([...PAGES.ownCouncil, ...PAGES.local]);
});

it("a national write changes the key of every page", async () => {
  const before = await keys();
  const milestone = await database.prisma.milestone.findUniqueOrThrow({ where: { code: "M-01" } });
  const saved = await recordMilestoneUpdate(users.dfe, {
    code: "M-01",
    version: milestone.version,
    status: milestone.status,
    forecastDate: toIsoDay(milestone.forecastDate) ?? "",
    actualDate: toIsoDay(milestone.actualDate) ?? "",
    commentary: "A national note",
    evidence: [],
    reason: "",
  });
  expect(saved.ok).toBe(true);
  expect(changed(before, await keys())).toEqual(ALL);
});
