// No "server-only" here: `npm start`, `npm run user:create` and the benchmark run the writers in plain Node.
import type { Prisma } from "@/lib/generated/prisma/client";
import { shapeProblem, type AuditEventInput } from "@/lib/audit/records";

// The one writer of the audit trail. Every change to an audited record (the staff form, the CSV import, staff
// additions and reclassifications, account management, the source-data load, the benchmark's generated data) is
// written by it, inside the caller's transaction, after its shape is checked against lib/audit/records.ts.

/** The row for an event, checked: an event of the wrong shape is a bug in its writer, so it throws. */
export function auditEventRow(event: AuditEventInput): Prisma.AuditEventCreateManyInput {
  const problem = shapeProblem(event);
  if (problem) throw new Error(`Refusing to write an audit event of the wrong shape: ${problem}`);
  return {
    ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
    actorId: event.actor.id,
    actorLabel: event.actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    entityCode: event.entityCode,
    before: (event.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (event.after ?? undefined) as Prisma.InputJsonValue | undefined,
    reason: event.reason ?? null,
  };
}

/** Writes one event in the caller's transaction. */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: auditEventRow(event) });
}

/** Writes many events in one statement (the source-data load). */
export async function recordAuditEvents(tx: Prisma.TransactionClient, events: AuditEventInput[]): Promise<void> {
  if (events.length) await tx.auditEvent.createMany({ data: events.map(auditEventRow) });
}
