import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NotSignedInError, ForbiddenError } from "@/lib/auth/actor.server";
import { milestoneStaffHistory, publicHistory } from "@/lib/audit/history.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createRecommendation, createReferenceData, createUser } from "@/tests/support/factories";

const TODAY = "2024-06-30";
let database: TestDatabase;
let editor: number;
let deactivated: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  await createRecommendation(prisma, { code: "CR-01", pillar: 1, responseClass: "testing" });
  await createMilestone(prisma, {
    code: "M-01",
    dueDate: "2024-03-31",
    status: "on_track",
    pillars: [1],
    outcomes: [1],
    recommendations: ["CR-01"],
  });
  editor = (await createUser(prisma, { email: "editor@example.gov.uk" })).id;
  const gone = await createUser(prisma, { email: "gone@example.gov.uk" });
  await prisma.user.update({ where: { id: gone.id }, data: { active: false, deactivatedAt: new Date() } });
  deactivated = gone.id;
});

afterAll(async () => {
  await database.close();
});

async function current() {
  return database.prisma.milestone.findUniqueOrThrow({ where: { code: "M-01" }, include: { evidence: true } });
}

function update(overrides: Record<string, unknown> = {}) {
  return {
    code: "M-01",
    version: 1,
    status: "on_track",
    forecastDate: "",
    actualDate: "",
    commentary: "",
    evidence: [],
    reason: "",
    ...overrides,
  };
}

