import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefingDocument } from "@/components/report/briefing-document";
import { todayInLondon } from "@/lib/dates";
import { summariseDashboard } from "@/lib/reform/dashboard.server";
import { BRIEFING_LIST_LIMIT, buildBriefing, type Briefing } from "@/lib/scrutiny/briefing.server";
import { renderBriefingDocx } from "@/lib/scrutiny/briefing-docx.server";
import { renderBriefingPdf } from "@/lib/scrutiny/briefing-pdf.server";
import { moreItems, summaryParagraph } from "@/lib/scrutiny/briefing-words";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { docxPart, docxText, flat, readPdf } from "@/tests/support/briefing-files";

// Issues 14 and 15: a list longer than BRIEFING_LIST_LIMIT is cut to its first items in every format; the counts still cover
// everything, and the pack says how many there are and links to the site's list of them all. The real data plus
// 40 accepted recommendations that no milestone delivers: 66 accepted and 82 undelivered, more than the limit.

const today = todayInLondon();
const ORIGIN = "https://reform-tracker.example";
let database: TestDatabase;
let b: Briefing;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  const [review, pillar] = await Promise.all([
    database.prisma.review.findUniqueOrThrow({ where: { code: "CR" } }),
    database.prisma.pillar.findUniqueOrThrow({ where: { number: 1 } }),
  ]);
  // Source rows from 1001, after the real annexes' (the factory's would collide with them).
  await database.prisma.recommendation.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      code: `CR-${201 + i}`,
      reviewId: review.id,
      pillarId: pillar.id,
      section: pillar.section,
      sourceAnnex: review.responseAnnex,
      sourceRow: 1001 + i,
      text: `Recommendation CR-${201 + i}`,
      responseText: `Response to CR-${201 + i}`,
      responseClass: "accepted" as const,
      responseRationale: `Rationale for CR-${201 + i}`,
    })),
  });
  b = await buildBriefing({ since: "2023-02-02", asAt: today });
});

afterAll(async () => {
  await database.close();
});

describe("a briefing pack with lists longer than the limit", () => {
  it("lists the first items of each long list and counts them all", async () => {
    const dashboard = await summariseDashboard({ asAt: today });
    expect(BRIEFING_LIST_LIMIT).toBe(50);
    expect(b.recommendations.undelivered).toBe(dashboard.gaps.undeliveredRecommendations);
    expect(b.totals.undelivered).toBe(82);
    expect(b.undelivered).toHaveLength(50);
    const accepted = b.recommendationsByClass.find((g) => g.responseClass === "accepted")!;
    expect([accepted.codes.length, accepted.total]).toEqual([50, 66]);
    expect(accepted.total).toBe(dashboard.recommendationsByClass.accepted);
    // The short lists are whole, with nothing said under them.
    const notAccepted = b.recommendationsByClass.find((g) => g.responseClass === "not_accepted")!;
    expect(notAccepted.codes).toHaveLength(notAccepted.total);
    expect(moreItems(b, { responseClass: "not_accepted" }, notAccepted.codes.length)).toBeNull();
    expect(moreItems(b, "lateOrAtRisk", b.lateOrAtRisk.length)).toBeNull();
    expect(summaryParagraph(b)).toContain("82 accepted or being tested have no milestone delivering them");
  });

  it("says how many there are, with a link to all of them, on the page and in the PDF and the Word document", async () => {
    expect(moreItems(b, "undelivered", b.undelivered.length)).toEqual({
      sentence: "The first 50 of 82 are listed here.",
      linkText: "See all 82 in the recommendation list on the site",
      path: `/recommendations?asAt=${today}&gap=undelivered`,
    });
    expect(moreItems(b, { responseClass: "accepted" }, 50)!.path).toBe(`/recommendations?asAt=${today}&class=accepted`);
    expect(moreItems({ ...b, totals: { ...b.totals, changes: 11_781 } }, "changes", 50)!.sentence).toBe(
      "The first 50 of 11,781 are listed here.",
    );

    const html = renderToString(createElement(BriefingDocument, { b, origin: ORIGIN }));
    expect(html).toContain("The first 50 of 66 are listed here.");
    expect(html).toContain("The first 50 of 82 are listed here.");
    expect(html).toContain(`href="/recommendations?asAt=${today}&amp;gap=undelivered"`);
    expect(html).toContain("Accepted or being tested, but no milestone delivers it (<!-- -->82<!-- -->)");

    const pdf = await readPdf(await renderBriefingPdf(b, ORIGIN, `${ORIGIN}/report`));
    const text = flat(pdf.pages.join("\n"));
    expect(text).toContain("Accepted (66)");
    expect(text).toContain("The first 50 of 66 are listed here. See all 66 in the recommendation list on the site.");
    expect(text).toContain("The first 50 of 82 are listed here. See all 82 in the recommendation list on the site.");

    const docx = await renderBriefingDocx(b, ORIGIN, `${ORIGIN}/report`);
    expect(flat(docxText(docxPart(docx, "word/document.xml")))).toContain(
      "The first 50 of 82 are listed here. See all 82 in the recommendation list on the site.",
    );
    expect(docxPart(docx, "word/_rels/document.xml.rels")).toContain(
      `${ORIGIN}/recommendations?asAt=${today}&amp;gap=undelivered`,
    );
  });
});
