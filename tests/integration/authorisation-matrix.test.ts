// The authorisation matrix: every operation that writes (or exports staff data), called as nobody, as a deactivated
// user, as an editor, as an admin, and as a council editor and a council lead each of Thurrock (whose records every
// council-scoped row names) and of another council. An operation missing from OPERATIONS is a gap in this test:
// the list is checked against the permissions table, so adding a permission without a row here fails.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Hoisted above the imports: lib/auth/passwords.server.ts reads the cost when it loads.
vi.hoisted(() => vi.stubEnv("BCRYPT_COST", "4"));

import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { applyMilestoneImport, exportMilestonesCsv, previewMilestoneImport } from "@/lib/staff/milestone-csv.server";
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
  changeOwnPassword,
  changeUserRole,
  councilSignInLocks,
  deactivateCouncilUser,
  deactivateUser,
  inviteCouncilUser,
  inviteUser,
  listUsers,
  liftCouncilSignInLock,
  liftSignInLock,
  listCouncilUsers,
  prepareCouncilDeactivation,
  prepareDeactivation,
  reactivateCouncilUser,
  reactivateUser,
  resetCouncilUserPassword,
  resetPassword,
} from "@/lib/auth/users.server";
import { addLocalAction, updateLocalAction } from "@/lib/local-actions/writes.server";
import { insertLocalAction } from "@/lib/local-actions/record";
import {
  applyLocalActionImport,
  exportLocalActionsCsv,
  LOCAL_ACTION_CSV_COLUMNS,
  previewLocalActionImport,
} from "@/lib/local-actions/csv.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createRecommendation, createReferenceData, createUser } from "@/tests/support/factories";

const WHO = [
  "anonymous",
  "deactivated",
  "editor",
  "admin",
  "council_editor (own council)",
  "council_editor (another council)",
  "council_lead (own council)",
  "council_lead (another council)",
] as const;
type Who = (typeof WHO)[number];

let database: TestDatabase;
const ids = Object.fromEntries(WHO.map((w) => [w, 0])) as Record<Exclude<Who, "anonymous">, number>;
let target = 0;
/** A council editor of Thurrock: the account the council-scoped account operations act on. */
let councilTarget = 0;

interface Operation {
  name: string;
  permission: Permission | "signed-in";
  call: (userId: number | null) => Promise<unknown>;
}

