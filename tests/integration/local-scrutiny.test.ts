import { spawnSync } from "node:child_process";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ChangesPage from "@/app/(public)/changes/page";
import SlippagePage from "@/app/(public)/slippage/page";
import ComparePage from "@/app/(public)/councils/compare/page";
import { CompareTiles, LISTED_IN_A_TILE } from "@/components/local-actions/compare-tiles";
import { LocalDeliverySection } from "@/components/local-actions/local-delivery";
import { GET as councilFeed } from "@/app/(public)/councils/[slug]/feed.xml/route";
import { GET as compareCsvRoute } from "@/app/(public)/councils/compare.csv/route";
import { addLocalAction } from "@/lib/local-actions/writes.server";
import { applyLocalActionUpdate, insertLocalAction, type LocalActionFields } from "@/lib/local-actions/record";
import { compareCouncils, compareTableRows, localDeliveryOf } from "@/lib/local-actions/compare.server";
import { listChanges } from "@/lib/scrutiny/changes.server";
import { localSlippageRegister } from "@/lib/scrutiny/slippage.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { badCompareParams, COMPARE_PAGE_SIZE, parseCompareParams, parseComparePage } from "@/lib/validations/compare";
import { parseReportParams } from "@/lib/validations/report";
import { buildBriefing } from "@/lib/scrutiny/briefing.server";
import { renderBriefingPdf } from "@/lib/scrutiny/briefing-pdf.server";
import { renderBriefingDocx } from "@/lib/scrutiny/briefing-docx.server";
import { docxPart, docxText, flat, pdfPagesAsPng, readPdf } from "@/tests/support/briefing-files";
import { mkdirSync, writeFileSync } from "node:fs";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// Councils' local actions in the national views (issue 15, items 3 and 6): /changes and the slippage register list
// them, attributed to the council and never to a person; a council's feed carries its changes only; the compare
// reads count and list every council's local actions for a national item, now and as at a past day, and the CSV
// reads back with Python's csv module. The history is written through the one writer (lib/local-actions/record.ts)
// at chosen moments, as the real writes would have written it then.

vi.mock("@/lib/scrutiny/public-history-data.server", async () => {
  const { listChanges } = await import("@/lib/scrutiny/changes.server");
  const { slippageRegister, localSlippageRegister } = await import("@/lib/scrutiny/slippage.server");
  return {
    cachedChanges: (since: string, until: string) => listChanges({ since, until, scope: "all" }),
    cachedSlippageRegister: (sort: "slippage" | "code", asAt?: string) => slippageRegister({ sort, asAt }),
    cachedLocalSlippage: (sort: "slippage" | "code", asAt?: string, council?: string, limit?: number) =>
      localSlippageRegister({ sort, asAt, council, limit }),
  };
});

let database: TestDatabase;
const EDITOR_EMAIL = "named.person@thurrock.gov.uk";
const THURROCK = { slug: "thurrock", gss: "E06000034" };

const base: LocalActionFields = {
  title: "Family help teams in every locality",
  description: "Bring early help and child in need work together in four locality teams.",
  leadRole: "Director of Children's Services",
  status: "on_track",
  dueDate: "2025-06-30",
  forecastDate: null,
  actualDate: null,
  commentary: null,
  evidence: [],
  milestones: ["M-01"],
  recommendations: ["CR-01"],
  commitments: [],
};