describe("updating a milestone", () => {
  let version: number;
  beforeEach(async () => {
    version = (await current()).version;
  });

  it("saves a slipped date with its reason, and the audit record, in one go", async () => {
    const result = await recordMilestoneUpdate(
      editor,
      update({
        version,
        status: "delayed",
        forecastDate: "2024-09-30",
        commentary: "Procurement took longer",
        reason: "The supplier withdrew from the contract",
        evidence: [{ title: "Board minutes", url: "https://example.gov.uk/minutes" }],
      }),
      { today: TODAY },
    );
    expect(result).toMatchObject({
      ok: true,
      state: { status: "delayed", forecastDate: "2024-09-30", version: version + 1 },
    });
    const m = await current();
    expect(m.evidence.map((e) => e.url)).toEqual(["https://example.gov.uk/minutes"]);
    const history = await publicHistory("milestone", m.id);
    expect(history.at(-1)).toMatchObject({
      byStaff: true,
      reason: "The supplier withdrew from the contract",
      changes: expect.arrayContaining([
        { field: "Status", before: "On track", after: "Delayed" },
        { field: "Forecast date", before: null, after: "2024-09-30" },
      ]),
    });
    // The public is told DfE made it; its staff page (private) says who.
    expect(history.at(-1)!.summary).toBe("Updated by DfE programme staff");
    const staff = await milestoneStaffHistory("M-01", { councilId: null });
    expect(staff?.at(-1)).toEqual({ ...history.at(-1), summary: "Updated by editor (DfE)" });
    expect(await milestoneStaffHistory("M-99", { councilId: null })).toBeNull();
  });

  it("requires a reason when the forecast moves later or the status becomes at risk, delayed or superseded", async () => {
    const before = await checksumTables(database.prisma);
    const slip = await recordMilestoneUpdate(
      editor,
      update({ version, status: "delayed", forecastDate: "2024-12-31" }),
      { today: TODAY },
    );
    expect(slip).toEqual({
      ok: false,
      kind: "invalid",
      errors: [{ field: "reason", message: "Enter the reason the forecast date has moved later" }],
    });
    const superseded = await recordMilestoneUpdate(
      editor,
      update({ version, status: "superseded", forecastDate: "2024-09-30" }),
      { today: TODAY },
    );
    expect(superseded).toMatchObject({ ok: false, errors: [{ field: "reason" }] });
    // Bringing the date forward needs no reason.
    const earlier = await recordMilestoneUpdate(
      editor,
      update({
        version,
        status: "delayed",
        forecastDate: "2024-08-31",
        commentary: "Procurement took longer",
        evidence: [{ title: "Board minutes", url: "https://example.gov.uk/minutes" }],
      }),
      { today: TODAY },
    );
    expect(earlier.ok).toBe(true);
    expect(await checksumTables(database.prisma)).not.toEqual(before);
  });

  it("refuses bad, oversized and hostile input with a message per field, changing nothing", async () => {
    const before = await checksumTables(database.prisma);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ status: "finished" }, "status"],
      [{ forecastDate: "2024-02-30" }, "forecastDate"],
      [{ forecastDate: "'; DROP TABLE milestone; --" }, "forecastDate"],
      [{ status: "complete", actualDate: "2099-01-01", reason: "Recorded as part of this test" }, "actualDate"],
      [{ status: "complete" }, "actualDate"],
      [{ actualDate: "2024-01-01" }, "status"],
      [{ commentary: "x".repeat(4001) }, "commentary"],
      [{ evidence: [{ title: "Evil", url: "javascript:alert(1)" }] }, "evidence.0.url"],
      [{ evidence: [{ title: "", url: "https://example.gov.uk" }] }, "evidence.0.title"],
      [
        { evidence: Array.from({ length: 11 }, (_, i) => ({ title: `t${i}`, url: "https://example.gov.uk" })) },
        "evidence",
      ],
      [{ code: "M-999" }, "form"],
      [{ code: "<script>alert(1)</script>" }, "code"],
      [{ version: "abc" }, "version"],
      [{ reason: "Recorded as part of this test".repeat(1001), status: "delayed" }, "reason"],
      // PostgreSQL cannot store NUL in text: refused with a message, not failed at the database.
      [{ commentary: "before\u0000after" }, "commentary"],
      [{ reason: "bell\u0007", status: "delayed" }, "reason"],
      [{ evidence: [{ title: "Report\u0000", url: "https://example.gov.uk" }] }, "evidence.0.title"],
    ];
    for (const [overrides, field] of cases) {
      const result = await recordMilestoneUpdate(editor, update({ version, ...overrides }), { today: TODAY });
      expect(result.ok, JSON.stringify(overrides).slice(0, 80)).toBe(false);
      if (!result.ok)
        expect(
          result.errors.map((e) => e.field),
          JSON.stringify(overrides).slice(0, 80),
        ).toContain(field);
    }
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("stores hostile text as text", async () => {
    const m = await current();
    const result = await recordMilestoneUpdate(
      editor,
      update({
        version,
        status: m.status,
        forecastDate: "2024-08-31",
        commentary: "<script>alert('x')</script> ' OR 1=1 --",
        evidence: [{ title: "Board minutes", url: "https://example.gov.uk/minutes" }],
      }),
      { today: TODAY },
    );
    expect(result.ok).toBe(true);
    expect((await current()).commentary).toBe("<script>alert('x')</script> ' OR 1=1 --");
  });

  it("refuses anonymous and deactivated users, changing nothing", async () => {
    const before = await checksumTables(database.prisma);
    await expect(
      recordMilestoneUpdate(null, update({ version, status: "complete", actualDate: "2024-01-01" })),
    ).rejects.toBeInstanceOf(NotSignedInError);
    await expect(
      recordMilestoneUpdate(deactivated, update({ version, status: "complete", actualDate: "2024-01-01" })),
    ).rejects.toBeInstanceOf(NotSignedInError);
    await expect(recordMilestoneUpdate(987654, update({ version }))).rejects.toBeInstanceOf(NotSignedInError);
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});

describe("two people saving the same milestone", () => {
  it("lets exactly one of many conflicting saves win, tells the rest what changed, and keeps the audit trail true", async () => {
    const start = await current();
    const others = await Promise.all(
      Array.from({ length: 7 }, (_, i) => createUser(database.prisma, { email: `editor${i}@example.gov.uk` })),
    );
    const results = await Promise.all(
      others.map((u, i) =>
        recordMilestoneUpdate(
          u.id,
          update({
            version: start.version,
            status: start.status,
            forecastDate: start.forecastDate?.toISOString().slice(0, 10) ?? "",
            commentary: `Save number ${i}`,
            evidence: [{ title: "Board minutes", url: "https://example.gov.uk/minutes" }],
          }),
          { today: TODAY },
        ),
      ),
    );
    const winners = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok && r.kind === "conflict");
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(6);
    const saved = await current();
    expect(saved.version).toBe(start.version + 1);
    for (const c of conflicts) {
      if (c.ok || c.kind !== "conflict") continue;
      expect(c.current.commentary).toBe(saved.commentary);
      expect(c.theirChanges).toHaveLength(1);
      expect(c.theirChanges[0]!.changes).toContainEqual({
        field: "Commentary",
        before: start.commentary,
        after: saved.commentary,
      });
    }
    // The audit trail replays to the saved state: its last event's "after" is what the database holds.
    const last = await database.prisma.auditEvent.findFirstOrThrow({
      where: { entityCode: "M-01" },
      orderBy: { id: "desc" },
    });
    expect(last.after).toMatchObject({ commentary: saved.commentary, version: saved.version, status: saved.status });
    const events = await database.prisma.auditEvent.count({ where: { entityCode: "M-01", action: "update" } });
    const updates = saved.version - 1;
    expect(events).toBe(updates);
  });
});

