import { expect, test } from "@playwright/test";
import { ensureStaffUser, signIn } from "./support/staff";

const EDITOR = { email: "e2e.editor@education.gov.uk", password: "correct horse battery staple" };

test.beforeAll(async () => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
});

test("staff pages need a signed-in user", async ({ page }) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("a wrong password gets a message that does not say whether the account exists", async ({ page }) => {
  for (const email of [EDITOR.email, "nobody@education.gov.uk"]) {
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
      "Enter a correct email address and password.",
    );
  }
});

test("sign in, update a milestone with a slipped date and reason, see it in public, sign out", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.getByRole("link", { name: /^Update M-08:/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Award funding");

  // A slipped date without a reason is refused, with the GOV.UK error summary linking to the field.
  await page.getByLabel("Status").selectOption("delayed");
  await page.getByLabel("Forecast date").fill("2026-12-31");
  await page.getByLabel("Commentary").fill("Bids are still being assessed.");
  await page.getByRole("button", { name: "Save changes" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter the reason the forecast date has moved later" })).toBeVisible();
  await summary.getByRole("link", { name: "Enter the reason the forecast date has moved later" }).click();
  await expect(page.getByLabel("Reason for this change")).toBeFocused();
  // What was typed is kept.
  await expect(page.getByLabel("Commentary")).toHaveValue("Bids are still being assessed.");

  await page.getByLabel("Reason for this change").fill("More bids than expected; assessment extended.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Milestone saved");

  await page.getByRole("link", { name: "public page for this milestone" }).click();
  await expect(page).toHaveURL(/\/milestones\/M-08$/);
  await expect(page.getByText("Delayed", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("31 December 2026").first()).toBeVisible();
  await expect(page.getByText("Bids are still being assessed.").first()).toBeVisible();
  const history = page
    .getByRole("region", { name: "History" })
    .or(page.locator("section", { has: page.getByRole("heading", { name: "History" }) }));
  await expect(history).toContainText("Reason: More bids than expected; assessment extended.");
  await expect(history).toContainText("Status: Not yet assessed → Delayed");
  await expect(history).not.toContainText(EDITOR.email);

  // The public list and the open data show it too.
  const api = await page.request.get("/api/v1/milestones?status=delayed");
  expect((await api.json()).items.map((m: { code: string }) => m.code)).toContain("M-08");

  await page.goto("/staff");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in/);
});

test("pages carry security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The page's own inline scripts, by hash (decision 0009); never 'unsafe-inline' or 'unsafe-eval'.
  expect(headers["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
});

test("the session cookie is HttpOnly and SameSite, and a sign-in without the CSRF token is refused", async ({
  page,
  browser,
}) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");

  // A form posted from another site is refused before next-auth sees it; and without next-auth's CSRF token
  // (which another site cannot read) a sign-in is refused even when it claims no origin. No session is made.
  const other = await browser.newContext();
  const fromElsewhere = await other.request.post("/api/auth/callback/credentials", {
    form: { email: EDITOR.email, password: EDITOR.password },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(fromElsewhere.status()).toBe(403);
  const withoutToken = await other.request.post("/api/auth/callback/credentials", {
    form: { email: EDITOR.email, password: EDITOR.password },
    maxRedirects: 0,
  });
  expect(withoutToken.status()).toBeGreaterThanOrEqual(300);
  expect(withoutToken.headers()["location"] ?? "").toContain("csrf=true");
  expect((await other.cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
  await other.close();
});
