import { insertLocalAction } from "@/lib/local-actions/record";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsJsonLd } from "@/lib/discovery/datasets.server";
import { FIXED_PUBLIC_PAGES, listPublicPagePaths } from "@/lib/discovery/sitemap.server";
import { renderWidget } from "@/lib/embed/render";
import { embedTargetOf } from "@/lib/embed/targets";
import { readWidget } from "@/lib/embed/widgets.server";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { DATASETS } from "@/lib/reform/open-data-fields";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

// The widgets' data and the discovery files over the real reform data (issue 16): each widget says what its full
// page says, text staff typed leaves as text, and the sitemap and dataset descriptions agree with the database.

let database: TestDatabase;
const ORIGIN = "https://tracker.example";

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
});

afterAll(async () => {
  await database.close();
});

async function widget(kind: string, id: string) {
  const target = embedTargetOf(kind, id);
  return target ? readWidget(target) : null;
}

describe("widgets", () => {
  it("show each pillar's and outcome's milestones by status, with the dashboard's counts", async () => {
    const dashboard = await summariseDashboard();
    for (const [kind, rows] of [
      ["pillars", dashboard.byPillar],
      ["outcomes", dashboard.byOutcome],
    ] as const) {
      for (const row of rows) {
        const shown = (await widget(kind, String(row.number)))!;
        expect(shown.heading).toBe(row.title);
        const total = Object.values(row.milestones).reduce((a, b) => a + b, 0);
        expect(shown.chart!.rows.reduce((sum, r) => sum + r.count, 0)).toBe(total);
        expect(shown.chart!.caption).toBe(`Its ${total} milestones by status`);
        expect(shown.pagePath).toBe(`/${kind}/${row.number}`);
        // Kept out of search results (the full page is the one to find), but described for link previews.
        const page = renderWidget(shown, ORIGIN);
        expect(page).toContain('<meta name="robots" content="noindex" />');
        expect(page).toMatch(new RegExp(`<meta\\s+name="description"\\s+content="${shown.context}: [^"]+"`));
      }
    }
  });

  it("show a milestone's status and dates, and nothing for what does not exist", async () => {
    const m01 = (await widget("milestones", "m-01"))!;
    expect(m01.context).toMatch(/^Milestone M-01 · /);
    expect(m01.tags[0]!.label).toBe("Not yet assessed");
    expect(m01.facts.map((f) => f.key)).toEqual([
      "Due date",
      "Forecast date",
      "Actual completion date",
      "Last updated by staff",
    ]);
    expect(await widget("milestones", "M-999")).toBeNull();
    expect(await widget("councils", "nowhere")).toBeNull();
  });

  it("show a council's programmes and its end, with text staff typed as text", async () => {
    const [thurrock, ended, successor] = await Promise.all([
      database.prisma.council.findUniqueOrThrow({ where: { slug: "thurrock" } }),
      database.prisma.council.findUniqueOrThrow({ where: { slug: "north-northamptonshire" } }),
      database.prisma.council.findUniqueOrThrow({ where: { slug: "west-northamptonshire" } }),
    ]);
    expect((await widget("councils", "thurrock"))!.list!.items).toEqual([
      "No national programme has been recorded for it.",
    ]);
    await database.prisma.programme.create({
      data: {
        slug: "markup-pathfinder",
        name: `<script>alert("x")</script> Pathfinder`,
        description: "A programme made by the test.",
        councils: { create: { councilId: thurrock.id, fromDate: new Date("2024-01-01T00:00:00Z") } },
      },
    });
    await database.prisma.council.update({
      where: { id: ended.id },
      data: { endedOn: new Date("2030-04-01T00:00:00Z"), successorId: successor.id },
    });
    const shown = (await widget("councils", "thurrock"))!;
    expect(shown.list!.items).toEqual([
      `<script>alert("x")</script> Pathfinder: from 1 January 2024 (taking part now)`,
    ]);
    const page = renderWidget(shown, ORIGIN);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Pathfinder");
    expect(page).not.toContain("<script>alert");
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script src="/embed-frame.js" defer>']);
    expect(page).toContain(`href="${ORIGIN}/councils/thurrock" target="_blank"`);
    expect((await widget("councils", "north-northamptonshire"))!.sentences[0]).toBe(
      "This council ended on 1 April 2030. Its services passed to West Northamptonshire.",
    );
  });

  it("count a council's local actions by status once it has any", async () => {
    const essex = await database.prisma.council.findUniqueOrThrow({ where: { slug: "essex" } });
    expect((await widget("councils", "essex"))!.chart).toBeNull();
    expect((await widget("councils", "essex"))!.sentences).toEqual(["Essex has not published local actions yet."]);
    // Through the one writer, with their audit events, as the council's forms write them.
    const action = (n: number, status: "on_track" | "delayed") => ({
      title: `Action ${n}`,
      description: "Made by the test.",
      leadRole: "Director of children's services",
      status,
      dueDate: "2026-03-31",
      forecastDate: null,
      actualDate: null,
      commentary: null,
      evidence: [],
      milestones: ["M-01"],
      recommendations: [],
      commitments: [],
    });
    await database.prisma.$transaction(async (tx) => {
      for (const [n, status] of [
        [1, "on_track"],
        [2, "on_track"],
        [3, "delayed"],
      ] as const)
        await insertLocalAction(tx, { id: null, label: "test" }, essex, action(n, status), null);
    });
    const shown = (await widget("councils", "essex"))!;
    expect(shown.chart).toMatchObject({
      caption: "Its 3 local actions by status",
      counted: "Local actions",
      rows: [
        { label: "On track", count: 2 },
        { label: "Delayed", count: 1 },
      ],
    });
    expect(shown.sentences).toEqual([]);
    expect(renderWidget(shown, ORIGIN)).toContain('<th scope="col">Local actions</th>');
  });
});

