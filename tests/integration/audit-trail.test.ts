import { afterAll, beforeAll, expect, it } from "vitest";
import { milestoneStatesAsAt, recommendationClassesAsAt } from "@/lib/audit/as-at.server";
import { shapeProblem, upgradeState, type AuditEventInput } from "@/lib/audit/records";
import { recordAuditEvent } from "@/lib/audit/trail.server";
import { db } from "@/lib/db/client.server";
import { applyMilestoneImport, exportMilestonesCsv } from "@/lib/staff/milestone-csv.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import { inviteUser } from "@/lib/auth/users.server";
import { addProgramme, addProgrammeCouncil } from "@/lib/staff/programmes.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";
import { PREVIOUS_RELEASE_SHAPES } from "@/tests/support/previous-release-audit-shapes";

// The one module for audited state (lib/audit): every path writes the declared shapes, and the events the previous
// release wrote are read the same way by TypeScript (upgradeState) and by the SQL that rebuilds the past (as-at).
let database: TestDatabase;
let editor: number;
let admin: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  editor = (await createUser(database.prisma, { email: "editor@education.gov.uk" })).id;
  admin = (await createUser(database.prisma, { email: "admin@education.gov.uk", role: "admin" })).id;
});

afterAll(async () => {
  await database.close();
});

it("every path writes events of their declared shape: source load, form, CSV import, additions, reclassification, programmes, accounts", async () => {
  expect(
    (
      await recordMilestoneUpdate(editor, {
        code: "M-01",
        version: 1,
        status: "on_track",
        forecastDate: "",
        actualDate: "",
        commentary: "Going well",
        evidence: [{ title: "Minutes", url: "https://www.gov.uk/minutes" }],
        reason: "",
      })
    ).ok,
  ).toBe(true);
  const csv = (await exportMilestonesCsv(editor)).replace(/^(\uFEFF)?/, "");
  const lines = csv.split("\r\n");
  const m02 = lines.findIndex((l) => l.startsWith("M-02,"));
  lines[m02] = lines[m02]!.replace(",not_yet_assessed,", ",not_started,");
  expect((await applyMilestoneImport(editor, lines.join("\r\n"))).applied).toBe(1);
  expect(
    (
      await addMilestone(editor, {
        group: "laying_the_groundwork",
        activity: "Guidance",
        title: "Publish guidance",
        dueDate: "2026-06-30",
        pillars: ["1"],
        outcomes: ["2"],
        recommendations: ["CR-01"],
        reason: "Added at the programme board",
      })
    ).ok,
  ).toBe(true);
  const cr01 = await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } });
  expect(
    (
      await reclassifyRecommendation(editor, {
        code: "CR-01",
        version: cr01.version,
        responseClass: cr01.responseClass === "testing" ? "accepted" : "testing",
        rationale: "Corrected.",
        reason: "Misread the response",
      })
    ).ok,
  ).toBe(true);
  expect(
    (await inviteUser(admin, { email: "new.person@education.gov.uk", name: "New Person", role: "editor" })).ok,
  ).toBe(true);

  expect(
    (
      await addProgramme(admin, {
        slug: "pathfinder",
        name: "Pathfinder",
        description: "Tried in some areas first",
        startedOn: "",
        endedOn: "",
        reason: "Announced in the strategy",
      })
    ).ok,
  ).toBe(true);
  expect(
    (
      await addProgrammeCouncil(admin, {
        programme: "pathfinder",
        version: 1,
        council: "thurrock",
        from: "2024-01-01",
        until: "",
        reason: "Announced in the strategy",
      })
    ).ok,
  ).toBe(true);

  const events = await database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
  const kinds = new Set(events.map((e) => `${e.entityType} ${e.action}`));
  expect([...kinds].sort()).toEqual([
    "milestone create",
    "milestone update",
    "programme create",
    "programme update",
    "recommendation create",
    "recommendation reclassify",
    "user invite",
  ]);
  for (const e of events) {
    expect(
      shapeProblem({ entityType: e.entityType, action: e.action, before: e.before, after: e.after } as never),
      `${e.entityType} ${e.action} ${e.entityCode}`,
    ).toBeNull();
  }
});

