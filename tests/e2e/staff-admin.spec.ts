import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { expect, test } from "@playwright/test";
import { ensureStaffUser, signIn } from "./support/staff";

const ADMIN = { email: "e2e.admin@education.gov.uk", password: "a long admin passphrase" };

test.beforeAll(async () => {
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
});

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
});

// One test per page, each scanned whole: one test for all ten outran its time limit on a crowded machine.
for (const path of [
  "/staff",
  "/staff?show=overdue&pillar=1",
  "/staff?show=nonsense",
  "/staff/recommendations",
  "/staff/milestones/M-01",
  "/staff/milestones/new",
  "/staff/recommendations/CR-01",
  "/staff/milestones/import",
  "/staff/users",
  "/staff/password",
]) {
  test(`${path} has no WCAG 2.2 AA violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
  });
}

test("an admin invites an editor, who gets a one-time password shown once", async ({ page }) => {
  await page.goto("/staff/users");
  await page.getByLabel("Email address").fill("new.editor@education.gov.uk");
  await page.getByLabel("Full name").fill("New Editor");
  await page.getByRole("button", { name: "Invite user" }).click();
  const banner = page.getByRole("alert", { name: "Success" });
  await expect(banner).toContainText("One-time password for new.editor@education.gov.uk:");
  const password = (await banner.locator("code").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  // The admin is told how long it works: 72 hours from now.
  await expect(banner).toContainText(
    /It works until \d{1,2} \w+ \d{4} at (\d{1,2}(:\d{2})?(am|pm)|midday|midnight) \(UK time\)/,
  );
  await page.reload();
  await expect(page.getByText(password)).toHaveCount(0);
  await expect(page.getByRole("row", { name: /new.editor@education.gov.uk/ })).toContainText("Has a one-time password");
});

test("bulk update by CSV: download, change a row, check, apply, see it in public", async ({ page }) => {
  const exported = await page.request.get("/api/staff/milestones/export");
  expect(exported.status()).toBe(200);
  const text = (await exported.text()).replace(/^\uFEFF/, "");
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  const row = rows.find((r) => r.code === "M-07")!;
  row.status = "complete";
  row.actualDate = "2023-05-15";
  row.commentary = "Bidding round opened on time.";
  const csv = stringify(rows, { header: true, columns: Object.keys(rows[0]!) });

  await page.goto("/staff/milestones/import");
  await page
    .getByLabel("CSV file with your changes")
    .setInputFiles({ name: "milestones.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("button", { name: "Apply 1 change" }).click();
  await expect(page.getByRole("status", { name: "1 milestone updated" })).toBeVisible();

  await page.goto("/milestones/M-07");
  await expect(page.getByText("Complete", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("15 May 2023").first()).toBeVisible();
});

test("anonymous requests to staff routes are refused", async ({ browser }) => {
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get("/api/staff/milestones/export");
  expect(response.status()).toBe(401);
  await anonymous.close();
});

test("a refused new milestone keeps what was typed and ticked", async ({ page }) => {
  await page.goto("/staff/milestones/new");
  const pillars = page.getByRole("group", { name: "Pillars it serves" });
  const outcomes = page.getByRole("group", { name: "Outcomes and enablers it serves" });
  await pillars.getByRole("checkbox", { name: /^2\./ }).check();
  await pillars.getByRole("checkbox", { name: /^5\./ }).check();
  await outcomes.getByRole("checkbox", { name: /^3\./ }).check();
  await page.getByLabel("Activity").fill("Regional Care Cooperatives");
  // No milestone title and no reason: refused.
  await page.getByRole("button", { name: "Add milestone" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the milestone");
  await expect(page.getByLabel("Activity")).toHaveValue("Regional Care Cooperatives");
  await expect(pillars.getByRole("checkbox", { name: /^2\./ })).toBeChecked();
  await expect(pillars.getByRole("checkbox", { name: /^5\./ })).toBeChecked();
  await expect(pillars.getByRole("checkbox", { name: /^1\./ })).not.toBeChecked();
  await expect(outcomes.getByRole("checkbox", { name: /^3\./ })).toBeChecked();
});

test("the staff home filters its milestones, and a bad filter gets an error summary", async ({ page }) => {
  await page.goto("/staff");
  const filters = page.getByRole("search", { name: "Filter" });
  await filters.getByLabel("Show").selectOption("not-assessed");
  await filters.getByLabel("Pillar").selectOption("1");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/staff\?show=not-assessed&pillar=1$/);
  await expect(page.getByText(/^\d+ milestones? match these filters$/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Milestones to update, filtered" })).toBeVisible();

  const response = await page.goto("/staff?show=late");
  expect(response!.status()).toBe(200);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText('"show" must be one of');
});

for (const javaScriptEnabled of [true, false]) {
  test(`deactivating an account asks first, and only "Yes" deactivates (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    page,
    browser,
  }) => {
    const email = `leaver.${javaScriptEnabled ? "js" : "nojs"}@education.gov.uk`;
    await ensureStaffUser(email, "a long leaver passphrase", "editor");
    // Signed in with the form (which needs JavaScript), then the same session in a browser without it.
    const context = await browser.newContext({ javaScriptEnabled, storageState: await page.context().storageState() });
    const admin = await context.newPage();
    try {
      await admin.goto("/staff/users");
      const row = admin.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
      await row.getByRole("button", { name: `Deactivate ${email}` }).click();
      const question = admin.getByRole("alert", { name: `Deactivate ${email.split("@")[0]} (${email})?` });
      await expect(question).toBeVisible();
      // Nothing has happened yet.
      await admin.goto("/staff/users");
      await expect(admin.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toContainText("Active");

      await admin
        .getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })
        .getByRole("button", { name: `Deactivate ${email}` })
        .click();
      await expect(question).toBeVisible();
      if (javaScriptEnabled) {
        // axe runs as a script in the page, so only where scripts run.
        const results = await new AxeBuilder({ page: admin })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
          .analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      }
      await question.getByRole("button", { name: `Yes, deactivate ${email}` }).click();
      await expect(admin.getByText(`${email} has been deactivated and can no longer sign in.`)).toBeVisible();
      await admin.goto("/staff/users");
      await expect(admin.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toContainText(
        "Deactivated",
      );
    } finally {
      await context.close();
    }
  });
}
