import { expect, test } from "@playwright/test";

test("the home page shows the reform from the database, with the licence attribution", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Reform Tracker/);
  await expect(
    page.getByRole("heading", { level: 1, name: "How far has children's social care reform got?" }),
  ).toBeVisible();

  // Each review's row ends with its total.
  const reviews = page.getByRole("table", { name: "Recommendations by review and response" });
  await expect(reviews.getByRole("row", { name: /Independent Review of Children's Social Care .* 97$/ })).toBeVisible();
  await expect(reviews.getByRole("row", { name: /Child Protection in England .* 8$/ })).toBeVisible();
  await expect(reviews.getByRole("row", { name: /market study .* 8$/ })).toBeVisible();
  await expect(page.getByText("answered 113 recommendations")).toBeVisible();
  await expect(page.getByText(/set out 37 milestones/)).toBeVisible();

  await expect(page.getByRole("link", { name: "Open Government Licence v3.0" })).toBeVisible();

  // The skip link is the first thing a keyboard user reaches.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
});

test("the health check reports the database reachable and migrated", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "reachable", migrations: "applied" });
});
