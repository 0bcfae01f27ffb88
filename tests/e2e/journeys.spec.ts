import { expect, test } from "@playwright/test";

test("filter and search the recommendations, open one and follow it to its milestone", async ({ page }) => {
  await page.goto("/recommendations");
  await expect(page.getByRole("heading", { name: "Showing 1 to 50 of 113 recommendations" })).toBeVisible();

  await page.getByLabel("Search", { exact: true }).fill("Knowledge and Skills Statement");
  await page.getByLabel("Review").selectOption("CR");
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(/q=Knowledge\+and\+Skills\+Statement/);
  await expect(page).toHaveURL(/review=CR/);
  const results = page.getByRole("heading", { level: 3 });
  await expect(results.first()).toHaveText("Recommendation CR-02");

  await page.getByRole("link", { name: "Recommendation CR-02" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recommendation CR-02");
  await expect(
    page.getByText("We will publish a Knowledge and Skills statement for Family Help Workers by summer 2024."),
  ).toBeVisible();
  const milestones = page.getByRole("table", { name: "Milestones that deliver recommendation CR-02" });
  await expect(milestones.getByRole("row", { name: /Not yet assessed/ })).toHaveCount(1);

  await milestones.getByRole("link", { name: "Knowledge and Skills Statement for Family Help Workers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Knowledge and Skills Statement for Family Help Workers",
  );
  await expect(page.getByText("summer 2024", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Recommendation CR-02" })).toBeVisible();
});

test("a shared filtered address shows the same view, and its CSV holds the same rows", async ({ page, request }) => {
  await page.goto("/recommendations?class=testing&pillar=1");
  await expect(page.getByLabel("Government response")).toHaveValue("testing");
  await expect(page.getByLabel("Pillar")).toHaveValue("1");
  const heading = await page
    .getByRole("heading", { level: 2, name: /Showing 1 to \d+ of \d+ recommendations/ })
    .textContent();
  const total = Number(heading!.match(/of (\d+)/)![1]);

  const csvHref = await page.getByRole("link", { name: /as CSV/ }).getAttribute("href");
  const csv = await (await request.get(csvHref!)).text();
  expect(csv.trim().split("\r\n")).toHaveLength(total + 1);
});

test("the main journey works with the keyboard alone", async ({ page }) => {
  await page.goto("/recommendations");
  // Skip link first, then straight to the content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");

  await page.getByLabel("Search", { exact: true }).focus();
  await page.keyboard.type("family network plan");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=family\+network\+plan/);

  const first = page.getByRole("link", { name: /^Recommendation CR-\d+$/ }).first();
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Recommendation CR-\d+$/);
});

test("the dashboard's gaps lead to the filtered lists", async ({ page }) => {
  await page.goto("/");
  const overdue = page.getByRole("link", { name: /milestones past their planned date and not complete/ });
  const count = Number((await overdue.textContent())!.match(/^(\d+)/)![1]);
  await overdue.click();
  await expect(page).toHaveURL(/\/milestones\?gap=overdue/);
  await expect(
    page.getByRole("heading", { level: 2, name: `${count} milestone${count === 1 ? "" : "s"}` }),
  ).toBeVisible();

  await page.goto("/");
  await page
    .getByRole("link", { name: /recommendations the government accepted or is testing that no milestone delivers/ })
    .click();
  await expect(page).toHaveURL(/gap=undelivered/);
  await expect(page.getByLabel("Gaps")).toHaveValue("undelivered");
});

test("every chart has its numbers in a table beside it", async ({ page }) => {
  await page.goto("/");
  for (const name of [
    "Recommendations by review and response",
    "Milestones by pillar and status",
    "Milestones by outcome or enabler and status",
    "Milestones due, done and overdue by quarter",
  ]) {
    await expect(page.getByRole("table", { name })).toBeVisible();
  }
  await expect(
    page
      .getByRole("table", { name: "Recommendations by review and response" })
      .getByRole("row", { name: /Child Protection in England/ }),
  ).toContainText("8");
});

test("milestones can be seen as a timeline by quarter", async ({ page }) => {
  await page.goto("/milestones");
  await page.getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/view=timeline/);
  await expect(page.getByRole("heading", { level: 3, name: "2023 Q3" })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Milestones planned for 2023 Q3" })
      .getByRole("link", { name: "North East hub established to support prospective foster carers" }),
  ).toBeVisible();
});
