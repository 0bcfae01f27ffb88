// Staff accounts: invite, change role, deactivate and reactivate, reset and change passwords, and the first admin.
// Council accounts (decision 0017): an admin manages every account here; a council lead manages the council editors
// of its own council through the council-scoped functions (inviteCouncilUser, deactivateCouncilUser, ...), which share
// the same path and the same rules (one-time passwords that expire, sessions ended, every change audited).
//
// Every change is written with its audit event in one transaction, like every other staff write. The audit
// trail records who did what to which account; it never holds a password or a password hash. One-time passwords
// are returned to the caller (to show once, or print once on the console) and never logged or stored in clear.
//
// This module deliberately does not import "server-only": `npm start` and `npm run user:create` run it in plain
// Node (tsx) for createFirstAdminIfNone and createUserFromCommandLine. The functions that act for a signed-in
// user load lib/auth/actor.server (which is server-only) when they are called, and only then.
import { db, WRITE_TRANSACTION } from "@/lib/db/client.server";
import { generateOneTimePassword, hashPassword, verifyPassword } from "@/lib/auth/passwords.server";
import { roleMay } from "@/lib/auth/permissions";
import { zodFieldErrors, type FieldError } from "@/lib/validations/milestone-update";
import {
  changePasswordSchema,
  changeRoleSchema,
  councilInviteSchema,
  councilUserRefSchema,
  emailSchema,
  inviteUserSchema,
  userRefSchema,
  type ChangePasswordInput,
  type CouncilInviteInput,
  type CouncilUserRefInput,
  type ChangeRoleInput,
  type InviteUserInput,
  type UserRefInput,
} from "@/lib/validations/users";
import { Prisma } from "@/lib/generated/prisma/client";
import { isCouncilRole, ROLE_LABELS, type RoleValue } from "@/lib/vocabulary";
import { ADVISORY_LOCKS } from "@/lib/db/locks";
import type { UserAction, UserState } from "@/lib/audit/records";
import { recordAuditEvent } from "@/lib/audit/trail.server";
import { endSessionsOf, type SessionEnding } from "@/lib/auth/sessions.server";
import type { z } from "@/lib/validations/zod";

const actorModule = () => import("@/lib/auth/actor.server");
const signInModule = () => import("@/lib/auth/sign-in.server");

/** The columns any caller may see: everything but the password hash. */
const USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  mustChangePassword: true,
  oneTimePasswordExpiresAt: true,
  createdAt: true,
  deactivatedAt: true,
  lastSignInAt: true,
  councilId: true,
  council: { select: { gssCode: true, slug: true, name: true } },
} as const satisfies Prisma.UserSelect;

export type UserSummary = Prisma.UserGetPayload<{ select: typeof USER_FIELDS }>;

export type UserResult = { ok: true; user: UserSummary } | { ok: false; errors: FieldError[] };
export type OneTimePasswordResult =
  { ok: true; user: UserSummary; oneTimePassword: string } | { ok: false; errors: FieldError[] };

export const DEFAULT_ADMIN_EMAIL = "admin@reform-tracker.local";

/** How long a one-time password works: long enough to reach someone over a weekend, not a way in for ever. */
export const ONE_TIME_PASSWORD_HOURS = 72;

function oneTimePasswordExpiry(now = new Date()): Date {
  return new Date(now.getTime() + ONE_TIME_PASSWORD_HOURS * 3_600_000);
}
export const DUPLICATE_EMAIL = "A user with this email address already exists";
const NO_SUCH_USER = "This user does not exist";

// Any constant works; it only has to be the same for every process that might create the first admin.
const FIRST_ADMIN_LOCK = ADVISORY_LOCKS.firstAdmin;

type Tx = Prisma.TransactionClient;

/** What the audit trail keeps about an account: no password, no hash. */
function auditState(user: UserSummary): UserState {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    deactivatedAt: user.deactivatedAt ? user.deactivatedAt.toISOString() : null,
    // Only council accounts have one: DfE staff's events keep the shape they had before council accounts.
    ...(user.council ? { council: user.council.gssCode } : {}),
  };
}

