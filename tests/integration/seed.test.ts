import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";

// Expected texts are copied by hand from Annexes 3-5 of "Stable Homes, Built on Love" (Feb 2023):
// <p> paragraphs become blank-line-separated paragraphs, tags are stripped, every other character is kept.
const VERBATIM: Record<string, { text: string; response: string }> = {
  "CR-02": {
    text: "To support the development of the wider social care workforce, government should produce a Knowledge and Skills Statement (KSS) for family support workers.",
    response:
      "We will publish a Knowledge and Skills statement for Family Help Workers by summer 2024. This will be informed by new research on current Family Support workers being launched in autumn 2023.",
  },
  "CR-10": {
    text: "Eligibility for Family Help should be set out in a sufficient level of detail nationally to give a more consistent understanding of who should receive Family Help, whilst giving enough flexibility to enable professional judgement and empower Family Help teams to respond flexibly to families’ needs.",
    response: "We will test how best to set out eligibility through the Families First for Children Pathfinder.",
  },
  "CR-20": {
    text: "Guidance and legislation on information sharing should be strengthened and local safeguarding partners should confirm they have information sharing agreements in place and have audited practice in this area.",
    response:
      "We will consult on updated information sharing guidance in spring 2023 alongside the Working Together consultation.\n\nThe Government has written to all safeguarding partnerships to survey the use of information sharing agreements and further understand local information sharing practices.",
  },
  "CR-35": {
    text: "A Family Network Plan should be introduced and enabled in law to support and give oversight to family led alternatives to care.",
    response:
      "We will test the implementation of Family Network Support Packages and increased use of family group decision-making through the joint Families First for Children Pathfinder, alongside Family Help and child protection recommendations.\n\nWe will also deliver pilots in 7 local areas that will test the Family Network Support Packages and family group decision-making reforms.",
  },
  "CR-36": {
    text: "Government should introduce legislation which makes the use of family group decision-making mandatory before a family reaches Public Law Outline. The features and delivery practice of effective family group decision-making should also be included in the National Children’s Social Care Framework.",
    // "As above": the response of CR-35.
    response:
      "We will test the implementation of Family Network Support Packages and increased use of family group decision-making through the joint Families First for Children Pathfinder, alongside Family Help and child protection recommendations.\n\nWe will also deliver pilots in 7 local areas that will test the Family Network Support Packages and family group decision-making reforms.",
  },
  "CR-52": {
    text: "Local authorities should redesign their existing Independent Visitors (IV) scheme for children in care and care leavers to allow for longer term relationships to be built.",
    response:
      "We will increase the accessibility and take-up of this offer by working with the sector to reinforce current good practice and developing standards for Independent Visitor services.",
  },
  "CR-70": {
    text: "Introduce a mechanism for challenging unnecessary workload drivers.",
    response:
      "We will establish a new National Workload Action Group from early 2023. The group will include sector representatives, including those with personal experience of children's social care. Its objective is to identify unnecessary workload pressures that do not lead to improvements in outcomes for children and families and recommend solutions to address them.",
  },
  "CR-93": {
    text: "Government should introduce an updated funding formula for children's services.",
    response:
      "Over the next two years, before the next Spending Review period, we will update, consult on and publish a new formula for children and young people's services funding. We will work with DLUHC to identify opportunities for implementing the new formula.",
  },
  "CR-94": {
    text: "Government to take greater care to ensure that changes in government policy that impact the cost of delivering children's social care are accompanied by additional resources for local government.",
    response:
      "Over the next two years, before the next Spending Review period, we will update, consult on and publish a new formula for children and young people's services funding. We will work with DLUHC to identify opportunities for implementing the new formula.",
  },
  "CPE-01": {
    text: "A new expert-led, multi-agency model for child protection investigation, planning, intervention and review.",
    response:
      "We will test delivery models for an expert-led, multi-agency child protection response in local areas through the Families First for Children Pathfinders.",
  },
  "CPE-07": {
    text: "Using the potential of data to help professionals protect children.",
    response:
      "We are undertaking a range of activity to improve the use of data to help professionals to protect children, including through the Data and Digital Solutions Fund and through the National Framework (see chapter 7 of the Implementation Strategy for more information).",
  },
  "CMA-05": {
    text: "Recommendation 2.2: Review planning requirements\n\nWe recommend that the UK Government considers removing any distinction, for the purposes of the planning regime, between small children’s homes and domestic dwelling houses. This could include, for example, steps to make it clear that children’s homes which can accommodate less than a specified number of residents at any one time are removed from the requirement to go through the planning system notwithstanding that the carers there work on a shift pattern. We recommend that where children’s homes remain in the planning system (for example because they are larger) the UK Government introduces national guidance clarifying when planning permission may be required and the circumstances in which it is likely to be granted or refused.",
    response:
      "Accept in principle\n\nWe have been working across government with DLUHC and we will issue a joint Ministerial Statement to clarify the national policy position, in order to assist local authorities when they are considering planning applications for new homes for children. We need leaders at a local and regional level to support this approach. This will create more homes for children in their local area which meet their needs, significantly reducing the need for out of area placements.",
  },
};

