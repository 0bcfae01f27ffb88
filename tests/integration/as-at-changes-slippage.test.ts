import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import ChangesPage from "@/app/(public)/changes/page";
import SlippagePage from "@/app/(public)/slippage/page";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { milestoneStatesAsAt, recommendationClassesAsAt, type MilestoneStateAsAt } from "@/lib/audit/as-at.server";
import { emptyStatusCounts, summariseDashboard } from "@/lib/reform/dashboard.server";
import { classify, listChanges } from "@/lib/scrutiny/changes.server";
import { slippageRegister } from "@/lib/scrutiny/slippage.server";
import { todayInLondon, toIsoDay } from "@/lib/dates";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { parseAsAt } from "@/lib/dates";
import { parseChangesParams, parseSlippageSort } from "@/lib/validations/changes";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import {
  createMilestone,
  createRecommendation,
  createReferenceData,
  createUser,
  recordStaffEvent,
} from "@/tests/support/factories";
import { getMilestone } from "@/lib/reform/milestones.server";

// The pages read through unstable_cache, which needs Next's server; here they read the database directly.
vi.mock("@/lib/scrutiny/public-history-data.server", async () => {
  const { listChanges } = await import("@/lib/scrutiny/changes.server");
  const { slippageRegister, localSlippageRegister } = await import("@/lib/scrutiny/slippage.server");
  return {
    cachedChanges: (since: string, until: string) => listChanges({ since, until }),
    cachedSlippageRegister: (sort: "slippage" | "code") => slippageRegister({ sort }),
    cachedLocalSlippage: (sort: "slippage" | "code", asAt?: string, council?: string, limit?: number) =>
      localSlippageRegister({ sort, asAt, council, limit }),
  };
});

async function render(
  page: (props: { searchParams: Promise<Record<string, string>> }) => Promise<React.ReactElement>,
  params: Record<string, string>,
) {
  return renderToStaticMarkup(await page({ searchParams: Promise.resolve(params) }));
}

// One scripted history, written straight into the audit trail at chosen moments (the trail cannot be edited
// afterwards, so the milestone rows are then set to the final state, as the real writes would have left them).
// The source-data load is recorded "today" (long after the script), as a real deployment's would be: the
// strategy's milestones must still exist, in their original state, at every date before it.

interface State {
  status: string;
  forecastDate: string | null;
  actualDate: string | null;
  commentary: string | null;
  evidence: Array<{ title: string; url: string }>;
  version: number;
}

const INITIAL: State = {
  status: "not_yet_assessed",
  forecastDate: null,
  actualDate: null,
  commentary: null,
  evidence: [],
  version: 1,
};
const REPORT = { title: "Published report", url: "https://example.gov.uk/report" };

const DUE: Record<string, string> = {
  "M-01": "2023-08-31",
  "M-02": "2023-11-30",
  "M-03": "2024-03-31",
  "M-04": "2024-12-31",
};

/** Milestone updates in time order: [moment (UTC), code, state after, reason]. */
const UPDATES: Array<[string, string, State, string | null]> = [
  ["2023-05-10T09:00:00Z", "M-01", { ...INITIAL, status: "on_track", commentary: "Work started", version: 2 }, null],
  // 23:30 UTC on 30 June is 00:30 on 1 July in UK summer time: it belongs to 1 July.
  [
    "2023-06-30T23:30:00Z",
    "M-01",
    { ...INITIAL, status: "at_risk", forecastDate: "2023-10-31", commentary: "Procurement", version: 3 },
    "Procurement took longer",
  ],
  [
    "2023-09-15T10:00:00Z",
    "M-02",
    { ...INITIAL, status: "delayed", forecastDate: "2024-02-29", version: 2 },
    "The consultation was extended",
  ],
  [
    "2023-11-20T10:00:00Z",
    "M-01",
    {
      status: "complete",
      forecastDate: "2023-10-31",
      actualDate: "2023-11-15",
      commentary: "Done",
      evidence: [REPORT],
      version: 4,
    },
    null,
  ],
  [
    "2024-01-15T10:00:00Z",
    "M-02",
    { ...INITIAL, status: "delayed", forecastDate: "2024-06-30", version: 3 },
    "Waiting for ministerial sign-off",
  ],
  [
    "2024-04-01T10:00:00Z",
    "M-02",
    { ...INITIAL, status: "on_track", forecastDate: "2024-05-31", version: 4 },
    "Faster than expected",
  ],
  // 22:30 UTC on 30 June 2024 is 23:30 UK time: still 30 June.
  ["2024-06-30T22:30:00Z", "M-03", { ...INITIAL, status: "on_track", commentary: "Going well", version: 2 }, null],
  [
    "2024-07-01T08:00:00Z",
    "M-03",
    { ...INITIAL, status: "at_risk", forecastDate: "2024-09-30", commentary: "Going well", version: 3 },
    "Staff shortages",
  ],
];
const M04_CREATED = "2024-02-10T12:00:00Z";
const CR02_RECLASSIFIED = "2024-03-05T10:00:00Z";

