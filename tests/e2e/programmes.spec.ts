import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ensureStaffUser, signIn } from "./support/staff";

// National programmes (issue 15, item 2): an editor records one through the staff forms, links a milestone and adds
// two councils; the public programme page shows them as a table and as tiles, the council page lists the programme,
// and /councils filters by it.

const EDITOR = { email: "e2e.programmes.editor@education.gov.uk", password: "a long programmes passphrase" };
const REASON = "Announced in the strategy, chapter 2";

test.beforeAll(async () => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
});

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function addCouncil(page: Page, council: string, from: string) {
  await page.getByRole("link", { name: "Add a council" }).click();
  await page.getByLabel("Council", { exact: true }).fill(council);
  await page.getByLabel("Takes part from").fill(from);
  await page.getByLabel("Reason for the change").fill(REASON);
  await page.getByRole("button", { name: "Add council" }).click();
  await expect(page.getByRole("status")).toContainText("Council added");
}

test("an editor records a programme, links a milestone and adds two councils; the public pages show them", async ({
  page,
}) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.getByRole("link", { name: "National programmes and the councils that take part" }).click();
  await page.getByRole("link", { name: "Add a programme" }).click();
  await expectNoAxeViolations(page);

  // A short reason is refused with the error summary, and what was typed is kept.
  await page.getByLabel("Web address name").fill("regional-care-cooperative-pathfinders");
  await page.getByLabel("Name", { exact: true }).fill("Regional Care Cooperative pathfinders");
  await page.getByLabel("What it is").fill("Councils in two regions plan and commission care places together.");
  await page.getByLabel("Why it is being recorded").fill("typo");
  await page.getByRole("button", { name: "Add programme" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link", { name: /Write the reason as a short sentence/ })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Regional Care Cooperative pathfinders");
  await page.getByLabel("Why it is being recorded").fill(REASON);
  await page.getByRole("button", { name: "Add programme" }).click();
  await expect(page).toHaveURL(/\/staff\/programmes\/regional-care-cooperative-pathfinders\?saved=added$/);
  await expect(page.getByRole("status")).toContainText("Programme added");

  await page.getByRole("link", { name: "Link milestones" }).click();
  await page.getByRole("textbox", { name: "Milestones it delivers" }).fill("M-20, M-999");
  await page.getByLabel("Reason for the change").fill(REASON);
  await page.getByRole("button", { name: "Save milestones" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "No milestone has the code M-999",
  );
  await page.getByRole("textbox", { name: "Milestones it delivers" }).fill("M-20");
  await page.getByRole("button", { name: "Save milestones" }).click();
  await expect(page.getByRole("status")).toContainText("Milestones saved");

  await addCouncil(page, "thurrock", "2024-04-01");
  await addCouncil(page, "E08000011", "2024-04-01");
  await expect(page.getByRole("table", { name: "Councils and their dates" }).getByRole("row")).toHaveCount(3);

  // The public programme page: the milestone with its status tag, the councils as a table and as tiles.
  await page.goto("/programmes");
  await page.getByRole("link", { name: "Regional Care Cooperative pathfinders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Regional Care Cooperative pathfinders" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^M-20:/ })).toBeVisible();
  const table = page.getByRole("table", { name: /^Councils in Regional Care Cooperative pathfinders/ });
  await expect(
    table.getByRole("row", { name: /Thurrock East of England 1 April 2024 Still taking part/ }),
  ).toBeVisible();
  await expect(table.getByRole("row", { name: /Knowsley North West 1 April 2024 Still taking part/ })).toBeVisible();
  const east = page.getByRole("list", { name: "Councils in East of England" });
  await expect(east.getByRole("listitem").filter({ hasText: "Thurrock" })).toContainText("Taking part");
  await expect(east.getByRole("listitem").filter({ hasText: "Essex" })).not.toContainText("Taking part");
  await expect(page.getByRole("heading", { level: 3, name: /^North West \(1 of \d+ taking part\)$/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // The council page lists it; /councils filters by it.
  await page.goto("/councils/thurrock");
  const programmes = page.getByRole("region", { name: "National programmes" });
  await expect(programmes.getByRole("link", { name: "Regional Care Cooperative pathfinders" })).toBeVisible();
  await expect(programmes).toContainText("from 1 April 2024 (taking part now)");
  await page.goto("/councils");
  await page.getByLabel("National programme").selectOption("regional-care-cooperative-pathfinders");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/programme=regional-care-cooperative-pathfinders/);
  await expect(page.getByRole("status")).toHaveText("2 councils match");

  // A staff change reaches the stored public page: ending Knowsley's participation.
  await page.goto("/staff/programmes/regional-care-cooperative-pathfinders");
  await page.getByRole("link", { name: "End participation of Knowsley" }).click();
  await page.getByLabel("The last day Knowsley takes part").fill("2025-03-31");
  await page.getByLabel("Reason for the change").fill(REASON);
  await page.getByRole("button", { name: "End its participation" }).click();
  await expect(page.getByRole("status")).toContainText("Council's participation ended");
  await page.goto("/programmes/regional-care-cooperative-pathfinders");
  await expect(
    page
      .getByRole("table", { name: /^Councils in Regional Care Cooperative pathfinders/ })
      .getByRole("row", { name: /Knowsley North West 1 April 2024 31 March 2025/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Councils in North West" }).getByRole("listitem").filter({ hasText: "Knowsley" }),
  ).toContainText("Took part");
});

test("the programmes open data, and 400s and 404s that say what is wrong", async ({ request }) => {
  const list = await (await request.get("/api/v1/programmes")).json();
  expect(Array.isArray(list.items)).toBe(true);
  expect((await request.get("/api/v1/programmes?format=csv")).headers()["content-type"]).toBe(
    "text/csv; charset=utf-8",
  );
  expect((await request.get("/api/v1/programmes?colour=red")).status()).toBe(400);
  expect((await request.get("/api/v1/programmes/no-such-programme")).status()).toBe(404);
  expect((await request.get("/programmes/no-such-programme")).status()).toBe(404);
  const bad = await request.get("/api/v1/councils?programme=no-such-programme");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors[0].parameter).toBe("programme");
  expect((await request.get("/councils?programme=no-such-programme")).status()).toBe(200); // an error summary
});
