import { expect, test } from "@playwright/test";

test("the briefing pack downloads as a PDF", async ({ page }) => {
  await page.goto("/report?since=2023-02-02");
  await expect(page.getByRole("heading", { level: 2, name: "Children's social care reform: briefing" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download this briefing as a PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^reform-briefing-\d{4}-\d{2}-\d{2}\.pdf$/);
  const response = await page.request.get("/report/pdf?since=2023-02-02&pillar=1");
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect((await page.request.get("/report/pdf?asAt=2024-02-30")).status()).toBe(400);
});

test("the briefing pack prints on A4 without the site navigation", async ({ page }) => {
  await page.goto("/report?since=2023-02-02");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "By pillar" })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});

test("Atom feeds list published changes, for the reform and per pillar", async ({ request }) => {
  const feed = await request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toMatch(/<id>http:\/\/[^<]+\/feed\.xml<\/id>/);
  const pillar = await request.get("/pillars/3/feed.xml");
  expect(await pillar.text()).toContain("changes to pillar 3");
  expect((await request.get("/pillars/9/feed.xml")).status()).toBe(404);
});

test("what changed and the slippage register take shareable addresses", async ({ page }) => {
  await page.goto("/changes?since=2023-02-02");
  await expect(page.getByLabel(/since|from/i).first()).toHaveValue("2023-02-02");
  await page.goto("/slippage?sort=code");
  await expect(page.getByRole("table").first()).toBeVisible();
  await page.goto("/changes?since=2024-02-30");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
});

test("every view that takes asAt answers a bad one with 400 and says why, and a good one with 200", async ({
  page,
  request,
}) => {
  const views = [
    "/",
    "/milestones/M-01",
    "/recommendations/CR-01",
    "/pillars",
    "/pillars/1",
    "/outcomes",
    "/outcomes/1",
    "/slippage",
    "/milestones",
    "/recommendations",
    "/report",
  ];
  for (const view of views) {
    for (const [asAt, why] of [
      ["2023-02-30", "must be a real date"],
      ["1999-01-01", "on or after 2023-02-02"],
    ]) {
      const response = await request.get(`${view}?asAt=${asAt}`);
      const body = await response.text();
      expect(response.status(), `${view}?asAt=${asAt}`).toBe(400);
      expect(response.headers()["x-reform-tracker-status"]).toBeUndefined();
      expect(body, `${view}?asAt=${asAt}`).toContain("There is a problem");
      expect(body, `${view}?asAt=${asAt}`).toContain(why);
    }
    expect((await request.get(`${view}?asAt=2024-06-30`)).status(), view).toBe(200);
  }
  // In the browser: the message, at the top, and today's figures below it.
  const response = await page.goto("/pillars/1?asAt=2023-02-30");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Showing the reform as it is today.",
  );
  await expect(page.getByRole("note", { name: "As at a past date" })).toHaveCount(0);
});

test("public views can be shown as at a past date, with the way back to today", async ({ page }) => {
  await page.goto("/?asAt=2024-06-30");
  await expect(page.getByRole("note", { name: "As at a past date" })).toContainText("30 June 2024");
  await page.getByRole("link", { name: /milestones overdue/ }).click();
  await expect(page).toHaveURL(/asAt=2024-06-30/);
  await expect(page.getByRole("note", { name: "As at a past date" })).toBeVisible();
  await page.getByRole("link", { name: "Back to today" }).click();
  await expect(page.getByRole("note", { name: "As at a past date" })).toHaveCount(0);
  const api = await page.request.get("/api/v1/milestones?asAt=2024-06-30&status=complete");
  expect(api.status()).toBe(200);
  expect((await page.request.get("/api/v1/milestones?asAt=2099-01-01")).status()).toBe(400);
});