const ukDay = (iso: string) => todayInLondon(new Date(iso));

let database: TestDatabase;

async function audit(
  prisma: PrismaClient,
  data: {
    occurredAt: string;
    actorId: number | null;
    action: string;
    entityType: string;
    entityId: number;
    entityCode: string | null;
    before?: object;
    after?: object;
    reason?: string;
  },
) {
  await prisma.auditEvent.create({
    data: {
      occurredAt: new Date(data.occurredAt),
      actorId: data.actorId,
      actorLabel: data.actorId ? "staff" : "Source",
      action: data.action,
      entityType: data.entityType,
      entityId: data.entityId,
      entityCode: data.entityCode,
      before: data.before,
      after: data.after,
      reason: data.reason ?? null,
    },
  });
}

/** The state the script says milestone `code` had at the end of UK day `day`, or undefined if it did not exist. */
function expectedState(code: string, day: string): State | undefined {
  if (code === "M-04" && day < ukDay(M04_CREATED)) return undefined;
  let state = INITIAL;
  for (const [at, c, after] of UPDATES) if (c === code && ukDay(at) <= day) state = after;
  return state;
}

function comparable(s: MilestoneStateAsAt): State {
  return {
    status: s.status,
    forecastDate: s.forecastDate,
    actualDate: s.actualDate,
    commentary: s.commentary,
    evidence: s.evidence,
    version: s.version,
  };
}

async function currentFromTable(prisma: PrismaClient) {
  const rows = await prisma.milestone.findMany({
    orderBy: { code: "asc" },
    include: { evidence: { orderBy: { position: "asc" } } },
  });
  return rows.map((m) => ({
    code: m.code,
    status: m.status,
    dueDate: toIsoDay(m.dueDate)!,
    forecastDate: toIsoDay(m.forecastDate),
    actualDate: toIsoDay(m.actualDate),
    plannedDate: toIsoDay(m.forecastDate ?? m.dueDate)!,
    commentary: m.commentary,
    evidence: m.evidence.map((e) => ({ title: e.title, url: e.url })),
    version: m.version,
  }));
}