const OPERATIONS: Operation[] = [
  {
    name: "update a milestone",
    permission: "milestone:update",
    call: async (u) =>
      recordMilestoneUpdate(u, {
        code: "M-01",
        version: await version(),
        status: "on_track",
        forecastDate: "",
        actualDate: "",
        commentary: `by ${u}`,
        evidence: [],
        reason: "",
      }),
  },
  {
    name: "add a milestone",
    permission: "milestone:create",
    call: (u) =>
      addMilestone(u, {
        group: "laying_the_groundwork",
        activity: "A",
        title: `T${u}`,
        dueDate: "2026-03-31",
        pillars: [1],
        outcomes: [1],
        recommendations: [],
        reason: "Recorded as part of this test",
      }),
  },
  {
    name: "correct a response class",
    permission: "recommendation:reclassify",
    call: async (u) =>
      reclassifyRecommendation(u, {
        code: "CR-01",
        version: (await database.prisma.recommendation.findUniqueOrThrow({ where: { code: "CR-01" } })).version,
        responseClass: "accepted",
        rationale: `Rationale by ${u}, long enough`,
        reason: "Recorded as part of this test",
      }),
  },
  {
    name: "record a programme",
    permission: "programme:manage",
    call: (u) =>
      addProgramme(u, {
        slug: `programme-${u ?? 0}`,
        name: "A programme",
        description: "What it is",
        startedOn: "",
        endedOn: "",
        reason: "Recorded as part of this test",
      }),
  },
  {
    name: "change a programme's details",
    permission: "programme:manage",
    call: async (u) =>
      updateProgrammeDetails(u, {
        programme: "pathfinder",
        version: await programmeVersion(),
        name: `Pathfinder ${u}`,
        description: "What it is",
        startedOn: "",
        endedOn: "",
        reason: "Recorded as part of this test",
      }),
  },
  {
    name: "link a programme's milestones",
    permission: "programme:manage",
    call: async (u) =>
      setProgrammeMilestones(u, {
        programme: "pathfinder",
        version: await programmeVersion(),
        milestones: u === ids.admin ? [] : ["M-01"],
        reason: "Recorded as part of this test",
      }),
  },
  {
    name: "add a council to a programme",
    permission: "programme:manage",
    call: async (u) =>
      addProgrammeCouncil(u, {
        programme: "pathfinder",
        version: await programmeVersion(),
        council: "E06000034",
        from: `2025-0${u === ids.admin ? 2 : 1}-01`,
        until: `2025-0${u === ids.admin ? 2 : 1}-15`,
        reason: "Recorded as part of this test",
      }),
  },
  {
    name: "end a council's part in a programme",
    permission: "programme:manage",
    call: async (u) =>
      endProgrammeCouncil(u, {
        programme: "pathfinder",
        version: await programmeVersion(),
        council: "E06000034",
        from: "2024-01-01",
        until: "2024-12-31",
        reason: "Recorded as part of this test",
      }),
  },
  { name: "export milestones for bulk update", permission: "milestone:import", call: (u) => exportMilestonesCsv(u) },
  {
    name: "preview a bulk update",
    permission: "milestone:import",
    call: async (u) =>
      previewMilestoneImport(u, "code,version,status,forecastDate,actualDate,commentary,evidence,reason\r\n"),
  },
  {
    name: "apply a bulk update",
    permission: "milestone:import",
    call: async (u) =>
      applyMilestoneImport(u, "code,version,status,forecastDate,actualDate,commentary,evidence,reason\r\n"),
  },
  { name: "list users", permission: "user:manage", call: (u) => listUsers(u) },
  {
    name: "invite a user",
    permission: "user:manage",
    call: (u) => inviteUser(u, { email: `invited${u}@example.gov.uk`, name: "Invited", role: "editor" }),
  },
  {
    name: "change a user's role",
    permission: "user:manage",
    call: (u) => changeUserRole(u, { userId: target, role: "admin" }),
  },
  {
    name: "ask to deactivate a user (the confirmation step)",
    permission: "user:manage",
    call: (u) => prepareDeactivation(u, { userId: target }),
  },
  { name: "deactivate a user", permission: "user:manage", call: (u) => deactivateUser(u, { userId: target }) },
  { name: "reactivate a user", permission: "user:manage", call: (u) => reactivateUser(u, { userId: target }) },
  {
    name: "add a local action",
    permission: "local-action:write",
    call: (u) => addLocalAction(u, { ...LOCAL_ACTION, council: "thurrock", reason: "" }),
  },
  {
    name: "update a local action",
    permission: "local-action:write",
    call: async (u) =>
      updateLocalAction(u, {
        ...LOCAL_ACTION,
        council: "thurrock",
        code: "LA-1",
        version: await localActionVersion(),
        commentary: `by ${u}`,
        reason: "",
      }),
  },
  {
    name: "export a council's local actions as CSV",
    permission: "local-action:write",
    call: (u) => exportLocalActionsCsv(u, "thurrock"),
  },
  {
    name: "preview a council's local actions CSV",
    permission: "local-action:write",
    call: (u) => previewLocalActionImport(u, "thurrock", `${LOCAL_ACTION_CSV_COLUMNS.join(",")}\r\n`),
  },
  {
    name: "apply a council's local actions CSV",
    permission: "local-action:write",
    call: (u) => applyLocalActionImport(u, "thurrock", `${LOCAL_ACTION_CSV_COLUMNS.join(",")}\r\n`),
  },
  { name: "reset a user's password", permission: "user:manage", call: (u) => resetPassword(u, { userId: target }) },
  { name: "list a council's accounts", permission: "council-user:manage", call: (u) => listCouncilUsers(u, THURROCK) },
  {
    name: "invite a council editor",
    permission: "council-user:manage",
    call: (u) =>
      inviteCouncilUser(u, {
        ...THURROCK,
        email: `council.invited${u}@thurrock.gov.uk`,
        name: "Invited",
        role: "council_editor",
      }),
  },
  {
    name: "ask to deactivate a council editor (the confirmation step)",
    permission: "council-user:manage",
    call: (u) => prepareCouncilDeactivation(u, { ...THURROCK, userId: councilTarget }),
  },
  {
    name: "deactivate a council editor",
    permission: "council-user:manage",
    call: (u) => deactivateCouncilUser(u, { ...THURROCK, userId: councilTarget }),
  },
  {
    name: "reactivate a council editor",
    permission: "council-user:manage",
    call: (u) => reactivateCouncilUser(u, { ...THURROCK, userId: councilTarget }),
  },
  {
    name: "reset a council editor's password",
    permission: "council-user:manage",
    call: (u) => resetCouncilUserPassword(u, { ...THURROCK, userId: councilTarget }),
  },
  {
    name: "see a council's sign-in lock-outs",
    permission: "council-user:manage",
    call: (u) => councilSignInLocks(u, THURROCK),
  },
  {
    name: "lift a council editor's sign-in lock",
    permission: "council-user:manage",
    call: (u) => liftCouncilSignInLock(u, { ...THURROCK, userId: councilTarget }),
  },
  {
    name: "lift a user's sign-in lock",
    permission: "user:manage",
    call: (u) => liftSignInLock(u, { userId: target }),
  },
  {
    name: "change your own password",
    permission: "signed-in",
    call: (u) =>
      changeOwnPassword(u, {
        currentPassword: "x",
        newPassword: "a new long password",
        confirmPassword: "a new long password",
      }),
  },
];

