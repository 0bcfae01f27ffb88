// Property-based bad input: thousands of malformed, oversized and hostile inputs (wrong types, huge strings,
// script tags, SQL fragments, unusual unicode, prototype-pollution keys) thrown at every domain write function and
// at the public filter parsers. Every write must answer with a refusal (ok: false), never throw, and leave the
// database byte for byte as it was; the filter parsers must never throw, and must accept exactly what their rules
// allow (checked against an independent statement of those rules below).
//
// Generators for the writes are invalid by construction (one field is always outside the rules, or the input is
// well formed but stale, unknown or otherwise refused before any write), so "ok: false" is the only right answer.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before the imports (vi.hoisted runs first): lib/auth/passwords.server reads BCRYPT_COST when it is loaded.
vi.hoisted(() => {
  vi.stubEnv("BCRYPT_COST", "4");
});

import fc from "fast-check";
import { huge, hostileString, NASTY_STRINGS } from "@/tests/support/hostile-values";
import { applyMilestoneImport, MILESTONE_CSV_COLUMNS, previewMilestoneImport } from "@/lib/staff/milestone-csv.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { addMilestone } from "@/lib/staff/milestone-additions.server";
import { reclassifyRecommendation } from "@/lib/staff/reclassification.server";
import {
  addProgramme,
  addProgrammeCouncil,
  endProgrammeCouncil,
  setProgrammeMilestones,
  updateProgrammeDetails,
} from "@/lib/staff/programmes.server";
import {
  addProgrammeCouncilSchema,
  endProgrammeCouncilSchema,
  newProgrammeSchema,
  programmeDetailsSchema,
  programmeMilestonesSchema,
} from "@/lib/validations/programmes";
import {
  changeOwnPassword,
  changeUserRole,
  deactivateCouncilUser,
  deactivateUser,
  inviteCouncilUser,
  inviteUser,
  liftCouncilSignInLock,
  reactivateCouncilUser,
  resetCouncilUserPassword,
  resetPassword,
} from "@/lib/auth/users.server";
import { NotSignedInError } from "@/lib/auth/actor.server";
import { milestoneUpdateSchema } from "@/lib/validations/milestone-update";
import { newMilestoneSchema, reclassifySchema } from "@/lib/validations/staff-edits";
import {
  changePasswordSchema,
  changeRoleSchema,
  councilInviteSchema,
  councilUserRefSchema,
  inviteUserSchema,
  userRefSchema,
} from "@/lib/validations/users";
import {
  DUE_WINDOWS,
  FORMATS,
  MILESTONE_GAPS,
  MILESTONE_SORTS,
  parseMilestoneFilters,
  parseRecommendationFilters,
  RECOMMENDATION_GAPS,
  RECOMMENDATION_SORTS,
} from "@/lib/validations/public-filters";
import { parseSearch, SEARCH_KINDS } from "@/lib/validations/search";
import { searchEverything } from "@/lib/reform/search.server";
import { MILESTONE_GROUPS, MILESTONE_STATUSES, RESPONSE_CLASSES, REVIEW_CODES } from "@/lib/vocabulary";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createRecommendation, createReferenceData, createUser } from "@/tests/support/factories";

const RUNS = Number(process.env.HOSTILE_RUNS ?? 400);
const TODAY = "2026-11-23";

let database: TestDatabase;
let adminId = 0;
let targetId = 0;
let before: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  await createRecommendation(prisma, { code: "CR-01", pillar: 1, responseClass: "testing" });
  await createMilestone(prisma, {
    code: "M-01",
    dueDate: "2024-03-31",
    pillars: [1],
    outcomes: [1],
    recommendations: ["CR-01"],
  });
  const admin = await createUser(prisma, { email: "admin@example.gov.uk", role: "admin" });
  adminId = admin.id;
  await prisma.user.update({
    where: { id: adminId },
    data: { passwordHash: "$2b$04$C6UzMDM.H6dfI/f/IKcEeO5mVhT5ydS.YGCSaLyH5TLQXGlt2TcY2" },
  });
  targetId = (await createUser(prisma, { email: "target@example.gov.uk", role: "editor" })).id;
  const thurrock = await prisma.council.create({
    data: {
      slug: "thurrock",
      gssCode: "E06000034",
      name: "Thurrock",
      officialName: "Thurrock",
      type: "UA",
      typeName: "Unitary authority",
      region: "East of England",
    },
  });
  await prisma.programme.create({
    data: {
      slug: "pathfinder",
      name: "Pathfinder",
      description: "What it is",
      councils: { create: { councilId: thurrock.id, fromDate: new Date("2024-01-01T00:00:00Z") } },
    },
  });
  before = await checksumTables(prisma);
});

