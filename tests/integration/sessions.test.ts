import { afterAll, beforeAll, expect, it } from "vitest";
import { endSession, isSessionLive, SESSION_LIFETIME_HOURS, startSession } from "@/lib/auth/sessions.server";
import {
  changeOwnPassword,
  changeUserRole,
  deactivateUser,
  resetPassword,
  signOutEverywhere,
} from "@/lib/auth/users.server";
import { hashPassword } from "@/lib/auth/passwords.server";
import { recordMilestoneUpdate } from "@/lib/staff/milestone-updates.server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createMilestone, createReferenceData, createUser } from "@/tests/support/factories";

// Sessions that can be ended (migration 0006, lib/auth/sessions.server.ts): what ends them, and what does not.
let database: TestDatabase;
let admin: number;
let editor: number;
const PASSWORD = "a long enough passphrase";

beforeAll(async () => {
  database = await createTestDatabase();
  await createReferenceData(database.prisma);
  await createMilestone(database.prisma, { code: "M-01", dueDate: "2024-03-31", pillars: [1], outcomes: [1] });
  admin = (await createUser(database.prisma, { email: "admin@education.gov.uk", role: "admin" })).id;
  editor = (await createUser(database.prisma, { email: "editor@education.gov.uk" })).id;
  await database.prisma.user.updateMany({ data: { passwordHash: await hashPassword(PASSWORD) } });
});

afterAll(async () => {
  await database.close();
});

const live = (s: { id: string }, userId: number) => isSessionLive(s.id, userId);
const version = async () => Number((await database.prisma.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).value);

it("is live until it is ended, and only for its own account", async () => {
  const s = await startSession(editor);
  expect(await live(s, editor)).toBe(true);
  expect(await live(s, admin)).toBe(false);
  expect(await isSessionLive("not-a-session", editor)).toBe(false);
  expect(await isSessionLive(undefined, editor)).toBe(false);
  await endSession(s.id, "signed_out");
  expect(await live(s, editor)).toBe(false);
});

it(`ends ${SESSION_LIFETIME_HOURS} hours after sign-in, however recently it was used`, async () => {
  const old = await startSession(editor, new Date(Date.now() - (SESSION_LIFETIME_HOURS * 60 + 1) * 60_000));
  const recent = await startSession(editor, new Date(Date.now() - (SESSION_LIFETIME_HOURS * 60 - 1) * 60_000));
  expect(await live(old, editor)).toBe(false);
  expect(await live(recent, editor)).toBe(true);
});

it("a password change ends every other session of the account, and keeps the one that changed it", async () => {
  const here = await startSession(editor);
  const elsewhere = await startSession(editor);
  const result = await changeOwnPassword(
    editor,
    { currentPassword: PASSWORD, newPassword: "another long passphrase", confirmPassword: "another long passphrase" },
    { keepSession: here.id },
  );
  expect(result.ok).toBe(true);
  expect(await live(here, editor)).toBe(true);
  expect(await live(elsewhere, editor)).toBe(false);
});

it("a reset, a role change and a deactivation end all of the account's sessions", async () => {
  for (const [action, why] of [
    [() => resetPassword(admin, { userId: String(editor) }), "password_reset"],
    [() => changeUserRole(admin, { userId: String(editor), role: "admin" }), "role_changed"],
    [() => deactivateUser(admin, { userId: String(editor) }), "deactivated"],
  ] as const) {
    const a = await startSession(editor);
    const b = await startSession(editor);
    expect((await action()).ok).toBe(true);
    expect([await live(a, editor), await live(b, editor)]).toEqual([false, false]);
    expect((await database.prisma.staffSession.findUniqueOrThrow({ where: { id: a.id } })).endedWhy).toBe(why);
  }
});

it("signs out everywhere: oneself, or anyone by an admin; an editor cannot end someone else's", async () => {
  const other = (await createUser(database.prisma, { email: "other@education.gov.uk" })).id;
  const mine = await startSession(other);
  const adminsOwn = await startSession(admin);
  await expect(signOutEverywhere(other, { userId: String(admin) })).rejects.toThrow(/permission/);
  expect(await live(adminsOwn, admin)).toBe(true);
  expect(await signOutEverywhere(other, { userId: String(other) })).toEqual({ ok: true, ended: 1 });
  expect(await live(mine, other)).toBe(false);
  const again = await startSession(other);
  expect(await signOutEverywhere(admin, { userId: String(other) })).toEqual({ ok: true, ended: 1 });
  expect(await live(again, other)).toBe(false);
  await expect(signOutEverywhere(null, { userId: String(other) })).rejects.toThrow(/sign in/);
  // Each is in the audit trail, with who did it; the refusals are not.
  const events = await database.prisma.auditEvent.findMany({
    where: { entityType: "user", entityId: other, action: "sign_out_everywhere" },
    orderBy: { id: "asc" },
  });
  expect(events.map((e) => e.actorId)).toEqual([other, admin]);
});