function fail(field: string, message: string): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message }] };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function roleWord(role: RoleValue): string {
  return ROLE_LABELS[role].toLowerCase();
}

interface AuditActor {
  actorId: number | null;
  actorLabel: string;
}

/**
 * Who manages accounts on a call: an admin, for every account (`user:manage`), or a council's account managers
 * (`council-user:manage`: its council lead, or an admin) for that council's accounts.
 */
type Authority = { permission: "user:manage" } | { permission: "council-user:manage"; council: CouncilRef };
interface CouncilRef {
  id: number;
  gssCode: string;
  slug: string;
  name: string;
  endedOn: Date | null;
}
const NATIONAL: Authority = { permission: "user:manage" };

/**
 * Locks the acting user's row and the target's (in id order, so two admins acting on each other cannot
 * deadlock), checks the actor may still manage accounts (for the council, on a council's call) now that nobody can
 * change that under us, and returns the target. Without this, two admins demoting each other at the same moment
 * could leave no admin at all, and a council lead deactivated a moment ago could still act.
 */
async function lockActorAndTarget(
  tx: Tx,
  actorId: number,
  targetId: number,
  authority: Authority = NATIONAL,
): Promise<UserSummary | null> {
  const { ForbiddenError } = await actorModule();
  const ids = [...new Set([actorId, targetId])].sort((a, b) => a - b);
  for (const id of ids) await tx.$queryRaw`SELECT id FROM app_user WHERE id = ${id} FOR UPDATE`;
  const actor = await tx.user.findUnique({
    where: { id: actorId },
    select: { role: true, active: true, councilId: true },
  });
  const inScope =
    actor?.councilId === null ||
    (authority.permission === "council-user:manage" && actor?.councilId === authority.council.id);
  if (!actor || !actor.active || !roleMay(actor.role, authority.permission) || !inScope) throw new ForbiddenError();
  return tx.user.findUnique({ where: { id: targetId }, select: USER_FIELDS });
}

/** A council named by slug or GSS code, as the council pages send it; null for anything else. */
async function councilByKey(key: unknown): Promise<CouncilRef | null> {
  const trimmed = typeof key === "string" ? key.trim() : "";
  const select = { id: true, gssCode: true, slug: true, name: true, endedOn: true } as const;
  if (/^e\d{8}$/i.test(trimmed)) return db().council.findUnique({ where: { gssCode: trimmed.toUpperCase() }, select });
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/i.test(trimmed) && trimmed.length <= 100)
    return db().council.findUnique({ where: { slug: trimmed.toLowerCase() }, select });
  return null;
}

const NO_SUCH_COUNCIL = "This council does not exist";

/**
 * The acting user, authorised to manage the accounts of the council the input names: its council lead or an admin.
 * A council that does not exist is nobody's own: a council account is refused, an admin told it is unknown (null).
 */
async function authoriseForCouncil(actorId: number | null, input: unknown) {
  const { authorise } = await actorModule();
  const key = typeof input === "object" && input !== null ? (input as { council?: unknown }).council : undefined;
  const council = await councilByKey(key);
  const actor = await authorise(actorId, "council-user:manage", council ? { councilId: council.id } : undefined);
  return { actor, council };
}

/**
 * Which of a council's accounts the actor may manage through the council's pages: a council lead, only that
 * council's editors (not leads, so not themselves); an admin, every account of the council. Anyone else is refused.
 */
async function refuseOutsideCouncil(actor: { councilId: number | null }, council: CouncilRef, target: UserSummary) {
  const { ForbiddenError } = await actorModule();
  const allowed = target.councilId === council.id && (actor.councilId === null || target.role === "council_editor");
  if (!allowed)
    throw new ForbiddenError(
      actor.councilId === null
        ? `This account is not one of ${council.name}\u2019s. Manage it from Manage staff accounts. Nothing was changed.`
        : `You can manage only the council editors of ${council.name}. Ask a DfE administrator about other accounts. Nothing was changed.`,
    );
}