const THURROCK = { council: "thurrock" };

const LOCAL_ACTION = {
  title: "Family help teams",
  description: "Four locality teams",
  leadRole: "Director of Children's Services",
  status: "on_track" as const,
  dueDate: "2027-03-31",
  forecastDate: null,
  actualDate: null,
  commentary: null,
  evidence: [],
  milestones: ["M-01"],
  recommendations: [],
  commitments: [],
};

async function localActionVersion() {
  return (await database.prisma.localAction.findFirstOrThrow({ where: { number: 1 } })).version;
}

async function version() {
  return (await database.prisma.milestone.findUniqueOrThrow({ where: { code: "M-01" } })).version;
}

async function programmeVersion() {
  return (await database.prisma.programme.findUniqueOrThrow({ where: { slug: "pathfinder" } })).version;
}

/** Permissions a council account holds only for its own council (authorise(..., { councilId })). */
const SCOPED: ReadonlySet<Permission> = new Set(["local-action:write", "council-user:manage"]);

function allowed(who: Who, permission: Operation["permission"]): boolean {
  if (who === "anonymous" || who === "deactivated") return false;
  if (permission === "signed-in") return true;
  const role = who.split(" ")[0]!;
  if (!(PERMISSIONS[permission] as readonly string[]).includes(role)) return false;
  // Every scoped row names Thurrock: another council's account is refused it.
  return !(SCOPED.has(permission) && who.endsWith("(another council)"));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  await createRecommendation(prisma, { code: "CR-01", pillar: 1, responseClass: "testing" });
  await createMilestone(prisma, { code: "M-01", dueDate: "2024-03-31", pillars: [1], outcomes: [1] });
  ids.editor = (await createUser(prisma, { email: "editor@example.gov.uk", role: "editor" })).id;
  ids.admin = (await createUser(prisma, { email: "admin@example.gov.uk", role: "admin" })).id;
  const gone = await createUser(prisma, { email: "gone@example.gov.uk", role: "admin" });
  await prisma.user.update({ where: { id: gone.id }, data: { active: false, deactivatedAt: new Date() } });
  ids.deactivated = gone.id;
  target = (await createUser(prisma, { email: "target@example.gov.uk", role: "editor" })).id;
  await prisma.council.create({
    data: {
      slug: "essex",
      gssCode: "E10000012",
      name: "Essex",
      officialName: "Essex",
      type: "CTY",
      typeName: "County council",
      region: "East of England",
    },
  });
  const council = await prisma.council.create({
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
      councils: { create: { councilId: council.id, fromDate: new Date("2024-01-01T00:00:00Z") } },
    },
  });
  await prisma.$transaction((tx) => insertLocalAction(tx, { id: null, label: "test" }, council, LOCAL_ACTION, null));
  const councilUser = async (email: string, role: "council_editor" | "council_lead", slug: string) =>
    (await createUser(prisma, { email, role, council: slug })).id;
  ids["council_editor (own council)"] = await councilUser("editor@thurrock.gov.uk", "council_editor", "thurrock");
  ids["council_editor (another council)"] = await councilUser("editor@essex.gov.uk", "council_editor", "essex");
  ids["council_lead (own council)"] = await councilUser("lead@thurrock.gov.uk", "council_lead", "thurrock");
  ids["council_lead (another council)"] = await councilUser("lead@essex.gov.uk", "council_lead", "essex");
  councilTarget = await councilUser("target@thurrock.gov.uk", "council_editor", "thurrock");
});