// Rows whose response cell says "As above", and the row whose response they take.
const AS_ABOVE: Record<string, string> = {
  "CR-27": "CR-26",
  "CR-28": "CR-26",
  "CR-29": "CR-26",
  "CR-36": "CR-35",
  "CR-94": "CR-93",
  "CR-96": "CR-95",
  "CR-97": "CR-95",
};

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
});

afterAll(async () => {
  await database.close();
});

describe("the reform data loaded from the source documents", () => {
  it("holds every recommendation of the three reviews", async () => {
    const perReview = await database.prisma.recommendation.groupBy({ by: ["reviewId"], _count: { _all: true } });
    const reviews = await database.prisma.review.findMany();
    const counts = Object.fromEntries(
      perReview.map((r) => [reviews.find((v) => v.id === r.reviewId)!.code, r._count._all]),
    );
    // Annex 3 has 97 rows, Annex 4 has 8, Annex 5 has 8 (3 + 3 + 2 under the CMA's three headings).
    expect(counts).toEqual({ CR: 97, CPE: 8, CMA: 8 });
  });

  it("files every recommendation under its Annex 3 section and that section's pillar", async () => {
    const rows = await database.prisma.recommendation.findMany({
      select: {
        section: true,
        review: { select: { code: true } },
        pillar: { select: { number: true, section: true } },
      },
    });
    const count = (review: string, section: string) =>
      rows.filter((r) => r.review.code === review && r.section === section).length;
    expect(count("CR", "Family Help")).toBe(11);
    expect(count("CR", "Child protection, multi-agency working and the courts")).toBe(22);
    expect(count("CR", "Unlocking family networks")).toBe(8);
    expect(count("CR", "Transforming care experience")).toBe(28);
    expect(count("CR", "Workforce")).toBe(10);
    expect(count("CR", "Improving the system")).toBe(18);
    expect(count("CPE", "Child protection, multi-agency working and the courts")).toBe(8);
    expect(count("CMA", "Transforming care experience")).toBe(8);
    for (const row of rows) expect(row.pillar.section).toBe(row.section);
  });

  it("keeps a dozen recommendations and responses verbatim", async () => {
    const rows = await database.prisma.recommendation.findMany({ where: { code: { in: Object.keys(VERBATIM) } } });
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect({ code: row.code, text: row.text, response: row.responseText }).toEqual({
        code: row.code,
        ...VERBATIM[row.code],
      });
    }
  });

  it("resolves every 'As above' response to the response it refers to", async () => {
    const inherited = await database.prisma.recommendation.findMany({ where: { responseInherited: true } });
    expect(Object.fromEntries(inherited.map((r) => [r.code, r.responseInheritedFrom]))).toEqual(AS_ABOVE);
    for (const row of inherited) {
      const source = await database.prisma.recommendation.findUniqueOrThrow({
        where: { code: row.responseInheritedFrom! },
      });
      expect(row.responseText).toBe(source.responseText);
    }
    const unresolved = await database.prisma.recommendation.count({
      where: { responseText: { contains: "As above", mode: "insensitive" } },
    });
    expect(unresolved).toBe(0);
  });

  it("records where each recommendation came from, uniquely", async () => {
    const rows = await database.prisma.recommendation.findMany({ orderBy: { code: "asc" } });
    const annexOf = { CR: 3, CPE: 4, CMA: 5 } as const;
    for (const row of rows) {
      expect(row.sourceAnnex).toBe(annexOf[row.code.split("-")[0] as keyof typeof annexOf]);
      expect(row.sourceRow).toBe(Number(row.code.split("-")[1]));
    }
    expect(rows.filter((r) => r.statedResponse).map((r) => [r.code, r.statedResponse])).toEqual([
      ["CMA-01", "Accept"],
      ["CMA-02", "Accept"],
      ["CMA-03", "Accept"],
      ["CMA-04", "Accept"],
      ["CMA-05", "Accept in principle"],
      ["CMA-06", "Accept"],
      ["CMA-07", "Accept"],
      ["CMA-08", "Accept"],
    ]);
    const tagged = rows.filter((r) => /<\/?[a-z][^>]*>/i.test(r.text + r.responseText));
    expect(tagged.map((r) => r.code)).toEqual([]);
  });

  it("classifies every response, with a rationale quoting the words of the response that decide it", async () => {
    const rows = await database.prisma.recommendation.findMany({ include: { outcomes: true } });
    for (const row of rows) {
      const quotes = [...row.responseRationale.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      expect(quotes.length, `${row.code} rationale quotes the response`).toBeGreaterThan(0);
      for (const quote of quotes) {
        // Rationales may shorten a quote with an ellipsis or adapt it with [brackets]; every other word must
        // still be the response's own.
        for (const part of quote.split(/\s*(?:\.\.\.|…)\s*/).filter((p) => p.length > 0)) {
          const pieces = row.responseText.includes(part) ? [part] : part.split(/\[[^\]]*\]/).map((p) => p.trim());
          for (const piece of pieces.filter((p) => p.length > 0)) {
            expect(row.responseText, `${row.code} quotes "${piece}"`).toContain(piece);
          }
        }
      }
      expect(row.outcomes.length, `${row.code} serves at least one outcome`).toBeGreaterThan(0);
    }
    const classes = await database.prisma.recommendation.groupBy({ by: ["responseClass"], _count: { _all: true } });
    expect(classes.reduce((sum, c) => sum + c._count._all, 0)).toBe(113);
  });

  it("holds the six pillars and the four outcomes and two enablers with their exact titles", async () => {
    const pillars = await database.prisma.pillar.findMany({ orderBy: { number: "asc" } });
    expect(pillars.map((p) => p.title)).toEqual([
      "Family Help provides the right support at the right time so that children thrive within their families",
      "A decisive multi-agency child protection system",
      "Unlocking the potential of family networks",
      "Putting love, relationships and a stable home at the heart of being a child in care",
      "A valued, supported and highly skilled social worker for every child who needs one",
      "A system that continuously learns, improves and makes better use of evidence and data",
    ]);
    const outcomes = await database.prisma.outcome.findMany({ orderBy: { number: "asc" } });
    expect(outcomes.map((o) => [o.kind, o.title])).toEqual([
      ["outcome", "Children, young people and families stay together and get the help they need"],
      ["outcome", "Children and young people are supported by their family network"],
      ["outcome", "Children and young people are safe in and outside of their homes"],
      ["outcome", "Children in care and care leavers have a stable, loving home"],
      ["enabler", "The workforce is equipped and effective"],
      ["enabler", "Leaders drive conditions for effective practice"],
    ]);
  });

  it("holds Annex 1's next actions and two-year results for every outcome and enabler", async () => {
    const outcomes = await database.prisma.outcome.findMany({
      include: { commitments: true },
      orderBy: { number: "asc" },
    });
    for (const outcome of outcomes) {
      expect(
        outcome.commitments.some((c) => c.kind === "next_action"),
        `outcome ${outcome.number}`,
      ).toBe(true);
      expect(
        outcome.commitments.some((c) => c.kind === "two_year_result"),
        `outcome ${outcome.number}`,
      ).toBe(true);
    }
    const first = outcomes[0]!.commitments.find((c) => c.kind === "next_action" && c.position === 1);
    expect(first?.text).toBe(
      "Launch new Families First for Children Pathfinder in up to 12 local areas (wave 1 to be launched in September 2023)",
    );
  });

  it("holds every phase-one milestone of Figure 3 with its date as written and a normalised due date", async () => {
    const milestones = await database.prisma.milestone.findMany({ orderBy: { code: "asc" } });
    expect(milestones).toHaveLength(37);
    const perGroup = (group: string) => milestones.filter((m) => m.group === group).length;
    expect(perGroup("addressing_urgent_issues")).toBe(11);
    expect(perGroup("setting_national_direction")).toBe(20);
    expect(perGroup("laying_the_groundwork")).toBe(6);
    for (const m of milestones) {
      expect(m.dateAsWritten, m.code).toBeTruthy();
      expect(m.dueDate, m.code).toBeInstanceOf(Date);
      expect(m.status, m.code).toBe("not_yet_assessed");
      expect(m.forecastDate ?? m.actualDate ?? m.commentary, m.code).toBeNull();
    }
    const due = (title: string) => {
      const m = milestones.find((x) => x.title === title);
      if (!m) throw new Error(`no milestone "${title}"`);
      return [m.dateAsWritten, m.dueDate.toISOString().slice(0, 10)];
    };
    expect(due("North East hub established to support prospective foster carers")).toEqual([
      "summer 2023",
      "2023-08-31",
    ]);
    expect(due("Delivery commences")).toEqual(["spring 2024", "2024-05-31"]);
    expect(due("Increase the allowance available to £3,000")).toEqual(["April 2023", "2023-04-30"]);
    expect(due("Publish national rules for agency use")).toEqual(["September 2023", "2023-09-30"]);
    expect(due("Data strategy")).toEqual(["by the end of 2023", "2023-12-31"]);
    expect(due("Develop and design Practice Guides")).toEqual(["2023/24", "2024-03-31"]);
    expect(due("Disseminate Practice Guides")).toEqual(["2024/25", "2025-03-31"]);
    expect(due("Start annual updates of Working Together")).toEqual(["2024", "2024-12-31"]);
    expect(due("Regions for wider roll out selected")).toEqual(["autumn 2023", "2023-11-30"]);
  });

  it("links milestones to pillars and outcomes, and to the recommendations they deliver", async () => {
    const hub = await database.prisma.milestone.findFirstOrThrow({
      where: { title: "Knowledge and Skills Statement for Family Help Workers" },
      include: { recommendations: { include: { recommendation: true } }, pillars: true, outcomes: true },
    });
    expect(hub.recommendations.map((r) => r.recommendation.code)).toContain("CR-02");
    const unlinked = await database.prisma.milestone.count({
      where: { OR: [{ pillars: { none: {} } }, { outcomes: { none: {} } }] },
    });
    expect(unlinked).toBe(0);
  });

  it("records the creation of every recommendation and milestone in the audit trail", async () => {
    const events = await database.prisma.auditEvent.groupBy({ by: ["entityType", "action"], _count: { _all: true } });
    expect(events.map((e) => [e.entityType, e.action, e._count._all]).sort()).toEqual([
      ["milestone", "create", 37],
      ["recommendation", "create", 113],
    ]);
  });
});