async function writeAudit(
  tx: Tx,
  by: AuditActor,
  action: UserAction,
  user: UserSummary,
  before: UserState | null,
  after: UserState | null,
) {
  await recordAuditEvent(tx, {
    actor: { id: by.actorId, label: by.actorLabel },
    action,
    entityType: "user",
    entityId: user.id,
    entityCode: user.email,
    before,
    after,
  });
}

/** Creates an account with a fresh one-time password; shared by invitations, the command line and the first admin. */
async function createWithOneTimePassword(
  input: { email: string; name: string; role: RoleValue; councilId?: number | null },
  by: AuditActor,
  action: UserAction,
  beforeWrite?: (tx: Tx) => Promise<void>,
): Promise<OneTimePasswordResult> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword); // slow by design: outside the transaction
  try {
    return await db().$transaction(async (tx) => {
      await beforeWrite?.(tx);
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) return fail("email", DUPLICATE_EMAIL);
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          councilId: input.councilId ?? null,
          passwordHash,
          mustChangePassword: true,
          oneTimePasswordExpiresAt: oneTimePasswordExpiry(),
        },
        select: USER_FIELDS,
      });
      await writeAudit(tx, by, action, user, null, auditState(user));
      return { ok: true, user, oneTimePassword } as const;
    });
  } catch (error) {
    // Someone created the same email between our check and our insert.
    if (isUniqueViolation(error)) return fail("email", DUPLICATE_EMAIL);
    throw error;
  }
}

/** Every account, for the admin page. */
export async function listUsers(actorId: number | null): Promise<UserSummary[]> {
  const { authorise } = await actorModule();
  await authorise(actorId, "user:manage");
  return db().user.findMany({ select: USER_FIELDS, orderBy: [{ active: "desc" }, { email: "asc" }] });
}

/**
 * The council a new account belongs to: none for DfE staff, the named (and not ended) council for a council account.
 * The form sends a council with every invitation; it counts only for a council role.
 */
async function councilOfNewAccount(input: {
  role: RoleValue;
  council?: string;
}): Promise<{ ok: true; councilId: number | null } | { ok: false; errors: FieldError[] }> {
  if (!isCouncilRole(input.role)) return { ok: true, councilId: null };
  if (!input.council) return fail("council", "Select the council this account belongs to");
  const council = await councilByKey(input.council);
  if (!council) return fail("council", NO_SUCH_COUNCIL);
  if (council.endedOn) return fail("council", `${council.name} has ended: choose its successor council`);
  return { ok: true, councilId: council.id };
}

/** Every account of one council, for its council lead's page (and an admin's). */
export async function listCouncilUsers(actorId: number | null, input: { council: string }): Promise<UserSummary[]> {
  const { council } = await authoriseForCouncil(actorId, input);
  if (!council) return [];
  return db().user.findMany({
    where: { councilId: council.id },
    select: USER_FIELDS,
    orderBy: [{ active: "desc" }, { email: "asc" }],
  });
}

/**
 * An admin invites a member of staff: the account is created with a one-time password to send them. A council
 * account (council editor or lead) is created for the council the invitation names.
 */
export async function inviteUser(actorId: number | null, input: InviteUserInput): Promise<OneTimePasswordResult> {
  const { authorise } = await actorModule();
  const actor = await authorise(actorId, "user:manage");
  const parsed = inviteUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const council = await councilOfNewAccount(parsed.data);
  if (!council.ok) return council;
  return createWithOneTimePassword(
    { ...parsed.data, councilId: council.councilId },
    { actorId: actor.id, actorLabel: actor.email },
    "invite",
    async (tx) => {
      await lockActorAndTarget(tx, actor.id, actor.id);
    },
  );
}

