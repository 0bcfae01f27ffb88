import { expect, test, type Page } from "@playwright/test";
import { todayInLondon } from "@/lib/dates";
import { ensureStaffUser, signIn } from "./support/staff";
import { untilHydrated } from "./support/hydration";
import { E2E_PROGRAMME, ensureProgramme } from "./support/programmes";

// Reading the tracker on a phone and with a keyboard (issue 13, items 5, 7, 11 and 12): no page is wider than a
// 390 px screen, the menu says where the reader is, focus follows a followed link, an "as at" date stays in the
// address while the reader navigates, and /changes lists each change once.

const ADMIN = { email: "e2e.phone.admin@education.gov.uk", password: "a phone-sized admin passphrase" };
const EDITOR = { email: "e2e.phone.editor@education.gov.uk", password: "a phone-sized editor passphrase" };
const PHONE = { width: 390, height: 844 };
const AS_AT = "2024-06-30";
// M-19 serves pillars 1 and 2, and outcomes 1 and 3 (prisma/seed/data/milestones.json).
const REASON = "The consultation closed later than planned, so the response will follow in the new year.";

/** Console errors, uncaught exceptions and CSP violations, as a reader's browser would report them. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: page error: ${error.message}`));
  return problems;
}

/** How far the page is wider than the window: 0 when nothing makes the reader scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Scrolls to the end (so lazy charts draw) and back, then measures. */
async function checkFits(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible();
  const charts = page.locator("figure[data-described-by]");
  for (const chart of await charts.all()) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator("svg").first()).toBeVisible();
  }
  expect(await sidewaysOverflow(page), `${path} is wider than ${PHONE.width} px`).toBe(0);
}

test.beforeAll(async ({ browser }) => {
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  // One staff change to a milestone in two pillars, so /changes has something to list (once).
  const page = await browser.newPage();
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto("/staff/milestones/M-19");
  // Once per server: a second worker after a failure finds the change made.
  if ((await page.getByLabel("Status").inputValue()) === "at_risk") return page.close();
  await page.getByLabel("Status").selectOption("at_risk");
  await page.getByLabel("Reason for this change").fill(REASON);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Milestone saved");
  await page.close();
});

test.describe("at 390 px wide", () => {
  test.use({ viewport: PHONE });

  test("the main public journeys never scroll sideways, and key columns are on screen", async ({ page }) => {
    await ensureProgramme();
    const problems = watchProblems(page);
    const since = todayInLondon();
    for (const path of [
      "/",
      "/recommendations",
      "/recommendations?pillar=1",
      "/recommendations/CMA-01",
      "/recommendations/CR-45",
      "/milestones",
      "/milestones?view=timeline",
      "/milestones/M-19",
      "/pillars/1",
      "/outcomes/1",
      `/changes?since=${since}`,
      "/changes?since=2023-02-02",
      "/slippage",
      "/councils",
      "/councils/thurrock",
      "/programmes",
      `/programmes/${E2E_PROGRAMME}`,
      "/report",
      `/?asAt=${AS_AT}`,
      `/milestones?asAt=${AS_AT}`,
    ]) {
      await checkFits(page, path);
    }

    // The reason on /changes and the total slippage on /slippage are read without scrolling sideways.
    await page.goto(`/changes?since=${since}`);
    const reason = page.getByText(REASON);
    await expect(reason).toBeVisible();
    const reasonBox = (await reason.boundingBox())!;
    expect(reasonBox.x + reasonBox.width).toBeLessThanOrEqual(PHONE.width);
    await page.goto("/slippage");
    const total = page
      .getByRole("cell")
      .filter({ hasText: /days?$|^None$|^0/ })
      .first();
    await expect(total).toBeVisible();
    const totalBox = (await total.boundingBox())!;
    expect(totalBox.x + totalBox.width).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
  });

  test("staff users, signed in as an administrator, fits the screen", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await checkFits(page, "/staff/users");
  });

  test("the list filters are folded away until asked for, and work when opened", async ({ page }) => {
    await page.goto("/milestones");
    const group = page.getByLabel("Group");
    await expect(group).toBeHidden();
    // The first result is on the first screen.
    const firstResult = page.getByRole("heading", { level: 2, name: /^\d+ milestones$/ });
    expect((await firstResult.boundingBox())!.y).toBeLessThan(PHONE.height);
    await page.getByText("Filters", { exact: true }).click();
    await expect(group).toBeVisible();
    await page.getByLabel("Status").selectOption("at_risk");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=at_risk/);
    await expect(page.getByText("Filters (1 applied)")).toBeVisible();
    await expect(page.getByRole("link", { name: /Consultation inviting views on updates/ })).toBeVisible();
  });
});

