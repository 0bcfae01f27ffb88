import "server-only";
import { db, WRITE_TRANSACTION } from "@/lib/db/client.server";
import { authorise } from "@/lib/auth/actor.server";
import { todayInLondon } from "@/lib/dates";
import { describeChanges, type HistoryChange } from "@/lib/audit/describe";
import { sameState, upgradeState, type LocalActionState } from "@/lib/audit/records";
import { checkAgainstCurrent } from "@/lib/staff/milestone-updates.server";
import { zodFieldErrors, type FieldError } from "@/lib/validations/milestone-update";
import { localActionUpdateSchema, newLocalActionSchema } from "@/lib/validations/local-action";
import { localActionStateOf } from "@/lib/audit/records";
import {
  applyLocalActionUpdate,
  insertLocalAction,
  LOCAL_ACTION_INCLUDE,
  localActionEntityCode,
  type LocalActionFields,
} from "@/lib/local-actions/record";

// A council's writes of its local actions (issue 15, item 3), for the council forms and the CSV import: the council
// is found, the user authorised for it (a council account only for its own council, decision 0017), the input
// validated, and the change written with its audit event in one transaction. An update follows the milestone's
// concurrency rule: the row is locked and its version compared with the one the editor started from.

export type LocalActionResult =
  | { ok: true; code: string; state: LocalActionState }
  | { ok: false; kind: "invalid" | "not_found"; errors: FieldError[] }
  | {
      ok: false;
      kind: "conflict";
      errors: FieldError[];
      current: LocalActionState;
      theirChanges: Array<{ occurredAt: string; changes: HistoryChange[]; reason: string | null }>;
    };

const NO_SUCH_COUNCIL: FieldError[] = [{ field: "form", message: "This council does not exist" }];

/**
 * The user, authorised to write the local actions of the council the input names (by slug or GSS code), and that
 * council. A council that does not exist is nobody's own: a council account is refused, an admin told it is unknown.
 */
async function authoriseFor(userId: number | null, input: unknown) {
  const key = typeof input === "object" && input !== null ? (input as { council?: unknown }).council : undefined;
  const trimmed = typeof key === "string" ? key.trim() : "";
  const council = /^e\d{8}$/i.test(trimmed)
    ? await db().council.findUnique({ where: { gssCode: trimmed.toUpperCase() } })
    : /^[a-z0-9]+(-[a-z0-9]+)*$/i.test(trimmed) && trimmed.length <= 100
      ? await db().council.findUnique({ where: { slug: trimmed.toLowerCase() } })
      : null;
  const actor = await authorise(userId, "local-action:write", council ? { councilId: council.id } : undefined);
  return { actor, council };
}

function fieldsOf(input: LocalActionFields): LocalActionFields {
  return {
    title: input.title,
    description: input.description,
    leadRole: input.leadRole,
    status: input.status,
    dueDate: input.dueDate,
    forecastDate: input.forecastDate,
    actualDate: input.actualDate,
    commentary: input.commentary,
    evidence: input.evidence,
    milestones: [...input.milestones].sort(byCode),
    recommendations: [...input.recommendations].sort(byCode),
    commitments: [...input.commitments].sort(byCode),
  };
}
const byCode = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** Adds a local action to the council the input names. */
export async function addLocalAction(
  userId: number | null,
  input: unknown,
  options: { today?: string } = {},
): Promise<LocalActionResult> {
  const { actor, council } = await authoriseFor(userId, input);
  if (!council) return { ok: false, kind: "not_found", errors: NO_SUCH_COUNCIL };
  const parsed = newLocalActionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, kind: "invalid", errors: zodFieldErrors(parsed.error) };
  if (council.endedOn)
    return {
      ok: false,
      kind: "invalid",
      errors: [
        { field: "form", message: `${council.name} has ended: add the action to its successor council instead` },
      ],
    };
  const fields = fieldsOf(parsed.data);
  const today = options.today ?? todayInLondon();
  const errors = checkAgainstCurrent(
    parsed.data,
    { status: "not_yet_assessed", forecastDate: null, dueDate: fields.dueDate },
    today,
    "local action",
  );
  if (errors.length) return { ok: false, kind: "invalid", errors };

  return db().$transaction(async (tx) => {
    const saved = await insertLocalAction(
      tx,
      { id: actor.id, label: actor.email },
      council,
      fields,
      parsed.data.reason,
    );
    return saved.ok ? { ...saved } : { ok: false, kind: "invalid", errors: saved.errors };
  }, WRITE_TRANSACTION);
}

/** Saves a change to one of a council's local actions, if nobody saved it since the editor opened it. */
export async function updateLocalAction(
  userId: number | null,
  input: unknown,
  options: { today?: string } = {},
): Promise<LocalActionResult> {
  const { actor, council } = await authoriseFor(userId, input);
  if (!council) return { ok: false, kind: "not_found", errors: NO_SUCH_COUNCIL };
  const parsed = localActionUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, kind: "invalid", errors: zodFieldErrors(parsed.error) };
  const update = parsed.data;
  const number = Number(update.code.slice(3));
  const today = options.today ?? todayInLondon();

  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: number }>>`
      SELECT id FROM local_action WHERE council_id = ${council.id} AND number = ${number} FOR UPDATE`;
    const id = locked[0]?.id;
    if (!id)
      return {
        ok: false,
        kind: "not_found",
        errors: [{ field: "form", message: `${council.name} has no local action ${update.code}` }],
      } as const;
    const row = await tx.localAction.findUniqueOrThrow({ where: { id }, include: LOCAL_ACTION_INCLUDE });
    const current = localActionStateOf(row);

    if (row.version !== update.version) {
      const events = await tx.auditEvent.findMany({
        where: { entityType: "local_action", entityId: id, action: "update" },
        orderBy: { id: "asc" },
      });
      const theirs = events.filter((e) => upgradeState("local_action", e.after).version > update.version);
      return {
        ok: false,
        kind: "conflict",
        errors: [
          {
            field: "form",
            message:
              "Someone else saved this local action after you opened it. Your changes have not been saved. Check their changes below, then make yours again.",
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

    const next = fieldsOf({ ...update, dueDate: current.dueDate });
    const errors = checkAgainstCurrent(update, current, today, "local action");
    if (errors.length) return { ok: false, kind: "invalid", errors } as const;
    if (sameState<LocalActionState>(current, next))
      return {
        ok: false,
        kind: "invalid",
        errors: [{ field: "form", message: "You have not changed anything" }],
      } as const;

    const saved = await applyLocalActionUpdate(
      tx,
      { id: actor.id, label: actor.email },
      { id, entityCode: localActionEntityCode(council.gssCode, number), current, next, reason: update.reason },
    );
    return saved.ok
      ? ({ ok: true, code: update.code, state: saved.state } as const)
      : ({ ok: false, kind: "invalid", errors: saved.errors } as const);
  }, WRITE_TRANSACTION);
}
