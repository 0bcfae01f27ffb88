import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// bcrypt's cost is read when lib/auth/passwords.server is first imported: make it cheap before any import runs.
vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});

import {
  authorise,
  ForbiddenError,
  NotSignedInError,
  PasswordChangeRequiredError,
  resolveActor,
} from "@/lib/auth/actor.server";
import { verifyPassword } from "@/lib/auth/passwords.server";
import {
  BAD_CREDENTIALS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  signInWithPassword,
  TOO_MANY_ATTEMPTS,
  TOO_MANY_PASSWORD_CHECKS,
} from "@/lib/auth/sign-in.server";
import {
  changeOwnPassword,
  changeUserRole,
  createFirstAdminIfNone,
  createUserFromCommandLine,
  deactivateUser,
  DUPLICATE_EMAIL,
  inviteUser,
  liftSignInLock,
  listUsers,
  prepareDeactivation,
  reactivateUser,
  resetPassword,
  signInLocks,
} from "@/lib/auth/users.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

let database: TestDatabase;
let adminId: number;
let adminPassword: string;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

async function userEvents(userId: number) {
  return database.prisma.auditEvent.findMany({
    where: { entityType: "user", entityId: userId },
    orderBy: { id: "asc" },
  });
}

async function storedHash(userId: number): Promise<string> {
  const user = await database.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return user.passwordHash!;
}

/** The audit trail must never hold a password or a hash, under any key. */
function expectNoSecrets(events: Array<{ before: unknown; after: unknown }>, secrets: string[]) {
  for (const event of events) {
    const json = JSON.stringify([event.before, event.after]);
    expect(json).not.toMatch(/password_?hash/i);
    expect(json).not.toMatch(/\$2[aby]\$/);
    for (const secret of secrets) expect(json).not.toContain(secret);
  }
}

