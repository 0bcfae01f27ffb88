import { expect, test } from "@playwright/test";
import { flat, overlappingBoxes, readPdf } from "@/tests/support/briefing-files";

test("the briefing pack downloads as a PDF and as a Word document, each stored like a public page", async ({
  page,
}) => {
  await page.goto("/report?since=2023-02-02");
  await expect(
    page.getByRole("heading", { level: 2, name: "Children's social care reform: briefing pack" }),
  ).toBeVisible();
  await expect(page.getByText("The PDF is not tagged")).toBeVisible();
  for (const [name, pattern] of [
    ["Download this briefing as a PDF", /^reform-briefing-\d{4}-\d{2}-\d{2}\.pdf$/],
    ["Download this briefing as a Word document", /^reform-briefing-\d{4}-\d{2}-\d{2}\.docx$/],
  ] as const) {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name }).click();
    expect((await download).suggestedFilename()).toMatch(pattern);
  }
  for (const [path, type, magic] of [
    ["/report/pdf?since=2023-02-02&pillar=1", "application/pdf", "%PDF-"],
    [
      "/report/docx?since=2023-02-02&pillar=1",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "PK",
    ],
  ] as const) {
    const first = await page.request.get(path);
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toBe(type);
    expect((await first.body()).subarray(0, magic.length).toString()).toBe(magic);
    const second = await page.request.get(path);
    expect(second.headers()["x-cache"], path).toBe("HIT");
    expect(second.headers()["cache-control"]).toContain("public");
  }
});

test("the briefing pack answers bad parameters with 400 and says why, in every format", async ({ request }) => {
  for (const [query, why] of [
    ["asAt=2024-02-30", "must be a real date"],
    ["pillar=9", '"pillar" must be 1 to 6'],
    ["since=2025-01-01&asAt=2024-01-01", '"since" must be on or before "asAt"'],
    ["asAt=2024-06-30&nextMeeting=2024-06-01", '"nextMeeting" must be on or after "asAt"'],
    ["pillar=1&outcome=2", "Choose a pillar or an outcome, not both"],
  ] as const) {
    const html = await request.get(`/report?${query}`);
    expect(html.status(), query).toBe(400);
    const body = await html.text();
    expect(body).toContain("There is a problem");
    expect(body).toContain(why.replace(/"/g, "&quot;"));
    for (const format of ["pdf", "docx"]) {
      const file = await request.get(`/report/${format}?${query}`);
      expect(file.status(), `${format} ${query}`).toBe(400);
      expect(file.headers()["content-type"]).toBe("text/plain; charset=utf-8");
      expect(await file.text()).toContain(why);
    }
  }
});

test("the briefing pack's figures are the pillar page's, for the same pillar and date", async ({ page }) => {
  for (const n of [1, 4]) {
    await page.goto(`/pillars/${n}?asAt=2024-06-30`);
    const pillarRow = page.locator("#progress-status tbody tr").first();
    const onPage = await pillarRow.locator("td").allInnerTexts();
    await page.goto(`/report?pillar=${n}&asAt=2024-06-30&since=2023-02-02`);
    const table = page.getByRole("table", { name: /^Milestones by status/ });
    const inPack = await table.locator("tbody tr td:nth-of-type(1)").allInnerTexts();
    // The pillar page: one count per status (and its total); the pack: a row per status (its count, then its bar),
    // then the total and the overdue.
    expect(inPack.slice(0, onPage.length), `pillar ${n}`).toEqual(onPage);
    await expect(page.getByText(`Pillar ${n}:`, { exact: false }).first()).toBeVisible();
  }
});

test("the briefing pack prints on A4: no blank first page, no column cut off, no site navigation", async ({ page }) => {
  await page.goto("/report?since=2023-02-02");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Progress by status" })).toBeVisible();
  const pdf = await readPdf(await page.pdf({ format: "A4", printBackground: true }));
  expect(flat(pdf.pages[0]!)).toContain("Children's social care reform: briefing pack The whole reform");
  expect(flat(pdf.pages[0]!)).toContain("Summary");
  for (const header of ["Milestone", "Status", "Planned date", "Strategy's date"]) {
    expect(flat(pdf.pages.join(" "))).toContain(header);
  }
  // Every piece of text lies within the page: nothing is cut off at the right.
  expect(pdf.boxes.filter((box) => box.left < 0 || box.right > pdf.pageSize.width)).toEqual([]);
  expect(overlappingBoxes(pdf.boxes)).toEqual([]);
  expect(pdf.pages.every((text) => text.trim().length > 0)).toBe(true);
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