async function councilRow(slug: string) {
  return database.prisma.council.findUniqueOrThrow({ where: { slug }, select: { id: true, gssCode: true } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await loadReformData(prisma);
  const thurrockEditor = await createUser(prisma, { email: EDITOR_EMAIL, role: "council_editor", council: "thurrock" });
  const essexLead = await createUser(prisma, { email: "lead@essex.gov.uk", role: "council_lead", council: "essex" });
  const thurrock = await councilRow("thurrock");
  const essex = await councilRow("essex");
  const actor = (u: { id: number; email: string }) => ({ id: u.id, label: u.email });

  // Thurrock LA-1, serving M-01 and CR-01: added in January 2025, slipped three months in March.
  await prisma.$transaction(async (tx) => {
    const added = await insertLocalAction(tx, actor(thurrockEditor), thurrock, base, null, {
      occurredAt: new Date("2025-01-10T12:00:00Z"),
    });
    expect(added.ok).toBe(true);
  });
  // Essex LA-1, serving M-01: complete when added in February.
  await prisma.$transaction(async (tx) => {
    const added = await insertLocalAction(
      tx,
      actor(essexLead),
      essex,
      {
        ...base,
        title: "Kinship care offer published",
        status: "complete",
        dueDate: "2025-01-31",
        actualDate: "2025-01-31",
        recommendations: [],
      },
      null,
      { occurredAt: new Date("2025-02-01T12:00:00Z") },
    );
    expect(added.ok).toBe(true);
  });
  await prisma.$transaction(async (tx) => {
    const row = await tx.localAction.findFirstOrThrow({ where: { councilId: thurrock.id, number: 1 } });
    const current = (
      await tx.auditEvent.findFirstOrThrow({
        where: { entityType: "local_action", entityId: row.id },
        orderBy: { id: "desc" },
      })
    ).after as unknown as LocalActionFields & { version: number };
    const updated = await applyLocalActionUpdate(
      tx,
      actor(thurrockEditor),
      {
        id: row.id,
        entityCode: "E06000034/LA-1",
        current,
        next: { ...base, status: "delayed", forecastDate: "2025-09-30" },
        reason: "Recruiting social workers took longer than planned",
      },
      { occurredAt: new Date("2025-03-01T12:00:00Z") },
    );
    expect(updated.ok).toBe(true);
  });
  // Thurrock LA-2, serving M-02, through the council's own write (today).
  const added = await addLocalAction(thurrockEditor.id, {
    council: "thurrock",
    ...base,
    title: "Regional care cooperative board",
    milestones: ["M-02"],
    recommendations: [],
    dueDate: "2099-12-31",
    forecastDate: "",
    actualDate: "",
    commentary: "",
    reason: "",
  });
  expect(added).toMatchObject({ ok: true, code: "LA-2" });
}, 120_000);

afterAll(async () => {
  await database.close();
});

async function render(
  page: (props: { searchParams: Promise<Record<string, string>> }) => Promise<React.ReactElement>,
  params: Record<string, string>,
) {
  return renderToStaticMarkup(await page({ searchParams: Promise.resolve(params) }));
}

describe("local changes in /changes", () => {
  it("the national scope leaves them out; all and local list them, attributed to the council", async () => {
    const national = await listChanges({ since: "2025-01-01" });
    expect(national.changes.some((c) => c.entityType === "local_action")).toBe(false);

    const all = await listChanges({ since: "2025-01-01", scope: "all" });
    const local = all.changes.filter((c) => c.entityType === "local_action");
    expect(local.map((c) => `${c.council?.slug} ${c.code}`)).toEqual([
      "thurrock LA-2",
      "thurrock LA-1",
      "essex LA-1",
      "thurrock LA-1",
    ]);
    const slip = local[1]!;
    expect(slip.council).toEqual({ slug: "thurrock", name: "Thurrock", gssCode: THURROCK.gss });
    expect(slip.reason).toBe("Recruiting social workers took longer than planned");
    expect(slip.changes).toEqual([
      { kind: "at_risk_or_delayed", from: "on_track", to: "delayed" },
      { kind: "slipped", from: "2025-06-30", to: "2025-09-30" },
    ]);
    // The pillars of the national items it serves (M-01 and CR-01).
    expect(slip.pillars.length).toBeGreaterThan(0);
    expect(local[3]!.changes).toEqual([{ kind: "added", from: null, to: "2025-06-30" }]);
  });

  it("keeps one council's changes with `council`", async () => {
    const thurrock = await listChanges({ since: "2025-01-01", council: THURROCK.gss });
    expect(thurrock.changes.map((c) => c.code)).toEqual(["LA-2", "LA-1", "LA-1"]);
    expect(thurrock.changes.every((c) => c.council?.slug === "thurrock")).toBe(true);
  });

  it("the page filters by council and by whose changes, and names the council, never the person", async () => {
    const html = await render(ChangesPage, { since: "2025-01-01", council: "thurrock" });
    expect(html).toContain("Thurrock LA-1");
    expect(html).toContain("Published by Thurrock");
    expect(html).not.toContain("Essex LA-1");
    expect(html).not.toContain(EDITOR_EMAIL);
    expect(html).not.toContain("named.person");

    const byCode = await render(ChangesPage, { since: "2025-01-01", council: "E06000034" });
    expect(byCode).toContain("Thurrock LA-1");

    const national = await render(ChangesPage, { since: "2025-01-01", scope: "national" });
    expect(national).not.toContain("Thurrock LA-1");
    const local = await render(ChangesPage, { since: "2025-01-01", scope: "local" });
    expect(local).toContain("Essex LA-1");
    expect(local).toContain("Thurrock LA-1");
  });

  it("an unknown council or scope is an error summary, not a crash", async () => {
    const unknown = await render(ChangesPage, { since: "2025-01-01", council: "atlantis" });
    expect(unknown).toContain("There is a problem");
    expect(unknown).toContain("There is no council");
    expect(unknown).not.toContain("Thurrock LA-1");
    const badScope = await render(ChangesPage, { since: "2025-01-01", scope: "everyone" });
    expect(badScope).toContain("&quot;scope&quot; must be one of: national, local.");
  });
});

describe("local actions in the slippage register", () => {
  it("measures a council's action from its own first date, with the re-plan's reason", async () => {
    const { entries } = await localSlippageRegister({ council: THURROCK.gss, today: "2025-04-01" });
    const la1 = entries.find((e) => e.code === "LA-1")!;
    expect(la1).toMatchObject({
      council: { slug: "thurrock", name: "Thurrock" },
      status: "delayed",
      dueDate: "2025-06-30",
      plannedDate: "2025-09-30",
      timesSlipped: 1,
      totalSlippageDays: 92,
      lateness: null,
    });
    expect(la1.replans).toEqual([
      expect.objectContaining({
        from: "2025-06-30",
        to: "2025-09-30",
        slipped: true,
        reason: "Recruiting social workers took longer than planned",
      }),
    ]);
    expect(entries.map((e) => e.code)).toEqual(["LA-1", "LA-2"]);
  });

  it("as at a past day: the action as it stood, and only the re-plans made by then", async () => {
    const before = await localSlippageRegister({ council: THURROCK.gss, asAt: "2025-02-15" });
    expect(before.entries).toHaveLength(1);
    expect(before.entries[0]).toMatchObject({ code: "LA-1", status: "on_track", timesSlipped: 0, replans: [] });
    expect((await localSlippageRegister({ council: THURROCK.gss, asAt: "2025-01-09" })).entries).toEqual([]);
  });

  it("without a council: only slipped or overdue actions, with their council", async () => {
    const { entries, total } = await localSlippageRegister({ asAt: "2025-12-01" });
    expect(entries.map((e) => `${e.council.slug} ${e.code}`)).toEqual(["thurrock LA-1"]);
    expect(entries[0]!.lateness).toBe("assessed_late");
    expect(total).toBe(1);
  });

  it("the page shows them, filtered by council, and answers an unknown council with an error summary", async () => {
    const html = await render(SlippagePage, { council: "thurrock" });
    expect(html).toContain("Slippage of Thurrock&#x27;s local actions");
    expect(html).toContain("Recruiting social workers took longer than planned");
    expect(html).not.toContain(EDITOR_EMAIL);
    const unknown = await render(SlippagePage, { council: "E99999999" });
    expect(unknown).toContain("There is no council");
  });
});

describe("a council's feed", () => {
  it("carries that council's changes only, attributed to the council", async () => {
    const response = await councilFeed(new Request("http://localhost/councils/thurrock/feed.xml"), {
      params: Promise.resolve({ slug: "thurrock" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.author.name).toBe("Thurrock");
    const entries = [feed.entry].flat() as Array<{ title: { "#text": string }; link: { "@_href": string } }>;
    expect(entries.map((e) => e.title["#text"])).toEqual([
      expect.stringContaining(": LA-2 Regional care cooperative board"),
      expect.stringContaining(": LA-1 Family help teams in every locality"),
      expect.stringContaining(": LA-1 Family help teams in every locality"),
      expect.stringContaining(": LA-1 Family help teams in every locality"),
    ]);
    expect(entries[1]!.link["@_href"]).toMatch(/\/councils\/thurrock\/actions\/LA-1$/);
    expect(xml).not.toContain("Kinship care offer");
    expect(xml).not.toContain("@thurrock.gov.uk");
  });

  it("sends a GSS code on to the slug's feed, and answers an unknown council with 404", async () => {
    const moved = await councilFeed(new Request("http://localhost/councils/E06000034/feed.xml"), {
      params: Promise.resolve({ slug: "E06000034" }),
    });
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe("/councils/thurrock/feed.xml");
    const missing = await councilFeed(new Request("http://localhost/councils/atlantis/feed.xml"), {
      params: Promise.resolve({ slug: "atlantis" }),
    });
    expect(missing.status).toBe(404);
  });
});

describe("compare", () => {
  it("counts councils and local actions for a national item by status, now and as at a past day", async () => {
    const now = await localDeliveryOf({ kind: "milestone", code: "M-01" });
    expect(now.councils).toBe(2);
    expect(now.byStatus).toMatchObject({ delayed: 1, complete: 1, on_track: 0 });
    expect(now.actions.map((a) => `${a.council.slug} ${a.code} ${a.status}`)).toEqual([
      "essex LA-1 complete",
      "thurrock LA-1 delayed",
    ]);
    const then = await localDeliveryOf({ kind: "milestone", code: "M-01" }, { asAt: "2025-01-20" });
    expect(then.actions.map((a) => `${a.council.slug} ${a.code} ${a.status}`)).toEqual(["thurrock LA-1 on_track"]);
    const recommendation = await localDeliveryOf({ kind: "recommendation", code: "CR-01" });
    expect(recommendation.actions.map((a) => a.council.slug)).toEqual(["thurrock"]);
    expect((await localDeliveryOf({ kind: "milestone", code: "M-03" })).councils).toBe(0);
  });

  it("lists every council, those without a local action with none", async () => {
    const { councils } = await compareCouncils({ kind: "milestone", code: "M-01" });
    expect(councils).toHaveLength(await database.prisma.council.count());
    expect(councils.filter((c) => c.actions.length > 0).map((c) => c.council.slug)).toEqual(["essex", "thurrock"]);
  });

  it("downloads as a CSV that Python's csv module reads back", async () => {
    const response = await compareCsvRoute(new Request("http://localhost/councils/compare.csv?milestone=m-01"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("councils-m-01.csv");
    const text = await response.text();
    const run = spawnSync(
      "python3",
      [
        "-c",
        'import csv, io, json, sys\ntext = sys.stdin.buffer.read().decode("utf-8-sig")\njson.dump(list(csv.reader(io.StringIO(text, newline=""), strict=True)), sys.stdout)',
      ],
      { input: Buffer.from(text, "utf8") },
    );
    expect(run.status, run.stderr.toString()).toBe(0);
    const [header, ...rows] = JSON.parse(run.stdout.toString()) as string[][];
    expect(header).toEqual([
      "gss_code",
      "council",
      "region",
      "local_action",
      "title",
      "status",
      "status_label",
      "due_date",
      "planned_date",
      "actual_date",
      "url",
    ]);
    expect(rows).toHaveLength(await database.prisma.council.count());
    const thurrock = rows.find((r) => r[0] === THURROCK.gss)!;
    expect(thurrock.slice(3, 10)).toEqual([
      "LA-1",
      "Family help teams in every locality",
      "delayed",
      "Delayed",
      "2025-06-30",
      "2025-09-30",
      "",
    ]);
    expect(thurrock[10]).toMatch(/\/councils\/thurrock\/actions\/LA-1$/);
    const hartlepool = rows.find((r) => r[1] === "Hartlepool")!;
    expect(hartlepool.slice(3)).toEqual(["", "", "", "No local action", "", "", "", ""]);
  });

  it("pages the table 50 rows at a time, in the tiles' order, while the tiles and the counts stay complete", async () => {
    const { councils } = await compareCouncils({ kind: "milestone", code: "M-01" });
    const rows = compareTableRows(councils);
    // One row for each local action (Essex's and Thurrock's), one for each council with none.
    expect(rows).toHaveLength(councils.length);
    expect(rows.map((r) => r.council.slug)).toEqual(councils.map((c) => c.council.slug));
    expect(rows.filter((r) => r.action).map((r) => `${r.council.slug} ${r.action!.code}`)).toEqual([
      "essex LA-1",
      "thurrock LA-1",
    ]);

    const tableOf = (html: string) => html.slice(html.indexOf("<table", html.indexOf('id="table-heading"')));
    const bodyRows = (html: string) =>
      (tableOf(html).split("<tbody>")[1]!.split("</tbody>")[0]!.match(/<tr/g) ?? []).length;
    const pages = Math.ceil(rows.length / COMPARE_PAGE_SIZE);
    let seen = 0;
    for (let page = 1; page <= pages; page++) {
      const html = await render(ComparePage, { milestone: "M-01", ...(page > 1 ? { page: String(page) } : {}) });
      expect((html.match(/data-council="/g) ?? []).length, `page ${page}`).toBe(councils.length);
      expect(html).toContain(`2 of ${councils.length} councils have published a local action for M-01`);
      const onPage = Math.min(COMPARE_PAGE_SIZE, rows.length - seen);
      expect(bodyRows(html), `page ${page}`).toBe(onPage);
      expect(html).toContain(`Rows ${seen + 1} to ${seen + onPage} of ${rows.length}`);
      expect(html).toContain(`Page ${page} of ${pages}`);
      for (const row of rows.slice(seen, seen + onPage))
        expect(tableOf(html)).toContain(`/councils/${row.council.slug}"`);
      if (page < pages)
        expect(html).toContain(`href="/councils/compare?milestone=M-01&amp;page=${page + 1}#table-heading"`);
      seen += onPage;
    }
    expect(seen).toBe(rows.length);

    const past = await render(ComparePage, { milestone: "M-01", page: String(pages + 1) });
    expect(past).toContain(`There is no page ${pages + 1} of this table: it has ${pages} pages.`);
    expect(past).not.toContain("Every council&#x27;s local action for M-01");
    const asAt = await render(ComparePage, { milestone: "M-01", asAt: "2025-01-20", page: "2" });
    expect(asAt).toContain('href="/councils/compare?asAt=2025-01-20&amp;milestone=M-01#table-heading"');
  });

  it("lists up to 3 actions in a council's tile; with more, its counts by status, linking to its rows", async () => {
    const { councils } = await compareCouncils({ kind: "milestone", code: "M-01" });
    const thurrock = councils.find((c) => c.council.slug === "thurrock")!;
    const action = thurrock.actions[0]!;
    const many = (statuses: Array<typeof action.status>) =>
      renderToStaticMarkup(
        createElement(CompareTiles, {
          rows: [
            {
              council: thurrock.council,
              actions: statuses.map((status, i) => ({ ...action, code: `LA-${i + 1}`, status })),
            },
          ],
          itemCode: "M-01",
          tableHref: (slug: string) => `/councils/compare?milestone=M-01&page=3#${slug}`,
        }),
      );
    const three = many(["delayed", "on_track", "delayed"]);
    expect(three.match(/\/councils\/thurrock\/actions\/LA-\d"/g)).toHaveLength(LISTED_IN_A_TILE);
    expect(three).not.toContain("local actions</a>");
    const five = many(["delayed", "on_track", "delayed", "complete", "delayed"]);
    expect(five).not.toContain("/councils/thurrock/actions/");
    expect(five).toContain(
      'href="/councils/compare?milestone=M-01&amp;page=3#thurrock">5 local actions<span class="sr-only"> of Thurrock in the table</span></a>',
    );
    // Every status it has, in the vocabulary's order, each with its count and its word.
    expect([...five.matchAll(/<li>(\d+) <strong[^>]*>([^<]+)<\/strong><\/li>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(
      ["1 On track", "3 Delayed", "1 Complete"],
    );
  });

  it("a milestone's page lists the compare table's first page of actions at most, and says how many there are", async () => {
    const delivery = await localDeliveryOf({ kind: "milestone", code: "M-01" });
    const action = delivery.actions[0]!;
    const section = (count: number) =>
      renderToStaticMarkup(
        createElement(LocalDeliverySection, {
          delivery: {
            ...delivery,
            actions: Array.from({ length: count }, (_, i) => ({ ...action, code: `LA-${i + 1}` })),
          },
          item: { kind: "milestone", code: "M-01" },
        }),
      );
    const rows = (html: string) => html.split(`/councils/${action.council.slug}/actions/LA-`).length - 1;
    const whole = section(COMPARE_PAGE_SIZE);
    expect(rows(whole)).toBe(COMPARE_PAGE_SIZE);
    expect(whole).toContain("Every council&#x27;s local action for M-01");
    expect(whole).not.toContain("This shows the first");
    const more = section(COMPARE_PAGE_SIZE + 1);
    expect(rows(more)).toBe(COMPARE_PAGE_SIZE);
    expect(more).toContain(`The first ${COMPARE_PAGE_SIZE} of ${COMPARE_PAGE_SIZE + 1} councils`);
    expect(more).toContain(`The compare page lists all ${COMPARE_PAGE_SIZE + 1}`);
    expect(more).toContain('href="/councils/compare?milestone=M-01"');
  });

  it("refuses a bad page as the lists do, with an error summary and a 400 asked of the front server", async () => {
    for (const page of ["0", "-1", "1.5", "two", "100001"]) {
      expect(parseComparePage({ page }), page).toEqual({
        ok: false,
        errors: [{ parameter: "page", message: '"page" must be a whole number from 1.' }],
      });
      expect(badCompareParams({ milestone: "M-01", page }), page).toBe(true);
      const html = await render(ComparePage, { milestone: "M-01", page });
      expect(html).toContain("There is a problem");
      expect(html).toContain("&quot;page&quot; must be a whole number from 1.");
      expect(html).not.toContain("Every council&#x27;s local action for M-01");
    }
    expect(parseComparePage({ page: ["2", "3"] })).toMatchObject({ ok: false, errors: [{ parameter: "page" }] });
    expect(parseComparePage({})).toEqual({ ok: true, page: 1 });
    expect(parseComparePage({ page: "" })).toEqual({ ok: true, page: 1 });
    expect(badCompareParams({ milestone: "M-01", page: "3" })).toBe(false);
    expect(badCompareParams({ milestone: "M-999" })).toBe(false);
    expect(badCompareParams({})).toBe(false);
    // Without an item there is no table to page: the choice, not an error.
    expect(badCompareParams({ page: "0" })).toBe(false);
    expect(badCompareParams({ milestone: "<b>" })).toBe(true);
    expect(badCompareParams({ milestone: "M-01", recommendation: "CR-01" })).toBe(true);
  });

  it("answers a bad item with 400, an unknown one with 404", async () => {
    const get = (q: string) => compareCsvRoute(new Request(`http://localhost/councils/compare.csv${q}`));
    expect((await get("")).status).toBe(400);
    expect((await get("?milestone=<script>")).status).toBe(400);
    expect((await get("?milestone=M-01&recommendation=CR-01")).status).toBe(400);
    expect((await get("?milestone=M-01&asAt=2099-01-01")).status).toBe(400);
    expect((await get("?milestone=M-999")).status).toBe(404);
    expect(parseCompareParams({ recommendation: " cr-01 " })).toEqual({
      ok: true,
      kind: "recommendation",
      code: "CR-01",
    });
  });
});

describe("the briefing pack with a council", () => {
  const ORIGIN = "https://reform-tracker.example";
  const input = { since: "2025-01-01", asAt: "2025-04-01", council: "thurrock" };

  it("takes `council` by slug or ONS code, and refuses one of the wrong shape", () => {
    expect(parseReportParams({ council: "E06000034", asAt: "2025-04-01" }, "2026-01-01")).toMatchObject({
      ok: true,
      params: { council: "e06000034" },
    });
    const bad = parseReportParams({ council: "<thurrock>" }, "2026-01-01");
    expect(bad.ok).toBe(false);
  });

  it("adds the council's local section: actions in scope, local changes, local slippage, programmes", async () => {
    const b = await buildBriefing(input);
    const local = b.local!;
    expect(local.council).toMatchObject({ slug: "thurrock", name: "Thurrock" });
    // As at 1 April 2025: LA-1 (delayed, slipped); LA-2 was added later.
    expect(local.actions.map((a) => `${a.code} ${a.status}`)).toEqual(["LA-1 delayed"]);
    expect(local.byStatus.delayed).toBe(1);
    expect(local.changes.map((c) => c.parts.map((p) => p.kind).join("+"))).toEqual([
      "added",
      "at_risk_or_delayed+slipped",
    ]);
    expect(local.slipped.map((a) => a.code)).toEqual(["LA-1"]);
    // The national section is unchanged by it: no local change among DfE's.
    expect(b.changes.items.some((c) => c.entityType === "local_action")).toBe(false);
    expect((await buildBriefing({ since: "2025-01-01", asAt: "2025-04-01" })).local).toBeUndefined();
  });

  it("narrows the local section to the pack's scope", async () => {
    const pillars = await database.prisma.pillar.findMany({
      where: { milestones: { none: { milestone: { code: "M-01" } } } },
      select: { number: true, id: true },
    });
    const recommendationPillar = (
      await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" }, select: { pillarId: true } })
    ).pillarId;
    const elsewhere = pillars.find((p) => p.id !== recommendationPillar);
    if (!elsewhere) throw new Error("Every pillar holds M-01 or CR-01: pick other items for this test");
    const b = await buildBriefing({ ...input, pillar: elsewhere.number });
    expect(b.local!.actions).toEqual([]);
    expect(b.local!.changes).toEqual([]);
  });

  it("says it in the PDF and the Word document, attributed to the council, never a person", async () => {
    const b = await buildBriefing(input);
    const pdfFile = await renderBriefingPdf(b, ORIGIN, `${ORIGIN}/report?council=thurrock`);
    const pdf = await readPdf(pdfFile);
    const text = flat(pdf.pages.join("\n"));
    expect(text).toContain("Local delivery: Thurrock");
    expect(text).toContain("Recruiting social workers took longer than planned");
    expect(text).toContain("92 days after the council's first date");
    expect(text).not.toContain(EDITOR_EMAIL);
    // The local section's pages, drawn, for a person to look at (test-results/ is not committed).
    const folder = "test-results/briefing-council";
    mkdirSync(folder, { recursive: true });
    // The heading's page: the last that names the section (the contents on the first page name it too).
    const localPage = pdf.pages.findLastIndex((p) => flat(p).includes("Local delivery: Thurrock")) + 1;
    expect(pdfPagesAsPng(pdfFile, [localPage], folder)).toHaveLength(1);

    const docx = await renderBriefingDocx(b, ORIGIN, `${ORIGIN}/report?council=thurrock`);
    const words = docxText(docxPart(docx, "word/document.xml"));
    expect(words).toContain("Local delivery: Thurrock");
    expect(words).toContain("Recruiting social workers took longer than planned");
    expect(docxPart(docx, "word/_rels/document.xml.rels")).toContain(`${ORIGIN}/councils/thurrock/actions/LA-1`);
    expect(words).not.toContain(EDITOR_EMAIL);
    writeFileSync(`${folder}/briefing.docx`, docx);
    const tested = spawnSync("unzip", ["-t", `${folder}/briefing.docx`], { encoding: "utf8" });
    expect(tested.status, tested.stdout).toBe(0);
  });
});
