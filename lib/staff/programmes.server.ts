import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, WRITE_TRANSACTION } from "@/lib/db/client.server";
import { authorise, type Actor } from "@/lib/auth/actor.server";
import { programmeStateOf, type ProgrammeState } from "@/lib/audit/records";
import { recordAuditEvent } from "@/lib/audit/trail.server";
import { formatDay } from "@/lib/dates";
import { type FieldError, zodFieldErrors } from "@/lib/validations/milestone-update";
import {
  addProgrammeCouncilSchema,
  endProgrammeCouncilSchema,
  newProgrammeSchema,
  programmeDetailsSchema,
  programmeMilestonesSchema,
} from "@/lib/validations/programmes";
import type { EditResult } from "@/lib/staff/action-result";

// Staff writes to national programmes (issue 15, item 2): record one, change its details, link its milestones, add a
// council's participation and end it. Each is authorised against the database, validated with zod, and written with
// its audit event ("programme", the full state before and after) in one transaction; a refusal rolls the whole
// transaction back, so it changes nothing. Every change to an existing programme carries the version the form was
// opened at: a stale one is refused, as for milestones.

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const dayOrNull = (d: string | null) => (d ? day(d) : null);

const WITH_LINKS = {
  milestones: { select: { milestone: { select: { code: true } } } },
  councils: { select: { council: { select: { gssCode: true } }, fromDate: true, untilDate: true } },
} as const;

/** Thrown inside a write's transaction to refuse it: the transaction rolls back and the errors go to the form. */
class Refusal extends Error {
  constructor(readonly errors: FieldError[]) {
    super("refused");
  }
}
const refuse = (field: string, message: string): never => {
  throw new Refusal([{ field, message }]);
};

async function refusalsToResult<T>(write: () => Promise<T>): Promise<EditResult<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors };
    throw error;
  }
}

export const STALE_PROGRAMME_MESSAGE =
  "Someone else changed this programme after you opened it, so nothing was saved. Reload the page to see their change.";

const withoutVersion = ({ version: _version, ...rest }: ProgrammeState) => JSON.stringify(rest);

/** Locks the programme, checks the version, applies `change`, and audits the states before and after it. */
async function changeProgramme(
  actor: Actor,
  target: { programme: string; version: number; reason: string },
  change: (tx: Prisma.TransactionClient, programmeId: number, before: ProgrammeState) => Promise<void>,
): Promise<EditResult<{ slug: string; version: number }>> {
  return refusalsToResult(() =>
    db().$transaction(async (tx) => {
      const locked = await tx.$queryRaw<
        Array<{ id: number }>
      >`SELECT id FROM programme WHERE slug = ${target.programme} FOR UPDATE`;
      const id = locked[0]?.id ?? refuse("form", "This programme does not exist");
      const before = programmeStateOf(await tx.programme.findUniqueOrThrow({ where: { id }, include: WITH_LINKS }));
      if (before.version !== target.version) refuse("form", STALE_PROGRAMME_MESSAGE);
      await change(tx, id, before);
      const saved = await tx.programme.update({
        where: { id },
        data: { version: { increment: 1 } },
        include: WITH_LINKS,
      });
      const after = programmeStateOf(saved);
      if (withoutVersion(after) === withoutVersion(before)) refuse("form", "You have not changed anything");
      await recordAuditEvent(tx, {
        actor: { id: actor.id, label: actor.email },
        action: "update",
        entityType: "programme",
        entityId: id,
        entityCode: saved.slug,
        before,
        after,
        reason: target.reason,
      });
      return { slug: saved.slug, version: saved.version };
    }, WRITE_TRANSACTION),
  );
}

/** The ids of milestones by code, refusing unknown codes by name. */
async function milestoneIds(tx: Prisma.TransactionClient, codes: string[]): Promise<number[]> {
  const unique = [...new Set(codes)];
  const rows = await tx.milestone.findMany({ where: { code: { in: unique } }, select: { id: true, code: true } });
  const unknown = unique.filter((c) => !rows.some((r) => r.code === c));
  if (unknown.length) refuse("milestones", `No milestone has the code ${unknown.join(", ")}`);
  return rows.map((r) => r.id);
}

