// No "server-only" here: the benchmark's generator writes local actions through these in plain Node.
import type { Prisma } from "@/lib/generated/prisma/client";
import { localActionStateOf, type LocalActionState } from "@/lib/audit/records";
import { recordAuditEvent } from "@/lib/audit/trail.server";
import type { FieldError } from "@/lib/validations/milestone-update";

// The one writer of a council's local actions (issue 15, item 3): every path (the council forms, the CSV import, the
// benchmark's generator) writes a local action and its audit event through these, inside the caller's transaction.
// Authorisation, validation and the version check are the callers' (lib/local-actions/writes.server.ts).

type Tx = Prisma.TransactionClient;
export type LocalActionFields = Omit<LocalActionState, "version">;
export type AuditActor = { id: number | null; label: string };

export const LOCAL_ACTION_INCLUDE = {
  evidence: { orderBy: { position: "asc" } },
  milestones: { select: { milestone: { select: { code: true } } } },
  recommendations: { select: { recommendation: { select: { code: true } } } },
  commitments: { select: { commitment: { select: { code: true } } } },
} as const satisfies Prisma.LocalActionInclude;

/** The public code of a council's nth local action, and its code in the audit trail (unique across councils). */
export const localActionCode = (number: number) => `LA-${number}`;
export const localActionEntityCode = (gssCode: string, number: number) => `${gssCode}/LA-${number}`;

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** The row ids of the national items named by code, or an error for each code that names nothing. */
export async function resolveNationalItems(
  tx: Tx,
  items: Pick<LocalActionFields, "milestones" | "recommendations" | "commitments">,
): Promise<
  | { ok: true; ids: { milestones: number[]; recommendations: number[]; commitments: number[] } }
  | { ok: false; errors: FieldError[] }
> {
  const [milestones, recommendations, commitments] = await Promise.all([
    tx.milestone.findMany({ where: { code: { in: items.milestones } }, select: { id: true, code: true } }),
    tx.recommendation.findMany({ where: { code: { in: items.recommendations } }, select: { id: true, code: true } }),
    tx.outcomeCommitment.findMany({ where: { code: { in: items.commitments } }, select: { id: true, code: true } }),
  ]);
  const errors: FieldError[] = [];
  const missing = (field: string, label: string, wanted: string[], found: Array<{ code: string }>) => {
    const known = new Set(found.map((f) => f.code));
    const unknown = wanted.filter((c) => !known.has(c));
    if (unknown.length) errors.push({ field, message: `There is no ${label} ${unknown.join(", ")}` });
  };
  missing("milestones", "national milestone", items.milestones, milestones);
  missing("recommendations", "recommendation", items.recommendations, recommendations);
  missing("commitments", "Annex 1 action", items.commitments, commitments);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    ids: {
      milestones: milestones.map((m) => m.id),
      recommendations: recommendations.map((r) => r.id),
      commitments: commitments.map((c) => c.id),
    },
  };
}

function rowData(
  fields: LocalActionFields,
  ids: { milestones: number[]; recommendations: number[]; commitments: number[] },
) {
  return {
    title: fields.title,
    description: fields.description,
    leadRole: fields.leadRole,
    status: fields.status,
    forecastDate: day(fields.forecastDate),
    actualDate: day(fields.actualDate),
    commentary: fields.commentary,
    evidence: { create: fields.evidence.map((e, i) => ({ position: i + 1, title: e.title, url: e.url })) },
    milestones: { create: ids.milestones.map((milestoneId) => ({ milestoneId })) },
    recommendations: { create: ids.recommendations.map((recommendationId) => ({ recommendationId })) },
    commitments: { create: ids.commitments.map((commitmentId) => ({ commitmentId })) },
  };
}

/**
 * Adds a local action to a council, numbered after its last one, with its "create" event. The council's row is
 * locked first, so two additions at once get different numbers.
 */
export async function insertLocalAction(
  tx: Tx,
  actor: AuditActor,
  council: { id: number; gssCode: string },
  fields: LocalActionFields,
  reason: string | null,
  options: { occurredAt?: Date } = {},
): Promise<{ ok: true; code: string; state: LocalActionState } | { ok: false; errors: FieldError[] }> {
  const resolved = await resolveNationalItems(tx, fields);
  if (!resolved.ok) return resolved;
  await tx.$queryRaw`SELECT id FROM council WHERE id = ${council.id} FOR UPDATE`;
  const last = await tx.localAction.aggregate({ where: { councilId: council.id }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const saved = await tx.localAction.create({
    data: { councilId: council.id, number, dueDate: day(fields.dueDate)!, ...rowData(fields, resolved.ids) },
    include: LOCAL_ACTION_INCLUDE,
  });
  const state = localActionStateOf(saved);
  await recordAuditEvent(tx, {
    actor,
    action: "create",
    entityType: "local_action",
    entityId: saved.id,
    entityCode: localActionEntityCode(council.gssCode, number),
    after: state,
    reason,
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
  });
  return { ok: true, code: localActionCode(number), state };
}

/** Writes a local action's new state (its due date never moves) and its "update" event. */
export async function applyLocalActionUpdate(
  tx: Tx,
  actor: AuditActor,
  change: { id: number; entityCode: string; current: LocalActionState; next: LocalActionFields; reason: string | null },
  options: { occurredAt?: Date } = {},
): Promise<{ ok: true; state: LocalActionState } | { ok: false; errors: FieldError[] }> {
  const resolved = await resolveNationalItems(tx, change.next);
  if (!resolved.ok) return resolved;
  const data = rowData(change.next, resolved.ids);
  const saved = await tx.localAction.update({
    where: { id: change.id },
    data: {
      ...data,
      // Links and evidence are replaced whole: the state says all of them.
      evidence: { deleteMany: {}, ...data.evidence },
      milestones: { deleteMany: {}, ...data.milestones },
      recommendations: { deleteMany: {}, ...data.recommendations },
      commitments: { deleteMany: {}, ...data.commitments },
      version: { increment: 1 },
    },
    include: LOCAL_ACTION_INCLUDE,
  });
  const state = localActionStateOf(saved);
  await recordAuditEvent(tx, {
    actor,
    action: "update",
    entityType: "local_action",
    entityId: change.id,
    entityCode: change.entityCode,
    before: change.current,
    after: state,
    reason: change.reason,
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
  });
  return { ok: true, state };
}
