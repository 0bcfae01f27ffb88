import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReformData } from "@/lib/seed/load-reform-data.server";
import { addLocalAction, updateLocalAction } from "@/lib/local-actions/writes.server";
import { OTHER_COUNCIL_MESSAGE } from "@/lib/auth/actor.server";
import { staffHistory } from "@/lib/audit/history.server";
import { checksumTables, createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createUser } from "@/tests/support/factories";

// A council's local actions (issue 15, item 3): written only by that council's accounts (or a DfE admin), each
// change audited in the same transaction with the milestone's concurrency rule, each refusal changing nothing, and
// each change moving the data versions of its scope ('local' and its council), never the national one.

let database: TestDatabase;
const users = { thurrock: 0, essex: 0, admin: 0, dfeEditor: 0 };
const TODAY = "2026-06-01";

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReformData(database.prisma);
  users.thurrock = (
    await createUser(database.prisma, { email: "ed@thurrock.gov.uk", role: "council_editor", council: "thurrock" })
  ).id;
  users.essex = (
    await createUser(database.prisma, { email: "lead@essex.gov.uk", role: "council_lead", council: "essex" })
  ).id;
  users.admin = (await createUser(database.prisma, { email: "admin@education.gov.uk", role: "admin" })).id;
  users.dfeEditor = (await createUser(database.prisma, { email: "editor@education.gov.uk", role: "editor" })).id;
});

afterAll(async () => {
  await database.close();
});

const action = {
  council: "thurrock",
  title: "Family help teams in every locality",
  description: "Bring early help and child in need work together in four locality teams.",
  leadRole: "Director of Children's Services",
  status: "on_track",
  dueDate: "2026-09-30",
  forecastDate: "",
  actualDate: "",
  commentary: "",
  evidence: [],
  milestones: ["m-01"],
  recommendations: ["CR-01"],
  commitments: ["A1-O1-N1"],
  reason: "",
};

const versions = async () => {
  const national = (await database.prisma.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).value;
  const scoped = await database.prisma.dataScopeVersion.findMany();
  return { national, ...Object.fromEntries(scoped.map((s) => [s.scope, s.value])) } as Record<string, bigint>;
};

async function refusedWithoutChange<T>(write: () => Promise<T>): Promise<T> {
  const before = await checksumTables(database.prisma);
  const result = await write();
  expect(await checksumTables(database.prisma)).toEqual(before);
  return result;
}

describe("local actions", () => {
  it("gives Annex 1 actions stable codes", async () => {
    const codes = (await database.prisma.outcomeCommitment.findMany({ select: { code: true } })).map((c) => c.code);
    expect(codes).toContain("A1-O1-N1");
    expect(codes.every((c) => /^A1-O\d-[NR]\d+$/.test(c))).toBe(true);
  });

  it("a council editor adds one to their own council: numbered, audited, moving only the local scopes", async () => {
    const before = await versions();
    const result = await addLocalAction(users.thurrock, action, { today: TODAY });
    expect(result).toMatchObject({ ok: true, code: "LA-1" });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "local_action" } });
    expect(event).toMatchObject({ action: "create", entityCode: "E06000034/LA-1", actorId: users.thurrock });
    expect(event.after).toMatchObject({ milestones: ["M-01"], recommendations: ["CR-01"], commitments: ["A1-O1-N1"] });
    const after = await versions();
    expect(after.national).toBe(before.national);
    expect(after.local).toBe((before.local ?? 0n) + 1n);
    expect(after["council:E06000034"]).toBe((before["council:E06000034"] ?? 0n) + 1n);
  });

  it("refuses another council's account, a DfE editor and an unknown national item, changing nothing", async () => {
    await expect(refusedWithoutChange(() => addLocalAction(users.essex, action, { today: TODAY }))).rejects.toThrow(
      OTHER_COUNCIL_MESSAGE,
    );
    await expect(refusedWithoutChange(() => addLocalAction(users.dfeEditor, action, { today: TODAY }))).rejects.toThrow(
      /permission/,
    );
    const unknown = await refusedWithoutChange(() =>
      addLocalAction(users.thurrock, { ...action, milestones: ["M-999"] }, { today: TODAY }),
    );
    expect(unknown).toMatchObject({
      ok: false,
      errors: [{ field: "milestones", message: "There is no national milestone M-999" }],
    });
  });

  it("asks for a reason when it slips, refuses a stale form, and audits the change", async () => {
    const update = { ...action, code: "LA-1", version: 1, forecastDate: "2026-12-31" };
    const noReason = await refusedWithoutChange(() => updateLocalAction(users.thurrock, update, { today: TODAY }));
    expect(noReason).toMatchObject({ ok: false, errors: [{ field: "reason" }] });
    const saved = await updateLocalAction(
      users.thurrock,
      { ...update, reason: "The recruitment of two team managers has taken longer than planned" },
      { today: TODAY },
    );
    expect(saved).toMatchObject({ ok: true, state: { forecastDate: "2026-12-31", dueDate: "2026-09-30", version: 2 } });
    const stale = await refusedWithoutChange(() =>
      updateLocalAction(users.admin, { ...update, commentary: "A note" }, { today: TODAY }),
    );
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    const other = await updateLocalAction(users.essex, { ...update, version: 2 }, { today: TODAY }).catch(
      (e: Error) => e.message,
    );
    expect(other).toBe(OTHER_COUNCIL_MESSAGE);
  });

  it("its staff page's history has every change with its reason, naming the accounts only to those who may know them", async () => {
    const commentary = {
      ...action,
      code: "LA-1",
      version: 2,
      forecastDate: "2026-12-31",
      commentary: "Checked by DfE",
    };
    expect(await updateLocalAction(users.admin, commentary, { today: TODAY })).toMatchObject({ ok: true });
    const { id } = await database.prisma.localAction.findFirstOrThrow({ where: { number: 1 } });
    const thurrock = await database.prisma.council.findUniqueOrThrow({ where: { slug: "thurrock" } });
    const essex = await database.prisma.council.findUniqueOrThrow({ where: { slug: "essex" } });

    // Oldest first, as the public history is: HistoryList shows it newest first.
    const seenByThurrock = await staffHistory("local_action", id, { councilId: thurrock.id });
    expect(seenByThurrock.map((e) => [e.summary, e.reason])).toEqual([
      ["Added by ed (Thurrock)", null],
      ["Updated by ed (Thurrock)", "The recruitment of two team managers has taken longer than planned"],
      ["Updated by DfE staff", null],
    ]);
    expect(seenByThurrock[1]!.changes).toEqual([{ field: "Forecast date", before: null, after: "2026-12-31" }]);
    expect(seenByThurrock[2]!.changes).toEqual([{ field: "Commentary", before: null, after: "Checked by DfE" }]);
    expect(seenByThurrock.every((e) => e.byStaff)).toBe(true);

    // DfE staff, who manage every account, see every name.
    const seenByDfe = await staffHistory("local_action", id, { councilId: null });
    expect(seenByDfe.map((e) => e.summary)).toEqual([
      "Added by ed (Thurrock)",
      "Updated by ed (Thurrock)",
      "Updated by admin (DfE)",
    ]);
    // Any other viewer (no page lets another council see it) would see organisations only.
    expect((await staffHistory("local_action", id, { councilId: essex.id })).map((e) => e.summary)).toEqual([
      "Added by Thurrock",
      "Updated by Thurrock",
      "Updated by DfE staff",
    ]);
  });
});