afterAll(async () => {
  await database.close();
});

it("covers every permission", () => {
  const covered = new Set(OPERATIONS.map((o) => o.permission));
  expect(Object.keys(PERMISSIONS).filter((p) => !covered.has(p as Permission))).toEqual([]);
});

describe.each(WHO)("as %s", (who) => {
  for (const op of OPERATIONS) {
    const expectAllowed = allowed(who, op.permission);
    it(`${expectAllowed ? "may" : "may not"} ${op.name}`, async () => {
      const userId = who === "anonymous" ? null : ids[who];
      const before = await checksumTables(database.prisma);
      if (expectAllowed) {
        // Allowed: the call may still refuse the input (a wrong current password, say) with an answer, but it must
        // answer: a refusal for lack of rights, or any other exception, fails the test.
        const error = await op.call(userId).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, String(error)).toBeNull();
      } else {
        const error = await op.call(userId).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(who === "anonymous" || who === "deactivated" ? NotSignedInError : ForbiddenError);
        expect(await checksumTables(database.prisma)).toEqual(before);
      }
    });
  }
});

// The account a council-scoped change names, for a council lead of Thurrock lifting a sign-in lock-out (decision
// 0017): only its own council's editors. Every other account is refused, whatever the form names, and nothing changes.
describe("a council lead of Thurrock lifting a sign-in lock-out", () => {
  const lead = () => ids["council_lead (own council)"];
  const targets: Array<{ name: string; userId: () => number; allowed: boolean }> = [
    { name: "a council editor of Thurrock", userId: () => councilTarget, allowed: true },
    {
      name: "a council editor of another council",
      userId: () => ids["council_editor (another council)"],
      allowed: false,
    },
    { name: "a council lead of another council", userId: () => ids["council_lead (another council)"], allowed: false },
    { name: "another council lead of Thurrock", userId: () => secondLead, allowed: false },
    { name: "itself", userId: lead, allowed: false },
    { name: "a DfE editor", userId: () => ids.editor, allowed: false },
    { name: "a DfE admin", userId: () => ids.admin, allowed: false },
  ];
  let secondLead = 0;

  beforeAll(async () => {
    secondLead = (
      await createUser(database.prisma, { email: "lead2@thurrock.gov.uk", role: "council_lead", council: "thurrock" })
    ).id;
  });

  for (const t of targets) {
    it(`${t.allowed ? "may" : "may not"} lift the lock of ${t.name}`, async () => {
      const before = await checksumTables(database.prisma);
      const outcome = await liftCouncilSignInLock(lead(), { ...THURROCK, userId: t.userId() }).then(
        (result) => result,
        (e: unknown) => e,
      );
      if (t.allowed) {
        expect(outcome).toMatchObject({ ok: true });
        const event = await database.prisma.auditEvent.findFirstOrThrow({
          where: { entityType: "user" },
          orderBy: { id: "desc" },
        });
        expect(event).toMatchObject({ action: "sign_in_lock_lift", actorId: lead(), entityId: t.userId() });
      } else {
        // Refused for its scope (ForbiddenError), or, for its own account, with an answer: either way nothing changes.
        if (t.name === "itself") expect(outcome).toMatchObject({ ok: false });
        else expect(outcome).toBeInstanceOf(ForbiddenError);
        expect(await checksumTables(database.prisma)).toEqual(before);
      }
    });
  }

  it("may not lift a lock naming another council, even of that council's editor", async () => {
    const before = await checksumTables(database.prisma);
    await expect(
      liftCouncilSignInLock(lead(), { council: "essex", userId: ids["council_editor (another council)"] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});