/**
 * A council lead invites a council editor of their own council (an admin may also invite its council leads, the
 * first of each council included): the account is created with a one-time password to send them.
 */
export async function inviteCouncilUser(
  actorId: number | null,
  input: CouncilInviteInput,
): Promise<OneTimePasswordResult> {
  const { actor, council } = await authoriseForCouncil(actorId, input);
  if (!council) return fail("form", NO_SUCH_COUNCIL);
  const parsed = councilInviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  if (actor.councilId !== null && parsed.data.role !== "council_editor") {
    const { ForbiddenError } = await actorModule();
    throw new ForbiddenError(
      "A council lead can invite council editors only. Ask a DfE administrator to add another council lead. Nothing was changed.",
    );
  }
  if (council.endedOn) return fail("form", `${council.name} has ended: invite the account to its successor council`);
  const authority: Authority = { permission: "council-user:manage", council };
  return createWithOneTimePassword(
    { ...parsed.data, councilId: council.id },
    { actorId: actor.id, actorLabel: actor.email },
    "invite",
    async (tx) => {
      await lockActorAndTarget(tx, actor.id, actor.id, authority);
    },
  );
}

/** What an admin's change does to an account, once the account is known and locked: or why it is refused. */
type AccountChange =
  | { action: UserAction; data: Prisma.UserUpdateInput; endSessions?: SessionEnding }
  | { ok: false; errors: FieldError[] };

/**
 * One admin's change to one account, the way every such change is made: authorised, validated, refused for the
 * admin's own account when `ownAccount` says so, then, under row locks on both accounts (lockActorAndTarget), decided
 * on the account as it is now, written with its audit event in one transaction, and, where the change calls for
 * it, every session of the account ended.
 */
async function changeAccount<T extends { userId: number }>(
  actorId: number | null,
  input: unknown,
  schema: z.ZodType<T, unknown>,
  decide: (target: UserSummary, change: T) => AccountChange,
  ownAccount?: FieldError,
  scope: "national" | "council" = "national",
): Promise<UserResult> {
  const authorised = await authoriseAccountChange(actorId, input, scope);
  if (!authorised.ok) return authorised;
  const { actor, authority } = authorised;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  if (ownAccount && parsed.data.userId === actor.id) return { ok: false, errors: [ownAccount] };
  const userId = parsed.data.userId;
  return db().$transaction(async (tx): Promise<UserResult> => {
    const target = await lockActorAndTarget(tx, actor.id, userId, authority);
    if (!target) return fail("form", NO_SUCH_USER);
    if (authority.permission === "council-user:manage") await refuseOutsideCouncil(actor, authority.council, target);
    const change = decide(target, parsed.data);
    if ("ok" in change) return change;
    const user = await tx.user.update({ where: { id: userId }, data: change.data, select: USER_FIELDS });
    await writeAudit(
      tx,
      { actorId: actor.id, actorLabel: actor.email },
      change.action,
      user,
      auditState(target),
      auditState(user),
    );
    if (change.endSessions) await endSessionsOf(tx, userId, change.endSessions);
    return { ok: true, user };
  }, WRITE_TRANSACTION);
}

/** The acting user and the authority they act with: an admin's over every account, or over one council's. */
async function authoriseAccountChange(
  actorId: number | null,
  input: unknown,
  scope: "national" | "council",
): Promise<
  | { ok: true; actor: { id: number; email: string; councilId: number | null }; authority: Authority }
  | { ok: false; errors: FieldError[] }
> {
  if (scope === "national") {
    const { authorise } = await actorModule();
    return { ok: true, actor: await authorise(actorId, "user:manage"), authority: NATIONAL };
  }
  const { actor, council } = await authoriseForCouncil(actorId, input);
  if (!council) return fail("form", NO_SUCH_COUNCIL);
  return { ok: true, actor, authority: { permission: "council-user:manage", council } };
}