test("on a wide screen the filters are shown without a click", async ({ page }) => {
  await page.goto("/recommendations");
  await expect(page.getByLabel("Government response")).toBeVisible();
});

test("the main menu marks the current page and section with aria-current", async ({ page }) => {
  const menu = page.getByRole("navigation", { name: "Main" });
  await page.goto("/recommendations");
  await expect(menu.getByRole("link", { name: "Recommendations" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", /.*/);
  await expect(menu.locator("[aria-current]")).toHaveCount(1);

  // A recommendation is in the Recommendations section; after a client-side navigation the menu follows.
  await page.getByRole("link", { name: "Recommendation CR-01", exact: true }).click();
  await expect(page).toHaveURL(/\/recommendations\/CR-01$/);
  await expect(menu.getByRole("link", { name: "Recommendations" })).toHaveAttribute("aria-current", "true");
  await menu.getByRole("link", { name: "Milestones" }).click();
  await expect(page).toHaveURL(/\/milestones$/);
  await expect(menu.getByRole("link", { name: "Milestones" })).toHaveAttribute("aria-current", "page");
  await expect(menu.locator("[aria-current]")).toHaveCount(1);

  // It is in the HTML the server stores and sends to everyone for that address, not added later.
  const html = await (await page.request.get("/pillars")).text();
  expect(html).toMatch(
    /<a[^>]*aria-current="page"[^>]*href="\/pillars"|<a[^>]*href="\/pillars"[^>]*aria-current="page"/,
  );
});

test("after a menu link is followed with the keyboard, focus moves to the page", async ({ page }) => {
  await page.goto("/");
  // Focus is moved on a client-side navigation; before hydration the browser loads a new document itself.
  await untilHydrated(page);
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Milestones" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/milestones$/);
  await expect(page.getByRole("heading", { level: 1, name: "Milestones" })).toBeVisible();
  await expect(page.locator("#main-content")).toBeFocused();
  // The next Tab starts in the page, not back in the menu.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});

test("an 'as at' date stays in the address while navigating, until the reader goes back to today", async ({ page }) => {
  const problems = watchProblems(page);
  const menu = page.getByRole("navigation", { name: "Main" });

  // Every page that reads asAt has the control; choosing a date keeps the list's filters.
  await page.goto("/recommendations?pillar=2");
  await page.getByLabel("As at").fill(AS_AT);
  await page.getByRole("button", { name: "See a past date" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?pillar=2&asAt=${AS_AT}$`));
  await expect(page.getByRole("note", { name: "As at a past date" })).toContainText("30 June 2024");

  // The menu carries the date, in the stored HTML as well as in the browser.
  await expect(menu.getByRole("link", { name: "Milestones" })).toHaveAttribute("href", `/milestones?asAt=${AS_AT}`);
  const html = await (await page.request.get(`/pillars?asAt=${AS_AT}`)).text();
  expect(html).toContain(`href="/outcomes?asAt=${AS_AT}"`);
  // ...but not to pages that do not read it.
  await expect(menu.getByRole("link", { name: "Open data" })).toHaveAttribute("href", "/open-data");

  await menu.getByRole("link", { name: "Pillars" }).click();
  await expect(page).toHaveURL(`/pillars?asAt=${AS_AT}`);
  await expect(page.getByRole("note", { name: "As at a past date" })).toBeVisible();

  // A link in the page keeps it too.
  await page.getByRole("link", { name: /^2\. / }).click();
  await expect(page).toHaveURL(`/pillars/2?asAt=${AS_AT}`);
  await expect(page.getByRole("note", { name: "As at a past date" })).toContainText("30 June 2024");
  await menu.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(`/?asAt=${AS_AT}`);
  await page.getByRole("link", { name: /milestones past their planned date/ }).click();
  await expect(page).toHaveURL(new RegExp(`/milestones\\?gap=overdue&asAt=${AS_AT}$`));

  // Back to today: the date leaves the address and the links.
  await page.getByRole("link", { name: "Back to today" }).click();
  await expect(page).toHaveURL(/\/milestones\?gap=overdue$/);
  await expect(page.getByRole("note", { name: "As at a past date" })).toBeHidden();
  await expect(menu.getByRole("link", { name: "Pillars" })).toHaveAttribute("href", "/pillars");
  await menu.getByRole("link", { name: "Recommendations" }).click();
  await expect(page).toHaveURL(/\/recommendations$/);
  expect(problems).toEqual([]);
});

test("/changes lists each change once, with its pillars as tags, and filters by pillar and outcome", async ({
  page,
}) => {
  const since = todayInLondon();
  await page.goto(`/changes?since=${since}`);
  const rows = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^M-19 / }) });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Pillar 1");
  await expect(rows).toContainText("Pillar 2");
  await expect(rows).toContainText(REASON);

  await page.getByLabel("Pillar").selectOption("2");
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page).toHaveURL(/pillar=2/);
  await expect(page.getByRole("heading", { level: 2, name: /in pillar 2 from/ })).toBeVisible();
  await expect(rows).toHaveCount(1);

  // M-19 is in pillars 1 and 2 only. Other tests may have changed pillar 3 today: whatever is listed is tagged with it.
  await page.goto(`/changes?since=${since}&pillar=3`);
  await expect(page.getByRole("heading", { level: 2, name: /in pillar 3/ })).toBeVisible();
  await expect(rows).toHaveCount(0);
  const listed = page.getByRole("table", { name: /newest first$/ }).locator("tbody tr");
  for (const row of await listed.all()) await expect(row).toContainText("Pillar 3");
  await page.goto(`/changes?since=${since}&outcome=3`);
  await expect(rows).toHaveCount(1);
  await page.goto(`/changes?since=${since}&outcome=2`);
  await expect(rows).toHaveCount(0);

  // A bad filter gets the error summary, linked to its field, never a crash.
  const response = await page.goto(`/changes?since=${since}&pillar=9`);
  expect(response!.status()).toBe(200);
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await summary.getByRole("link", { name: `"pillar" must be one of: 1, 2, 3, 4, 5, 6.` }).click();
  await expect(page.getByLabel("Pillar")).toBeFocused();

  // With no period chosen, the suggestions read as sentences.
  await page.goto("/changes");
  await expect(page.getByRole("link", { name: "Changes in the last 30 days" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Changes since the strategy was published/ })).toBeVisible();
});

test("a chart's tooltip lists the categories in the legend's order, and its labels are whole", async ({ page }) => {
  await page.goto("/");
  const figure = page.locator("figure[data-described-by='responses-table']");
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const legend = await figure.locator(".recharts-legend-item-text").allTextContents();
  await figure.locator(".recharts-bar-rectangle").first().hover();
  const tooltip = figure.locator(".recharts-tooltip-item-name");
  await expect(tooltip.first()).toBeVisible();
  const listed = await tooltip.allTextContents();
  expect(listed.length).toBeGreaterThan(1);
  expect(listed).toEqual(legend.filter((name) => listed.includes(name)));
  // The review's whole name, on as many lines as it needs, not cut with an ellipsis.
  const ticks = await figure
    .locator("svg text")
    .evaluateAll((texts) =>
      texts.map((t) => [...t.querySelectorAll("tspan")].map((line) => line.textContent).join(" ")).join(" | "),
    );
  expect(ticks).toContain("Independent Review of Children's Social Care");
  expect(ticks).not.toContain("…");
});
