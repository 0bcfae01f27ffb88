// Run with tsx by tests/e2e/support/local-actions.ts (Playwright's loader cannot load the generated Prisma client):
// writes Thurrock's E2E local action through the one writer, lib/local-actions/record.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyLocalActionUpdate, insertLocalAction, type LocalActionFields } from "@/lib/local-actions/record";
import { E2E_LOCAL_ACTION } from "./local-action-fixture";

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

async function main(): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    await prisma.$transaction(async (tx) => {
      const council = await tx.council.findUniqueOrThrow({
        where: { slug: E2E_LOCAL_ACTION.council },
        select: { id: true, gssCode: true },
      });
      await tx.$queryRaw`SELECT id FROM council WHERE id = ${council.id} FOR UPDATE`;
      if (await tx.localAction.findFirst({ where: { councilId: council.id, title: E2E_LOCAL_ACTION.title } })) return;
      const user = await tx.user.upsert({
        where: { email: "e2e-local@thurrock.gov.uk" },
        update: {},
        create: {
          email: "e2e-local@thurrock.gov.uk",
          name: "E2E local",
          role: "council_editor",
          councilId: council.id,
        },
      });
      const actor = { id: user.id, label: user.email };
      const added = await insertLocalAction(tx, actor, council, FIELDS, null);
      if (!added.ok) throw new Error(JSON.stringify(added.errors));
      const row = await tx.localAction.findFirstOrThrow({ where: { councilId: council.id, title: FIELDS.title } });
      const updated = await applyLocalActionUpdate(tx, actor, {
        id: row.id,
        entityCode: `${council.gssCode}/${added.code}`,
        current: added.state,
        next: { ...FIELDS, status: "delayed", forecastDate: "2025-09-30" },
        reason: E2E_LOCAL_ACTION.reason,
      });
      if (!updated.ok) throw new Error(JSON.stringify(updated.errors));
    });
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
