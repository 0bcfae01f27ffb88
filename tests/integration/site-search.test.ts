import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchApi } from "@/app/api/v1/search/route";
import { listMilestones } from "@/lib/reform/milestones.server";
import { listRecommendations } from "@/lib/reform/recommendations.server";
import { searchEverything, type SearchResult } from "@/lib/reform/search.server";
import { type SnippetPart, snippetText } from "@/lib/reform/snippets";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { parseSearch, SEARCH_KINDS } from "@/lib/validations/search";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// The site search over the real reform data (prisma/seed/data), so that "kinship" is the journalist's search of
// issue 13 and its answers are the strategy's own words.

let database: TestDatabase;
let editor: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  editor = (await createUser(database.prisma, { email: "editor@example.gov.uk" })).id;
});

afterAll(async () => {
  await database.close();
});

const matches = (r: SearchResult) =>
  [r.title, ...r.snippets.map((s) => s.parts)]
    .flat()
    .filter((p) => p.match)
    .map((p) => p.text.toLowerCase());

/** A snippet's passages as the stored text has them, without the "…" that says where it was cut. */
const passagesOf = (parts: SnippetPart[]) => snippetText(parts).replace(/^… /, "").replace(/ …$/, "").split(" … ");

async function api(query: string) {
  const response = await searchApi(new Request(`http://localhost/api/v1/search${query}`));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("searching everything", () => {
  it("finds milestone M-30, the National Kinship Care Strategy, for 'kinship', on the first page, highlighted", async () => {
    const results = await searchEverything({ q: "kinship" });
    const m30 = results.items.find((r) => r.kind === "milestone" && r.code === "M-30");
    expect(m30).toMatchObject({
      path: "/milestones/M-30",
      status: "not_yet_assessed",
      title: [
        { text: "National ", match: false },
        { text: "Kinship", match: true },
        { text: " Care Strategy", match: false },
      ],
    });
    // Recommendations, Annex 1 commitments and milestones all mention kinship care.
    expect(results.countsByKind.recommendation).toBeGreaterThan(0);
    expect(results.countsByKind.commitment).toBeGreaterThan(0);
    expect(results.countsByKind.milestone).toBeGreaterThan(0);
    for (const r of results.items) expect(matches(r).some((m) => m.startsWith("kinship"))).toBe(true);
  });

  it("ranks results, best first, and counts them by kind", async () => {
    const results = await searchEverything({ q: "foster carers", pageSize: 100 });
    const ranks = results.items.map((r) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks[0]).toBeGreaterThan(ranks.at(-1)!);
    expect(results.total).toBe(Object.values(results.countsByKind).reduce((a, b) => a + b, 0));
    expect(results.items).toHaveLength(results.total);
    // English stemming: "carers" finds "carer" and "fostering".
    expect(results.items.flatMap(matches)).toEqual(expect.arrayContaining(["foster"]));
  });

  it("pages without losing or repeating a result, and filters by kind", async () => {
    const all = await searchEverything({ q: "care", pageSize: 100 });
    expect(all.total).toBeGreaterThan(10);
    const first = await searchEverything({ q: "care", pageSize: 5, page: 1 });
    const second = await searchEverything({ q: "care", pageSize: 5, page: 2 });
    const key = (r: SearchResult) => `${r.kind}:${r.path}:${snippetText(r.snippets[0]?.parts ?? r.title)}`;
    expect([...first.items, ...second.items].map(key)).toEqual(all.items.slice(0, 10).map(key));
    expect(first.total).toBe(all.total);
    const beyond = await searchEverything({ q: "care", pageSize: 5, page: 1000 });
    expect(beyond).toMatchObject({ items: [], total: all.total });

    const milestones = await searchEverything({ q: "care", kind: "milestone", pageSize: 100 });
    expect(milestones.items.length).toBe(all.countsByKind.milestone);
    expect(milestones.total).toBe(all.countsByKind.milestone);
    expect(new Set(milestones.items.map((r) => r.kind))).toEqual(new Set(["milestone"]));
    expect(milestones.countsByKind).toEqual(all.countsByKind);
  });

  it("labels where a recommendation matched and shows its milestones with their status", async () => {
    const results = await searchEverything({ q: "kinship", kind: "recommendation", pageSize: 100 });
    const stored = await database.prisma.recommendation.findMany({
      where: { code: { in: results.items.map((r) => r.code) } },
      include: { milestones: { include: { milestone: true } } },
    });
    expect(stored).toHaveLength(results.items.length);
    for (const r of results.items) {
      const s = stored.find((x) => x.code === r.code)!;
      expect(r.responseClass).toBe(s.responseClass);
      expect(r.milestones).toEqual(
        s.milestones
          .map(({ milestone: m }) => ({ code: m.code, title: m.title, status: m.status }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      );
      for (const snippet of r.snippets) {
        expect(["text", "response"]).toContain(snippet.field);
        // Every word of a snippet is the stored text's, in order: only the marks, and "…" where a passage is cut.
        const source = snippet.field === "text" ? s.text : s.responseText;
        const shown = snippetText(snippet.parts);
        const cut = passagesOf(snippet.parts);
        for (const passage of cut) expect(source).toContain(passage);
        expect(shown.startsWith("… ")).toBe(!source.startsWith(cut[0]!));
        expect(shown.endsWith(" …")).toBe(!source.endsWith(cut.at(-1)!));
      }
    }
    expect(results.items.some((r) => (r.milestones ?? []).length > 0)).toBe(true);
  });

  it("finds a milestone by the commentary staff write, as soon as it is saved", async () => {
    expect((await searchEverything({ q: "quokka" })).total).toBe(0);
    const saved = await recordMilestoneUpdate(editor, {
      code: "M-01",
      version: 1,
      status: "on_track",
      forecastDate: "",
      actualDate: "",
      commentary: "Work with a quokka sanctuary to <b>test</b> the approach",
      evidence: [],
      reason: "",
    });
    expect(saved.ok).toBe(true);
    const results = await searchEverything({ q: "quokka" });
    expect(results.items).toHaveLength(1);
    expect(results.items[0]).toMatchObject({ kind: "milestone", code: "M-01", status: "on_track" });
    const commentary = results.items[0]!.snippets.find((s) => s.field === "commentary")!;
    // Markup in stored text is text: it comes back as characters, never as a mark of its own.
    expect(commentary.parts).toEqual([
      { text: "Work with a ", match: false },
      { text: "quokka", match: true },
      { text: " sanctuary to <b>test</b> the approach", match: false },
    ]);
    // The milestone list searches the same words, now and as at a past day (whose commentary had none of them).
    expect((await listMilestones({ q: "quokka" })).items.map((m) => m.code)).toEqual(["M-01"]);
    expect((await listMilestones({ q: "quokka", asAt: "2024-01-01" })).total).toBe(0);
    expect((await listMilestones({ q: "kinship", asAt: "2024-01-01" })).items.map((m) => m.code)).toContain("M-30");
  });

  it("keeps the marks its own when stored text holds the characters used for them", async () => {
    // Free text refuses control characters; a row written some other way must still not fake or break a mark.
    await database.prisma
      .$executeRaw`UPDATE milestone SET commentary = ${"a \u0001wombat\u0002 b <i> \u0003\u0002 wombat"} WHERE code = 'M-13'`;
    const [result] = (await searchEverything({ q: "wombat" })).items;
    const parts = result!.snippets.find((s) => s.field === "commentary")!.parts;
    expect(parts.filter((p) => p.match)).toEqual([
      { text: "wombat", match: true },
      { text: "wombat", match: true },
    ]);
    for (const passage of passagesOf(parts)) expect("a wombat b <i>  wombat").toContain(passage);
    expect(snippetText(parts)).not.toMatch(/[\u0001-\u0003]/);
  });

  it("lists every recommendation's milestones with their status", async () => {
    const list = await listRecommendations({ pageSize: 500 });
    const links = await database.prisma.milestoneRecommendation.count();
    expect(list.items.reduce((n, r) => n + r.linkedMilestones.length, 0)).toBe(links);
    for (const r of list.items) expect(r.linkedMilestones.map((m) => m.code)).toEqual(r.milestones);
    // M-01 (linked to CR-45, CMA-03 and CMA-06) was set on track by the commentary test above: lists show that now,
    // and "not yet assessed" as at a day before.
    const m01 = (items: typeof list.items) =>
      items
        .filter((r) => r.linkedMilestones.some((m) => m.code === "M-01"))
        .map((r) => [r.code, r.linkedMilestones.find((m) => m.code === "M-01")!.status]);
    expect(m01(list.items)).toEqual([
      ["CR-45", "on_track"],
      ["CMA-03", "on_track"],
      ["CMA-06", "on_track"],
    ]);
    const then = await listRecommendations({ pageSize: 500, asAt: "2024-01-01" });
    expect(m01(then.items)).toEqual([
      ["CR-45", "not_yet_assessed"],
      ["CMA-03", "not_yet_assessed"],
      ["CMA-06", "not_yet_assessed"],
    ]);
  });

  it("answers hostile words with results or none, never an error", async () => {
    const hostile = [
      "kinship & | ! ( <-> :*",
      '"unterminated quote',
      "'",
      "\\",
      "-",
      "or",
      "kinship:*",
      "!!!kinship",
      "((((",
      "<script>alert(1)</script>",
      "'; DROP TABLE milestone; --",
      "🚸👩‍👩‍👧‍👦",
      "\uD800",
      "a".repeat(200),
      "kinship ".repeat(25).trim(),
      "-kinship",
      '"national kinship"',
    ];
    for (const q of hostile) {
      const results = await searchEverything({ q });
      expect(results.items.length).toBeLessThanOrEqual(results.pageSize);
    }
    expect((await searchEverything({ q: '"national kinship"' })).items.map((r) => r.code)).toContain("M-30");
    expect(
      (await searchEverything({ q: "kinship -strategy", kind: "milestone" })).items.map((r) => r.code),
    ).not.toContain("M-30");
    // Only words the search ignores: nothing can match, and the result says why.
    expect(await searchEverything({ q: "the and of" })).toMatchObject({ meaningful: false, total: 0, items: [] });
    expect(await searchEverything({ q: "kinship" })).toMatchObject({ meaningful: true });
  });
});

describe("the search's parameters", () => {
  it("requires search words, and says which rule a bad value breaks", () => {
    const message = (query: string) => {
      const parsed = parseSearch(new URLSearchParams(query), { strict: true });
      return parsed.ok ? "ok" : parsed.errors.map((e) => e.message).join(" | ");
    };
    expect(message("q=kinship")).toBe("ok");
    expect(message("")).toBe('Enter words to search for, in "q" (for example q=kinship).');
    expect(message("q=")).toBe('Enter words to search for, in "q" (for example q=kinship).');
    expect(message("q=%20%20")).toBe('Enter words to search for, in "q" (for example q=kinship).');
    expect(message(`q=${"a".repeat(201)}`)).toBe("Search words must be 200 characters or fewer (these are 201).");
    expect(message("q=kin%00ship")).toBe("Search words must not contain hidden control characters: type them again.");
    expect(message("q=a&q=b")).toBe('"q" was given 2 times; give it once.');
    expect(message("q=a&kind=people")).toBe(`"kind" must be one of: ${SEARCH_KINDS.join(", ")}.`);
    expect(message("q=a&page=0")).toBe('"page" must be a whole number from 1.');
    expect(message("q=a&pageSize=101")).toBe('"pageSize" must be a whole number from 1 to 100.');
    expect(message("q=a&asAt=2024-01-01")).toMatch(
      /^Unknown parameter "asAt"\. Allowed parameters: q, kind, page, pageSize\.$/,
    );
    expect(message("q=a&__proto__=x")).toMatch(/^Unknown parameter "__proto__"/);
    // Pages ignore parameters they do not know.
    expect(parseSearch({ q: "kinship", utm_source: "x" })).toEqual({ ok: true, filters: { q: "kinship" } });
  });

  it("answers the API with the results, or a 400 that names the problem", async () => {
    const ok = await api("?q=kinship&kind=milestone&pageSize=5");
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ q: "kinship", kind: "milestone", page: 1, pageSize: 5 });
    const items = ok.body.items as Array<Record<string, unknown>>;
    expect(items.find((i) => i.code === "M-30")).toMatchObject({
      kind: "milestone",
      title: "National Kinship Care Strategy",
      status: "not_yet_assessed",
      url: expect.stringMatching(/^https?:\/\/[^/]+\/milestones\/M-30$/),
    });
    for (const [query, message] of [
      ["", 'Enter words to search for, in "q" (for example q=kinship).'],
      ["?q=", 'Enter words to search for, in "q" (for example q=kinship).'],
      [`?q=${"x".repeat(300)}`, "Search words must be 200 characters or fewer (these are 300)."],
      ["?q=%01", "Search words must not contain hidden control characters: type them again."],
      ["?q=kinship&format=csv", 'Unknown parameter "format". Allowed parameters: q, kind, page, pageSize.'],
      ["?q=kinship&page=abc", '"page" must be a whole number from 1.'],
    ]) {
      const bad = await api(query!);
      expect(bad.status, query).toBe(400);
      expect(bad.body.message, query).toBe(message);
    }
  });
});
