// Council accounts (issue 15, item 4; decision 0017): a council lead manages the council editors of its own council
// and nobody else; a DfE admin creates the first lead of each council and may do all of it. Every change is audited
// with the account's council, and the rules already in force for staff accounts (one-time passwords that expire,
// must-change-password, lock-out, sessions that end) hold for council accounts too.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => vi.stubEnv("BCRYPT_COST", "4"));

import { authorise, ForbiddenError, OTHER_COUNCIL_MESSAGE, PasswordChangeRequiredError } from "@/lib/auth/actor.server";
import { hashPassword } from "@/lib/auth/passwords.server";
import { isSessionLive, SESSION_LIFETIME_HOURS, startSession } from "@/lib/auth/sessions.server";
import {
  MAX_FAILURES_PER_ACCOUNT,
  ONE_TIME_PASSWORD_EXPIRED,
  signInWithPassword,
  TOO_MANY_ATTEMPTS,
} from "@/lib/auth/sign-in.server";
import {
  changeUserRole,
  councilSignInLocks,
  deactivateCouncilUser,
  inviteCouncilUser,
  inviteUser,
  liftCouncilSignInLock,
  listCouncilUsers,
  ONE_TIME_PASSWORD_HOURS,
  prepareCouncilDeactivation,
  reactivateCouncilUser,
  resetCouncilUserPassword,
} from "@/lib/auth/users.server";
import { addLocalAction } from "@/lib/local-actions/writes.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createReferenceData, createUser } from "@/tests/support/factories";

let database: TestDatabase;
let admin: number;
let dfeEditor: number;
let lead: number;
let otherLead: number;
let editor: number;
let essexEditor: number;
const PASSWORD = "a long enough passphrase";
const THURROCK = { council: "thurrock" };

async function council(slug: string, gssCode: string, name: string, endedOn?: string) {
  return database.prisma.council.create({
    data: {
      slug,
      gssCode,
      name,
      officialName: name,
      type: "UA",
      typeName: "Unitary authority",
      region: "East of England",
      endedOn: endedOn ? new Date(`${endedOn}T00:00:00Z`) : null,
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  await createReferenceData(prisma);
  await createMilestone(prisma, { code: "M-01", dueDate: "2027-03-31", pillars: [1], outcomes: [1] });
  await council("thurrock", "E06000034", "Thurrock");
  await council("essex", "E10000012", "Essex");
  await council("old-town", "E06000999", "Old Town", "2020-03-31");
  admin = (await createUser(prisma, { email: "admin@education.gov.uk", role: "admin" })).id;
  dfeEditor = (await createUser(prisma, { email: "editor@education.gov.uk", role: "editor" })).id;
  lead = (await createUser(prisma, { email: "lead@thurrock.gov.uk", role: "council_lead", council: "thurrock" })).id;
  otherLead = (await createUser(prisma, { email: "lead2@thurrock.gov.uk", role: "council_lead", council: "thurrock" }))
    .id;
  editor = (await createUser(prisma, { email: "editor@thurrock.gov.uk", role: "council_editor", council: "thurrock" }))
    .id;
  essexEditor = (await createUser(prisma, { email: "editor@essex.gov.uk", role: "council_editor", council: "essex" }))
    .id;
  await prisma.user.updateMany({ data: { passwordHash: await hashPassword(PASSWORD) } });
});

afterAll(async () => {
  await database.close();
});

const lastUserEvent = () =>
  database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "user" }, orderBy: { id: "desc" } });

/** Runs a refused call: it must throw ForbiddenError with `message` (when given) and change nothing. */
async function refusedUnchanged(call: () => Promise<unknown>, message?: string | RegExp) {
  const before = await checksumTables(database.prisma);
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForbiddenError);
  if (message) expect((error as Error).message).toMatch(message);
  expect(await checksumTables(database.prisma)).toEqual(before);
}

