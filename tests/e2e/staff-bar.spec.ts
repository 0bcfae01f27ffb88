import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { STAFF_HINT_COOKIE } from "@/lib/auth/staff-hint";
import { untilHydrated } from "./support/hydration";
import { ensureStaffUser, signIn } from "./support/staff";

// The staff bar on public pages (components/site/staff-bar.tsx): shown to signed-in staff from the browser, never
// rendered into the stored page, and asked for only when the "signed in" hint cookie is there.

const EDITOR = { email: "e2e.bar.editor@education.gov.uk", password: "a long staff bar passphrase" };
const SESSION_ROUTE = "/api/staff/session";

test.beforeAll(async () => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
});

/** Every request the page makes to the session route, from now on. */
function sessionRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === SESSION_ROUTE) seen.push(request.url());
  });
  return seen;
}

test("an anonymous reader gets no staff bar and makes no request for the session", async ({ page }) => {
  const requests = sessionRequests(page);
  for (const url of ["/milestones/M-01", "/recommendations/CR-01", "/"]) {
    await page.goto(url);
    await untilHydrated(page);
    // A navigation inside the app, too, where the bar re-checks.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Milestones" }).click();
    await expect(page).toHaveURL(/\/milestones$/);
    await untilHydrated(page);
  }
  await expect(page.getByRole("navigation", { name: "Staff" })).toHaveCount(0);
  expect(requests).toEqual([]);
});

test("signed-in staff see who they are, the staff home and an Edit link that leads to the form and back", async ({
  page,
  context,
}) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  const hint = (await context.cookies()).find((c) => c.name === STAFF_HINT_COOKIE);
  // No secret, so readable by the bar's script; Lax; not Secure over plain http (the unit test covers https).
  expect(hint).toMatchObject({ value: "1", httpOnly: false, sameSite: "Lax", secure: false, path: "/" });

  const requests = sessionRequests(page);
  await page.goto("/milestones/M-01");
  const bar = page.getByRole("navigation", { name: "Staff" });
  await expect(bar).toContainText("Signed in as e2e.bar.editor");
  await expect(bar.getByRole("link", { name: "Staff home" })).toHaveAttribute("href", "/staff");
  const results = await new AxeBuilder({ page })
    .include('nav[aria-label="Staff"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await bar.getByRole("link", { name: "Edit this milestone" }).click();
  await expect(page).toHaveURL(/\/staff\/milestones\/M-01$/);
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  // No bar on staff pages: they say who is signed in themselves.
  await expect(page.getByRole("navigation", { name: "Staff" })).toHaveCount(0);
  await page.getByRole("link", { name: "See the public page for M-01" }).click();
  await expect(page).toHaveURL(/\/milestones\/M-01$/);

  await page.goto("/recommendations/CR-01");
  await bar.getByRole("link", { name: "Reclassify this recommendation" }).click();
  await expect(page).toHaveURL(/\/staff\/recommendations\/CR-01$/);
  await page.getByRole("link", { name: "See the public page for CR-01" }).click();
  await expect(page).toHaveURL(/\/recommendations\/CR-01$/);

  // On a list there is nothing to edit: the bar has no Edit link.
  await page.goto("/milestones");
  await expect(bar.getByRole("link", { name: "Staff home" })).toBeVisible();
  await expect(bar.getByRole("link", { name: /Edit|Reclassify/ })).toHaveCount(0);
  // One question per page load, private and never stored.
  expect(requests.length).toBeGreaterThan(0);
  const answer = await page.request.get(SESSION_ROUTE);
  expect(answer.headers()["cache-control"]).toBe("private, no-store");
  expect(await answer.json()).toMatchObject({ signedIn: true, mayUpdateMilestones: true, mayReclassify: true });
});

test("signing out clears the hint, and a hint without a live session is cleared at the first question", async ({
  page,
  context,
  baseURL,
}) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect
    .poll(async () => (await context.cookies()).some((c) => c.name === STAFF_HINT_COOKIE && c.value === "1"))
    .toBe(false);

  // A hint left behind (the session ended elsewhere, or expired): the bar asks once, learns no one is signed in,
  // and the answer clears the hint, so the next page asks nothing.
  await context.addCookies([{ name: STAFF_HINT_COOKIE, value: "1", url: baseURL! }]);
  const requests = sessionRequests(page);
  await page.goto("/milestones/M-01");
  await expect.poll(() => requests.length).toBe(1);
  await expect
    .poll(async () => (await context.cookies()).some((c) => c.name === STAFF_HINT_COOKIE && c.value === "1"))
    .toBe(false);
  await expect(page.getByRole("navigation", { name: "Staff" })).toHaveCount(0);
  await page.goto("/recommendations/CR-01");
  await untilHydrated(page);
  expect(requests).toHaveLength(1);
});