afterAll(async () => {
  // The whole property run, every function together, changed nothing.
  expect(await checksumTables(database.prisma)).toEqual(before);
  // And nothing polluted Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  await database.close();
});

// ---------------------------------------------------------------------------------------------------------
// Hostile values (strings from tests/support/hostile-values.ts)

/** Objects whose own keys include __proto__, constructor and prototype (JSON.parse makes them own properties). */
const pollutingObject = fc
  .tuple(fc.constantFrom("__proto__", "constructor", "prototype"), fc.jsonValue({ maxDepth: 2 }))
  .map(
    ([key, value]) =>
      JSON.parse(`{"${key}": {"polluted": true, "isAdmin": true}, "x": ${JSON.stringify(value) ?? "null"}}`) as unknown,
  );

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE),
  },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
  { weight: 1, arbitrary: pollutingObject },
  {
    weight: 1,
    arbitrary: fc.constantFrom(() => "fn", Symbol("s"), new Map([["a", 1]]), new Uint8Array(4), Promise.resolve(1)),
  },
);

/** A value the given field rule refuses: the one field that makes the input invalid by construction. */
function refusedBy(schema: { safeParse(v: unknown): { success: boolean } }): fc.Arbitrary<unknown> {
  return hostileValue.filter((v) => {
    try {
      return !schema.safeParse(v).success;
    } catch {
      return true; // a value the rule cannot even look at (a Symbol, say) is refused too
    }
  });
}

/**
 * An input object built from `fields` (each either a plausible or a hostile value), with one chosen field replaced
 * by a value its rule refuses, and extra hostile keys (including prototype-pollution keys) mixed in.
 */
function invalidObject(
  fields: Record<string, fc.Arbitrary<unknown>>,
  rules: Record<string, { safeParse(v: unknown): { success: boolean } }>,
): fc.Arbitrary<unknown> {
  const names = Object.keys(rules);
  const base = fc.record(
    Object.fromEntries(Object.entries(fields).map(([k, arb]) => [k, fc.oneof(arb, hostileValue)])),
    { requiredKeys: [] },
  );
  return fc
    .tuple(
      base,
      fc.constantFrom(...names).chain((name) => refusedBy(rules[name]!).map((value) => [name, value] as const)),
      fc.boolean(),
      fc.option(pollutingObject),
    )
    .map(([object, [name, value], omit, extra]) => {
      const result: Record<string, unknown> = { ...(extra as object | null), ...object };
      if (omit && value === undefined) delete result[name];
      else result[name] = value;
      return result;
    });
}

/** Anything at all that is not an object: always refused by an object schema. */
const notAnObject = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.constantFrom(null, undefined, true, false),
  fc.array(hostileValue, { maxLength: 4 }),
);

const shapeOf = (schema: { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }) => schema.shape;

// ---------------------------------------------------------------------------------------------------------
// The property: a refusal, no exception