describe("loading the data again", () => {
  it("changes nothing", async () => {
    const before = await checksumTables(database.prisma);
    const result = await loadReformData(database.prisma);
    expect(result.total).toBe(0);
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("keeps what staff have changed", async () => {
    const milestone = await database.prisma.milestone.findFirstOrThrow({
      where: { code: "M-01" },
      include: { recommendations: true },
    });
    await database.prisma.milestone.update({
      where: { id: milestone.id },
      data: {
        status: "delayed",
        forecastDate: new Date("2023-12-31"),
        commentary: "Launch moved to winter",
        version: { increment: 1 },
      },
    });
    await database.prisma.milestoneRecommendation.delete({
      where: {
        milestoneId_recommendationId: {
          milestoneId: milestone.id,
          recommendationId: milestone.recommendations[0]!.recommendationId,
        },
      },
    });
    await database.prisma.recommendation.update({
      where: { code: "CR-01" },
      data: { responseClass: "accepted", responseRationale: "Corrected by staff." },
    });
    const edited = await checksumTables(database.prisma);

    await loadReformData(database.prisma);

    expect(await checksumTables(database.prisma)).toEqual(edited);
    const after = await database.prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect([after.status, after.commentary]).toEqual(["delayed", "Launch moved to winter"]);
  });

  it("puts back a deleted reference row without touching the rest", async () => {
    const original = await database.prisma.milestone.findUniqueOrThrow({
      where: { code: "M-05" },
      include: { pillars: true, outcomes: true },
    });
    await database.prisma.milestone.delete({ where: { code: "M-05" } });
    // A milestone staff added is theirs; the loader never removes it.
    await database.prisma.milestone.create({
      data: {
        code: "M-900",
        group: "laying_the_groundwork",
        activity: "Later phase",
        title: "Added by staff",
        dueDate: new Date("2026-03-31"),
      },
    });
    await loadReformData(database.prisma);
    expect(await database.prisma.milestone.count()).toBe(38);
    const back = await database.prisma.milestone.findUniqueOrThrow({
      where: { code: "M-05" },
      include: { pillars: true, outcomes: true },
    });
    expect([back.title, back.dueDate, back.pillars.length, back.outcomes.length]).toEqual([
      original.title,
      original.dueDate,
      original.pillars.length,
      original.outcomes.length,
    ]);
    expect(await database.prisma.milestone.findUnique({ where: { code: "M-900" } })).not.toBeNull();
  });
});

describe("the audit trail", () => {
  it("cannot be updated or deleted, even with direct SQL", async () => {
    const event = await database.prisma.auditEvent.findFirstOrThrow();
    await expect(
      database.prisma.auditEvent.update({ where: { id: event.id }, data: { reason: "rewrite history" } }),
    ).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(await database.prisma.auditEvent.count()).toBeGreaterThanOrEqual(150);
  });
});
