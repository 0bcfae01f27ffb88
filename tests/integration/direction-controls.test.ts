import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import MilestonePage from "@/app/(public)/milestones/[code]/page";
import RecommendationPage from "@/app/(public)/recommendations/[code]/page";
import ChangesPage from "@/app/(public)/changes/page";
import { todayInLondon } from "@/lib/dates";
import {
  cachedDashboard,
  cachedMilestone,
  cachedMilestones,
  cachedRecommendation,
  cachedRecommendations,
} from "@/lib/reform/public-data.server";
import { renderBriefingPdf } from "@/lib/scrutiny/briefing-pdf.server";
import { cachedBriefing, cachedChanges, cachedSlippageRegister } from "@/lib/scrutiny/public-history-data.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import {
  createMilestone,
  createRecommendation,
  createReferenceData,
  createUser,
  recordStaffEvent,
} from "@/tests/support/factories";

// Free text now refuses invisible direction controls (tests/unit/request-shapes.test.ts), but the audit trail is
// append-only and older text may hold them: every public output shows each one as U+FFFD, so "\u202Egnp.exe" can no
// longer pass for "exe.png".

const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const today = todayInLondon();
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  const r = await createRecommendation(prisma, { code: "CR-01", pillar: 1, responseClass: "testing" });
  await prisma.recommendation.update({
    where: { id: r.id },
    data: { responseRationale: "The response says \u2067we will\u2069 test it" },
  });
  const m = await createMilestone(prisma, {
    code: "M-01",
    dueDate: "2024-03-31",
    status: "delayed",
    forecastDate: "2025-03-31",
    pillars: [1],
    outcomes: [1],
    recommendations: ["CR-01"],
  });
  await prisma.milestone.update({
    where: { id: m.id },
    data: {
      title: "Publish the \u202Efdp.exe guidance",
      commentary: "On track \u200F\u061C for now",
      evidence: { create: [{ position: 0, title: "Report \u202Dcod.exe", url: "https://example.gov.uk/report" }] },
    },
  });
  const editor = (await createUser(prisma, { email: "editor@example.gov.uk" })).id;
  await recordStaffEvent(prisma, {
    actorId: editor,
    milestoneCode: "M-01",
    occurredAt: new Date().toISOString(),
    before: { status: "on_track", forecastDate: null },
    after: { status: "delayed", forecastDate: "2025-03-31", commentary: "On track \u200F\u061C for now" },
    reason: "Supplier \u202Ewithdrew\u202C late",
  });
});

afterAll(async () => {
  await database.close();
});

function expectNeutralised(shown: unknown, label: string) {
  const text = JSON.stringify(shown);
  expect(text, label).not.toMatch(DIRECTION_CONTROLS);
  return text;
}

describe("older text with invisible direction controls", () => {
  it("is read for every public page and API answer with each control replaced by U+FFFD", async () => {
    const milestone = await cachedMilestone("M-01");
    expectNeutralised(milestone, "milestone");
    expect(milestone).toMatchObject({
      title: "Publish the \uFFFDfdp.exe guidance",
      commentary: "On track \uFFFD\uFFFD for now",
      evidence: [{ title: "Report \uFFFDcod.exe" }],
    });
    expect(milestone!.history.at(-1)!.reason).toBe("Supplier \uFFFDwithdrew\uFFFD late");
    expect((await cachedRecommendation("CR-01"))!.responseRationale).toBe(
      "The response says \uFFFDwe will\uFFFD test it",
    );
    expectNeutralised(await cachedRecommendation("CR-01"), "recommendation");
    expectNeutralised(await cachedRecommendations({}, true), "recommendations");
    expectNeutralised(await cachedMilestones({}, true), "milestones");
    expectNeutralised(await cachedDashboard(), "dashboard");
    expect(expectNeutralised(await cachedChanges(today, today), "changes")).toContain("Supplier \uFFFDwithdrew");
    expectNeutralised(await cachedSlippageRegister("slippage"), "slippage");
    expectNeutralised(await cachedBriefing({ since: today, asAt: today }), "briefing");
  });

  it("is rendered neutralised on the pages", async () => {
    const html = [
      renderToStaticMarkup(
        await MilestonePage({ params: Promise.resolve({ code: "M-01" }), searchParams: Promise.resolve({}) }),
      ),
      renderToStaticMarkup(
        await RecommendationPage({ params: Promise.resolve({ code: "CR-01" }), searchParams: Promise.resolve({}) }),
      ),
      renderToStaticMarkup(await ChangesPage({ searchParams: Promise.resolve({ since: today }) })),
    ].join("\n");
    expect(html).not.toMatch(DIRECTION_CONTROLS);
    for (const shown of [
      "\uFFFDfdp.exe",
      "On track \uFFFD\uFFFD for now",
      "\uFFFDcod.exe",
      "\uFFFDwe will\uFFFD",
      "\uFFFDwithdrew\uFFFD",
    ])
      expect(html).toContain(shown);
  });

  it("is drawn in the briefing PDF as a question mark, the text in its written order", async () => {
    const pdf = await renderBriefingPdf(
      await cachedBriefing({ since: today, asAt: today }),
      "https://example.org",
      "https://example.org/report",
    );
    const doc = await getDocument({
      data: new Uint8Array(pdf),
      useSystemFonts: false,
      isEvalSupported: false,
      standardFontDataUrl: `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`,
    }).promise;
    let text = "";
    for (let n = 1; n <= doc.numPages; n++)
      text += (await (await doc.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
    // Its standard font has no U+FFFD (lib/scrutiny/briefing-pdf.server.tsx); unneutralised, pdf.js read "exe.pdf".
    expect(text).toContain(": Publish the ?fdp.exe guidance");
    expect(text).toContain("Reason: Supplier ?withdrew? late");
    expect(text).not.toMatch(DIRECTION_CONTROLS);
    expect(text).not.toContain("\uFFFD");
  });
});
