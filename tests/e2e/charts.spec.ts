import { expect, test } from "@playwright/test";

// The dashboard's charts are drawn in the browser as each nears the viewport (components/charts/chart-queue.ts):
// each must end up with real bars, in the space the server kept for it, with nothing logged as an error.
test("the dashboard draws each chart as it is scrolled to, without moving the tables", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");

  const figures = page.locator("main figure");
  await expect(figures).toHaveCount(4);
  const tableTops = () =>
    page
      .locator("main table")
      .evaluateAll((tables) => tables.map((t) => t.getBoundingClientRect().top + window.scrollY));
  const before = await tableTops();

  for (const figure of await figures.all()) {
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator(".recharts-wrapper .recharts-surface").first()).toBeVisible();
    await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
  }
  expect(await tableTops()).toEqual(before);
  expect(errors).toEqual([]);
});
