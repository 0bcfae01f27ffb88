import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "@/lib/auth/passwords.server";
import { startAppInstance, startOwnDatabase, type AppInstance, type OwnDatabase } from "./support/instance";

// The database stops while the app runs, through the whole HTTP stack of the production build: public pages keep
// serving what they had cached, health says 503, a staff save is refused with "try again" and writes nothing; when
// the database comes back, the same app process recovers by itself. The instance has a PostgreSQL of its own, which
// the test stops and starts for real.
const PORT = Number(process.env.E2E_OUTAGE_PORT ?? 3102);
const EDITOR = { email: "e2e.outage@education.gov.uk", password: "a passphrase for the outage test" };
const PUBLIC_PAGES = [
  "/",
  "/recommendations",
  "/recommendations/CR-01",
  "/milestones",
  "/milestones/M-05",
  "/pillars/1",
  "/outcomes/2",
];

let database: OwnDatabase | undefined;
let app: AppInstance | undefined;

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database!.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function mainText(page: Page, path: string) {
  const response = await page.goto(`${app!.url}${path}`);
  // The words and numbers the server sent; charts are drawn in the browser after loading, so they are left out.
  const text = await page.locator("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".recharts-wrapper, svg").forEach((chart) => chart.remove());
    return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
  });
  return { status: response?.status(), text };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await startOwnDatabase();
  await sql(
    `INSERT INTO app_user (email, name, role, password_hash, active, must_change_password) VALUES ($1, 'Outage editor', 'editor', $2, true, false)`,
    [EDITOR.email, await hashPassword(EDITOR.password)],
  );
  app = await startAppInstance({ port: PORT, ownerUrl: database.url, login: "reform_tracker_web_outage" });
});

test.afterAll(async () => {
  await app?.stop();
  await database?.remove();
});

test("with the database down, public pages keep serving, saves say try again, and all recovers without a restart", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL: app!.url });
  const reader = await context.newPage();
  const staff = await context.newPage();
  const password = await context.newPage();

  // Signed in, with the milestone form open, and the public pages read once (so cached) while all is well.
  await staff.goto("/staff/sign-in");
  await staff.getByLabel("Email address").fill(EDITOR.email);
  await staff.getByLabel("Password").fill(EDITOR.password);
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Staff home" })).toBeVisible();
  await staff.goto("/staff/milestones/M-05");
  await password.goto("/staff/password");
  const before = new Map<string, string>();
  for (const path of PUBLIC_PAGES) {
    const page = await mainText(reader, path);
    expect(page.status, path).toBe(200);
    before.set(path, page.text);
  }
  const api = await context.request.get("/api/v1/milestones?pageSize=100");
  expect(api.status()).toBe(200);
  const auditBefore = await sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_event");

  await database!.stop();

  // Health says so, at once, and is never cached.
  const health = await context.request.get("/api/health");
  expect(health.status()).toBe(503);
  expect(await health.json()).toMatchObject({ status: "unavailable", database: "unreachable" });

  // Public pages and the open data: what was cached, in full.
  for (const path of PUBLIC_PAGES) {
    const page = await mainText(reader, path);
    expect(page.status, path).toBe(200);
    expect(page.text, path).toBe(before.get(path));
  }
  const cachedApi = await context.request.get("/api/v1/milestones?pageSize=100");
  expect(cachedApi.status()).toBe(200);
  expect(await cachedApi.json()).toEqual(await api.json());

  // A page nobody had read yet cannot be served: a calm error page, not a stack trace.
  const unread = await reader.goto("/recommendations/CR-50");
  expect(unread?.status()).toBeGreaterThanOrEqual(500);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Sorry, there is a problem with the service");

  // A staff save: refused with "try again", and what was typed is kept.
  await staff.getByLabel("Commentary").fill("Saved once the database came back.");
  await staff.getByRole("button", { name: "Save changes" }).click();
  const problem = staff.getByRole("alert", { name: "There is a problem" });
  await expect(problem).toContainText("could not reach its database, so nothing was saved");
  await expect(staff.getByLabel("Commentary")).toHaveValue("Saved once the database came back.");
  // A password change: the same, without sending any password back.
  await password.getByLabel("Current password").fill(EDITOR.password);
  await password.getByLabel("New password", { exact: true }).fill("a new passphrase while the database is down");
  await password.getByLabel("Confirm new password").fill("a new passphrase while the database is down");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("alert", { name: "There is a problem" })).toContainText(
    "could not reach its database, so nothing was changed",
  );

  await database!.start();

  // The same app process reconnects by itself.
  await expect.poll(async () => (await context.request.get("/api/health")).status(), { timeout: 30_000 }).toBe(200);
  // Nothing of the refused save reached the database.
  expect(await sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_event")).toEqual(auditBefore);

  await staff.getByRole("button", { name: "Save changes" }).click();
  await expect(staff.getByRole("status")).toContainText("Milestone saved");
  await expect
    .poll(async () => (await mainText(reader, "/milestones/M-05")).text, { timeout: 15_000 })
    .toContain("Saved once the database came back.");
  const unreadNow = await reader.goto("/recommendations/CR-50");
  expect(unreadNow?.status()).toBe(200);
  expect(
    await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE entity_code = 'M-05' AND action = 'update'",
    ),
  ).toEqual([{ n: 1 }]);
  await context.close();
});