it("account events do not move the public data version; a change to the reform data does", async () => {
  const before = await version();
  const another = (await createUser(database.prisma, { email: "third@education.gov.uk" })).id;
  await changeUserRole(admin, { userId: String(another), role: "admin" });
  await startSession(another);
  expect(await version()).toBe(before);
  expect(
    (
      await recordMilestoneUpdate(admin, {
        code: "M-01",
        version: 1,
        status: "on_track",
        forecastDate: "",
        actualDate: "",
        commentary: "",
        evidence: [],
        reason: "",
      })
    ).ok,
  ).toBe(true);
  expect(await version()).toBe(before + 1);
});

it("a one-time password works for 72 hours, then is refused with a message saying what to do", async () => {
  const { inviteUser } = await import("@/lib/auth/users.server");
  const { signInWithPassword, ONE_TIME_PASSWORD_EXPIRED, BAD_CREDENTIALS } = await import("@/lib/auth/sign-in.server");
  const invited = await inviteUser(admin, { email: "invited@education.gov.uk", name: "Invited", role: "editor" });
  if (!invited.ok) throw new Error("invitation refused");
  const hours = (invited.user.oneTimePasswordExpiresAt!.getTime() - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(71.9);
  expect(hours).toBeLessThanOrEqual(72);
  expect((await signInWithPassword("invited@education.gov.uk", invited.oneTimePassword, "192.0.2.1")).ok).toBe(true);

  await database.prisma.user.update({
    where: { id: invited.user.id },
    data: { oneTimePasswordExpiresAt: new Date(Date.now() - 1_000) },
  });
  expect(await signInWithPassword("invited@education.gov.uk", invited.oneTimePassword, "192.0.2.1")).toEqual({
    ok: false,
    message: ONE_TIME_PASSWORD_EXPIRED,
  });
  // A wrong guess learns nothing about the expiry.
  expect(await signInWithPassword("invited@education.gov.uk", "not the password", "192.0.2.1")).toEqual({
    ok: false,
    message: BAD_CREDENTIALS,
  });

  // An admin issues another, which works; choosing one's own password clears the expiry.
  const reset = await resetPassword(admin, { userId: String(invited.user.id) });
  if (!reset.ok) throw new Error("reset refused");
  expect((await signInWithPassword("invited@education.gov.uk", reset.oneTimePassword, "192.0.2.1")).ok).toBe(true);
  expect(
    (
      await changeOwnPassword(invited.user.id, {
        currentPassword: reset.oneTimePassword,
        newPassword: "my own long passphrase",
        confirmPassword: "my own long passphrase",
      })
    ).ok,
  ).toBe(true);
  expect(
    (await database.prisma.user.findUniqueOrThrow({ where: { id: invited.user.id } })).oneTimePasswordExpiresAt,
  ).toBeNull();
});

it("password changes sent in parallel check no more wrong guesses than the per-account limit", async () => {
  const { MAX_FAILURES_PER_ACCOUNT, TOO_MANY_PASSWORD_CHECKS } = await import("@/lib/auth/sign-in.server");
  const target = (await createUser(database.prisma, { email: "parallel@education.gov.uk" })).id;
  await database.prisma.user.update({ where: { id: target }, data: { passwordHash: await hashPassword(PASSWORD) } });
  const results = await Promise.all(
    Array.from({ length: 16 }, (_, i) =>
      changeOwnPassword(target, {
        currentPassword: `wrong guess ${i}`,
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      }),
    ),
  );
  const checked = await database.prisma.signInAttempt.count({
    where: { email: "parallel@education.gov.uk", succeeded: false, checked: true },
  });
  expect(checked).toBe(MAX_FAILURES_PER_ACCOUNT);
  const messages = results.map((r) => (r.ok ? "saved" : r.errors[0]!.message));
  expect(messages.filter((m) => m === TOO_MANY_PASSWORD_CHECKS)).toHaveLength(16 - MAX_FAILURES_PER_ACCOUNT);
});

it("sign-in attempts no limit needs any more are pruned as new ones come in", async () => {
  const { signInWithPassword } = await import("@/lib/auth/sign-in.server");
  const old = new Date(Date.now() - 2 * 86_400_000);
  const recent = new Date(Date.now() - 3_600_000);
  await database.prisma.signInAttempt.createMany({
    data: [
      ...Array.from({ length: 30 }, () => ({
        email: "old@example.gov.uk",
        ip: "192.0.2.9",
        succeeded: false,
        occurredAt: old,
      })),
      { email: "recent@example.gov.uk", ip: "192.0.2.9", succeeded: false, occurredAt: recent },
    ],
  });
  await signInWithPassword("nobody@example.gov.uk", "whatever it is", "192.0.2.10");
  expect(
    await database.prisma.signInAttempt.count({ where: { occurredAt: { lt: new Date(Date.now() - 86_400_000) } } }),
  ).toBe(0);
  expect(await database.prisma.signInAttempt.count({ where: { email: "recent@example.gov.uk" } })).toBe(1);
});