async function currentClasses(prisma: PrismaClient) {
  const rows = await prisma.recommendation.findMany({ orderBy: [{ sourceAnnex: "asc" }, { sourceRow: "asc" }] });
  return rows.map((r) => ({
    code: r.code,
    responseClass: r.responseClass,
    responseRationale: r.responseRationale,
    version: r.version,
  }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  const cr01 = await createRecommendation(prisma, { code: "CR-01", pillar: 1, responseClass: "accepted" });
  const cr02 = await createRecommendation(prisma, { code: "CR-02", pillar: 2, responseClass: "testing" });
  const ms = {
    "M-01": await createMilestone(prisma, { code: "M-01", dueDate: DUE["M-01"]!, pillars: [1] }),
    "M-02": await createMilestone(prisma, { code: "M-02", dueDate: DUE["M-02"]!, pillars: [1, 2] }),
    "M-03": await createMilestone(prisma, { code: "M-03", dueDate: DUE["M-03"]!, pillars: [2] }),
  };
  const editor = await createUser(prisma, { email: "editor@example.gov.uk" });

  // The source-data load, recorded when the database was filled (now), in the loader's shape.
  const loadedAt = new Date().toISOString();
  for (const r of [cr01, cr02]) {
    await audit(prisma, {
      occurredAt: loadedAt,
      actorId: null,
      action: "create",
      entityType: "recommendation",
      entityId: r.id,
      entityCode: r.code,
      after: { responseClass: r.responseClass, responseRationale: r.responseRationale },
    });
  }
  for (const [code, m] of Object.entries(ms)) {
    await audit(prisma, {
      occurredAt: loadedAt,
      actorId: null,
      action: "create",
      entityType: "milestone",
      entityId: m.id,
      entityCode: code,
      after: { status: "not_yet_assessed", dueDate: DUE[code], forecastDate: null, actualDate: null, commentary: null },
    });
  }

  // The script.
  const previous: Record<string, State> = { "M-01": INITIAL, "M-02": INITIAL, "M-03": INITIAL };
  for (const [at, code, after, reason] of UPDATES) {
    await recordStaffEvent(prisma, {
      actorId: editor.id,
      milestoneCode: code,
      occurredAt: at,
      before: previous[code],
      after,
      reason: reason ?? undefined,
    });
    previous[code] = after;
  }
  // A milestone added by staff part-way through (M-04), in addMilestone's shape.
  const m04 = await createMilestone(prisma, { code: "M-04", dueDate: DUE["M-04"]!, pillars: [3] });
  await prisma.milestone.update({ where: { id: m04.id }, data: { dateAsWritten: null } });
  await audit(prisma, {
    occurredAt: M04_CREATED,
    actorId: editor.id,
    action: "create",
    entityType: "milestone",
    entityId: m04.id,
    entityCode: "M-04",
    after: {
      title: "Milestone M-04",
      group: "laying_the_groundwork",
      activity: "An activity",
      dueDate: DUE["M-04"],
      status: "not_yet_assessed",
      pillars: [3],
      outcomes: [],
      recommendations: [],
      version: 1,
    },
    reason: "Phase two of the programme began",
  });
  // A response reclassified, in reclassifyRecommendation's shape.
  await audit(prisma, {
    occurredAt: CR02_RECLASSIFIED,
    actorId: editor.id,
    action: "reclassify",
    entityType: "recommendation",
    entityId: cr02.id,
    entityCode: "CR-02",
    before: { responseClass: "testing", responseRationale: cr02.responseRationale, version: 1 },
    after: { responseClass: "accepted", responseRationale: "Pathfinder finished; rolled out", version: 2 },
    reason: "The pathfinder programme finished",
  });
  // A user-account event in the middle of the script: not a change to the reform.
  await audit(prisma, {
    occurredAt: "2024-03-01T10:00:00Z",
    actorId: editor.id,
    action: "create",
    entityType: "user",
    entityId: editor.id,
    entityCode: null,
    after: { email: "x@example.gov.uk" },
  });

  // The tables as the real writes would have left them.
  for (const [code, state] of Object.entries(previous)) {
    await prisma.milestone.update({
      where: { code },
      data: {
        status: state.status as never,
        forecastDate: state.forecastDate ? new Date(`${state.forecastDate}T00:00:00Z`) : null,
        actualDate: state.actualDate ? new Date(`${state.actualDate}T00:00:00Z`) : null,
        commentary: state.commentary,
        version: state.version,
        evidence: { deleteMany: {}, create: state.evidence.map((e, i) => ({ position: i + 1, ...e })) },
      },
    });
  }
  await prisma.recommendation.update({
    where: { code: "CR-02" },
    data: { responseClass: "accepted", responseRationale: "Pathfinder finished; rolled out", version: 2 },
  });
});

afterAll(async () => {
  await database.close();
});

describe("as at a past date", () => {
  it("gives each milestone's state at the end of every intermediate UK day", async () => {
    const checkDays = new Set<string>(["2023-02-01", "2023-02-02", ukDay(M04_CREATED), "2024-02-09", "2025-01-01"]);
    for (const [at] of UPDATES) {
      const day = ukDay(at);
      checkDays.add(day);
      checkDays.add(toIsoDay(new Date(new Date(`${day}T00:00:00Z`).getTime() - 86_400_000))!);
    }
    for (const day of [...checkDays].sort()) {
      const states = await milestoneStatesAsAt(day);
      const expected = ["M-01", "M-02", "M-03", "M-04"].flatMap((code) => {
        const s = expectedState(code, day);
        return s ? [[code, s] as const] : [];
      });
      expect(
        states.map((s) => [s.code, comparable(s)]),
        day,
      ).toEqual(expected);
    }
  });

  it("puts an event in the UK day it happened on, in summer time", async () => {
    const before = await milestoneStatesAsAt("2023-06-30");
    const after = await milestoneStatesAsAt("2023-07-01");
    expect(before.find((s) => s.code === "M-01")).toMatchObject({
      status: "on_track",
      forecastDate: null,
      plannedDate: "2023-08-31",
    });
    expect(after.find((s) => s.code === "M-01")).toMatchObject({
      status: "at_risk",
      forecastDate: "2023-10-31",
      plannedDate: "2023-10-31",
    });
    expect((await milestoneStatesAsAt("2024-06-30")).find((s) => s.code === "M-03")).toMatchObject({
      status: "on_track",
      commentary: "Going well",
    });
    expect((await milestoneStatesAsAt("2024-06-29")).find((s) => s.code === "M-03")).toMatchObject({
      status: "not_yet_assessed",
      commentary: null,
    });
  });

  it("gives each recommendation's response class as it was", async () => {
    const at = async (day: string) =>
      (await recommendationClassesAsAt(day)).map((r) => [r.code, r.responseClass, r.version]);
    expect(await at("2024-03-04")).toEqual([
      ["CR-01", "accepted", 1],
      ["CR-02", "testing", 1],
    ]);
    expect(await at("2024-03-05")).toEqual([
      ["CR-01", "accepted", 1],
      ["CR-02", "accepted", 2],
    ]);
  });

  it("shows a page's history up to the end of the UK day, not the UTC day", async () => {
    // 23:30 UTC on 30 June 2023 was 00:30 on 1 July in UK summer time.
    const reasons = async (asAt: string) =>
      (await getMilestone("M-01", { asAt }))!.history.map((h) => h.reason).filter(Boolean);
    expect(await reasons("2023-06-30")).not.toContain("Procurement took longer");
    expect(await reasons("2023-07-01")).toContain("Procurement took longer");
  });

  it("counts the headline figures as they stood", async () => {
    const s = await summariseDashboard({ asAt: "2023-12-31" });
    // M-01 complete; M-02 delayed to 29 Feb 2024; M-03 not assessed, due 31 Mar 2024; M-04 not yet added.
    expect(s.milestoneTotal).toBe(3);
    expect(s.milestonesByStatus).toEqual({ ...emptyStatusCounts(), complete: 1, delayed: 1, not_yet_assessed: 1 });
    expect(s.overdue).toBe(0);
    expect((await summariseDashboard({ asAt: "2024-04-30" })).overdue).toBe(1); // M-03, due 31 March 2024, still open
    expect(s.recommendationsByClass).toMatchObject({
      accepted: 1,
      testing: 1,
      accepted_in_principle: 0,
      consulting: 0,
      not_accepted: 0,
    });
  });

  it("as at today is identical to the current state of every milestone and recommendation", async () => {
    const today = todayInLondon();
    expect(await milestoneStatesAsAt(today)).toEqual(await currentFromTable(database.prisma));
    expect(await recommendationClassesAsAt(today)).toEqual(await currentClasses(database.prisma));
  });
});

describe("changes in a period", () => {
  it("lists every change in the whole period by kind, with counts, leaving out the source load and accounts", async () => {
    const report = await listChanges({ since: "2023-02-02", until: "2024-12-31" });
    expect(report.events).toBe(UPDATES.length + 2);
    expect(report.counts).toEqual({
      completed: 1,
      at_risk_or_delayed: 3,
      slipped: 4,
      brought_forward: 1,
      reclassified: 1,
      added: 1,
      other: 2,
    });
  });

  it("groups changes by pillar, a milestone in two pillars appearing under each", async () => {
    const report = await listChanges({ since: "2023-09-01", until: "2024-01-31" });
    const pillar = (n: number) => report.pillars.find((p) => p.number === n)!;
    expect(report.pillars.map((p) => p.number)).toEqual([1, 2]);
    expect(pillar(1).byKind.completed.map((c) => [c.code, c.to])).toEqual([["M-01", "2023-11-15"]]);
    expect(pillar(1).byKind.slipped.map((c) => [c.code, c.from, c.to, c.reason])).toEqual([
      ["M-02", "2023-11-30", "2024-02-29", "The consultation was extended"],
      ["M-02", "2024-02-29", "2024-06-30", "Waiting for ministerial sign-off"],
    ]);
    expect(pillar(2).byKind.slipped.map((c) => c.code)).toEqual(["M-02", "M-02"]);
    expect(pillar(2).byKind.at_risk_or_delayed.map((c) => [c.code, c.from, c.to])).toEqual([
      ["M-02", "not_yet_assessed", "delayed"],
    ]);
    // Counted once although shown under two pillars.
    expect(report.counts.slipped).toBe(2);
    expect(report.counts.completed).toBe(1);
  });

  it("takes whole UK days at both ends", async () => {
    const july = await listChanges({ since: "2023-07-01", until: "2023-07-01" });
    expect(july.events).toBe(1);
    expect(july.pillars[0]!.byKind.slipped.map((c) => [c.code, c.from, c.to])).toEqual([
      ["M-01", "2023-08-31", "2023-10-31"],
    ]);
    expect((await listChanges({ since: "2023-06-30", until: "2023-06-30" })).events).toBe(0);
    const lastDay = await listChanges({ since: "2024-06-30", until: "2024-06-30" });
    expect(lastDay.events).toBe(1);
    expect(lastDay.pillars.map((p) => [p.number, p.byKind.other.map((c) => c.code)])).toEqual([[2, ["M-03"]]]);
  });

  it("shows dates brought forward, reclassifications and added milestones", async () => {
    const report = await listChanges({ since: "2024-02-01", until: "2024-04-30" });
    expect(report.events).toBe(3); // the user-account event of 1 March is not counted
    const pillar = (n: number) => report.pillars.find((p) => p.number === n)!;
    expect(pillar(3).byKind.added.map((c) => [c.code, c.to])).toEqual([["M-04", "2024-12-31"]]);
    expect(pillar(2).byKind.reclassified.map((c) => [c.code, c.from, c.to, c.reason])).toEqual([
      ["CR-02", "testing", "accepted", "The pathfinder programme finished"],
    ]);
    expect(pillar(1).byKind.brought_forward.map((c) => [c.code, c.from, c.to])).toEqual([
      ["M-02", "2024-06-30", "2024-05-31"],
    ]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("does not call a completion with the forecast unchanged a slip", () => {
    expect(
      classify({
        action: "update",
        entityType: "milestone",
        dueDate: "2023-08-31",
        before: UPDATES[1]![2] as never,
        after: UPDATES[3]![2] as never,
      }).map((k) => k.kind),
    ).toEqual(["completed"]);
  });
});

describe("the slippage register", () => {
  it("shows the original date, each re-planned date with its reason and time, and how often and far it slipped", async () => {
    const register = await slippageRegister({ sort: "slippage" });
    // M-03: 31 Mar -> 30 Sep 2024 = 183 days; M-02: 30 Nov 2023 -> 31 May 2024 = 183 days; M-01: 31 Aug -> 31 Oct 2023 = 61.
    expect(register.map((r) => [r.code, r.totalSlippageDays, r.timesSlipped])).toEqual([
      ["M-02", 183, 2],
      ["M-03", 183, 1],
      ["M-01", 61, 1],
      ["M-04", 0, 0],
    ]);
    const m02 = register.find((r) => r.code === "M-02")!;
    expect(m02).toMatchObject({
      dueDate: "2023-11-30",
      dateAsWritten: "2023-11-30",
      plannedDate: "2024-05-31",
      actualDate: null,
    });
    expect(m02.replans).toEqual([
      {
        setAt: "2023-09-15T10:00:00.000Z",
        from: "2023-11-30",
        to: "2024-02-29",
        slipped: true,
        reason: "The consultation was extended",
      },
      {
        setAt: "2024-01-15T10:00:00.000Z",
        from: "2024-02-29",
        to: "2024-06-30",
        slipped: true,
        reason: "Waiting for ministerial sign-off",
      },
      {
        setAt: "2024-04-01T10:00:00.000Z",
        from: "2024-06-30",
        to: "2024-05-31",
        slipped: false,
        reason: "Faster than expected",
      },
    ]);
    expect(register.find((r) => r.code === "M-01")).toMatchObject({
      actualDate: "2023-11-15",
      replans: [{ from: "2023-08-31", to: "2023-10-31" }],
    });
    expect(register.find((r) => r.code === "M-04")).toMatchObject({ dateAsWritten: null, replans: [] });
  });

  it("shows how many days each open milestone is past its planned date, beside how far it slipped", async () => {
    const register = await slippageRegister({ sort: "code", today: "2024-10-31" });
    // M-02: planned 31 May 2024, on track, so 153 days overdue by 31 October; M-03: planned 30 September, 31 days.
    expect(register.map((r) => [r.code, r.totalSlippageDays, r.daysOverdue, r.lateness])).toEqual([
      ["M-01", 61, 0, null],
      ["M-02", 183, 153, "assessed_late"],
      ["M-03", 183, 31, "assessed_late"],
      ["M-04", 0, 0, null],
    ]);
    // As at 1 June 2024: M-02 (on track) one day overdue; M-03, planned 31 March and not yet assessed, 62 days.
    const then = await slippageRegister({ sort: "code", asAt: "2024-06-01" });
    expect(then.map((r) => [r.code, r.daysOverdue, r.lateness])).toEqual([
      ["M-01", 0, null],
      ["M-02", 1, "assessed_late"],
      ["M-03", 62, "not_yet_assessed"],
      ["M-04", 0, null],
    ]);
  });

  it("sorts by code on request", async () => {
    expect((await slippageRegister({ sort: "code" })).map((r) => r.code)).toEqual(["M-01", "M-02", "M-03", "M-04"]);
  });
});

describe("query parameters", () => {
  it("accepts a real period and refuses impossible or reversed dates", () => {
    const today = "2024-06-30";
    expect(parseChangesParams({ since: "2024-01-01" }, today)).toEqual({ ok: true, since: "2024-01-01", until: today });
    expect(parseChangesParams({}, today)).toMatchObject({ ok: false, missing: true, errors: [] });
    expect(parseChangesParams({ since: "2024-02-30" }, today)).toMatchObject({
      ok: false,
      missing: false,
      errors: [{ parameter: "since" }],
    });
    expect(parseChangesParams({ since: "2024-05-01", until: "2024-04-01" }, today)).toMatchObject({
      ok: false,
      errors: [{ parameter: "until" }],
    });
    expect(parseChangesParams({ since: "2025-01-01" }, today)).toMatchObject({
      ok: false,
      errors: [{ parameter: "since" }],
    });
    expect(parseChangesParams({ since: ["2024-01-01", "2024-02-01"] }, today)).toMatchObject({
      ok: false,
      errors: [{ parameter: "since" }],
    });
    expect(parseSlippageSort({ sort: "code" })).toEqual({ ok: true, sort: "code" });
    expect(parseSlippageSort({ sort: "x" })).toMatchObject({ ok: false });
    expect(parseAsAt({ asAt: "2024-06-30" }, today)).toEqual({ ok: true, asAt: null });
    expect(parseAsAt({ asAt: "2023-12-31" }, today)).toEqual({ ok: true, asAt: "2023-12-31" });
    expect(parseAsAt({ asAt: "31/12/2023" }, today)).toMatchObject({ ok: false });
  });
});

describe("the pages", () => {
  it("/changes shows counts and each change once with its pillars, filters, and an error summary for bad values", async () => {
    const html = await render(ChangesPage, { since: "2023-09-01", until: "2024-01-31" });
    expect(html).toContain("3 changes from 1 September 2023 to 31 January 2024");
    expect(html).toContain("Planned date moved later, from 30 November 2023 to 29 February 2024");
    // M-02 serves pillars 1 and 2: each of its two updates is one row, with both pillars as tags.
    expect(html.match(/href="\/milestones\/M-02"/g)).toHaveLength(2);
    expect(html.match(/>Pillar 2</g)).toHaveLength(2);
    const pillar2 = await render(ChangesPage, { since: "2023-09-01", until: "2024-01-31", pillar: "2" });
    expect(pillar2).toContain("2 changes in pillar 2 from 1 September 2023 to 31 January 2024");
    expect(pillar2).not.toContain('href="/milestones/M-01"');
    const badPillar = await render(ChangesPage, { since: "2023-09-01", pillar: "7" });
    expect(badPillar).toContain('href="#filter-pillar"');
    expect(badPillar).toContain("&quot;pillar&quot; must be one of: 1, 2, 3, 4, 5, 6.");
    const bad = await render(ChangesPage, { since: "2024-02-30" });
    expect(bad).toContain("There is a problem");
    expect(bad).toContain('href="#filter-since"');
    const first = await render(ChangesPage, {});
    expect(first).not.toContain("There is a problem");
    expect(first).toContain("Choose a start date");
  });

  it("/slippage lists every milestone with sort links", async () => {
    const html = await render(SlippagePage, {});
    expect(html.indexOf("M-02")).toBeLessThan(html.indexOf("M-01"));
    expect(html).toContain("Waiting for ministerial sign-off");
    expect(html).toContain('href="/slippage?sort=code"');
    // Both measures, side by side: slipped (dates moved later) and overdue (past the planned date, still open).
    expect(html).toContain("Days overdue");
    expect(html).toMatch(/3 of 4 milestones have slipped at least once/);
    expect(html).toMatch(/\d of 4 are overdue/);
    expect(await render(SlippagePage, { sort: "nonsense" })).toContain("There is a problem");
    // A bad asAt is said, not silently replaced by today's register (the status, 400, is set in front of the page).
    const early = await render(SlippagePage, { asAt: "1999-01-01", sort: "nonsense" });
    expect(early).toContain(
      "must be on or after 2023-02-02, when the strategy was published. Showing the reform as it is today.",
    );
    expect(early.match(/There is a problem/g)).toHaveLength(1);
  });
});

describe("the real reform data", () => {
  let real: TestDatabase;
  beforeAll(async () => {
    await database.close();
    real = await createTestDatabase();
    database = real;
    await loadReformData(real.prisma);
  });

  it("as at today equals the current state, before and after a real staff update", async () => {
    const today = todayInLondon();
    const current = await currentFromTable(real.prisma);
    expect(current.length).toBeGreaterThan(30);
    expect(await milestoneStatesAsAt(today)).toEqual(current);
    expect(await recommendationClassesAsAt(today)).toEqual(await currentClasses(real.prisma));
    // The strategy's milestones exist, as published, before the data was loaded.
    expect((await milestoneStatesAsAt("2023-02-02")).map((s) => s.code)).toEqual(current.map((s) => s.code));

    const editor = await createUser(real.prisma, { email: "real-editor@example.gov.uk" });
    const first = current[0]!;
    const result = await recordMilestoneUpdate(editor.id, {
      code: first.code,
      version: first.version,
      status: "delayed",
      forecastDate: "2030-01-31",
      actualDate: "",
      commentary: "Moved",
      evidence: [{ title: "Minutes", url: "https://example.gov.uk/minutes" }],
      reason: "Scripted slip for the slippage test",
    });
    expect(result.ok).toBe(true);
    expect(await milestoneStatesAsAt(today)).toEqual(await currentFromTable(real.prisma));
    const register = await slippageRegister();
    expect(register[0]).toMatchObject({
      code: first.code,
      timesSlipped: 1,
      replans: [{ to: "2030-01-31", reason: "Scripted slip for the slippage test" }],
    });
    const changes = await listChanges({ since: today });
    expect(changes.counts.slipped).toBe(1);
  });

  it("reconstructs rows that have no create event: from the first later update, or the row itself if never changed", async () => {
    const editor = await real.prisma.user.findUniqueOrThrow({ where: { email: "real-editor@example.gov.uk" } });
    await createMilestone(real.prisma, { code: "M-98", dueDate: "2025-06-30", status: "not_started", pillars: [1] });
    await createMilestone(real.prisma, { code: "M-99", dueDate: "2025-06-30", status: "on_track", pillars: [1] });
    const base = { forecastDate: null, actualDate: null, commentary: null, evidence: [] };
    await recordStaffEvent(real.prisma, {
      actorId: editor.id,
      milestoneCode: "M-99",
      occurredAt: "2024-05-01T10:00:00Z",
      before: { ...base, status: "not_started", version: 1 },
      after: { ...base, status: "on_track", version: 2 },
    });
    await real.prisma.milestone.update({ where: { code: "M-99" }, data: { version: 2 } });
    const at = async (day: string) =>
      (await milestoneStatesAsAt(day)).filter((s) => s.code >= "M-98").map((s) => [s.code, s.status, s.version]);
    expect(await at("2024-04-30")).toEqual([
      ["M-98", "not_started", 1],
      ["M-99", "not_started", 1],
    ]);
    expect(await at("2024-05-01")).toEqual([
      ["M-98", "not_started", 1],
      ["M-99", "on_track", 2],
    ]);
    expect(await milestoneStatesAsAt(todayInLondon())).toEqual(await currentFromTable(real.prisma));
  });
});