const OWN_ACCOUNT_DEACTIVATION = {
  field: "form",
  message: "You cannot deactivate your own account. Ask another administrator to do it.",
};

function decideDeactivation(target: UserSummary): AccountChange {
  if (!target.active) return fail("form", `${target.email} is already deactivated`);
  return { action: "deactivate", data: { active: false, deactivatedAt: new Date() }, endSessions: "deactivated" };
}

export function changeUserRole(actorId: number | null, input: ChangeRoleInput): Promise<UserResult> {
  return changeAccount(
    actorId,
    input,
    changeRoleSchema,
    (target, { role }) =>
      target.role === role
        ? fail("role", `${target.email} is already an ${roleWord(role)}`)
        : isCouncilRole(role) !== isCouncilRole(target.role)
          ? // A council account belongs to its council (checked by the database): moving between DfE and a council
            // is a new account, so the history of each stays plain.
            fail(
              "role",
              isCouncilRole(role)
                ? `${target.email} is DfE staff: invite a council account for them instead, choosing its council`
                : `${target.email} is a council account: invite a DfE account for them instead`,
            )
          : // A new role applies to sessions started afterwards only: end the ones open now.
            { action: "role_change", data: { role }, endSessions: "role_changed" },
    { field: "role", message: "You cannot change your own role. Ask another administrator to do it." },
  );
}

/**
 * The first step of deactivating an account: the same checks as deactivateUser, writing nothing, so the page can ask
 * "are you sure?" about the account it names (one click on "Deactivate" used to lock a colleague out at once).
 */
export async function prepareDeactivation(actorId: number | null, input: UserRefInput): Promise<UserResult> {
  const { authorise } = await actorModule();
  const actor = await authorise(actorId, "user:manage");
  const parsed = userRefSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { userId } = parsed.data;
  if (userId === actor.id) return { ok: false, errors: [OWN_ACCOUNT_DEACTIVATION] };
  const target = await db().user.findUnique({ where: { id: userId }, select: USER_FIELDS });
  if (!target) return fail("form", NO_SUCH_USER);
  const refused = decideDeactivation(target);
  return "ok" in refused ? refused : { ok: true, user: target };
}

/** Accounts are deactivated, never deleted: the audit trail keeps pointing at them. Takes effect on the next request. */
export function deactivateUser(actorId: number | null, input: UserRefInput): Promise<UserResult> {
  return changeAccount(actorId, input, userRefSchema, decideDeactivation, OWN_ACCOUNT_DEACTIVATION);
}

function decideReactivation(target: UserSummary): AccountChange {
  return target.active
    ? fail("form", `${target.email} is already active`)
    : { action: "reactivate", data: { active: true, deactivatedAt: null } };
}

export function reactivateUser(actorId: number | null, input: UserRefInput): Promise<UserResult> {
  return changeAccount(actorId, input, userRefSchema, decideReactivation);
}

/**
 * An administrator lifts an account's sign-in lock-out: the failed attempts of clients we do not know, made before
 * now, count towards nothing. (Known devices are never locked out by others' guesses; decision 0013.)
 */
export function liftSignInLock(actorId: number | null, input: UserRefInput): Promise<UserResult> {
  return changeAccount(actorId, input, userRefSchema, decideLockLift);
}

function decideLockLift(): AccountChange {
  return { action: "sign_in_lock_lift", data: { signInLockLiftedAt: new Date() } };
}

export interface SignInLock {
  /** Failed attempts from clients we do not know that still count. */
  failures: number;
  /** When the lock-out ends by itself, if nothing more is tried. */
  until: Date;
}

/** The accounts whose unknown clients are locked out now, by account id: for the admin page. */
export async function signInLocks(actorId: number | null): Promise<Map<number, SignInLock>> {
  const { authorise } = await actorModule();
  await authorise(actorId, "user:manage");
  return lockedAccounts(null);
}

