// Generated local actions for the benchmark's large dataset (issue 15, item 9): about 50 for each of the 153 councils,
// written through the one writer (lib/local-actions/record.ts) with their audit events, as council staff would write
// them, so the council pages, /councils, the compare page and the as-at reconstruction read realistic rows and
// histories. Some are later updated (a status change, a slip with its reason), each update its own audit event.
//
// Texts reuse the real milestones' own words ("Local delivery: National Kinship Care Strategy"); each action serves
// one or two real milestones (a fifth of them M-30, so the compare page has a full table), sometimes a recommendation
// and an Annex 1 action. The spread is random but repeatable (a seeded generator). A few councils at a time.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyLocalActionUpdate, insertLocalAction, localActionEntityCode } from "@/lib/local-actions/record";
import type { LocalActionFields } from "@/lib/local-actions/record";

export interface LocalActionsResult {
  councils: number;
  localActions: number;
  updates: number;
  seconds: number;
}

const ACTOR = { id: null, label: "Benchmark generator (scripts/bench/generate-local-actions.ts)" };
const LEADS = [
  "Director of Children's Services",
  "Assistant Director, Early Help",
  "Head of Service, Children Looked After",
  "Principal Social Worker",
  "Head of Commissioning",
  "Safeguarding Partnership Business Manager",
];
const PARALLEL = 4;

/** A small seeded generator (mulberry32): the same dataset on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

export async function generateLocalActions(
  databaseUrl: string,
  options: { perCouncil?: number; today?: string } = {},
): Promise<LocalActionsResult> {
  const started = Date.now();
  const perCouncil = options.perCouncil ?? 50;
  if (!Number.isInteger(perCouncil) || perCouncil < 1 || perCouncil > 1_000)
    throw new Error(`generateLocalActions: bad count per council ${perCouncil}`);
  const today = options.today ?? iso(new Date());
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const [councils, milestones, recommendations, commitments] = await Promise.all([
      prisma.council.findMany({
        where: { endedOn: null },
        orderBy: { id: "asc" },
        select: { id: true, gssCode: true, name: true },
      }),
      // The real milestones only (the large dataset's generated GM- ones have generated words).
      prisma.milestone.findMany({
        where: { code: { startsWith: "M-" } },
        orderBy: { code: "asc" },
        select: { code: true, title: true, activity: true },
      }),
      prisma.recommendation.findMany({
        where: { code: { not: { startsWith: "GEN-" } } },
        orderBy: { code: "asc" },
        select: { code: true },
      }),
      prisma.outcomeCommitment.findMany({ orderBy: { code: "asc" }, select: { code: true } }),
    ]);
    if (milestones.length === 0) throw new Error("generateLocalActions: load the real reform data first");
    if ((await prisma.localAction.count()) > 0) throw new Error("generateLocalActions: local actions exist already");

    let localActions = 0;
    let updates = 0;
    const queue = [...councils];
    const worker = async () => {
      for (let council = queue.shift(); council; council = queue.shift()) {
        const next = random(Number(council.gssCode.slice(1)));
        const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
        // One transaction per action, as the app writes them: every event also bumps the 'local' scope's version row
        // (migration 0013), which a transaction holds until it commits, so longer ones would queue behind each other.
        for (let n = 1; n <= perCouncil; n++) {
          await prisma.$transaction(
            async (tx) => {
              const main =
                next() < 0.2 ? (milestones.find((m) => m.code === "M-30") ?? pick(milestones)) : pick(milestones);
              const other = next() < 0.3 ? pick(milestones) : null;
              // Due from a year and a half ago to three years ahead; complete and late ones only in the past.
              const dueDate = addDays(today, Math.floor(next() * 1_650) - 550);
              const past = dueDate < today;
              const status = past
                ? pick(["complete", "complete", "delayed", "at_risk", "on_track"] as const)
                : pick(["not_started", "on_track", "on_track", "at_risk", "not_yet_assessed"] as const);
              const fields: LocalActionFields = {
                title: `Local delivery: ${main.title}`.slice(0, 200),
                description: `${council.name}'s part in ${main.activity.toLowerCase()}: ${main.title}.`.slice(0, 4_000),
                leadRole: pick(LEADS),
                status: status === "complete" ? "on_track" : status,
                dueDate,
                forecastDate: null,
                actualDate: null,
                commentary: next() < 0.5 ? `Progress reported to the scrutiny committee. ${main.activity}.` : null,
                evidence:
                  next() < 0.2
                    ? [
                        {
                          title: `${council.name} cabinet report ${n}`,
                          url: `https://example.gov.uk/${council.gssCode}/${n}`,
                        },
                      ]
                    : [],
                milestones: [...new Set([main.code, ...(other ? [other.code] : [])])].sort((a, b) =>
                  a.localeCompare(b, "en", { numeric: true }),
                ),
                recommendations: next() < 0.4 ? [pick(recommendations).code] : [],
                commitments: next() < 0.3 && commitments.length ? [pick(commitments).code] : [],
              };
              const createdAt = new Date(Date.parse(`${addDays(dueDate < today ? dueDate : today, -200)}T09:00:00Z`));
              const saved = await insertLocalAction(tx, ACTOR, council, fields, null, { occurredAt: createdAt });
              if (!saved.ok) throw new Error(`generateLocalActions: ${saved.errors.map((e) => e.message).join("; ")}`);
              localActions++;
              // A later update: completed, slipped (with its reason) or gone at risk.
              if (status === "complete" || status === "delayed" || status === "at_risk" || next() < 0.1) {
                const finished = addDays(dueDate, Math.floor(next() * 60) - 30);
                const nextFields: LocalActionFields =
                  status === "complete"
                    ? { ...fields, status: "complete", actualDate: finished > today ? today : finished }
                    : {
                        ...fields,
                        status: status === "delayed" || status === "at_risk" ? status : "on_track",
                        forecastDate: addDays(dueDate, 30 + Math.floor(next() * 300)),
                      };
                const number = Number(saved.code.slice(3));
                const { id } = await tx.localAction.findUniqueOrThrow({
                  where: { councilId_number: { councilId: council.id, number } },
                  select: { id: true },
                });
                const updated = await applyLocalActionUpdate(
                  tx,
                  ACTOR,
                  {
                    id,
                    entityCode: localActionEntityCode(council.gssCode, number),
                    current: saved.state,
                    next: nextFields,
                    reason:
                      nextFields.status === "complete"
                        ? null
                        : "Recruitment of permanent staff has been slower than planned.",
                  },
                  { occurredAt: new Date(createdAt.getTime() + 90 * 86_400_000) },
                );
                if (!updated.ok)
                  throw new Error(`generateLocalActions: ${updated.errors.map((e) => e.message).join("; ")}`);
                updates++;
              }
            },
            { maxWait: 60_000, timeout: 60_000 },
          );
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await prisma.$executeRawUnsafe("ANALYZE");
    return { councils: councils.length, localActions, updates, seconds: (Date.now() - started) / 1000 };
  } finally {
    await prisma.$disconnect();
  }
}