describe("discovery", () => {
  it("lists every fixed page and one page per record in the sitemap", async () => {
    const paths = await listPublicPagePaths();
    const [recommendations, milestones, councils, programmes, localActions] = await Promise.all([
      database.prisma.recommendation.count(),
      database.prisma.milestone.count(),
      database.prisma.council.count(),
      database.prisma.programme.count(),
      database.prisma.localAction.count(),
    ]);
    expect(paths.slice(0, FIXED_PUBLIC_PAGES.length)).toEqual([...FIXED_PUBLIC_PAGES]);
    const fixed = new Set<string>(FIXED_PUBLIC_PAGES);
    const count = (prefix: string) => paths.filter((p) => p.startsWith(prefix) && !fixed.has(p)).length;
    expect(count("/recommendations/")).toBe(recommendations);
    expect(count("/milestones/")).toBe(milestones);
    expect(localActions).toBeGreaterThan(0);
    expect(paths.filter((p) => /^\/councils\/[^/]+\/actions\/LA-\d+$/.test(p))).toHaveLength(localActions);
    expect(count("/councils/")).toBe(councils + localActions);
    expect(count("/programmes/")).toBe(programmes);
    expect(count("/pillars/")).toBe(6);
    expect(count("/outcomes/")).toBe(6);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("describes one Dataset per download, with the milestones' dates from the database and the operator as publisher", async () => {
    const range = await database.prisma.milestone.aggregate({ _min: { dueDate: true }, _max: { dueDate: true } });
    const unset = (await datasetsJsonLd(ORIGIN, { operator: null })) as { "@graph": Array<Record<string, unknown>> };
    expect(unset["@graph"].map((d) => d["@id"])).toEqual(DATASETS.map((d) => `${ORIGIN}/open-data#${d.id}`));
    const milestones = unset["@graph"].find((d) => d["@id"] === `${ORIGIN}/open-data#milestones`)!;
    expect(milestones.temporalCoverage).toBe(
      `${range._min.dueDate!.toISOString().slice(0, 10)}/${range._max.dueDate!.toISOString().slice(0, 10)}`,
    );
    expect(milestones.publisher).toEqual({ "@type": "Organization", name: "Reform Tracker", url: `${ORIGIN}/` });
    const set = (await datasetsJsonLd(ORIGIN, { operator: "Example Council" })) as typeof unset;
    expect(set["@graph"][0]!.publisher).toEqual({ "@type": "Organization", name: "Example Council" });
  });
});
