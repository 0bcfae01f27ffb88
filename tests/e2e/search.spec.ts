import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { MILESTONE_STATUS_LABELS } from "@/lib/vocabulary";

// Issue 13, items 3, 4 and 6: the journalist's search for "kinship" from the header, milestone statuses wherever
// recommendations are listed, and feeds that can be found.

const STATUS_WORD = new RegExp(`^(${Object.values(MILESTONE_STATUS_LABELS).join("|")})$`);

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("a reader searches from the header for 'kinship' and finds the National Kinship Care Strategy", async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await page.goto("/recommendations");
  const box = page.getByRole("search", { name: "Site" }).getByRole("searchbox", { name: "Search the tracker" });
  await box.fill("kinship");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=kinship$/);
  await expect(page.getByRole("heading", { level: 2, name: /^1 to \d+ of \d+ results for “kinship”$/ })).toBeVisible();

  const m30 = page.getByRole("link", { name: "M-30: National Kinship Care Strategy" });
  await expect(m30).toBeVisible();
  await expect(m30.locator("mark")).toHaveText("Kinship");
  // Every highlighted word is a form of the word searched for.
  const marks = await page.getByRole("main").locator("mark").allTextContents();
  expect(marks.length).toBeGreaterThan(3);
  for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^kinship/);

  await page.waitForLoadState("networkidle");
  expect(await axeViolations(page)).toEqual([]);

  // Narrowed to recommendations: each shows its government response and its milestones' statuses, in words.
  await page
    .getByRole("navigation", { name: "Kinds of result" })
    .getByRole("link", { name: /^Recommendations/ })
    .click();
  await expect(page).toHaveURL(/kind=recommendation/);
  const results = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3 }) });
  expect(await results.count()).toBeGreaterThan(1);
  for (const result of await results.all()) {
    await expect(result.getByRole("heading", { level: 3 })).toHaveText(/^Recommendation [A-Z]+-\d+$/);
    const milestones = result.getByRole("list", { name: "Milestones" });
    if ((await milestones.count()) === 0) await expect(result.getByText("No milestones")).toBeVisible();
    else for (const tag of await milestones.locator("strong").allTextContents()) expect(tag).toMatch(STATUS_WORD);
  }

  await page.goto("/search?q=kinship");
  await page.getByRole("link", { name: "M-30: National Kinship Care Strategy" }).click();
  await expect(page).toHaveURL(/\/milestones\/M-30$/);
  expect(errors).toEqual([]);
});

test("the header search works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search the tracker" }).fill("foster carers");
  await page.getByRole("search", { name: "Site" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=foster\+carers$/);
  await expect(page.getByRole("heading", { level: 2, name: /results for “foster carers”$/ })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Words to search for" })).toHaveValue("foster carers");
  await context.close();
});

test("search without words, or with a bad value, says what to do", async ({ page, request }) => {
  await page.goto("/search?q=+");
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Enter words to search for" })).toHaveAttribute("href", "#filter-q");
  await page.goto("/search?q=the+and");
  await expect(page.getByText("Every word you searched for is too common to search for")).toBeVisible();

  const empty = await request.get("/api/v1/search?q=");
  expect(empty.status()).toBe(400);
  expect((await empty.json()).message).toBe('Enter words to search for, in "q" (for example q=kinship).');
  const tooLong = await request.get(`/api/v1/search?q=${"a".repeat(201)}`);
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).message).toBe("Search words must be 200 characters or fewer (these are 201).");
  const api = await request.get("/api/v1/search?q=kinship&kind=milestone");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.items.map((i: { code: string }) => i.code)).toContain("M-30");
});

test("lists of recommendations show each linked milestone's status, and milestones can be searched", async ({
  page,
}) => {
  await page.goto("/recommendations?review=CR&pillar=4");
  const cr45 = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Recommendation CR-45" }) });
  const milestones = cr45.getByRole("list", { name: "Milestones" });
  await expect(milestones.getByRole("link", { name: "Milestone M-01" })).toBeVisible();
  await expect(milestones.getByRole("listitem").first().locator("strong")).toHaveText(STATUS_WORD);

  await page.goto("/pillars/4");
  const onPillar = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Recommendation CR-45" }) });
  await expect(
    onPillar.getByRole("list", { name: "Milestones" }).getByRole("link", { name: "Milestone M-01" }),
  ).toBeVisible();

  await page.goto("/milestones");
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("kinship");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=kinship/);
  await expect(page.getByRole("link", { name: /National Kinship Care Strategy/ })).toBeVisible();
});

test("every page announces the whole reform's feed, and pillar pages their own; both can be followed", async ({
  page,
  request,
}) => {
  const feeds = () =>
    page
      .locator('head link[rel="alternate"][type="application/atom+xml"]')
      .evaluateAll((links) => links.map((l) => [l.getAttribute("href"), l.getAttribute("title")]));
  for (const path of ["/", "/recommendations", "/search?q=kinship", "/changes"]) {
    await page.goto(path);
    expect(await feeds(), path).toEqual([["/feed.xml", "Reform Tracker: every published change"]]);
  }
  await expect(page.getByRole("link", { name: "every change to the reform (Atom feed)" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "every change to the reform (Atom feed)" })).toHaveAttribute(
    "href",
    "/feed.xml",
  );

  await page.goto("/pillars/3");
  expect(await feeds()).toEqual([
    ["/pillars/3/feed.xml", "Reform Tracker: changes to pillar 3"],
    ["/feed.xml", "Reform Tracker: every published change"],
  ]);
  const pillarFeed = page.getByRole("link", { name: "changes to pillar 3 (Atom feed)" });
  await expect(pillarFeed).toBeVisible();
  for (const href of ["/feed.xml", await pillarFeed.getAttribute("href")]) {
    const response = await request.get(href!);
    expect(response.status(), href!).toBe(200);
    expect(response.headers()["content-type"], href!).toMatch(/^application\/atom\+xml/);
  }
});

test("search results fit a phone's width", async ({ page }) => {
  for (const [name, width] of [
    ["desktop", 1280],
    ["phone", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/search?q=kinship+carers");
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, name).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/search-${name}.png`, fullPage: true });
  }
});
