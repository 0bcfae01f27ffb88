import "server-only";
import { db, WRITE_TRANSACTION } from "@/lib/db/client.server";
import { authorise } from "@/lib/auth/actor.server";
import { zodFieldErrors } from "@/lib/validations/milestone-update";
import { reclassifySchema } from "@/lib/validations/staff-edits";
import { recommendationStateOf } from "@/lib/audit/records";
import { recordAuditEvent } from "@/lib/audit/trail.server";
import type { EditResult } from "@/lib/staff/action-result";

/** Corrects how a recommendation's response is classified; audited, with the reason. */
/** `input` is whatever the form or request sent: it is validated here. */
export async function reclassifyRecommendation(
  userId: number | null,
  input: unknown,
): Promise<EditResult<{ code: string; version: number }>> {
  const actor = await authorise(userId, "recommendation:reclassify");
  const parsed = reclassifySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const change = parsed.data;
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      Array<{ id: number }>
    >`SELECT id FROM recommendation WHERE code = ${change.code} FOR UPDATE`;
    const id = locked[0]?.id;
    if (!id) return { ok: false, errors: [{ field: "form", message: "This recommendation does not exist" }] };
    const r = await tx.recommendation.findUniqueOrThrow({ where: { id } });
    if (r.version !== change.version) {
      return {
        ok: false,
        errors: [
          {
            field: "form",
            message:
              "Someone else changed this recommendation after you opened it. Reload the page to see their change.",
          },
        ],
      };
    }
    if (r.responseClass === change.responseClass && r.responseRationale === change.rationale) {
      return { ok: false, errors: [{ field: "form", message: "You have not changed anything" }] };
    }
    const saved = await tx.recommendation.update({
      where: { id },
      data: { responseClass: change.responseClass, responseRationale: change.rationale, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actor: { id: actor.id, label: actor.email },
      action: "reclassify",
      entityType: "recommendation",
      entityId: id,
      entityCode: r.code,
      before: recommendationStateOf(r),
      after: recommendationStateOf(saved),
      reason: change.reason,
    });
    return { ok: true, value: { code: saved.code, version: saved.version } };
  }, WRITE_TRANSACTION);
}