/** The same, for one council's accounts: for its accounts page (its council lead, or an admin). */
export async function councilSignInLocks(
  actorId: number | null,
  input: { council: string },
): Promise<Map<number, SignInLock>> {
  const { council } = await authoriseForCouncil(actorId, input);
  return council ? lockedAccounts(council.id) : new Map();
}

/** Locked-out accounts, every account's or (with a council) that council's only. */
async function lockedAccounts(councilId: number | null): Promise<Map<number, SignInLock>> {
  const { MAX_FAILURES_PER_ACCOUNT, WINDOW_MINUTES } = await signInModule();
  // The lock-out ends when the MAX_FAILURES_PER_ACCOUNT-th most recent counted failure leaves the window.
  const rows = await db().$queryRaw<Array<{ id: number; failures: number; until: Date }>>`
    SELECT u.id, count(*)::int AS failures,
           (array_agg(a.occurred_at ORDER BY a.occurred_at DESC))[${MAX_FAILURES_PER_ACCOUNT}::int]
             + make_interval(mins => ${WINDOW_MINUTES}::int) AS until
      FROM app_user u
      JOIN sign_in_attempt a ON a.email = u.email
     WHERE a.client_key IS NULL AND a.checked AND NOT a.succeeded
       ${councilId === null ? Prisma.empty : Prisma.sql`AND u.council_id = ${councilId}`}
       AND a.occurred_at >= greatest(now() - make_interval(mins => ${WINDOW_MINUTES}::int),
                                     coalesce(u.sign_in_lock_lifted_at, '-infinity'::timestamptz))
     GROUP BY u.id
    HAVING count(*) >= ${MAX_FAILURES_PER_ACCOUNT}::int`;
  return new Map(rows.map((r) => [r.id, { failures: r.failures, until: r.until }]));
}

/** A new one-time password (its hash) for an active account: the old password stops working, its sessions end. */
function decideReset(passwordHash: string) {
  return (target: UserSummary): AccountChange =>
    target.active
      ? {
          action: "password_reset",
          data: { passwordHash, mustChangePassword: true, oneTimePasswordExpiresAt: oneTimePasswordExpiry() },
          endSessions: "password_reset",
        }
      : fail("form", `Reactivate ${target.email} before resetting their password`);
}

/** Gives an account a new one-time password (the old password stops working); they choose their own at sign-in. */
export async function resetPassword(actorId: number | null, input: UserRefInput): Promise<OneTimePasswordResult> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword); // slow by design: outside the transaction
  const result = await changeAccount(actorId, input, userRefSchema, decideReset(passwordHash), {
    field: "form",
    message: "You cannot reset your own password here. Use 'Change your password' instead.",
  });
  return result.ok ? { ...result, oneTimePassword } : result;
}

// The council's own account management (decision 0017): the same changes, scoped to one council. The input names
// the council ({ council: slug or GSS code, userId }); a council lead may act only on its council's editors.

const OWN_COUNCIL_ACCOUNT = {
  field: "form",
  message: "You cannot change your own account here. Ask a DfE administrator, or use Change your password.",
};

/** The first step of deactivating one of a council's accounts: the same checks, writing nothing. */
export async function prepareCouncilDeactivation(
  actorId: number | null,
  input: CouncilUserRefInput,
): Promise<UserResult> {
  const { actor, council } = await authoriseForCouncil(actorId, input);
  if (!council) return fail("form", NO_SUCH_COUNCIL);
  const parsed = councilUserRefSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  if (parsed.data.userId === actor.id) return { ok: false, errors: [OWN_COUNCIL_ACCOUNT] };
  const target = await db().user.findUnique({ where: { id: parsed.data.userId }, select: USER_FIELDS });
  if (!target) return fail("form", NO_SUCH_USER);
  await refuseOutsideCouncil(actor, council, target);
  const refused = decideDeactivation(target);
  return "ok" in refused ? refused : { ok: true, user: target };
}

