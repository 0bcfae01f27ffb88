import "server-only";
import { db, WRITE_TRANSACTION } from "@/lib/db/client.server";
import { authorise } from "@/lib/auth/actor.server";
import { zodFieldErrors } from "@/lib/validations/milestone-update";
import { newMilestoneSchema } from "@/lib/validations/staff-edits";
import { ADVISORY_LOCKS } from "@/lib/db/locks";
import { milestoneStateOf } from "@/lib/audit/records";
import { recordAuditEvent } from "@/lib/audit/trail.server";
import type { EditResult } from "@/lib/staff/action-result";

/** Adds a milestone (for example for a later phase) with its links; its code is the next free M-number. */
export async function addMilestone(userId: number | null, input: unknown): Promise<EditResult<{ code: string }>> {
  const actor = await authorise(userId, "milestone:create");
  const parsed = newMilestoneSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const m = parsed.data;
  return db().$transaction(async (tx) => {
    const codes = [...new Set(m.recommendations)];
    const recommendations = await tx.recommendation.findMany({
      where: { code: { in: codes } },
      select: { id: true, code: true },
    });
    const unknown = codes.filter((c) => !recommendations.some((r) => r.code === c));
    if (unknown.length)
      return {
        ok: false,
        errors: [{ field: "recommendations", message: `No recommendation has the code ${unknown.join(", ")}` }],
      };
    const pillars = await tx.pillar.findMany({ where: { number: { in: m.pillars } } });
    const outcomes = await tx.outcome.findMany({ where: { number: { in: m.outcomes } } });

    // Serialise code allocation: two staff adding milestones at once must not both take the same number.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.milestoneCodes})`;
    const [row] = await tx.$queryRaw<Array<{ next: number }>>`
      SELECT COALESCE(MAX(CAST(substring(code FROM 3) AS int)), 0) + 1 AS next FROM milestone WHERE code ~ '^M-[0-9]+$'`;
    const code = `M-${String(row?.next ?? 1).padStart(2, "0")}`;
    const created = await tx.milestone.create({
      data: {
        code,
        group: m.group,
        activity: m.activity,
        title: m.title,
        dueDate: new Date(`${m.dueDate}T00:00:00Z`),
        pillars: { create: pillars.map((p) => ({ pillarId: p.id })) },
        outcomes: { create: outcomes.map((o) => ({ outcomeId: o.id })) },
        recommendations: { create: recommendations.map((r) => ({ recommendationId: r.id })) },
      },
    });
    await recordAuditEvent(tx, {
      actor: { id: actor.id, label: actor.email },
      action: "create",
      entityType: "milestone",
      entityId: created.id,
      entityCode: code,
      after: {
        ...milestoneStateOf({ ...created, evidence: [] }),
        dueDate: m.dueDate,
        title: m.title,
        group: m.group,
        activity: m.activity,
        pillars: m.pillars,
        outcomes: m.outcomes,
        recommendations: codes,
      },
      reason: m.reason,
    });
    return { ok: true, value: { code } };
  }, WRITE_TRANSACTION);
}