/** Records a new programme, with the milestones it delivers; its councils are added on its own page. */
export async function addProgramme(userId: number | null, input: unknown): Promise<EditResult<{ slug: string }>> {
  const actor = await authorise(userId, "programme:manage");
  const parsed = newProgrammeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const p = parsed.data;
  return refusalsToResult(() =>
    db().$transaction(async (tx) => {
      // Serialise on the slug: two staff recording the same programme at once must not both succeed.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`programme:${p.slug}`}))`;
      if (await tx.programme.findUnique({ where: { slug: p.slug }, select: { id: true } }))
        refuse("slug", `A programme already has the web address ${p.slug}: choose another`);
      const created = await tx.programme.create({
        data: {
          slug: p.slug,
          name: p.name,
          description: p.description,
          startedOn: dayOrNull(p.startedOn),
          endedOn: dayOrNull(p.endedOn),
        },
        include: WITH_LINKS,
      });
      await recordAuditEvent(tx, {
        actor: { id: actor.id, label: actor.email },
        action: "create",
        entityType: "programme",
        entityId: created.id,
        entityCode: created.slug,
        after: programmeStateOf(created),
        reason: p.reason,
      });
      return { slug: created.slug };
    }, WRITE_TRANSACTION),
  );
}

/** Changes a programme's name, description and dates. Its web address stays: links to it must keep working. */
export async function updateProgrammeDetails(userId: number | null, input: unknown) {
  const actor = await authorise(userId, "programme:manage");
  const parsed = programmeDetailsSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, errors: zodFieldErrors(parsed.error) };
  const p = parsed.data;
  return changeProgramme(actor, p, async (tx, id) => {
    await tx.programme.update({
      where: { id },
      data: {
        name: p.name,
        description: p.description,
        startedOn: dayOrNull(p.startedOn),
        endedOn: dayOrNull(p.endedOn),
      },
    });
  });
}

/** Sets the national milestones a programme delivers (the whole list: codes left out are unlinked). */
export async function setProgrammeMilestones(userId: number | null, input: unknown) {
  const actor = await authorise(userId, "programme:manage");
  const parsed = programmeMilestonesSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, errors: zodFieldErrors(parsed.error) };
  const p = parsed.data;
  return changeProgramme(actor, p, async (tx, id) => {
    const ids = await milestoneIds(tx, p.milestones);
    await tx.programmeMilestone.deleteMany({ where: { programmeId: id } });
    await tx.programmeMilestone.createMany({ data: ids.map((milestoneId) => ({ programmeId: id, milestoneId })) });
  });
}

/** Adds a council's participation from a day (and until a day, when it is already known). Spells may not overlap. */
export async function addProgrammeCouncil(userId: number | null, input: unknown) {
  const actor = await authorise(userId, "programme:manage");
  const parsed = addProgrammeCouncilSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, errors: zodFieldErrors(parsed.error) };
  const c = parsed.data;
  return changeProgramme(actor, c, async (tx, id) => {
    const key = c.council;
    const council =
      (await tx.council.findUnique({
        where: /^e\d{8}$/i.test(key) ? { gssCode: key.toUpperCase() } : { slug: key.toLowerCase() },
        select: { id: true, name: true },
      })) ?? refuse("council", `No council has the web address name or GSS code ${key}`);
    const spells = await tx.programmeCouncil.findMany({ where: { programmeId: id, councilId: council.id } });
    const overlapping = spells.find(
      (s) => (s.untilDate === null || s.untilDate >= day(c.from)) && (c.until === null || s.fromDate <= day(c.until)),
    );
    if (overlapping)
      refuse(
        "from",
        `${council.name} already takes part from ${formatDay(overlapping.fromDate.toISOString().slice(0, 10))}` +
          (overlapping.untilDate ? ` until ${formatDay(overlapping.untilDate.toISOString().slice(0, 10))}` : "") +
          ": a new spell must start after that one ends",
      );
    await tx.programmeCouncil.create({
      data: { programmeId: id, councilId: council.id, fromDate: day(c.from), untilDate: dayOrNull(c.until) },
    });
  });
}

/** Ends a council's current spell in a programme on a day. */
export async function endProgrammeCouncil(userId: number | null, input: unknown) {
  const actor = await authorise(userId, "programme:manage");
  const parsed = endProgrammeCouncilSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, errors: zodFieldErrors(parsed.error) };
  const c = parsed.data;
  return changeProgramme(actor, c, async (tx, id) => {
    const spell = await tx.programmeCouncil.findFirst({
      where: { programmeId: id, council: { gssCode: c.council }, fromDate: day(c.from) },
    });
    if (!spell) refuse("form", "This council's participation was not found: reload the page");
    if (spell!.untilDate) refuse("form", "This council's participation has already ended: reload the page");
    await tx.programmeCouncil.update({ where: { id: spell!.id }, data: { untilDate: day(c.until) } });
  });
}