it("refuses to write an event of the wrong shape, and the transaction writes nothing", async () => {
  const before = await database.prisma.auditEvent.count();
  const m = await database.prisma.milestone.findUniqueOrThrow({ where: { code: "M-03" } });
  await expect(
    db().$transaction(async (tx) => {
      await tx.milestone.update({ where: { id: m.id }, data: { commentary: "half a change" } });
      await recordAuditEvent(tx, {
        actor: { id: editor, label: "editor@education.gov.uk" },
        action: "update",
        entityType: "milestone",
        entityId: m.id,
        entityCode: m.code,
        before: { status: "not_yet_assessed" },
        after: { status: "on_track" },
      } as unknown as AuditEventInput);
    }),
  ).rejects.toThrow(/wrong shape.*"before"/);
  expect(await database.prisma.auditEvent.count()).toBe(before);
  expect((await database.prisma.milestone.findUniqueOrThrow({ where: { code: "M-03" } })).commentary).toBeNull();
});

it("reads the events the previous release wrote the same way in TypeScript and in the SQL that rebuilds the past", async () => {
  // A milestone and a recommendation whose whole history is in the previous release's shapes, as such a database holds it.
  const m = await database.prisma.milestone.findUniqueOrThrow({ where: { code: "M-05" } });
  const r = await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-05" } });
  const old = [
    {
      entityType: "milestone",
      entityId: m.id,
      entityCode: m.code,
      action: "create",
      actorId: null,
      occurredAt: "2024-01-01T12:00:00Z",
      before: undefined,
      after: PREVIOUS_RELEASE_SHAPES.seededMilestoneCreate,
    },
    {
      entityType: "milestone",
      entityId: m.id,
      entityCode: m.code,
      action: "update",
      actorId: editor,
      occurredAt: "2024-02-01T12:00:00Z",
      before: PREVIOUS_RELEASE_SHAPES.seededMilestoneCreate,
      after: PREVIOUS_RELEASE_SHAPES.benchMilestoneUpdate,
    },
    {
      entityType: "milestone",
      entityId: m.id,
      entityCode: m.code,
      action: "update",
      actorId: editor,
      occurredAt: "2024-03-01T12:00:00Z",
      before: PREVIOUS_RELEASE_SHAPES.benchMilestoneUpdate,
      after: PREVIOUS_RELEASE_SHAPES.milestoneUpdate,
    },
    {
      entityType: "recommendation",
      entityId: r.id,
      entityCode: r.code,
      action: "create",
      actorId: null,
      occurredAt: "2024-01-01T12:00:00Z",
      before: undefined,
      after: PREVIOUS_RELEASE_SHAPES.seededRecommendationCreate,
    },
    {
      entityType: "recommendation",
      entityId: r.id,
      entityCode: r.code,
      action: "reclassify",
      actorId: editor,
      occurredAt: "2024-03-01T12:00:00Z",
      before: { ...PREVIOUS_RELEASE_SHAPES.seededRecommendationCreate, version: 1 },
      after: PREVIOUS_RELEASE_SHAPES.reclassify,
    },
  ];
  // The append-only trigger refuses deletes, so these are added on top of M-05's and CR-05's source-load events:
  // the later events decide the state, as they would in the old database.
  for (const e of old) {
    await database.prisma.auditEvent.create({
      data: {
        ...e,
        occurredAt: new Date(e.occurredAt),
        actorLabel: e.actorId ? "editor@education.gov.uk" : "source",
        before: e.before as never,
        after: e.after as never,
      },
    });
  }
  const at = async (day: string) => (await milestoneStatesAsAt(day)).find((s) => s.code === "M-05")!;
  const fromSql = (s: Awaited<ReturnType<typeof at>>) => ({
    status: s.status,
    forecastDate: s.forecastDate,
    actualDate: s.actualDate,
    commentary: s.commentary,
    evidence: s.evidence,
    version: s.version,
  });
  expect(fromSql(await at("2024-02-15"))).toEqual(
    upgradeState("milestone", {
      ...PREVIOUS_RELEASE_SHAPES.seededMilestoneCreate,
      ...PREVIOUS_RELEASE_SHAPES.benchMilestoneUpdate,
    }),
  );
  expect(fromSql(await at("2024-03-15"))).toEqual(
    upgradeState("milestone", {
      ...PREVIOUS_RELEASE_SHAPES.seededMilestoneCreate,
      ...PREVIOUS_RELEASE_SHAPES.milestoneUpdate,
    }),
  );
  const cr05 = async (day: string) => (await recommendationClassesAsAt(day)).find((s) => s.code === "CR-05")!;
  expect(await cr05("2024-03-15")).toEqual({
    code: "CR-05",
    ...upgradeState("recommendation", PREVIOUS_RELEASE_SHAPES.reclassify),
  });
});
