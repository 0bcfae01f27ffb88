import { expect, test, type Request } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, ensureStaffUser, signIn } from "./support/staff";

// Cross-site request forgery: a signed-in editor's browser is made to send a real milestone save (a Server Action)
// from another website. The forged copies are refused and change nothing; the very same request from our own
// origin does save, which proves the forged ones were valid saves refused only for where they came from.
const EDITOR = { email: "e2e.csrf@education.gov.uk", password: "a passphrase for the csrf test" };
const CODE = "M-30";

async function milestoneState(): Promise<{ version: number; commentary: string | null; auditEvents: number }> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const milestone = await client.query<{ version: number; commentary: string | null }>(
      "SELECT version, commentary FROM milestone WHERE code = $1",
      [CODE],
    );
    const audit = await client.query<{ count: string }>("SELECT count(*) FROM audit_event WHERE entity_code = $1", [
      CODE,
    ]);
    const { version, commentary } = milestone.rows[0]!;
    return { version, commentary, auditEvents: Number(audit.rows[0]!.count) };
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
});

test("a save sent from another website is refused and changes nothing", async ({ page, baseURL }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto(`/staff/milestones/${CODE}`);
  await page.getByLabel("Commentary").fill("Forged commentary from another site.");

  // Catch the browser's own save request on its way out and hold it back.
  let captured: Request | undefined;
  await page.route(`**/staff/milestones/${CODE}`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute(`**/staff/milestones/${CODE}`);

  const before = await milestoneState();
  const headers = await captured!.allHeaders();
  const body = captured!.postDataBuffer() ?? Buffer.alloc(0);
  const replay = (extra: Record<string, string>) =>
    page.request.post(captured!.url(), {
      headers: {
        "content-type": headers["content-type"] ?? "",
        accept: headers["accept"] ?? "text/x-component",
        "next-action": headers["next-action"] ?? "",
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        ...extra,
      },
      data: body,
      maxRedirects: 0,
    });

  // What a browser sends when another site's page submits the form or calls fetch() with the user's cookies.
  const forgeries: Record<string, string>[] = [
    { origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
    { origin: "https://attacker.example" },
    { origin: "null" },
    { "sec-fetch-site": "same-site" },
    // A program can add X-Forwarded-Host: no proxy is trusted (TRUSTED_PROXIES=0), so it is not believed.
    { origin: "https://attacker.example", "x-forwarded-host": "attacker.example" },
    { origin: "https://attacker.example", "x-forwarded-host": "attacker.example", "sec-fetch-site": "same-origin" },
  ];
  for (const forged of forgeries) {
    const response = await replay(forged);
    expect(response.status(), JSON.stringify(forged)).toBe(403);
    expect(await response.text()).toContain("came from another website");
  }
  expect(await milestoneState()).toEqual(before);

  // The same request from our own origin is a valid save.
  const genuine = await replay({ origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin" });
  expect(genuine.status()).toBe(200);
  const after = await milestoneState();
  expect(after.version).toBe(before.version + 1);
  expect(after.commentary).toBe("Forged commentary from another site.");
  expect(after.auditEvents).toBe(before.auditEvents + 1);
});

test("other writes from another website are refused too: sign-out, password change, user admin", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  for (const path of [
    "/api/auth/signout",
    "/staff/password",
    "/staff/users",
    "/staff/milestones/import",
    "/staff/councils/thurrock/import",
  ]) {
    const response = await page.request.post(path, {
      headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
      form: { anything: "x" },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(403);
  }
  // Still signed in: the forged sign-out did nothing.
  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Staff home" })).toBeVisible();
});
