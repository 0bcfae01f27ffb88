import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { expect, test } from "@playwright/test";
import { ensureStaffUser, signIn } from "./support/staff";

// A council's local actions by CSV (issue 15, item 5), in the browser: download the file, add a row, check, apply.
// Rutland, which no other journey writes to, so the file starts as this test expects whatever ran before it.

const ADMIN = { email: "e2e.csv.admin@education.gov.uk", password: "a long admin passphrase" };
const BASE = "/staff/councils/rutland";

test.beforeAll(async () => {
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
});

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
});

test("a council's local actions: download the CSV, add a row, check it, apply it", async ({ page }, testInfo) => {
  const exported = await page.request.get(`${BASE}/local-actions.csv`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["cache-control"]).toMatch(/\bno-store\b/);
  expect(exported.headers()["content-disposition"]).toBe('attachment; filename="rutland-local-actions.csv"');
  const text = (await exported.text()).replace(/^\uFEFF/, "");
  const columns = text.split("\r\n")[0]!.split(",");
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  const added: Record<string, string> = Object.fromEntries(columns.map((c) => [c, ""]));
  Object.assign(added, {
    title: `Family help pilot ${Date.now()}`,
    description: "Bring early help and child in need work together in one team.",
    leadRole: "Director of Children's Services",
    dueDate: "2030-03-31",
    status: "on_track",
    milestones: "M-01",
  });
  const csv = stringify([...rows, added], { header: true, columns });

  await page.goto(`${BASE}/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Update local actions from a CSV file" })).toBeVisible();
  await page
    .getByLabel("CSV file with your changes")
    .setInputFiles({ name: "rutland.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Check your changes" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(added.title!) })).toContainText("New");
  const scan = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("preview-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("preview-390.png"), fullPage: true });

  await page.getByRole("button", { name: "Apply 1 change" }).click();
  const applied = page.getByRole("status", { name: "1 local action added" });
  await expect(applied).toBeVisible();
  const link = applied.getByRole("link", { name: /^Local action LA-\d+$/ });
  await expect(link).toHaveAttribute("href", /^\/councils\/rutland\/actions\/LA-\d+$/);

  // The new action is in the next download, at version 1.
  const again = parse((await (await page.request.get(`${BASE}/local-actions.csv`)).text()).replace(/^\uFEFF/, ""), {
    columns: true,
  }) as Array<Record<string, string>>;
  expect(again.find((r) => r.title === added.title)).toMatchObject({ version: "1", milestones: "M-01" });
});

test("the CSV is refused when signed out, and a council that does not exist is not found", async ({
  page,
  browser,
}) => {
  expect((await page.request.get("/staff/councils/no-such-council/local-actions.csv")).status()).toBe(404);
  expect((await page.goto("/staff/councils/no-such-council/import"))!.status()).toBe(404);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${BASE}/local-actions.csv`)).status()).toBe(401);
  await anonymous.close();
});
