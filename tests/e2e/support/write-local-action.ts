// Run with tsx by tests/e2e/support/local-actions.ts (Playwright's loader cannot load the generated Prisma client):
// writes the E2E local actions (Thurrock's and York's) through the one writer, lib/local-actions/record.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyLocalActionUpdate, insertLocalAction, type LocalActionFields } from "@/lib/local-actions/record";
import { E2E_LOCAL_ACTION, E2E_YORK_ACTION } from "./local-action-fixture";

const FIELDS: LocalActionFields = {
  title: E2E_LOCAL_ACTION.title,
  description: "Made by the end-to-end tests.",
  leadRole: "Director of Children's Services",
  status: "on_track",
  dueDate: "2025-06-30",
  forecastDate: null,
  actualDate: null,
  commentary: null,
  evidence: [],
  milestones: ["M-01"],
  recommendations: ["CR-01"],
  commitments: [],
};

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Adds a council's action once (found by title), then changes it with a reason, as one of its council editors. */
async function writeOnce(
  tx: Tx,
  slug: string,
  fields: LocalActionFields,
  change: { next: LocalActionFields; reason: string },
  dates: { added?: Date; changed?: Date } = {},
): Promise<void> {
  const council = await tx.council.findUniqueOrThrow({ where: { slug }, select: { id: true, gssCode: true } });
  await tx.$queryRaw`SELECT id FROM council WHERE id = ${council.id} FOR UPDATE`;
  if (await tx.localAction.findFirst({ where: { councilId: council.id, title: fields.title } })) return;
  const email = `e2e-local@${slug}.gov.uk`;
  const user = await tx.user.upsert({
    where: { email },
    update: {},
    create: { email, name: "E2E local", role: "council_editor", councilId: council.id },
  });
  const actor = { id: user.id, label: user.email };
  const added = await insertLocalAction(tx, actor, council, fields, null, { occurredAt: dates.added });
  if (!added.ok) throw new Error(JSON.stringify(added.errors));
  const row = await tx.localAction.findFirstOrThrow({ where: { councilId: council.id, title: fields.title } });
  const updated = await applyLocalActionUpdate(
    tx,
    actor,
    {
      id: row.id,
      entityCode: `${council.gssCode}/${added.code}`,
      current: added.state,
      next: change.next,
      reason: change.reason,
    },
    { occurredAt: dates.changed },
  );
  if (!updated.ok) throw new Error(JSON.stringify(updated.errors));
}

const YORK: LocalActionFields = {
  title: E2E_YORK_ACTION.title,
  description: "Bring early help and children's social care referrals together behind one front door.",
  leadRole: "Director of Children's Services",
  status: "on_track",
  dueDate: "2025-03-31",
  forecastDate: null,
  actualDate: null,
  commentary: null,
  evidence: [],
  milestones: ["M-01"],
  recommendations: ["CR-01"],
  commitments: ["A1-O1-N1"],
};

async function main(): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    await prisma.$transaction(async (tx) => {
      await writeOnce(tx, E2E_LOCAL_ACTION.council, FIELDS, {
        next: { ...FIELDS, status: "delayed", forecastDate: "2025-09-30" },
        reason: E2E_LOCAL_ACTION.reason,
      });
      await writeOnce(
        tx,
        E2E_YORK_ACTION.council,
        YORK,
        {
          next: {
            ...YORK,
            status: "delayed",
            forecastDate: "2025-09-30",
            commentary: "The new case management system goes live later than planned.",
            evidence: [{ title: "Cabinet report", url: "https://www.york.gov.uk/" }],
          },
          reason: E2E_YORK_ACTION.reason,
        },
        { added: new Date(E2E_YORK_ACTION.added), changed: new Date(E2E_YORK_ACTION.slipped) },
      );
    });
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