describe("a council lead", () => {
  it("invites a council editor of its own council, with a one-time password that expires, audited with the council", async () => {
    const result = await inviteCouncilUser(lead, {
      ...THURROCK,
      email: "New.Editor@Thurrock.gov.uk",
      name: "New Editor",
      role: "council_editor",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const user = await database.prisma.user.findUniqueOrThrow({
      where: { id: result.user.id },
      include: { council: true },
    });
    expect(user).toMatchObject({
      email: "new.editor@thurrock.gov.uk",
      role: "council_editor",
      mustChangePassword: true,
    });
    expect(user.council?.slug).toBe("thurrock");
    const hours = (user.oneTimePasswordExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(ONE_TIME_PASSWORD_HOURS - 1);
    expect(hours).toBeLessThanOrEqual(ONE_TIME_PASSWORD_HOURS);
    const event = await lastUserEvent();
    expect(event).toMatchObject({ action: "invite", actorId: lead, entityId: user.id });
    expect(event.after).toMatchObject({ role: "council_editor", council: "E06000034", mustChangePassword: true });
    expect(JSON.stringify(event.after)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("may not invite a council lead, nor invite for another council", async () => {
    await refusedUnchanged(
      () => inviteCouncilUser(lead, { ...THURROCK, email: "lead3@thurrock.gov.uk", name: "L", role: "council_lead" }),
      /council editors only/,
    );
    await refusedUnchanged(
      () => inviteCouncilUser(lead, { council: "essex", email: "x@essex.gov.uk", name: "X", role: "council_editor" }),
      OTHER_COUNCIL_MESSAGE,
    );
    // A council that does not exist is nobody's own.
    await refusedUnchanged(() =>
      inviteCouncilUser(lead, { council: "atlantis", email: "x@atlantis.gov.uk", name: "X", role: "council_editor" }),
    );
  });

  it("lists its own council's accounts only", async () => {
    const emails = (await listCouncilUsers(lead, THURROCK)).map((u) => u.email);
    expect(emails).toContain("editor@thurrock.gov.uk");
    expect(emails).not.toContain("editor@essex.gov.uk");
    expect(emails).not.toContain("admin@education.gov.uk");
    await expect(listCouncilUsers(lead, { council: "essex" })).rejects.toThrow(OTHER_COUNCIL_MESSAGE);
  });

  it("may not deactivate, reactivate, reset or unlock another lead, DfE staff, another council's editor or itself", async () => {
    for (const call of [
      deactivateCouncilUser,
      reactivateCouncilUser,
      resetCouncilUserPassword,
      prepareCouncilDeactivation,
      liftCouncilSignInLock,
    ]) {
      for (const userId of [otherLead, dfeEditor, admin, essexEditor])
        await refusedUnchanged(() => call(lead, { ...THURROCK, userId }), /only the council editors of Thurrock/);
      // Naming the other council instead is refused for the council.
      await refusedUnchanged(() => call(lead, { council: "essex", userId: essexEditor }), OTHER_COUNCIL_MESSAGE);
      const before = await checksumTables(database.prisma);
      const own = await call(lead, { ...THURROCK, userId: lead });
      expect(own.ok).toBe(false);
      expect(await checksumTables(database.prisma)).toEqual(before);
    }
  });

  it("deactivates an editor: their sessions end and they can do nothing more; reactivation lets them back in", async () => {
    const session = await startSession(editor);
    const result = await deactivateCouncilUser(lead, { ...THURROCK, userId: editor });
    expect(result.ok).toBe(true);
    expect(await isSessionLive(session.id, editor)).toBe(false);
    expect((await signInWithPassword("editor@thurrock.gov.uk", PASSWORD, "192.0.2.1")).ok).toBe(false);
    await expect(authorise(editor, "local-action:write", { councilId: await thurrockId() })).rejects.toThrow(
      "You need to sign in",
    );
    const event = await lastUserEvent();
    expect(event).toMatchObject({ action: "deactivate", actorId: lead, entityId: editor });
    expect(event.before).toMatchObject({ active: true, council: "E06000034" });
    expect(event.after).toMatchObject({ active: false, council: "E06000034" });

    expect((await reactivateCouncilUser(lead, { ...THURROCK, userId: editor })).ok).toBe(true);
    expect((await signInWithPassword("editor@thurrock.gov.uk", PASSWORD, "192.0.2.1")).ok).toBe(true);
  });

  it("resets an editor's password: the old one stops working, sessions end, a new one-time password must be changed", async () => {
    const session = await startSession(editor);
    const result = await resetCouncilUserPassword(lead, { ...THURROCK, userId: editor });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(await isSessionLive(session.id, editor)).toBe(false);
    expect((await signInWithPassword("editor@thurrock.gov.uk", PASSWORD, "192.0.2.2")).ok).toBe(false);
    expect((await signInWithPassword("editor@thurrock.gov.uk", result.oneTimePassword, "192.0.2.2")).ok).toBe(true);
    // Signed in with a one-time password, they may write nothing until they choose their own.
    await expect(
      addLocalAction(editor, {
        council: "thurrock",
        title: "T",
        description: "D",
        leadRole: "Director of Children's Services",
        status: "on_track",
        dueDate: "2027-03-31",
        forecastDate: "",
        actualDate: "",
        commentary: "",
        evidence: [],
        milestones: ["M-01"],
        recommendations: [],
        commitments: [],
        reason: "",
      }),
    ).rejects.toBeInstanceOf(PasswordChangeRequiredError);
    expect((await lastUserEvent()).after).toMatchObject({ mustChangePassword: true, council: "E06000034" });
    await database.prisma.user.update({
      where: { id: editor },
      data: { passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, oneTimePasswordExpiresAt: null },
    });
  });

  it("sees its council's lock-outs and lifts an editor's, audited with the council; the editor signs in again", async () => {
    const guess = (email: string, from: string) =>
      signInWithPassword(email, "wrong password", from).then((r) => expect(r.ok).toBe(false));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await guess("editor@thurrock.gov.uk", `203.0.113.${i}`);
      await guess("editor@essex.gov.uk", `203.0.113.${100 + i}`);
    }
    expect(await signInWithPassword("editor@thurrock.gov.uk", PASSWORD, "203.0.113.50")).toEqual({
      ok: false,
      message: TOO_MANY_ATTEMPTS,
    });

    const locks = await councilSignInLocks(lead, THURROCK);
    expect(locks.get(editor)).toMatchObject({ failures: MAX_FAILURES_PER_ACCOUNT });
    const until = locks.get(editor)!.until.getTime();
    expect(until).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    // Another council's lock-outs are not Thurrock's to see.
    expect(locks.has(essexEditor)).toBe(false);
    await expect(councilSignInLocks(lead, { council: "essex" })).rejects.toThrow(OTHER_COUNCIL_MESSAGE);
    await expect(councilSignInLocks(editor, THURROCK)).rejects.toBeInstanceOf(ForbiddenError);
    // Not another council's editor either, naming Thurrock or Essex; nor by a council editor.
    await refusedUnchanged(
      () => liftCouncilSignInLock(lead, { ...THURROCK, userId: essexEditor }),
      /only the council editors of Thurrock/,
    );
    await refusedUnchanged(() => liftCouncilSignInLock(editor, { ...THURROCK, userId: editor }));
    expect(await liftCouncilSignInLock(lead, { ...THURROCK, userId: "not a number" })).toMatchObject({ ok: false });

    const liftedAt = async () =>
      (await database.prisma.user.findUniqueOrThrow({ where: { id: editor } })).signInLockLiftedAt;
    expect(await liftedAt()).toBeNull();
    expect(await liftCouncilSignInLock(lead, { ...THURROCK, userId: editor })).toMatchObject({ ok: true });
    expect(await liftedAt()).toBeInstanceOf(Date);
    expect((await councilSignInLocks(lead, THURROCK)).has(editor)).toBe(false);
    const event = await lastUserEvent();
    expect(event).toMatchObject({ action: "sign_in_lock_lift", actorId: lead, entityId: editor });
    expect(event.after).toMatchObject({ council: "E06000034" });
    expect((await signInWithPassword("editor@thurrock.gov.uk", PASSWORD, "203.0.113.51")).ok).toBe(true);
    // Essex's editor is still locked out: the lift was Thurrock's editor's only.
    expect(await signInWithPassword("editor@essex.gov.uk", PASSWORD, "203.0.113.52")).toEqual({
      ok: false,
      message: TOO_MANY_ATTEMPTS,
    });
  });

  it("loses the power the moment a DfE admin deactivates it", async () => {
    const spare = await createUser(database.prisma, {
      email: "spare.lead@thurrock.gov.uk",
      role: "council_lead",
      council: "thurrock",
    });
    await database.prisma.user.update({ where: { id: spare.id }, data: { active: false } });
    const before = await checksumTables(database.prisma);
    await expect(deactivateCouncilUser(spare.id, { ...THURROCK, userId: editor })).rejects.toThrow(
      "You need to sign in",
    );
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});

describe("a council editor", () => {
  it("may manage no accounts, not even its own council's", async () => {
    await refusedUnchanged(() =>
      inviteCouncilUser(editor, { ...THURROCK, email: "y@thurrock.gov.uk", name: "Y", role: "council_editor" }),
    );
    await refusedUnchanged(() => resetCouncilUserPassword(editor, { ...THURROCK, userId: editor }));
  });
});

describe("a DfE admin", () => {
  it("creates the first lead of a council from Manage staff accounts, which needs the council", async () => {
    const missing = await inviteUser(admin, { email: "first@essex.gov.uk", name: "First", role: "council_lead" });
    expect(missing).toMatchObject({ ok: false, errors: [{ field: "council" }] });
    const ended = await inviteUser(admin, {
      email: "first@old.gov.uk",
      name: "First",
      role: "council_lead",
      council: "old-town",
    });
    expect(ended).toMatchObject({ ok: false, errors: [{ field: "council", message: expect.stringMatching(/ended/) }] });
    const created = await inviteUser(admin, {
      email: "first@essex.gov.uk",
      name: "First",
      role: "council_lead",
      council: "E10000012",
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect(created.user.council?.slug).toBe("essex");
    expect((await lastUserEvent()).after).toMatchObject({ role: "council_lead", council: "E10000012" });
    // A DfE role ignores the council the form sent.
    const dfe = await inviteUser(admin, { email: "dfe@education.gov.uk", name: "D", role: "editor", council: "essex" });
    if (!dfe.ok) throw new Error(JSON.stringify(dfe.errors));
    expect(dfe.user.councilId).toBeNull();
    expect((await lastUserEvent()).after).not.toHaveProperty("council");
  });

  it("manages any account of a council from the council's page, its leads too, and invites its leads", async () => {
    const invited = await inviteCouncilUser(admin, {
      ...THURROCK,
      email: "lead4@thurrock.gov.uk",
      name: "L4",
      role: "council_lead",
    });
    expect(invited.ok).toBe(true);
    expect((await resetCouncilUserPassword(admin, { ...THURROCK, userId: otherLead })).ok).toBe(true);
    // Not DfE staff from a council's page: they are managed from Manage staff accounts.
    await refusedUnchanged(
      () => deactivateCouncilUser(admin, { ...THURROCK, userId: dfeEditor }),
      /not one of Thurrock/,
    );
  });

  it("moves an account between council roles, never between a council and DfE", async () => {
    expect((await changeUserRole(admin, { userId: essexEditor, role: "council_lead" })).ok).toBe(true);
    const before = await checksumTables(database.prisma);
    expect(await changeUserRole(admin, { userId: essexEditor, role: "editor" })).toMatchObject({
      ok: false,
      errors: [{ field: "role" }],
    });
    expect(await changeUserRole(admin, { userId: dfeEditor, role: "council_editor" })).toMatchObject({
      ok: false,
      errors: [{ field: "role" }],
    });
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});

describe("the security rules already in force hold for council accounts", () => {
  it("an expired one-time password does not sign a council account in", async () => {
    const result = await inviteCouncilUser(lead, {
      ...THURROCK,
      email: "late@thurrock.gov.uk",
      name: "Late",
      role: "council_editor",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await database.prisma.user.update({
      where: { id: result.user.id },
      data: { oneTimePasswordExpiresAt: new Date(Date.now() - 1000) },
    });
    expect(await signInWithPassword("late@thurrock.gov.uk", result.oneTimePassword, "192.0.2.3")).toEqual({
      ok: false,
      message: ONE_TIME_PASSWORD_EXPIRED,
    });
  });

  it(`a council account is locked out after ${MAX_FAILURES_PER_ACCOUNT} wrong passwords`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect((await signInWithPassword("lead2@thurrock.gov.uk", "wrong password", `198.51.100.${i}`)).ok).toBe(false);
    expect(await signInWithPassword("lead2@thurrock.gov.uk", PASSWORD, "198.51.100.200")).toEqual({
      ok: false,
      message: TOO_MANY_ATTEMPTS,
    });
  });

  it(`a council account's session ends ${SESSION_LIFETIME_HOURS} hours after sign-in`, async () => {
    const old = await startSession(lead, new Date(Date.now() - (SESSION_LIFETIME_HOURS * 60 + 1) * 60_000));
    expect(await isSessionLive(old.id, lead)).toBe(false);
  });
});

async function thurrockId() {
  return (await database.prisma.council.findUniqueOrThrow({ where: { slug: "thurrock" } })).id;
}