export function deactivateCouncilUser(actorId: number | null, input: CouncilUserRefInput): Promise<UserResult> {
  return changeAccount(actorId, input, councilUserRefSchema, decideDeactivation, OWN_COUNCIL_ACCOUNT, "council");
}

export function reactivateCouncilUser(actorId: number | null, input: CouncilUserRefInput): Promise<UserResult> {
  return changeAccount(actorId, input, councilUserRefSchema, decideReactivation, OWN_COUNCIL_ACCOUNT, "council");
}

export async function resetCouncilUserPassword(
  actorId: number | null,
  input: CouncilUserRefInput,
): Promise<OneTimePasswordResult> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword); // slow by design: outside the transaction
  const result = await changeAccount(
    actorId,
    input,
    councilUserRefSchema,
    decideReset(passwordHash),
    OWN_COUNCIL_ACCOUNT,
    "council",
  );
  return result.ok ? { ...result, oneTimePassword } : result;
}

/**
 * A council lead lifts the sign-in lock-out of one of its council's editors (an admin, of any of the council's
 * accounts): the same change as liftSignInLock, with the council's scope (refuseOutsideCouncil), never its own.
 */
export function liftCouncilSignInLock(actorId: number | null, input: CouncilUserRefInput): Promise<UserResult> {
  return changeAccount(actorId, input, councilUserRefSchema, decideLockLift, OWN_COUNCIL_ACCOUNT, "council");
}

/**
 * Any signed-in, active member of staff changes their own password (and must, after a one-time password).
 * Wrong current passwords count towards the same per-account limit as failed sign-ins, so a session left open
 * cannot be used to guess the password.
 */