describe("correcting a response class", () => {
  it("is audited with its reason and shows in the public history", async () => {
    const r = await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
    const result = await reclassifyRecommendation(editor, {
      code: "CR-01",
      version: r.version,
      responseClass: "accepted",
      rationale: 'The response says "We will do it".',
      reason: "Misread the response",
    });
    expect(result).toEqual({ ok: true, value: { code: "CR-01", version: r.version + 1 } });
    const history = await publicHistory("recommendation", r.id);
    expect(history.at(-1)).toMatchObject({
      reason: "Misread the response",
      changes: expect.arrayContaining([{ field: "Response class", before: "Testing first", after: "Accepted" }]),
    });
    const stale = await reclassifyRecommendation(editor, {
      code: "CR-01",
      version: r.version,
      responseClass: "consulting",
      rationale: "Another reading entirely.",
      reason: "Recorded as part of this test",
    });
    expect(stale.ok).toBe(false);
  });

  it("refuses bad input and people without the right", async () => {
    const before = await checksumTables(database.prisma);
    const r = await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
    const bad = await reclassifyRecommendation(editor, {
      code: "CR-01",
      version: r.version,
      responseClass: "maybe" as "accepted",
      rationale: "short",
      reason: "",
    });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field).sort()).toEqual(["rationale", "reason", "responseClass"]);
    await expect(
      reclassifyRecommendation(null, {
        code: "CR-01",
        version: r.version,
        responseClass: "consulting",
        rationale: "A long enough rationale",
        reason: "Recorded as part of this test",
      }),
    ).rejects.toBeInstanceOf(NotSignedInError);
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});

