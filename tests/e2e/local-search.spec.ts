import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Issue 15: "searching 'Thurrock' finds nothing" was the problem; now the header search leads to the council's page.

test("a reader searches from the header for 'Thurrock' and reaches the council's page", async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("/");
  const box = page.getByRole("search", { name: "Site" }).getByRole("searchbox", { name: "Search the tracker" });
  await box.fill("Thurrock");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Thurrock$/);
  const results = page.getByRole("list").filter({ has: page.getByRole("link", { name: "Thurrock", exact: true }) });
  const first = results.getByRole("listitem").first();
  await expect(first).toContainText("Council");
  await expect(first).toContainText("Official name: Thurrock Council");
  await expect(page.getByRole("link", { name: "Councils (1)" })).toBeVisible();
  const scan = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("thurrock-desktop.png") });
  await first.getByRole("link", { name: "Thurrock", exact: true }).click();
  await expect(page).toHaveURL(/\/councils\/thurrock$/);
  await expect(page.getByRole("heading", { level: 1, name: "Thurrock" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("the search's new kinds are filters, and an unknown kind still says what is allowed", async ({ request }) => {
  const councils = await request.get("/api/v1/search?q=thurrock&kind=council");
  expect(councils.status()).toBe(200);
  expect((await councils.json()).items[0]).toMatchObject({ kind: "council", code: "E06000034" });
  const bad = await request.get("/api/v1/search?q=thurrock&kind=councils");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("council, programme, local_action");
});
