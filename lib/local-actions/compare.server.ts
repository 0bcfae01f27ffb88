import "server-only";
import { db } from "@/lib/db/client.server";
import { toIsoDay } from "@/lib/dates";
import { listCouncils, type CouncilSummary } from "@/lib/councils/councils.server";
import { localActionCode } from "@/lib/local-actions/record";
import { localActionSource, servesSql } from "@/lib/local-actions/states.server";
import { ITEM_CODE } from "@/lib/reform/codes";
import { MILESTONE_STATUSES, type MilestoneStatusValue } from "@/lib/vocabulary";

// Compare (issue 15, item 6): what every council is doing locally about one national milestone or recommendation,
// from the local actions councils have published. A council with no local action for the item has none: nothing is
// inferred for it. Now, or as at the end of a past UK day (rebuilt from the audit trail).

export type NationalItemKind = "milestone" | "recommendation";

export interface NationalItem {
  kind: NationalItemKind;
  code: string;
  title: string;
}

export interface LocalActionForItem {
  council: { slug: string; name: string; region: string };
  /** LA-3 */
  code: string;
  title: string;
  status: MilestoneStatusValue;
  dueDate: string;
  plannedDate: string;
  actualDate: string | null;
}

export interface LocalDelivery {
  /** Councils with at least one local action for the item. */
  councils: number;
  /** Local actions for the item, by status (every status, 0 included). */
  byStatus: Record<MilestoneStatusValue, number>;
  /** Every local action for the item, by council name then number. */
  actions: LocalActionForItem[];
}

interface Row {
  slug: string;
  name: string;
  region: string;
  number: number;
  title: string;
  status: MilestoneStatusValue;
  due_date: Date;
  planned_date: Date;
  actual_date: Date | null;
}

/** The national milestone or recommendation a code names (today's title), or null. */
export async function findNationalItem(kind: NationalItemKind, code: string): Promise<NationalItem | null> {
  const wanted = code.trim().toUpperCase();
  if (!ITEM_CODE.test(wanted)) return null;
  if (kind === "milestone") {
    const m = await db().milestone.findUnique({ where: { code: wanted }, select: { code: true, title: true } });
    return m ? { kind, code: m.code, title: m.title } : null;
  }
  const r = await db().recommendation.findUnique({ where: { code: wanted }, select: { code: true, text: true } });
  return r ? { kind, code: r.code, title: r.text } : null;
}

/** Every council's local actions for a national item, with counts by status. */
export async function localDeliveryOf(
  item: { kind: NationalItemKind; code: string },
  options: { asAt?: string } = {},
): Promise<LocalDelivery> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT co.slug, co.name, co.region, la.number, la.title, la.status, la.due_date,
           COALESCE(la.forecast_date, la.due_date) AS planned_date, la.actual_date
    FROM ${localActionSource(options.asAt)} la
    JOIN council co ON co.id = la.council_id
    WHERE ${servesSql(item, options.asAt)}
    ORDER BY co.name, la.number`;
  const byStatus = Object.fromEntries(MILESTONE_STATUSES.map((s) => [s, 0])) as Record<MilestoneStatusValue, number>;
  const actions = rows.map((r) => {
    byStatus[r.status] += 1;
    return {
      council: { slug: r.slug, name: r.name, region: r.region },
      code: localActionCode(r.number),
      title: r.title,
      status: r.status,
      dueDate: toIsoDay(r.due_date)!,
      plannedDate: toIsoDay(r.planned_date)!,
      actualDate: toIsoDay(r.actual_date),
    };
  });
  return { councils: new Set(actions.map((a) => a.council.slug)).size, byStatus, actions };
}

export interface CouncilComparison {
  council: CouncilSummary;
  /** Its local actions for the item; empty: no local action. */
  actions: LocalActionForItem[];
}

/** Every council, in region order then by name, each with its local actions for the item. */
export async function compareCouncils(
  item: { kind: NationalItemKind; code: string },
  options: { asAt?: string } = {},
): Promise<{ delivery: LocalDelivery; councils: CouncilComparison[] }> {
  const [delivery, councils] = await Promise.all([localDeliveryOf(item, options), listCouncils()]);
  const bySlug = new Map<string, LocalActionForItem[]>();
  for (const a of delivery.actions) bySlug.set(a.council.slug, [...(bySlug.get(a.council.slug) ?? []), a]);
  return { delivery, councils: councils.map((council) => ({ council, actions: bySlug.get(council.slug) ?? [] })) };
}

export interface CompareTableRow {
  council: CouncilSummary;
  /** null: the council's one row, saying it has no local action for the item. */
  action: LocalActionForItem | null;
}

/** The compare table's rows, in the tiles' order: each council's local actions for the item, or one row for none. */
export function compareTableRows(councils: CouncilComparison[]): CompareTableRow[] {
  return councils.flatMap(({ council, actions }): CompareTableRow[] =>
    actions.length === 0 ? [{ council, action: null }] : actions.map((action) => ({ council, action })),
  );
}