export async function changeOwnPassword(
  userId: number | null,
  input: ChangePasswordInput,
  options: { keepSession?: string } = {},
): Promise<UserResult> {
  const { resolveActor, NotSignedInError } = await actorModule();
  const actor = await resolveActor(userId);
  if (!actor) throw new NotSignedInError();
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { currentPassword, newPassword } = parsed.data;

  const { MAX_FAILURES_PER_ACCOUNT, TOO_MANY_PASSWORD_CHECKS, WINDOW_MINUTES, accountLockKey, sessionClientKey } =
    await signInModule();
  const prisma = db();
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  // A session has a budget of wrong current passwords of its own (decision 0013), so guesses at the sign-in page
  // cannot stop the owner changing their password; without a session, the account's shared budget is used. Under
  // the same per-account lock as sign-in: checks sent in parallel queue up, and each sees the failures before it,
  // so no more guesses get checked than the limit allows.
  const clientKey = options.keepSession ? sessionClientKey(options.keepSession) : null;
  const checked = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${accountLockKey(actor.email)}))`;
    const failures = await tx.signInAttempt.count({
      where: { email: actor.email, clientKey, checked: true, succeeded: false, occurredAt: { gte: since } },
    });
    if (failures >= MAX_FAILURES_PER_ACCOUNT) {
      await tx.signInAttempt.create({
        data: { email: actor.email, ip: "password-change", clientKey, succeeded: false, checked: false },
      });
      return { ok: false as const, message: TOO_MANY_PASSWORD_CHECKS };
    }
    const stored = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
    const matches = stored.passwordHash !== null && (await verifyPassword(currentPassword, stored.passwordHash));
    if (!matches) {
      await tx.signInAttempt.create({
        data: { email: actor.email, ip: "password-change", clientKey, succeeded: false },
      });
      return { ok: false as const, message: "Your current password is incorrect" };
    }
    return { ok: true as const, stored };
  }, WRITE_TRANSACTION);
  if (!checked.ok) return fail("currentPassword", checked.message);
  const { stored } = checked;
  const passwordHash = await hashPassword(newPassword);

  return prisma.$transaction(async (tx): Promise<UserResult> => {
    await tx.$queryRaw`SELECT id FROM app_user WHERE id = ${actor.id} FOR UPDATE`;
    const now = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { ...USER_FIELDS, passwordHash: true },
    });
    if (!now.active) throw new NotSignedInError();
    // Reset by an admin (or changed in another tab) since we checked: the password typed is no longer current.
    if (now.passwordHash !== stored.passwordHash) return fail("currentPassword", "Your current password is incorrect");
    const { passwordHash: _previous, ...before } = now;
    const user = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, mustChangePassword: false, oneTimePasswordExpiresAt: null },
      select: USER_FIELDS,
    });
    await writeAudit(
      tx,
      { actorId: actor.id, actorLabel: actor.email },
      "password_change",
      user,
      auditState(before),
      auditState(user),
    );
    // Whoever knew the old password may be signed in elsewhere: every other session of the account ends.
    await endSessionsOf(tx, actor.id, "password_changed", { except: options.keepSession });
    return { ok: true, user };
  });
}

/**
 * Ends every session of an account: a member of staff's own ("sign out everywhere"), or anyone's, by an admin (a
 * lost laptop, someone leaving). Returns how many were ended.
 */
export async function signOutEverywhere(
  actorId: number | null,
  input: UserRefInput,
): Promise<{ ok: true; ended: number } | { ok: false; errors: FieldError[] }> {
  const { resolveActor, NotSignedInError, ForbiddenError } = await actorModule();
  const actor = await resolveActor(actorId);
  if (!actor) throw new NotSignedInError();
  const parsed = userRefSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { userId } = parsed.data;
  if (userId !== actor.id && !roleMay(actor.role, "user:manage")) throw new ForbiddenError();
  return db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!target) return fail("form", NO_SUCH_USER);
    const ended = await endSessionsOf(tx, userId, "signed_out_everywhere");
    // Recorded like every other account change: who ended whose sessions, and when.
    await writeAudit(
      tx,
      { actorId: actor.id, actorLabel: actor.email },
      "sign_out_everywhere",
      target,
      auditState(target),
      auditState(target),
    );
    return { ok: true as const, ended };
  }, WRITE_TRANSACTION);
}

/**
 * `npm start`: if the database has no accounts at all, creates the first admin with a one-time password and
 * returns it (to print once); otherwise returns null. Not authorised: only the start script calls it. A
 * transaction-scoped advisory lock makes two instances starting at once create one admin between them.
 */
export async function createFirstAdminIfNone(
  email?: string,
): Promise<{ email: string; oneTimePassword: string; expiresAt: Date } | null> {
  const prisma = db();
  if ((await prisma.user.count()) > 0) return null;
  const parsedEmail = emailSchema.safeParse(email ?? process.env.REFORM_TRACKER_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL);
  if (!parsedEmail.success) {
    throw new Error(
      `The first admin's email address is not valid (REFORM_TRACKER_ADMIN_EMAIL): ${parsedEmail.error.issues[0]?.message}`,
    );
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const created = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
    if ((await tx.user.count()) > 0) return null;
    const user = await tx.user.create({
      data: {
        email: parsedEmail.data,
        name: "Administrator",
        role: "admin",
        passwordHash,
        mustChangePassword: true,
        oneTimePasswordExpiresAt: oneTimePasswordExpiry(),
      },
      select: USER_FIELDS,
    });
    await writeAudit(tx, { actorId: null, actorLabel: "system" }, "create", user, null, auditState(user));
    return user;
  });
  return created ? { email: created.email, oneTimePassword, expiresAt: created.oneTimePasswordExpiresAt! } : null;
}

/** `npm run user:create`: whoever can run commands against the database can create accounts. */
export async function createUserFromCommandLine(input: InviteUserInput): Promise<OneTimePasswordResult> {
  const parsed = inviteUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const council = await councilOfNewAccount(parsed.data);
  if (!council.ok) return council;
  return createWithOneTimePassword(
    { ...parsed.data, councilId: council.councilId },
    { actorId: null, actorLabel: "command line" },
    "create",
  );
}
