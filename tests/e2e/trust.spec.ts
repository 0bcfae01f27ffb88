import { expect, test, type Page } from "@playwright/test";
import { ensureProgramme } from "./support/programmes";

// Issue 13, "trust: what the figures mean": the dashboard must not let "N milestones overdue" read as N promises
// broken when nobody has assessed them. Other specs may have assessed a few milestones by the time this runs, so
// every figure is checked against the open-data API rather than a fixed number.

async function figure(page: Page, label: RegExp): Promise<number> {
  const text = await page.getByRole("link", { name: label }).first().textContent();
  return Number(text!.match(/(\d+)/)![1]);
}

test("the dashboard splits overdue milestones into 'not yet assessed' and 'assessed and late', honestly", async ({
  page,
  request,
}) => {
  const list = async (query: string) =>
    (await (await request.get(`/api/v1/milestones?${query}&pageSize=500`)).json()) as {
      total: number;
      items: Array<{ status: string }>;
    };
  const [overdue, unassessed, late] = await Promise.all([
    list("due=overdue"),
    list("lateness=not_yet_assessed"),
    list("lateness=assessed_late"),
  ]);
  expect(unassessed.total).toBeGreaterThan(0);
  expect(unassessed.total + late.total).toBe(overdue.total);

  await page.goto("/");
  const glance = page.getByRole("region", { name: "At a glance" });
  await expect(glance.getByRole("link", { name: "milestones overdue" })).toBeVisible();
  expect(await figure(page, /not yet assessed by staff/)).toBe(unassessed.total);
  expect(await figure(page, /assessed and late/)).toBe(late.total);
  await expect(glance).toContainText(
    `${unassessed.total === overdue.total ? "All" : `${unassessed.total} of the`} ${overdue.total} milestones past their planned date`,
  );
  await expect(glance).toContainText("does not show that it was missed");
  const gaps = page.getByRole("region", { name: "Gaps to look at" });
  await expect(gaps).toContainText(
    `${overdue.total} milestones past their planned date and not complete: ${unassessed.total} not yet assessed, ${late.total} assessed and late`,
  );

  await expect(page.getByText(/counts every milestone past its planned date/)).toContainText(
    `of the ${overdue.total} overdue on`,
  );
  await expect(page.getByText(/counts every milestone past its planned date/)).toContainText(
    `${unassessed.total} had not been assessed by staff`,
  );

  // The list it leads to tags each of them "Date passed", not a red "Overdue".
  await glance.getByRole("link", { name: /not yet assessed by staff/ }).click();
  await expect(page).toHaveURL(/lateness=not_yet_assessed/);
  await expect(page.getByLabel("Past the planned date")).toHaveValue("not_yet_assessed");
  const table = page.getByRole("table", { name: "Milestones matching the filters" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(unassessed.total, 50));
  await expect(rows.filter({ hasText: "Date passed" })).toHaveCount(Math.min(unassessed.total, 50));
  await expect(table.getByText("Overdue", { exact: true })).toHaveCount(0);

  // What it all means is one click away, from the page and from every footer.
  await page.getByRole("link", { name: "What the dates, statuses and tags mean" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What the statuses and figures mean");
  await expect(page.getByRole("heading", { name: "Overdue, and the two kinds of it" })).toBeVisible();
  const footer = page.getByRole("navigation", { name: "Support links" });
  for (const name of ["About the tracker", "Accessibility statement", "Cookies", "Privacy"]) {
    await expect(footer.getByRole("link", { name })).toBeVisible();
  }
});

test("the slippage register shows slipped and overdue side by side, with days overdue", async ({ page, request }) => {
  const overdue = (await (await request.get("/api/v1/milestones?due=overdue&pageSize=500")).json()).total as number;
  await page.goto("/slippage");
  await expect(page.getByText(new RegExp(`^${overdue} of \\d+ are overdue`))).toBeVisible();
  await expect(page.getByText(/have slipped at least once/)).toBeVisible();
  // The national register's column (councils' local actions have a table of their own below it).
  const register = page.getByRole("table", { name: /^Slippage of every milestone/ });
  await expect(register.getByRole("columnheader", { name: "Days overdue" })).toBeVisible();
  await expect(page.getByText("Slipping and being overdue are different measures.")).toBeVisible();
});

test("the open-data page documents every field of every dataset", async ({ page, request }) => {
  await ensureProgramme(); // none is seeded
  await page.goto("/open-data");
  for (const [id, path] of [
    ["recommendations", "/api/v1/recommendations?pageSize=1"],
    ["milestones", "/api/v1/milestones?pageSize=1"],
    ["pillars", "/api/v1/pillars"],
    ["outcomes", "/api/v1/outcomes"],
    ["councils", "/api/v1/councils"],
    ["programmes", "/api/v1/programmes"],
  ] as const) {
    const item = (await (await request.get(path)).json()).items[0] as Record<string, unknown>;
    const section = page.locator(`section[aria-labelledby="${id}"]`);
    const documented = await section.locator("tbody tr td:first-child").allTextContents();
    expect(documented, id).toEqual(Object.keys(item));
  }
});

test("the about and legal pages read well on a phone, without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/about", "/about/statuses", "/accessibility", "/cookies", "/privacy"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