async function invite(email: string, role: "admin" | "editor" = "editor") {
  const result = await inviteUser(adminId, { email, name: `Name of ${email}`, role });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

// The first describe runs on the empty database; the admin it creates acts in the rest of the file.
describe("the first admin (npm start)", () => {
  it("creates exactly one admin when two instances start at once", async () => {
    const results = await Promise.all([createFirstAdminIfNone(), createFirstAdminIfNone()]);
    const created = results.filter((r) => r !== null);
    expect(created).toHaveLength(1);
    expect(created[0]!.email).toBe("admin@reform-tracker.local");

    const users = await database.prisma.user.findMany();
    expect(users).toHaveLength(1);
    const admin = users[0]!;
    expect(admin).toMatchObject({
      email: "admin@reform-tracker.local",
      name: "Administrator",
      role: "admin",
      active: true,
      mustChangePassword: true,
    });
    expect(admin.passwordHash).not.toBe(created[0]!.oneTimePassword);
    expect(await verifyPassword(created[0]!.oneTimePassword, admin.passwordHash!)).toBe(true);

    const events = await userEvents(admin.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "create",
      actorId: null,
      actorLabel: "system",
      entityCode: "admin@reform-tracker.local",
    });
    expectNoSecrets(events, [created[0]!.oneTimePassword, admin.passwordHash!]);

    adminId = admin.id;
    adminPassword = created[0]!.oneTimePassword;
  });

  it("can change nothing until they have chosen their own password, then can", async () => {
    const before = await checksumTables(database.prisma);
    await expect(
      inviteUser(adminId, { email: "too.early@education.gov.uk", name: "Too Early", role: "editor" }),
    ).rejects.toBeInstanceOf(PasswordChangeRequiredError);
    await expect(authorise(adminId, "milestone:update")).rejects.toThrow(
      "Choose your own password before you make changes",
    );
    expect(await checksumTables(database.prisma)).toEqual(before);

    const chosen = "the first admin's own passphrase";
    const result = await changeOwnPassword(adminId, {
      currentPassword: adminPassword,
      newPassword: chosen,
      confirmPassword: chosen,
    });
    expect(result).toMatchObject({ ok: true, user: { mustChangePassword: false } });
    expect(await resolveActor(adminId)).toMatchObject({ mustChangePassword: false });
    expect(await authorise(adminId, "user:manage")).toMatchObject({ id: adminId });
    adminPassword = chosen;
  });

  it("returns null and changes nothing once any user exists", async () => {
    const before = await checksumTables(database.prisma);
    expect(await createFirstAdminIfNone("someone@example.gov.uk")).toBeNull();
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});

describe("inviting a user", () => {
  it("stores a bcrypt hash of a one-time password, never the password, and audits without secrets", async () => {
    const result = await inviteUser(adminId, {
      email: "  Jo.Bloggs@Education.GOV.UK ",
      name: " Jo Bloggs ",
      role: "editor",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(result.user).toMatchObject({
      email: "jo.bloggs@education.gov.uk",
      name: "Jo Bloggs",
      role: "editor",
      active: true,
      mustChangePassword: true,
    });
    expect(result.user).not.toHaveProperty("passwordHash");

    const hash = await storedHash(result.user.id);
    expect(hash).not.toContain(result.oneTimePassword);
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(await verifyPassword(result.oneTimePassword, hash)).toBe(true);

    const events = await userEvents(result.user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "invite",
      entityType: "user",
      entityId: result.user.id,
      entityCode: "jo.bloggs@education.gov.uk",
      actorId: adminId,
      actorLabel: "admin@reform-tracker.local",
      before: null,
    });
    expect(events[0]!.after).toMatchObject({
      email: "jo.bloggs@education.gov.uk",
      role: "editor",
      active: true,
      mustChangePassword: true,
    });
    expectNoSecrets(events, [result.oneTimePassword, hash]);
  });

  it("refuses an email address that is already used, whatever its case, and changes nothing", async () => {
    const before = await checksumTables(database.prisma);
    const result = await inviteUser(adminId, {
      email: "JO.BLOGGS@education.gov.uk",
      name: "Another Jo",
      role: "admin",
    });
    expect(result).toEqual({ ok: false, errors: [{ field: "email", message: DUPLICATE_EMAIL }] });
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("creates one account when the same email is invited twice at once", async () => {
    const results = await Promise.all([
      inviteUser(adminId, { email: "twice@education.gov.uk", name: "Twice", role: "editor" }),
      inviteUser(adminId, { email: "twice@education.gov.uk", name: "Twice", role: "editor" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, errors: [{ field: "email", message: DUPLICATE_EMAIL }] });
    expect(await database.prisma.user.count({ where: { email: "twice@education.gov.uk" } })).toBe(1);
  });

  it("explains each invalid field", async () => {
    const before = await checksumTables(database.prisma);
    const result = await inviteUser(adminId, { email: "not an email", name: "  ", role: "owner" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(["email", "name", "role"]);
    expect(result.errors[0]!.message).toMatch(/correct format/);
    const tooLong = await inviteUser(adminId, {
      email: `${"a".repeat(320)}@x.gov.uk`,
      name: "n".repeat(101),
      role: "editor",
    });
    expect(tooLong.ok ? [] : tooLong.errors.map((e) => e.message)).toEqual([
      "Email address must be 320 characters or fewer",
      "Full name must be 100 characters or fewer",
    ]);
    expect(await checksumTables(database.prisma)).toEqual(before);
  });
});

describe("changing a role", () => {
  it("changes the role and audits before and after", async () => {
    const { user } = await invite("promote@education.gov.uk");
    const result = await changeUserRole(adminId, { userId: user.id, role: "admin" });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "admin" } });
    const events = await userEvents(user.id);
    expect(events.at(-1)).toMatchObject({
      action: "role_change",
      actorId: adminId,
      before: { role: "editor" },
      after: { role: "admin" },
    });
    expectNoSecrets(events, [await storedHash(user.id)]);
  });

  it("says when the user already has the role", async () => {
    const { user } = await invite("same-role@education.gov.uk");
    expect(await changeUserRole(adminId, { userId: user.id, role: "editor" })).toEqual({
      ok: false,
      errors: [{ field: "role", message: "same-role@education.gov.uk is already an editor" }],
    });
  });

  it("refuses to let an admin change their own role", async () => {
    const before = await checksumTables(database.prisma);
    const result = await changeUserRole(adminId, { userId: adminId, role: "editor" });
    expect(result).toEqual({
      ok: false,
      errors: [{ field: "role", message: "You cannot change your own role. Ask another administrator to do it." }],
    });
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("answers a user that does not exist", async () => {
    expect(await changeUserRole(adminId, { userId: 999_999, role: "admin" })).toEqual({
      ok: false,
      errors: [{ field: "form", message: "This user does not exist" }],
    });
    // Beyond PostgreSQL's integers too, for every action that takes a user (it used to reach the database: a 500).
    for (const userId of ["9999999999", 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      expect(await changeUserRole(adminId, { userId, role: "admin" })).toMatchObject({
        ok: false,
        errors: [{ message: "This user does not exist" }],
      });
      expect(await deactivateUser(adminId, { userId })).toMatchObject({
        ok: false,
        errors: [{ message: "This user does not exist" }],
      });
      expect(await resetPassword(adminId, { userId })).toMatchObject({
        ok: false,
        errors: [{ message: "This user does not exist" }],
      });
    }
  });
});

describe("deactivating and reactivating", () => {
  it("locks the user out on their next request, and reactivation lets them back in", async () => {
    const { user } = await invite("leaver@education.gov.uk");
    expect(await resolveActor(user.id)).not.toBeNull();

    const result = await deactivateUser(adminId, { userId: user.id });
    expect(result).toMatchObject({ ok: true, user: { active: false } });
    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.active).toBe(false);
    expect(row.deactivatedAt).toBeInstanceOf(Date);
    expect(await resolveActor(user.id)).toBeNull();
    await expect(authorise(user.id, "milestone:update")).rejects.toBeInstanceOf(NotSignedInError);

    expect(await deactivateUser(adminId, { userId: user.id })).toEqual({
      ok: false,
      errors: [{ field: "form", message: "leaver@education.gov.uk is already deactivated" }],
    });
    expect(await resetPassword(adminId, { userId: user.id })).toMatchObject({ ok: false });

    const back = await reactivateUser(adminId, { userId: user.id });
    expect(back).toMatchObject({ ok: true, user: { active: true, deactivatedAt: null } });
    expect(await resolveActor(user.id)).toMatchObject({ id: user.id, role: "editor" });
    expect((await userEvents(user.id)).map((e) => e.action)).toEqual(["invite", "deactivate", "reactivate"]);
  });

  it("asks first: the first step names the account and writes nothing; only the second deactivates, audited", async () => {
    const { user } = await invite("mover@education.gov.uk");
    const before = await checksumTables(database.prisma);
    expect(await prepareDeactivation(adminId, { userId: String(user.id) })).toMatchObject({
      ok: true,
      user: { id: user.id, email: "mover@education.gov.uk", active: true },
    });
    expect(await checksumTables(database.prisma)).toEqual(before);
    expect(await resolveActor(user.id)).not.toBeNull();

    // The same refusals as the deactivation itself, before anyone is asked to confirm.
    for (const [userId, message] of [
      [adminId, "You cannot deactivate your own account. Ask another administrator to do it."],
      [987654, "This user does not exist"],
    ] as const) {
      expect(await prepareDeactivation(adminId, { userId })).toEqual({
        ok: false,
        errors: [{ field: "form", message }],
      });
    }
    expect((await prepareDeactivation(adminId, { userId: "abc" })).ok).toBe(false);
    const editor = await createUser(database.prisma, { email: "not-an-admin@education.gov.uk", role: "editor" });
    await expect(prepareDeactivation(editor.id, { userId: user.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(prepareDeactivation(null, { userId: user.id })).rejects.toBeInstanceOf(NotSignedInError);

    expect(await deactivateUser(adminId, { userId: user.id })).toMatchObject({ ok: true });
    expect(await prepareDeactivation(adminId, { userId: user.id })).toEqual({
      ok: false,
      errors: [{ field: "form", message: "mover@education.gov.uk is already deactivated" }],
    });
    expect((await userEvents(user.id)).map((e) => e.action)).toEqual(["invite", "deactivate"]);
  });

  it("refuses to let an admin deactivate themselves", async () => {
    const before = await checksumTables(database.prisma);
    const result = await deactivateUser(adminId, { userId: adminId });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: "form", message: "You cannot deactivate your own account. Ask another administrator to do it." },
      ],
    });
    expect(await checksumTables(database.prisma)).toEqual(before);
    expect(await resolveActor(adminId)).not.toBeNull();
  });
});

describe("resetting a password", () => {
  it("replaces the password with a new one-time password", async () => {
    const invited = await invite("forgetful@education.gov.uk");
    const result = await resetPassword(adminId, { userId: invited.user.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.oneTimePassword).not.toBe(invited.oneTimePassword);
    const hash = await storedHash(invited.user.id);
    expect(await verifyPassword(result.oneTimePassword, hash)).toBe(true);
    expect(await verifyPassword(invited.oneTimePassword, hash)).toBe(false);
    expect(result.user.mustChangePassword).toBe(true);
    const events = await userEvents(invited.user.id);
    expect(events.at(-1)).toMatchObject({ action: "password_reset", actorId: adminId });
    expectNoSecrets(events, [result.oneTimePassword, invited.oneTimePassword, hash]);
  });
});

describe("lists users for admins", () => {
  it("lists every account without password hashes", async () => {
    const users = await listUsers(adminId);
    expect(users.length).toBeGreaterThan(3);
    for (const user of users) expect(user).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(users)).not.toMatch(/\$2[aby]\$/);
  });
});

describe("only an active admin manages users", () => {
  let editorId: number;
  let deactivatedAdminId: number;
  let targetId: number;

  beforeAll(async () => {
    editorId = (await createUser(database.prisma, { email: "editor@education.gov.uk", role: "editor" })).id;
    const deactivated = await createUser(database.prisma, { email: "former-admin@education.gov.uk", role: "admin" });
    await database.prisma.user.update({
      where: { id: deactivated.id },
      data: { active: false, deactivatedAt: new Date() },
    });
    deactivatedAdminId = deactivated.id;
    targetId = (await createUser(database.prisma, { email: "target@education.gov.uk", role: "editor" })).id;
  });

  const calls: Array<[string, (actorId: number | null) => Promise<unknown>]> = [
    ["listUsers", (a) => listUsers(a)],
    ["inviteUser", (a) => inviteUser(a, { email: "intruder@education.gov.uk", name: "Intruder", role: "admin" })],
    ["changeUserRole", (a) => changeUserRole(a, { userId: targetId, role: "admin" })],
    ["deactivateUser", (a) => deactivateUser(a, { userId: targetId })],
    ["reactivateUser", (a) => reactivateUser(a, { userId: deactivatedAdminId })],
    ["resetPassword", (a) => resetPassword(a, { userId: targetId })],
  ];

  for (const [name, call] of calls) {
    it(`${name}: refuses anonymous, editor, deactivated admin and unknown user, changing nothing`, async () => {
      const before = await checksumTables(database.prisma);
      await expect(call(null)).rejects.toBeInstanceOf(NotSignedInError);
      await expect(call(editorId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(call(deactivatedAdminId)).rejects.toBeInstanceOf(NotSignedInError);
      await expect(call(987_654)).rejects.toBeInstanceOf(NotSignedInError);
      expect(await checksumTables(database.prisma)).toEqual(before);
    });
  }
});

describe("changing your own password", () => {
  let userId: number;
  let password: string;

  beforeAll(async () => {
    const invited = await invite("newcomer@education.gov.uk");
    userId = invited.user.id;
    password = invited.oneTimePassword;
  });

  it("refuses anyone not signed in or deactivated, changing nothing", async () => {
    const input = {
      currentPassword: "whatever",
      newPassword: "a long new password",
      confirmPassword: "a long new password",
    };
    const before = await checksumTables(database.prisma);
    await expect(changeOwnPassword(null, input)).rejects.toBeInstanceOf(NotSignedInError);
    await expect(changeOwnPassword(987_654, input)).rejects.toBeInstanceOf(NotSignedInError);
    const former = await database.prisma.user.findUniqueOrThrow({ where: { email: "former-admin@education.gov.uk" } });
    await expect(changeOwnPassword(former.id, input)).rejects.toBeInstanceOf(NotSignedInError);
    expect(await checksumTables(database.prisma)).toEqual(before);
  });

  it("applies the password rules", async () => {
    const errors = async (input: { currentPassword: string; newPassword: string; confirmPassword: string }) => {
      const result = await changeOwnPassword(userId, input);
      return result.ok ? [] : result.errors;
    };
    expect(await errors({ currentPassword: "", newPassword: "", confirmPassword: "" })).toEqual([
      { field: "currentPassword", message: "Enter your current password" },
      { field: "newPassword", message: "Enter a new password" },
      { field: "confirmPassword", message: "Enter your new password again" },
    ]);
    expect(
      await errors({ currentPassword: password, newPassword: "elevenchars", confirmPassword: "elevenchars" }),
    ).toEqual([{ field: "newPassword", message: "Your new password must be 12 characters or more" }]);
    const tooLong = "x".repeat(201);
    expect(await errors({ currentPassword: password, newPassword: tooLong, confirmPassword: tooLong })).toEqual([
      { field: "newPassword", message: "Your new password must be 200 characters or fewer" },
    ]);
    expect(
      await errors({
        currentPassword: password,
        newPassword: "correct horse battery",
        confirmPassword: "correct horse batery",
      }),
    ).toEqual([{ field: "confirmPassword", message: "The passwords you entered do not match" }]);
    expect(await errors({ currentPassword: password, newPassword: password, confirmPassword: password })).toEqual([
      { field: "newPassword", message: "Your new password must be different from your current password" },
    ]);
    expect(
      await errors({
        currentPassword: "not my password",
        newPassword: "correct horse battery",
        confirmPassword: "correct horse battery",
      }),
    ).toEqual([{ field: "currentPassword", message: "Your current password is incorrect" }]);
    expect(await verifyPassword(password, await storedHash(userId))).toBe(true);
  });

  it("saves the new password, clears 'must change' and audits without secrets", async () => {
    const newPassword = "correct horse battery staple";
    const result = await changeOwnPassword(userId, {
      currentPassword: password,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(result).toMatchObject({ ok: true, user: { id: userId, mustChangePassword: false } });
    const hash = await storedHash(userId);
    expect(await verifyPassword(newPassword, hash)).toBe(true);
    expect(await verifyPassword(password, hash)).toBe(false);
    const events = await userEvents(userId);
    expect(events.at(-1)).toMatchObject({
      action: "password_change",
      actorId: userId,
      actorLabel: "newcomer@education.gov.uk",
      before: { mustChangePassword: true },
      after: { mustChangePassword: false },
    });
    expectNoSecrets(events, [newPassword, password, hash]);
  });

  it("stops guessing the current password after the sign-in limit", async () => {
    const invited = await invite("guessed@education.gov.uk");
    const guess = {
      currentPassword: "a guess",
      newPassword: "attacker password",
      confirmPassword: "attacker password",
    };
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await changeOwnPassword(invited.user.id, guess)).toMatchObject({
        ok: false,
        errors: [{ field: "currentPassword", message: "Your current password is incorrect" }],
      });
    }
    const right = { ...guess, currentPassword: invited.oneTimePassword };
    expect(await changeOwnPassword(invited.user.id, right)).toEqual({
      ok: false,
      errors: [{ field: "currentPassword", message: TOO_MANY_PASSWORD_CHECKS }],
    });
    expect(await verifyPassword(invited.oneTimePassword, await storedHash(invited.user.id))).toBe(true);
  });
});

describe("signing in", () => {
  it("lets through no more guesses than the limit, even when they arrive all at once", async () => {
    const invited = await invite("parallel.guesses@education.gov.uk");
    const results = await Promise.all(
      Array.from({ length: 3 * MAX_FAILURES_PER_ACCOUNT }, (_, i) =>
        signInWithPassword(invited.user.email, `guess ${i}`, `192.0.2.${i}`),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.message === BAD_CREDENTIALS);
    expect(checked).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.message === TOO_MANY_ATTEMPTS)).toHaveLength(2 * MAX_FAILURES_PER_ACCOUNT);
    // And now even the right password is refused until the window has passed.
    expect(await signInWithPassword(invited.user.email, invited.oneTimePassword, "192.0.2.200")).toEqual({
      ok: false,
      message: TOO_MANY_ATTEMPTS,
    });
  });

  it("stops one address trying many accounts", async () => {
    const results = [];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 1; i++)
      results.push(await signInWithPassword(`nobody${i}@education.gov.uk`, "a guess", "198.51.100.7"));
    expect(results.slice(0, MAX_FAILURES_PER_ADDRESS).every((r) => !r.ok && r.message === BAD_CREDENTIALS)).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, message: TOO_MANY_ATTEMPTS });
  });
});

describe("lock-outs an attacker cannot hold (decision 0013)", () => {
  const device = (userId: number, id = "a".repeat(22)) => ({ userId, id });
  const wrongGuesses = async (email: string, options: { device?: { userId: number; id: string } } = {}) => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect(await signInWithPassword(email, `guess ${i}`, `203.0.113.${i}`, options)).toEqual({
        ok: false,
        message: BAD_CREDENTIALS,
      });
  };
  /** Moves this account's checked attempts back in time, as if that many minutes had passed. */
  const age = (email: string, minutes: number, where: { checked?: boolean } = {}) =>
    database.prisma.$executeRaw`UPDATE sign_in_attempt SET occurred_at = occurred_at - make_interval(mins => ${minutes})
      WHERE email = ${email} AND (${where.checked ?? null}::boolean IS NULL OR checked = ${where.checked ?? null})`;

  it("refused attempts count towards nothing, so they never extend a lock-out", async () => {
    const { user, oneTimePassword } = await invite("refusals@education.gov.uk");
    await wrongGuesses(user.email);
    for (let i = 0; i < 3 * MAX_FAILURES_PER_ACCOUNT; i++)
      expect(await signInWithPassword(user.email, `guess ${i}`, "203.0.113.50")).toEqual({
        ok: false,
        message: TOO_MANY_ATTEMPTS,
      });
    const refused = await database.prisma.signInAttempt.count({ where: { email: user.email, checked: false } });
    expect(refused).toBe(3 * MAX_FAILURES_PER_ACCOUNT);
    // The checked failures leave the window; the refusals, made just now, do not hold the account.
    await age(user.email, 16, { checked: true });
    expect(await signInWithPassword(user.email, oneTimePassword, "203.0.113.50")).toMatchObject({ ok: true });
  });

  it("a browser that signed in before keeps its own budget while other clients are locked out", async () => {
    const { user, oneTimePassword } = await invite("known.device@education.gov.uk");
    const own = device(user.id);
    expect(await signInWithPassword(user.email, oneTimePassword, "203.0.113.60")).toMatchObject({
      ok: true,
      knownDevice: false,
    });
    await wrongGuesses(user.email);
    expect(await signInWithPassword(user.email, oneTimePassword, "203.0.113.61")).toEqual({
      ok: false,
      message: TOO_MANY_ATTEMPTS,
    });
    // The owner's browser, with the device cookie this account was given, still signs in ...
    expect(await signInWithPassword(user.email, oneTimePassword, "203.0.113.60", { device: own })).toMatchObject({
      ok: true,
      knownDevice: true,
    });
    // ... but another account's device cookie is no key to this one.
    const other = await invite("other.device@education.gov.uk");
    expect(
      await signInWithPassword(user.email, oneTimePassword, "203.0.113.62", { device: device(other.user.id) }),
    ).toEqual({ ok: false, message: TOO_MANY_ATTEMPTS });
  });

  it("a known device gets no more guesses than anyone else, and spending them locks out only that device", async () => {
    const { user, oneTimePassword } = await invite("device.guesses@education.gov.uk");
    const own = device(user.id, "b".repeat(22));
    await wrongGuesses(user.email, { device: own });
    expect(await signInWithPassword(user.email, oneTimePassword, "203.0.113.70", { device: own })).toEqual({
      ok: false,
      message: TOO_MANY_ATTEMPTS,
    });
    expect(await signInWithPassword(user.email, oneTimePassword, "203.0.113.71")).toMatchObject({ ok: true });
  });

  it("an administrator sees the lock-out and lifts it, audited; an editor cannot", async () => {
    const { user, oneTimePassword } = await invite("lifted@education.gov.uk");
    const editor = await invite("not.an.admin@education.gov.uk");
    await wrongGuesses(user.email);
    const locks = await signInLocks(adminId);
    expect(locks.get(user.id)).toMatchObject({ failures: MAX_FAILURES_PER_ACCOUNT });
    const until = locks.get(user.id)!.until.getTime();
    expect(until).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 15 * 60_000);

    const before = await checksumTables(database.prisma);
    await expect(liftSignInLock(editor.user.id, { userId: user.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await liftSignInLock(adminId, { userId: "9999999" })).toEqual({
      ok: false,
      errors: [{ field: "form", message: "This user does not exist" }],
    });
    expect(await checksumTables(database.prisma)).toEqual(before);

    expect(await liftSignInLock(adminId, { userId: user.id })).toMatchObject({ ok: true });
    expect((await signInLocks(adminId)).has(user.id)).toBe(false);
    expect((await userEvents(user.id)).at(-1)).toMatchObject({ action: "sign_in_lock_lift", actorId: adminId });
    expect(await signInWithPassword(user.email, oneTimePassword, "203.0.113.80")).toMatchObject({ ok: true });
  });

  it("guesses at the sign-in page do not stop a signed-in member of staff changing their password", async () => {
    const { user, oneTimePassword } = await invite("changes.anyway@education.gov.uk");
    await wrongGuesses(user.email);
    const change = {
      currentPassword: oneTimePassword,
      newPassword: "a new passphrase",
      confirmPassword: "a new passphrase",
    };
    // Without a session (the command line, say) the account's shared budget applies, and it is spent.
    expect(await changeOwnPassword(user.id, change)).toEqual({
      ok: false,
      errors: [{ field: "currentPassword", message: TOO_MANY_PASSWORD_CHECKS }],
    });
    const sid = "00000000-0000-4000-8000-000000000001";
    expect(await changeOwnPassword(user.id, change, { keepSession: sid })).toMatchObject({ ok: true });
  });
});

describe("creating a user from the command line", () => {
  it("creates the account, audited as the command line, and refuses duplicates", async () => {
    const result = await createUserFromCommandLine({ email: "Ops@Education.gov.uk", name: "Ops", role: "admin" });
    expect(result).toMatchObject({
      ok: true,
      user: { email: "ops@education.gov.uk", role: "admin", mustChangePassword: true },
    });
    if (!result.ok) return;
    const events = await userEvents(result.user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "create", actorId: null, actorLabel: "command line" });
    expectNoSecrets(events, [result.oneTimePassword, await storedHash(result.user.id)]);
    expect(await createUserFromCommandLine({ email: "ops@education.gov.uk", name: "Ops", role: "admin" })).toEqual({
      ok: false,
      errors: [{ field: "email", message: DUPLICATE_EMAIL }],
    });
  });
});
