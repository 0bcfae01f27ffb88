import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { hostileString, NASTY_STRINGS } from "@/tests/support/hostile-values";
import { E2E_DATABASE_URL, ensureStaffUser, signIn } from "./support/staff";

// Property-based bad input over HTTP, against the production build: generated malformed, oversized and hostile
// requests at every Server Action (as a signed-in admin, in the encoding React itself uses), every route handler and
// the public pages. Every one is answered with a 4xx or a form error, never a 5xx, and the database is byte for byte
// the same afterwards. tests/integration/hostile-input.test.ts does the same, with many more runs, one layer down.
const RUNS = Number(process.env.HOSTILE_HTTP_RUNS ?? 120);
const ADMIN = { email: "e2e.hostile@education.gov.uk", password: "a passphrase for the hostile input test" };

/** md5 of every row of every table: the same before and after means nothing was written. */
async function databaseChecksum(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${pg.escapeIdentifier(name)} t`,
      );
      result[name] = `${rows[0].n}:${rows[0].digest ?? ""}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

/** The build's Server Action ids, by exported name (the ids change with every build). */
function actionIds(): Record<string, string> {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName ?? id, id]));
}

type Part = { name: string; value: string; fileName?: string };

/** multipart/form-data by hand, so that field names can repeat and hold anything. */
function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----hostile${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const name = part.name.replace(/[\r\n"]/g, "_");
    const file =
      part.fileName !== undefined
        ? `; filename="${part.fileName.replace(/[\r\n"]/g, "_")}"\r\nContent-Type: text/csv`
        : "";
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file}\r\n\r\n`),
      Buffer.from(part.value),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Calls a Server Action as React's client does: argument 0 is the form's previous state, argument 1 the form data
 * (sent as fields prefixed `_1_`).
 */
async function callAction(
  request: APIRequestContext,
  page: string,
  actionId: string,
  fields: Part[],
  origin: string,
  args?: string,
) {
  const { body, contentType } = multipart([
    { name: "0", value: args ?? JSON.stringify([{ status: "idle", errors: [], stage: "idle" }, "$K1"]) },
    ...fields.map((f) => ({ ...f, name: `_1_${f.name}` })),
  ]);
  return request.post(page, {
    headers: { "next-action": actionId, "content-type": contentType, accept: "text/x-component", origin },
    data: body,
    maxRedirects: 0,
  });
}

// Generated fields: each named field is left out, sent once or sent twice, with a plausible or a hostile value, and
// hostile extra fields (prototype keys among them) are mixed in. `poison` is always sent with a value its rule
// refuses, so every request is invalid by construction and must change nothing.
function formFields(
  plausible: Record<string, fc.Arbitrary<string>>,
  poison: Record<string, fc.Arbitrary<string>>,
): fc.Arbitrary<Part[]> {
  const field = (name: string, arbitrary: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant([] as Part[]) },
      { weight: 4, arbitrary: fc.oneof(arbitrary, hostileString).map((value) => [{ name, value }]) },
      {
        weight: 1,
        arbitrary: fc.tuple(hostileString, hostileString).map(([a, b]) => [
          { name, value: a },
          { name, value: b },
        ]),
      },
    );
  const extra = fc.array(
    fc.record({
      name: fc.oneof(
        fc.constantFrom("__proto__", "constructor", "prototype", "$ACTION_ID", "userId", "role"),
        hostileString.map((s) => s.slice(0, 40)),
      ),
      value: hostileString,
    }),
    { maxLength: 3 },
  );
  return fc
    .tuple(
      fc.tuple(...Object.entries(plausible).map(([name, arbitrary]) => field(name, arbitrary))),
      fc.tuple(...Object.entries(poison).map(([name, arbitrary]) => arbitrary.map((value) => ({ name, value })))),
      extra,
    )
    .map(([named, poisoned, extras]) => [...named.flat(), ...poisoned, ...extras]);
}

const day = fc.constantFrom("", "2024-03-31", "2026-01-01", "2099-12-31");
/** Not a valid version of anything in the database (which are small positive whole numbers, and versions are checked). */
const staleVersion = fc.oneof(
  fc.constantFrom("0", "-1", "", "1.5", "1e3", "99999999999", "NaN", "0x1", " 1"),
  hostileString.filter((s) => !/^\s*\d{1,4}\s*$/.test(s)),
);
/** Not a date the rules accept. */
const badDate = hostileString.filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s));
/** Not an account id (ids are small positive whole numbers). */
const badUserId = fc.oneof(
  fc.constantFrom("0", "-1", "", "1.0", "1e2", "9999999999", "01 ", "NaN"),
  hostileString.filter((s) => !/^\d{1,6}$/.test(s)),
);
const badEmail = hostileString.filter((s) => !s.includes("@"));

/** What React sends as the action's arguments, replaced now and then by something else. */
const actionArguments = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .array(fc.oneof(hostileString, fc.constantFrom("$K1", "$K2", "$@1", "$Q1", "$T", "$undefined", "$n1", "$D2020")), {
      maxLength: 3,
    })
    .map((v) => JSON.stringify(v)),
  fc.constantFrom("[]", "[null]", '[{},"$K1",1]', '["$K1"]', "[1,2]", '[{"status":"idle"}]'),
);

interface ActionCase {
  name: string;
  page: string;
  fields: fc.Arbitrary<Part[]>;
  /** What a refusal looks like in the action's returned state. */
  refusal: RegExp;
}

const ACTIONS: ActionCase[] = [
  {
    name: "saveMilestone",
    page: "/staff/milestones/M-20",
    fields: formFields(
      {
        code: fc.constantFrom("M-20", "M-01", "M-99"),
        status: fc.constantFrom("on_track", "delayed", "complete"),
        forecastDate: day,
        actualDate: day,
        commentary: fc.string(),
        evidenceTitle0: fc.string(),
        evidenceUrl0: fc.constantFrom("https://example.gov.uk/a", "javascript:alert(1)"),
        reason: fc.string(),
      },
      { version: staleVersion },
    ),
    refusal: /"status":"error"/,
  },
  {
    name: "createMilestone",
    page: "/staff/milestones/new",
    fields: formFields(
      {
        group: fc.constantFrom("laying_the_groundwork", "nope"),
        activity: fc.string(),
        title: fc.string(),
        pillars: fc.constantFrom("1", "7", "-1"),
        outcomes: fc.constantFrom("1", "9"),
        recommendations: fc.constantFrom("CR-01", "CR-999"),
        reason: fc.string(),
      },
      { dueDate: badDate },
    ),
    refusal: /"status":"error"/,
  },
  {
    name: "reclassify",
    page: "/staff/recommendations/CR-01",
    fields: formFields(
      {
        code: fc.constantFrom("CR-01", "CR-999"),
        responseClass: fc.constantFrom("accepted", "consulting", "maybe"),
        rationale: fc.string(),
        reason: fc.string(),
      },
      { version: staleVersion },
    ),
    refusal: /"status":"error"/,
  },
  {
    name: "changePassword",
    page: "/staff/password",
    fields: formFields(
      { currentPassword: hostileString, confirmPassword: fc.string({ minLength: 12 }) },
      // Shorter than the rules allow: refused before the current password is even checked (a wrong current password
      // is recorded as a failed attempt, which is a write).
      { newPassword: fc.string({ maxLength: 11 }) },
    ),
    refusal: /"status":"error"/,
  },
  {
    name: "manageUsers",
    page: "/staff/users",
    fields: formFields(
      {
        intent: fc.constantFrom("invite", "role", "deactivate", "reactivate", "reset", "delete", "__proto__"),
        name: fc.string(),
        role: fc.constantFrom("admin", "editor", "superuser"),
      },
      { userId: badUserId, email: badEmail },
    ),
    refusal: /"status":"error"/,
  },
  {
    name: "milestoneImportAction",
    page: "/staff/milestones/import",
    fields: fc
      .tuple(
        formFields(
          { intent: fc.constantFrom("preview", "apply", "other"), fileName: fc.string() },
          {
            // Never the exported file's header, so never a file with changes to apply.
            csv: hostileString.filter((s) => !s.startsWith("code,")).map((s) => Buffer.from(s).toString("base64")),
          },
        ),
        hostileString.filter((s) => !s.replace(/^\uFEFF/, "").startsWith("code,")),
        fc.constantFrom("changes.csv", "changes.xlsx", "", "../../etc/passwd", "a\u0000.csv"),
      )
      .map(([parts, file, fileName]) => [...parts, { name: "file", value: file, fileName }]),
    refusal: /"ok":false|"stage":"refused"|"stage":"idle"/,
  },
];

test.describe.configure({ timeout: 300_000 });

test("Server Actions answer hostile input with a form error, never a 5xx, and write nothing", async ({
  page,
  baseURL,
}) => {
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
  await signIn(page, ADMIN.email, ADMIN.password);
  const ids = actionIds();
  const before = await databaseChecksum();
  const origin = new URL(baseURL!).origin;

  // React's own arguments five times in six; something else the sixth.
  const args = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: actionArguments });
  for (const action of ACTIONS) {
    const id = ids[action.name];
    expect(id, `no Server Action named ${action.name} in the build`).toBeDefined();
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(action.fields, args, async (fields, replaced) => {
        const response = await callAction(page.request, action.page, id!, fields, origin, replaced);
        const body = await response.text();
        const summary = `${action.name} ${response.status()} ${body.slice(0, 300)}`;
        // 200: the action ran and answered with its form state; 400: the proxy found the body unreadable.
        expect([200, 400], summary).toContain(response.status());
        if (response.status() === 400) expect(body, summary).toContain("could not be read");
        if (response.status() === 200) {
          reached++;
          expect(response.headers()["x-action-redirect"], summary).toBeUndefined();
          expect(body, summary).toMatch(action.refusal);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // Most requests must have reached the action itself, or the test would prove little.
    expect(reached, action.name).toBeGreaterThan(RUNS / 2);
  }
  expect(await databaseChecksum()).toEqual(before);
});

const QUERY_KEYS = [
  "pillar",
  "outcome",
  "class",
  "status",
  "review",
  "q",
  "sort",
  "page",
  "pageSize",
  "format",
  "asAt",
  "since",
  "until",
  "gap",
  "due",
  "view",
  "group",
  "activity",
];
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...QUERY_KEYS),
        hostileString.map((s) => s.slice(0, 30)),
      ),
      hostileString.map((s) => s.slice(0, 2_000)),
    ),
    { maxLength: 6 },
  )
  // At most 6,000 characters: a longer address is refused by Node.js itself (431), and a redirect that repeats it
  // would overflow the test client's own header limit. The cut may split a %-escape, which is a test of its own.
  .map((pairs) => new URLSearchParams(pairs).toString().slice(0, 6_000));
const segment = fc
  .oneof(
    fc.constantFrom(...NASTY_STRINGS),
    hostileString.map((s) => s.slice(0, 500)),
  )
  .map((s) => encodeURIComponent(s.toWellFormed()));

test("route handlers and public pages answer hostile addresses with 2xx or 4xx, never a 5xx", async ({ request }) => {
  const before = await databaseChecksum();
  const fixed = [
    "/api/v1/recommendations",
    "/api/v1/milestones",
    "/api/v1/pillars",
    "/api/v1/outcomes",
    "/recommendations",
    "/milestones",
    "/changes",
    "/slippage",
    "/report",
    "/feed.xml",
    "/api/health",
  ];
  const addresses = fc.oneof(
    fc.tuple(fc.constantFrom(...fixed), queryString).map(([path, query]) => `${path}?${query}`),
    fc
      .tuple(fc.constantFrom("/recommendations/", "/milestones/", "/pillars/", "/outcomes/"), segment, queryString)
      .map(([path, s, query]) => `${path}${s}?${query}`),
    fc.tuple(segment, queryString).map(([s, query]) => `/pillars/${s}/feed.xml?${query}`),
  );
  await fc.assert(
    fc.asyncProperty(addresses, async (address) => {
      const response = await request.get(address, { maxRedirects: 0 });
      expect(response.status(), `${address.slice(0, 300)} ${(await response.text()).slice(0, 200)}`).toBeLessThan(500);
    }),
    { numRuns: RUNS * 4, endOnFailure: true },
  );
  // The briefing PDF is drawn on the server, so fewer runs.
  await fc.assert(
    fc.asyncProperty(queryString, async (query) => {
      const response = await request.get(`/report/pdf?${query}`, { maxRedirects: 0 });
      expect(response.status(), query.slice(0, 300)).toBeLessThan(500);
    }),
    { numRuns: Math.ceil(RUNS / 4), endOnFailure: true },
  );
  // Writes to read-only routes are refused.
  for (const route of [
    "/api/v1/recommendations",
    "/api/v1/milestones",
    "/api/health",
    "/feed.xml",
    "/api/staff/milestones/export",
  ]) {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await request.fetch(route, { method, data: "x", maxRedirects: 0 });
      expect(response.status(), `${method} ${route}`).toBeGreaterThanOrEqual(400);
      expect(response.status(), `${method} ${route}`).toBeLessThan(500);
    }
  }
  expect(await databaseChecksum()).toEqual(before);
});