async function expectRefusal(call: () => Promise<{ ok: boolean }>) {
  let result: { ok: boolean };
  try {
    result = await call();
  } catch (error) {
    throw new Error(
      `threw instead of refusing: ${error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 500)}` : String(error)}`,
    );
  }
  if (result.ok !== false) throw new Error(`accepted a hostile input: ${JSON.stringify(result).slice(0, 300)}`);
  if ("errors" in result) expect((result as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
}

function runProperty<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>, numRuns = RUNS) {
  return fc.assert(fc.asyncProperty(arbitrary, check), { numRuns, endOnFailure: true });
}

const day = fc.constantFrom("", "2024-03-31", "2026-01-01", "2099-12-31");

describe.sequential("domain writes refuse hostile input and write nothing", { timeout: 120_000 }, () => {
  let start: Record<string, string>;
  beforeAll(async () => {
    start = await checksumTables(database.prisma);
  });
  afterAll(async () => {
    expect(await checksumTables(database.prisma)).toEqual(start);
  });

  it("recordMilestoneUpdate", async () => {
    const fields = {
      code: fc.constantFrom("M-01", "M-99"),
      version: fc.constantFrom(1, "1"),
      status: fc.constantFrom(...MILESTONE_STATUSES),
      forecastDate: day,
      actualDate: day,
      commentary: hostileString,
      evidence: fc.array(
        fc.record({ title: hostileString, url: fc.constantFrom("https://example.org", "javascript:alert(1)") }),
        { maxLength: 3 },
      ),
      reason: hostileString,
    };
    // Well formed but stale (someone saved since) or unknown: reaches the database with hostile text, writes nothing.
    const stale = fc.record({
      ...fields,
      code: fc.constantFrom("M-01", "M-02", "ZZZZ-99999"),
      version: fc.integer({ min: 2, max: 2 ** 31 - 1 }),
      evidence: fc.constant([]),
      commentary: fc.constantFrom(...NASTY_STRINGS),
      reason: fc.constantFrom(...NASTY_STRINGS),
    });
    await runProperty(fc.oneof(notAnObject, invalidObject(fields, shapeOf(milestoneUpdateSchema)), stale), (input) =>
      expectRefusal(() => recordMilestoneUpdate(adminId, input, { today: TODAY })),
    );
  });

  it("reclassifyRecommendation", async () => {
    const fields = {
      code: fc.constantFrom("CR-01", "CMA-999"),
      version: fc.constantFrom(1, "1"),
      responseClass: fc.constantFrom(...RESPONSE_CLASSES),
      rationale: hostileString,
      reason: hostileString,
    };
    const stale = fc.record({
      code: fc.constantFrom("CR-01", "CR-02", "CMA-999"),
      version: fc.integer({ min: 2, max: 2 ** 31 - 1 }),
      responseClass: fc.constantFrom(...RESPONSE_CLASSES),
      rationale: fc.constant("A rationale that is long enough <script>alert(1)</script>"),
      reason: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.trim() !== "")),
    });
    await runProperty(fc.oneof(notAnObject, invalidObject(fields, shapeOf(reclassifySchema)), stale), (input) =>
      expectRefusal(() => reclassifyRecommendation(adminId, input)),
    );
  });

  it("addMilestone", async () => {
    const fields = {
      group: fc.constantFrom(...MILESTONE_GROUPS),
      activity: hostileString,
      title: hostileString,
      dueDate: day,
      pillars: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
      outcomes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
      recommendations: fc.array(fc.constantFrom("CR-01", "CPE-02"), { maxLength: 3 }),
      reason: hostileString,
    };
    // Well formed, but links a recommendation that does not exist: refused before anything is written.
    const unknownLink = fc.record({
      group: fc.constantFrom(...MILESTONE_GROUPS),
      activity: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.trim() !== "")),
      title: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.trim() !== "")),
      dueDate: fc.constantFrom("2026-03-31", "2030-12-31"),
      pillars: fc.constant([1]),
      outcomes: fc.constant([1]),
      recommendations: fc.constantFrom(["CMA-999"], ["CR-01", "CPE-999"]),
      reason: fc.constant("'; DROP TABLE milestone; --"),
    });
    await runProperty(fc.oneof(notAnObject, invalidObject(fields, shapeOf(newMilestoneSchema)), unknownLink), (input) =>
      expectRefusal(() => addMilestone(adminId, input)),
    );
  });

  // National programmes. Each change names a programme and a version; the well-formed inputs below are refused
  // anyway: stale (the programme is at version 1), an unknown programme, milestone or council, or an overlap.
  const programmeTarget = {
    programme: fc.constantFrom("pathfinder", "no-such-programme"),
    version: fc.constantFrom(1, "1"),
    reason: hostileString,
  };
  const staleTarget = {
    programme: fc.constantFrom("pathfinder", "no-such-programme"),
    version: fc.integer({ min: 2, max: 2 ** 31 - 1 }),
    reason: fc.constant("'; DROP TABLE programme; -- a reason"),
  };
  const nasty = fc.constantFrom(...NASTY_STRINGS.filter((s) => s.trim() !== ""));

  it("addProgramme", async () => {
    const fields = {
      slug: fc.constantFrom("a-programme", "pathfinder"),
      name: hostileString,
      description: hostileString,
      startedOn: day,
      endedOn: day,
      reason: hostileString,
    };
    // Well formed, but its web address is taken.
    const taken = fc.record({
      slug: fc.constant("pathfinder"),
      name: nasty,
      description: nasty,
      startedOn: fc.constant(""),
      endedOn: fc.constant(""),
      reason: fc.constant("'; DROP TABLE programme; -- a reason"),
    });
    await runProperty(fc.oneof(notAnObject, invalidObject(fields, shapeOf(newProgrammeSchema)), taken), (input) =>
      expectRefusal(() => addProgramme(adminId, input)),
    );
  });

  it("updateProgrammeDetails", async () => {
    const fields = {
      ...programmeTarget,
      name: hostileString,
      description: hostileString,
      startedOn: day,
      endedOn: day,
    };
    const stale = fc.record({
      ...staleTarget,
      name: nasty,
      description: nasty,
      startedOn: fc.constant(""),
      endedOn: fc.constant(""),
    });
    await runProperty(fc.oneof(notAnObject, invalidObject(fields, shapeOf(programmeDetailsSchema)), stale), (input) =>
      expectRefusal(() => updateProgrammeDetails(adminId, input)),
    );
  });

  it("setProgrammeMilestones", async () => {
    const fields = { ...programmeTarget, milestones: fc.array(fc.constantFrom("M-01", "M-99"), { maxLength: 3 }) };
    const refusedAnyway = fc.oneof(
      fc.record({ ...staleTarget, milestones: fc.constant(["M-01"]) }),
      fc.record({
        programme: fc.constant("pathfinder"),
        version: fc.constant(1),
        milestones: fc.constantFrom(["M-99"], ["M-01", "M-999999"]),
        reason: fc.constant("'; DROP TABLE programme; -- a reason"),
      }),
    );
    await runProperty(
      fc.oneof(notAnObject, invalidObject(fields, shapeOf(programmeMilestonesSchema)), refusedAnyway),
      (input) => expectRefusal(() => setProgrammeMilestones(adminId, input)),
    );
  });

  it("addProgrammeCouncil", async () => {
    const fields = {
      ...programmeTarget,
      council: fc.constantFrom("thurrock", "E06000034", "nowhere"),
      from: day,
      until: day,
    };
    const refusedAnyway = fc.oneof(
      fc.record({ ...staleTarget, council: fc.constant("thurrock"), from: fc.constant("2025-01-01"), until: day }),
      // Unknown council, or Thurrock again while its spell from 2024 is still open.
      fc.record({
        programme: fc.constant("pathfinder"),
        version: fc.constant(1),
        council: fc.constantFrom("nowhere", "E09999999", "thurrock", "e06000034"),
        from: fc.constantFrom("2024-01-01", "2025-06-30"),
        until: fc.constant(""),
        reason: fc.constant("'; DROP TABLE programme; -- a reason"),
      }),
    );
    await runProperty(
      fc.oneof(notAnObject, invalidObject(fields, shapeOf(addProgrammeCouncilSchema)), refusedAnyway),
      (input) => expectRefusal(() => addProgrammeCouncil(adminId, input)),
    );
  });

  it("endProgrammeCouncil", async () => {
    const fields = {
      ...programmeTarget,
      council: fc.constantFrom("E06000034", "E09999999"),
      from: fc.constantFrom("2024-01-01", "2023-01-01"),
      until: day,
    };
    const refusedAnyway = fc.oneof(
      fc.record({ ...staleTarget, council: fc.constant("E06000034"), from: fc.constant("2024-01-01"), until: day }),
      // No such spell.
      fc.record({
        programme: fc.constant("pathfinder"),
        version: fc.constant(1),
        council: fc.constantFrom("E09999999", "E06000034"),
        from: fc.constant("2023-01-01"),
        until: fc.constant("2024-12-31"),
        reason: fc.constant("'; DROP TABLE programme; -- a reason"),
      }),
    );
    await runProperty(
      fc.oneof(notAnObject, invalidObject(fields, shapeOf(endProgrammeCouncilSchema)), refusedAnyway),
      (input) => expectRefusal(() => endProgrammeCouncil(adminId, input)),
    );
  });

  it("inviteUser", async () => {
    const fields = {
      email: fc.constantFrom("new@example.gov.uk", "x@y"),
      name: hostileString,
      role: fc.constantFrom("admin", "editor"),
    };
    // An existing email (in any case) is refused too.
    const duplicate = fc.record({
      email: fc.constantFrom("ADMIN@example.gov.uk", " target@example.gov.uk "),
      name: fc.constant("Dup"),
      role: fc.constant("editor"),
    });
    await runProperty(fc.oneof(notAnObject, invalidObject(fields, shapeOf(inviteUserSchema)), duplicate), (input) =>
      expectRefusal(() => inviteUser(adminId, input as never)),
    );
  });

  it("changeUserRole", async () => {
    const fields = { userId: fc.constantFrom(targetId, String(targetId)), role: fc.constantFrom("admin", "editor") };
    // Well formed: no such user, your own account, or the role the user already has.
    const refusedAnyway = fc.oneof(
      fc.record({
        userId: fc.integer({ min: targetId + 1000, max: 2 ** 31 - 1 }),
        role: fc.constantFrom("admin", "editor"),
      }),
      fc.record({ userId: fc.constant(adminId), role: fc.constantFrom("admin", "editor") }),
      fc.record({ userId: fc.constant(targetId), role: fc.constant("editor") }),
    );
    await runProperty(fc.oneof(notAnObject, invalidObject(fields, shapeOf(changeRoleSchema)), refusedAnyway), (input) =>
      expectRefusal(() => changeUserRole(adminId, input as never)),
    );
  });

  it("deactivateUser and resetPassword", async () => {
    const fields = { userId: fc.constantFrom(targetId, String(targetId)) };
    const refusedAnyway = fc.record({
      userId: fc.oneof(fc.integer({ min: targetId + 1000, max: 2 ** 31 - 1 }), fc.constant(adminId)),
    });
    await runProperty(
      fc.oneof(notAnObject, invalidObject(fields, shapeOf(userRefSchema)), refusedAnyway),
      async (input) => {
        await expectRefusal(() => deactivateUser(adminId, input as never));
        await expectRefusal(() => resetPassword(adminId, input as never));
      },
    );
  });

  it("inviteCouncilUser", async () => {
    const fields = {
      council: fc.constantFrom("thurrock", "E06000034", "nope", "E99999999"),
      email: fc.constantFrom("new@thurrock.gov.uk", "x@y"),
      name: hostileString,
      role: fc.constantFrom("council_editor", "council_lead"),
    };
    // Well formed, but for a council that does not exist.
    const noSuchCouncil = fc.record({
      council: fc.constantFrom("atlantis", "E99999999"),
      email: fc.constant("new@atlantis.gov.uk"),
      name: fc.constant("New"),
      role: fc.constant("council_editor"),
    });
    await runProperty(
      fc.oneof(notAnObject, invalidObject(fields, shapeOf(councilInviteSchema)), noSuchCouncil),
      (input) => expectRefusal(() => inviteCouncilUser(adminId, input as never)),
    );
  });

  it("deactivateCouncilUser, reactivateCouncilUser, resetCouncilUserPassword and liftCouncilSignInLock", async () => {
    const fields = {
      council: fc.constantFrom("thurrock", "nope"),
      userId: fc.constantFrom(targetId, String(targetId)),
    };
    // Well formed: no such account, or no such council.
    const refusedAnyway = fc.record({
      council: fc.constantFrom("thurrock", "atlantis"),
      userId: fc.integer({ min: targetId + 1000, max: 2 ** 31 - 1 }),
    });
    await runProperty(
      fc.oneof(notAnObject, invalidObject(fields, shapeOf(councilUserRefSchema)), refusedAnyway),
      async (input) => {
        await expectRefusal(() => deactivateCouncilUser(adminId, input as never));
        await expectRefusal(() => reactivateCouncilUser(adminId, input as never));
        await expectRefusal(() => resetCouncilUserPassword(adminId, input as never));
        await expectRefusal(() => liftCouncilSignInLock(adminId, input as never));
      },
    );
  });

  it("changeOwnPassword", async () => {
    const password = fc.oneof(hostileString, fc.constant("a long enough password"));
    const fields = { currentPassword: password, newPassword: password, confirmPassword: password };
    // Invalid by construction: the whole object fails the schema (checking the current password would record an attempt).
    const invalid = fc
      .oneof(notAnObject, invalidObject(fields, shapeOf(changePasswordSchema)), fc.record(fields))
      .filter((v) => !changePasswordSchema.safeParse(v).success);
    await runProperty(invalid, (input) => expectRefusal(() => changeOwnPassword(adminId, input as never)));
  });

  it("previewMilestoneImport and applyMilestoneImport with arbitrary text", async () => {
    const header = fc.oneof(
      fc.constant(MILESTONE_CSV_COLUMNS.join(",")),
      fc.shuffledSubarray([...MILESTONE_CSV_COLUMNS, "__proto__", "constructor", "=cmd"]).map((c) => c.join(",")),
      hostileString,
    );
    const cell = fc.oneof(hostileString, fc.constantFrom("M-01", "on_track", "2024-03-31", '"', '""', "a,b", '"x\ny"'));
    // A row for M-01 whose version is never the current one (1): always refused.
    const staleVersion = fc.oneof(
      fc.integer({ min: 2, max: 2 ** 31 - 1 }).map(String),
      hostileString.filter((s) => s.trim() !== "1"),
    );
    const row = fc
      .tuple(cell, staleVersion, fc.array(cell, { minLength: 0, maxLength: 10 }))
      .map(([code, version, rest]) =>
        [code === "M-01" ? "M-01" : code, "", "", version, ...rest]
          .map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
          .join(","),
      );
    const csv = fc
      .tuple(
        fc.constantFrom("", "\uFEFF"),
        header,
        fc.array(row, { maxLength: 5 }),
        fc.constantFrom("\r\n", "\n", "\r"),
      )
      .map(([bom, h, rows, eol]) => bom + [h, ...rows].join(eol));
    const tooBig = fc.constant(`${MILESTONE_CSV_COLUMNS.join(",")}\r\n${"M-01,,,1,on_track,,,,,\r\n".repeat(90_000)}`);
    const text = fc.oneof(
      { weight: 4, arbitrary: csv },
      { weight: 3, arbitrary: hostileString },
      { weight: 1, arbitrary: fc.oneof({ weight: 1, arbitrary: tooBig }, { weight: 4, arbitrary: huge }) },
    );
    await runProperty(
      text,
      async (input) => {
        await expectRefusal(() => previewMilestoneImport(adminId, input, { today: TODAY }));
        await expectRefusal(async () => {
          const report = await applyMilestoneImport(adminId, input, { today: TODAY });
          expect(report.applied).toBe(0);
          return report;
        });
      },
      Math.ceil(RUNS / 2),
    );
  });

  it("every write, called with an arbitrary session user id that is not an account, throws NotSignedInError", async () => {
    const userId = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -(2 ** 31), max: 0 }),
      fc.integer({ min: targetId + 1000, max: 2 ** 31 - 1 }),
    );
    const calls: Array<(u: number | null) => Promise<unknown>> = [
      (u) =>
        recordMilestoneUpdate(u, {
          code: "M-01",
          version: 1,
          status: "on_track",
          forecastDate: "",
          actualDate: "",
          commentary: "x",
          evidence: [],
          reason: "",
        }),
      (u) =>
        reclassifyRecommendation(u, {
          code: "CR-01",
          version: 1,
          responseClass: "accepted",
          rationale: "long enough rationale",
          reason: "Recorded as part of this test",
        }),
      (u) =>
        addMilestone(u, {
          group: "laying_the_groundwork",
          activity: "A",
          title: "T",
          dueDate: "2026-03-31",
          pillars: [1],
          outcomes: [1],
          recommendations: [],
          reason: "Recorded as part of this test",
        }),
      (u) => inviteUser(u, { email: "someone@example.gov.uk", name: "S", role: "admin" }),
      (u) => changeUserRole(u, { userId: targetId, role: "admin" }),
      (u) => deactivateUser(u, { userId: targetId }),
      (u) => resetPassword(u, { userId: targetId }),
      (u) =>
        inviteCouncilUser(u, { council: "thurrock", email: "c@thurrock.gov.uk", name: "C", role: "council_editor" }),
      (u) => deactivateCouncilUser(u, { council: "thurrock", userId: targetId }),
      (u) => reactivateCouncilUser(u, { council: "thurrock", userId: targetId }),
      (u) => resetCouncilUserPassword(u, { council: "thurrock", userId: targetId }),
      (u) => liftCouncilSignInLock(u, { council: "thurrock", userId: targetId }),
      (u) =>
        changeOwnPassword(u, {
          currentPassword: "x",
          newPassword: "a new long password",
          confirmPassword: "a new long password",
        }),
      (u) => applyMilestoneImport(u, `${MILESTONE_CSV_COLUMNS.join(",")}\r\nM-01,,,1,on_track,,,,,\r\n`),
    ];
    await runProperty(
      fc.tuple(userId, fc.constantFrom(...calls.keys())),
      async ([u, i]) => {
        const error = await calls[i]!(u).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(NotSignedInError);
      },
      Math.min(RUNS, 300),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Public filters: an independent statement of the rules, and the parsers must agree with it exactly.

type Rule = (value: string) => boolean;
const oneOf =
  (values: readonly string[]): Rule =>
  (v) =>
    values.includes(v);
const wholeNumber =
  (min: number, max: number): Rule =>
  (v) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= min && n <= max;
  };
// Words, trimmed, without control characters (tab and line breaks aside; PostgreSQL cannot store NUL).
const text =
  (max: number): Rule =>
  (v) => {
    const t = v.trim();
    return t.length >= 1 && t.length <= max && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(t);
  };
const calendarDay: Rule = (v) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
};

const RECOMMENDATION_ORACLE: Record<string, Rule> = {
  review: oneOf(REVIEW_CODES),
  pillar: wholeNumber(1, 6),
  outcome: wholeNumber(1, 6),
  class: oneOf(RESPONSE_CLASSES),
  status: oneOf(MILESTONE_STATUSES),
  gap: oneOf(RECOMMENDATION_GAPS),
  q: text(200),
  sort: oneOf(RECOMMENDATION_SORTS),
  page: wholeNumber(1, 100_000),
  pageSize: wholeNumber(1, 500),
  format: oneOf(FORMATS),
};

const MILESTONE_ORACLE: Record<string, Rule> = {
  group: oneOf(MILESTONE_GROUPS),
  activity: text(300),
  pillar: wholeNumber(1, 6),
  outcome: wholeNumber(1, 6),
  status: oneOf(MILESTONE_STATUSES),
  due: oneOf(DUE_WINDOWS),
  dueFrom: calendarDay,
  dueTo: calendarDay,
  gap: oneOf(MILESTONE_GAPS),
  q: text(200),
  sort: oneOf(MILESTONE_SORTS),
  page: wholeNumber(1, 100_000),
  pageSize: wholeNumber(1, 500),
  format: oneOf(FORMATS),
};

const SEARCH_ORACLE: Record<string, Rule> = {
  q: text(200),
  kind: oneOf(SEARCH_KINDS),
  page: wholeNumber(1, 100_000),
  pageSize: wholeNumber(1, 100),
};

/** Whether a strict parse should accept these parameters, by the rules as docs/open-data-api.md states them. */
function allowedByRules(oracle: Record<string, Rule>, pairs: Array<[string, string]>): boolean {
  const byName = new Map<string, string[]>();
  for (const [k, v] of pairs) byName.set(k, [...(byName.get(k) ?? []), v]);
  const accepted: Record<string, string> = {};
  for (const [name, values] of byName) {
    // strict: unknown parameters are named as errors ("__proto__" and "constructor" are unknown parameters too)
    if (!Object.hasOwn(oracle, name)) return false;
    const rule = oracle[name]!;
    const given = values.filter((v) => v.trim() !== ""); // empty means "no filter"
    if (given.length === 0) continue;
    if (given.length > 1 || !rule(given[0]!)) return false;
    accepted[name] = given[0]!;
  }
  if (accepted.dueFrom && accepted.dueTo && accepted.dueFrom > accepted.dueTo) return false;
  return true;
}

const ALL_VALUES = [
  ...REVIEW_CODES,
  ...RESPONSE_CLASSES,
  ...MILESTONE_STATUSES,
  ...MILESTONE_GROUPS,
  ...DUE_WINDOWS,
  ...FORMATS,
  ...RECOMMENDATION_SORTS,
  ...MILESTONE_SORTS,
  ...RECOMMENDATION_GAPS,
  ...MILESTONE_GAPS,
  ...SEARCH_KINDS,
  "0",
  "1",
  "3",
  "6",
  "7",
  " 2 ",
  "2.0",
  "1e2",
  "0x3",
  "500",
  "501",
  "100000",
  "100001",
  "-1",
  "2024-02-29",
  "2023-02-29",
  "2024-13-01",
  "2025-04-31",
  "0000-01-01",
  "2024-1-1",
  " 2024-01-01",
  "family help",
  "   ",
];

function paramsArbitrary(names: string[]) {
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: hostileString.filter((s) => s.length < 2000) },
  );
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ALL_VALUES) },
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
  );
  return fc.array(fc.tuple(key, value), { maxLength: 6 });
}

describe("public filter parsers", () => {
  for (const [label, parse, oracle] of [
    ["parseRecommendationFilters", parseRecommendationFilters, RECOMMENDATION_ORACLE],
    ["parseMilestoneFilters", parseMilestoneFilters, MILESTONE_ORACLE],
  ] as const) {
    it(`${label} never throws, and accepts exactly what the rules allow`, () => {
      fc.assert(
        fc.property(paramsArbitrary(Object.keys(oracle)), (pairs) => {
          const params = new URLSearchParams();
          for (const [k, v] of pairs) params.append(k, v);
          // URLSearchParams turns lone surrogates into U+FFFD: judge what the parser is actually given.
          const seen = [...params.entries()];
          const result = (parse as typeof parseRecommendationFilters)(params, { strict: true });
          expect(result.ok).toBe(allowedByRules(oracle, seen));
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            const names = new Set(seen.map(([k]) => k));
            for (const e of result.errors) expect(names.has(e.parameter)).toBe(true);
          } else {
            // Only known parameters come out, and none of them is a prototype key.
            for (const k of Object.keys(result.filters)) expect(Object.keys(oracle)).toContain(k);
          }
        }),
        { numRuns: RUNS * 5 },
      );
    });
  }
});

describe("the site search", () => {
  it("parseSearch never throws, and accepts exactly what the rules allow, words being required", () => {
    fc.assert(
      fc.property(paramsArbitrary(Object.keys(SEARCH_ORACLE)), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const seen = [...params.entries()];
        const hasWords = seen.some(([k, v]) => k === "q" && v.trim() !== "");
        const result = parseSearch(params, { strict: true });
        expect(result.ok).toBe(hasWords && allowedByRules(SEARCH_ORACLE, seen));
        if (!result.ok) {
          const names = new Set([...seen.map(([k]) => k), "q"]);
          for (const e of result.errors) expect(names.has(e.parameter)).toBe(true);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it("searchEverything answers any words the rules accept, and writes nothing", { timeout: 120_000 }, async () => {
    const start = await checksumTables(database.prisma);
    await runProperty(
      fc.oneof(hostileString, fc.constantFrom('"', "'", "!", "&|", "(", ":*", "<->", "-", "or", "\\")),
      async (q) => {
        const parsed = parseSearch(new URLSearchParams({ q }));
        if (!parsed.ok) return;
        const results = await searchEverything(parsed.filters);
        expect(results.items.length).toBeLessThanOrEqual(results.pageSize);
      },
      Math.ceil(RUNS / 2),
    );
    expect(await checksumTables(database.prisma)).toEqual(start);
  });
});
