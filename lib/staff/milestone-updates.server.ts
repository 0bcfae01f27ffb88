import "server-only";
import { db, WRITE_TRANSACTION } from "@/lib/db/client.server";
import { authorise } from "@/lib/auth/actor.server";
import { todayInLondon, toIsoDay } from "@/lib/dates";
import { describeChanges, type HistoryChange } from "@/lib/audit/describe";
import { milestoneStateOf, sameState, upgradeState, type MilestoneState } from "@/lib/audit/records";
import { recordAuditEvent } from "@/lib/audit/trail.server";
import { plannedDate } from "@/lib/reform/planned-date";
import {
  milestoneUpdateSchema,
  STATUSES_NEEDING_REASON,
  zodFieldErrors,
  type FieldError,
  type MilestoneUpdate,
} from "@/lib/validations/milestone-update";
import type { Prisma } from "@/lib/generated/prisma/client";

export type { MilestoneState } from "@/lib/audit/records";

export type UpdateResult =
  | { ok: true; state: MilestoneState }
  | { ok: false; kind: "invalid"; errors: FieldError[] }
  | { ok: false; kind: "not_found"; errors: FieldError[] }
  | {
      ok: false;
      kind: "conflict";
      errors: FieldError[];
      current: MilestoneState;
      theirChanges: Array<{ occurredAt: string; changes: HistoryChange[]; reason: string | null }>;
    };

/**
 * The rules that depend on the milestone as it is now, besides the field rules of the schema. A council's local
 * action follows the same rules (issue 15: "the same concurrency rule", a reason when it slips or goes at risk).
 */
export function checkAgainstCurrent(
  update: Pick<MilestoneUpdate, "status" | "forecastDate" | "actualDate" | "reason">,
  current: Pick<MilestoneState, "status" | "forecastDate"> & { dueDate: string },
  today: string,
  noun: "milestone" | "local action" = "milestone",
): FieldError[] {
  const errors: FieldError[] = [];
  if (update.actualDate && update.actualDate > today) {
    errors.push({ field: "actualDate", message: "Actual completion date must be today or in the past" });
  }
  if (update.status === "complete" && !update.actualDate) {
    errors.push({ field: "actualDate", message: `Enter the actual completion date of a complete ${noun}` });
  }
  if (update.actualDate && update.status !== "complete") {
    errors.push({ field: "status", message: "Set the status to Complete when you give an actual completion date" });
  }
  const currentPlanned = plannedDate(current);
  const slipped =
    update.forecastDate !== null &&
    update.forecastDate > currentPlanned &&
    update.forecastDate !== current.forecastDate;
  const worsened =
    (STATUSES_NEEDING_REASON as readonly string[]).includes(update.status) && update.status !== current.status;
  if ((slipped || worsened) && !update.reason) {
    errors.push({
      field: "reason",
      message: slipped
        ? "Enter the reason the forecast date has moved later"
        : `Enter the reason the ${noun} is now at risk, delayed or superseded`,
    });
  }
  return errors;
}

/**
 * Writes one milestone's new state and its audit event (before, after, reason), inside the caller's transaction.
 * The one place a milestone update is written: the form and the CSV import both use it.
 */
export async function writeMilestoneUpdate(
  tx: Prisma.TransactionClient,
  actor: { id: number; email: string },
  change: {
    id: number;
    code: string;
    current: MilestoneState;
    next: Omit<MilestoneState, "version">;
    reason: string | null;
  },
): Promise<MilestoneState> {
  const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  const { next } = change;
  const saved = await tx.milestone.update({
    where: { id: change.id },
    data: {
      status: next.status,
      forecastDate: day(next.forecastDate),
      actualDate: day(next.actualDate),
      commentary: next.commentary,
      version: { increment: 1 },
      evidence: {
        deleteMany: {},
        create: next.evidence.map((e, i) => ({ position: i + 1, title: e.title, url: e.url })),
      },
    },
    include: { evidence: { orderBy: { position: "asc" } } },
  });
  const after = milestoneStateOf(saved);
  await recordAuditEvent(tx, {
    actor: { id: actor.id, label: actor.email },
    action: "update",
    entityType: "milestone",
    entityId: change.id,
    entityCode: change.code,
    before: change.current,
    after,
    reason: change.reason,
  });
  return after;
}

/**
 * Saves a staff member's update of a milestone and its audit record in one transaction. The row is locked and
 * its version compared with the version the editor started from: if someone saved in between, nothing is
 * written and the editor is shown what the other person changed.
 */
export async function recordMilestoneUpdate(
  userId: number | null,
  input: unknown,
  options: { today?: string } = {},
): Promise<UpdateResult> {
  const actor = await authorise(userId, "milestone:update");
  const parsed = milestoneUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, kind: "invalid", errors: zodFieldErrors(parsed.error) };
  const update = parsed.data;
  const today = options.today ?? todayInLondon();

  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      Array<{ id: number }>
    >`SELECT id FROM milestone WHERE code = ${update.code} FOR UPDATE`;
    const id = locked[0]?.id;
    if (!id)
      return {
        ok: false,
        kind: "not_found",
        errors: [{ field: "form", message: "This milestone does not exist" }],
      } as const;
    const m = await tx.milestone.findUniqueOrThrow({
      where: { id },
      include: { evidence: { orderBy: { position: "asc" } } },
    });
    const current = milestoneStateOf(m);

    if (m.version !== update.version) {
      const events = await tx.auditEvent.findMany({
        where: { entityType: "milestone", entityId: id, action: "update", actorId: { not: null } },
        orderBy: { id: "asc" },
      });
      const theirs = events.filter((e) => upgradeState("milestone", e.after).version > update.version);
      return {
        ok: false,
        kind: "conflict",
        errors: [
          {
            field: "form",
            message:
              "Someone else saved this milestone after you opened it. Your changes have not been saved. Check their changes below, then make yours again.",
          },
        ],
        current,
        theirChanges: theirs.map((e) => ({
          occurredAt: e.occurredAt.toISOString(),
          changes: describeChanges(e.before, e.after),
          reason: e.reason,
        })),
      } as const;
    }

    const errors = checkAgainstCurrent(update, { ...current, dueDate: toIsoDay(m.dueDate)! }, today);
    if (errors.length) return { ok: false, kind: "invalid", errors } as const;
    const next = {
      status: update.status,
      forecastDate: update.forecastDate,
      actualDate: update.actualDate,
      commentary: update.commentary,
      evidence: update.evidence,
    };
    if (sameState(current, next)) {
      return {
        ok: false,
        kind: "invalid",
        errors: [{ field: "form", message: "You have not changed anything" }],
      } as const;
    }

    const after = await writeMilestoneUpdate(tx, actor, { id, code: m.code, current, next, reason: update.reason });
    return { ok: true, state: after } as const;
  }, WRITE_TRANSACTION);
}