describe("adding a milestone", () => {
  it("creates it with the next code, its links and a 'created' audit event", async () => {
    const result = await addMilestone(editor, {
      group: "laying_the_groundwork",
      activity: "Regional Care Cooperatives",
      title: "Second wave of Pathfinders",
      dueDate: "2026-03-31",
      pillars: [1],
      outcomes: [1, 4],
      recommendations: ["CR-01"],
      reason: "Phase two plan published in full",
    });
    expect(result).toEqual({ ok: true, value: { code: "M-02" } });
    const m = await database.prisma.milestone.findUniqueOrThrow({
      where: { code: "M-02" },
      include: { outcomes: true, recommendations: true },
    });
    expect([m.status, m.dateAsWritten, m.outcomes.length, m.recommendations.length]).toEqual([
      "not_yet_assessed",
      null,
      2,
      1,
    ]);
    const history = await publicHistory("milestone", m.id);
    expect(history).toMatchObject([
      { summary: "Added by DfE programme staff", reason: "Phase two plan published in full" },
    ]);
  });

  it("refuses unknown recommendations and missing fields, changing nothing", async () => {
    const before = await checksumTables(database.prisma);
    const unknown = await addMilestone(editor, {
      group: "laying_the_groundwork",
      activity: "A",
      title: "B",
      dueDate: "2026-03-31",
      pillars: [1],
      outcomes: [1],
      recommendations: ["CR-77"],
      reason: "Recorded as part of this test",
    });
    expect(unknown).toEqual({
      ok: false,
      errors: [{ field: "recommendations", message: "No recommendation has the code CR-77" }],
    });
    const missing = await addMilestone(editor, {
      group: "nope" as "laying_the_groundwork",
      activity: "",
      title: "",
      dueDate: "31/03/2026",
      pillars: [],
      outcomes: [9],
      recommendations: [],
      reason: "",
    });
    expect(missing.ok ? [] : [...new Set(missing.errors.map((e) => e.field.split(".")[0]))].sort()).toEqual([
      "activity",
      "dueDate",
      "group",
      "outcomes",
      "pillars",
      "reason",
      "title",
    ]);
    await expect(
      addMilestone(deactivated, {
        group: "laying_the_groundwork",
        activity: "A",
        title: "B",
        dueDate: "2026-03-31",
        pillars: [1],
        outcomes: [1],
        recommendations: [],
        reason: "Recorded as part of this test",
      }),
    ).rejects.toBeInstanceOf(NotSignedInError);
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});

it("an editor may not manage users", async () => {
  const { authorise } = await import("@/lib/auth/actor.server");
  await expect(authorise(editor, "user:manage")).rejects.toBeInstanceOf(ForbiddenError);
});

describe("a reason is published, so it must be at least a short sentence", () => {
  const tooShort = ["x", "typo", "Updated date", "aaaaaaaaaaaaaaaaaaaaaaaaa", "x y z", "  Slipped.  "];
  const expected = {
    field: "reason",
    message:
      "Write the reason as a short sentence, at least 20 characters and 3 words: it is published with the change, for the public to read",
  };

  it("the milestone form refuses a short reason, given or required, and writes nothing", async () => {
    const before = await checksumTables(database.prisma);
    const { version } = await current();
    for (const reason of tooShort) {
      for (const change of [{ status: "delayed" }, { status: "on_track", commentary: "Still on track" }]) {
        const result = await recordMilestoneUpdate(editor, update({ version, ...change, reason }), { today: TODAY });
        expect(result, `${reason} with ${change.status}`).toEqual({ ok: false, kind: "invalid", errors: [expected] });
      }
    }
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("the milestone form accepts a short sentence, and no reason where none is needed", async () => {
    let { version } = await current();
    const noReason = await recordMilestoneUpdate(editor, update({ version, commentary: "Checked this week" }), {
      today: TODAY,
    });
    expect(noReason.ok).toBe(true);
    version = (await current()).version;
    const sentence = await recordMilestoneUpdate(
      editor,
      update({ version, commentary: "Checked again", reason: "Forecast checked with the team" }),
      { today: TODAY },
    );
    expect(sentence.ok).toBe(true);
  });

  it("the reclassify and new milestone forms refuse a short reason, and writes nothing", async () => {
    const before = await checksumTables(database.prisma);
    const r = await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
    for (const reason of tooShort) {
      const reclassified = await reclassifyRecommendation(editor, {
        code: "CR-01",
        version: r.version,
        responseClass: "consulting",
        rationale: "The response says the department will consult on it.",
        reason,
      });
      expect(reclassified).toEqual({ ok: false, errors: [expected] });
      const added = await addMilestone(editor, {
        group: "laying_the_groundwork",
        activity: "Regional Care Cooperatives",
        title: "Third wave of Pathfinders",
        dueDate: "2027-03-31",
        pillars: [1],
        outcomes: [1],
        recommendations: [],
        reason,
      });
      expect(added).toEqual({ ok: false, errors: [expected] });
    }
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});
