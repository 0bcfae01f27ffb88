import "server-only";
import { db } from "@/lib/db/client.server";
import { localActionStateOf, type LocalActionState } from "@/lib/audit/records";
import { LOCAL_ACTION_INCLUDE, localActionCode } from "@/lib/local-actions/record";
import { LOCAL_ACTION_CODE } from "@/lib/reform/codes";

// What the council staff pages read of a council's local actions (decision 0017): each action as it is now, in the
// shape its form edits and its audit events record. The public reads are lib/local-actions' public modules.

export interface StaffLocalAction {
  /** The row's id: what its audit events name (staffHistory). */
  id: number;
  code: string;
  state: LocalActionState;
}

/** A council's local actions, in the order they were added (LA-1, LA-2, ...). */
export async function listCouncilLocalActions(councilId: number): Promise<StaffLocalAction[]> {
  const rows = await db().localAction.findMany({
    where: { councilId },
    include: LOCAL_ACTION_INCLUDE,
    orderBy: { number: "asc" },
  });
  return rows.map((row) => ({ id: row.id, code: localActionCode(row.number), state: localActionStateOf(row) }));
}

/** One of a council's local actions by its code (LA-3, any case), or null. */
export async function getCouncilLocalAction(councilId: number, code: string): Promise<StaffLocalAction | null> {
  const upper = code.toUpperCase();
  if (!LOCAL_ACTION_CODE.test(upper)) return null;
  const number = Number(upper.slice(3));
  if (!Number.isSafeInteger(number) || number > 2_147_483_647) return null;
  const row = await db().localAction.findUnique({
    where: { councilId_number: { councilId, number } },
    include: LOCAL_ACTION_INCLUDE,
  });
  return row ? { id: row.id, code: localActionCode(row.number), state: localActionStateOf(row) } : null;
}
