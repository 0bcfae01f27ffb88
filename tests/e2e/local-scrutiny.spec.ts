import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_LOCAL_ACTION, ensureLocalAction } from "./support/local-actions";

// Councils' local actions in the national views (issue 15, items 1 and 6), in the production build: the compare
// page's tiles and table and its CSV, a milestone page's count of councils, /changes and the slippage register
// filtered to a council, and the council's feed, announced on its page. Attributed to the council, never a person.

test.beforeAll(async () => {
  ensureLocalAction();
});

test("the compare page shows every council's local status for a milestone, and downloads as CSV", async ({
  page,
  request,
}) => {
  await page.goto("/councils/compare?milestone=M-01");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("M-01: every council's local action");
  const tile = page.locator('[data-council="thurrock"]');
  await expect(tile).toContainText("Delayed");
  await expect(page.locator('[data-council="hartlepool"]')).toContainText("No local action");
  const tiles = await page.locator("[data-council]").count();
  expect(tiles).toBe(153);
  // The table is paged (a row for each local action and for each council with none); walk it to the end by its
  // "Next" link, counting rows, and find Thurrock's action on its page.
  const table = page.getByRole("table", { name: "Every council's local action for M-01" });
  const pagination = page.getByRole("navigation", { name: "Pages of results" });
  let tableRows = 0;
  let pages = 0;
  let thurrockFound = false;
  for (;;) {
    pages++;
    const rows = await table.locator("tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(50);
    tableRows += rows;
    if ((await table.getByText(E2E_LOCAL_ACTION.title).count()) > 0) thurrockFound = true;
    await expect(pagination).toContainText(`Page ${pages} of`);
    await expect(page.locator("[data-council]")).toHaveCount(153);
    const next = pagination.getByRole("link", { name: "Next page" });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`[?&]page=${pages + 1}#table-heading$`));
  }
  await page.locator("#table-heading").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/compare-table-last-page.png" });
  expect(pages).toBeGreaterThan(1);
  expect(thurrockFound).toBe(true);
  await page.goto("/councils/compare?milestone=M-01");

  const href = await page.getByRole("link", { name: /Download every council's local status/ }).getAttribute("href");
  const csv = await request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const run = spawnSync(
    "python3",
    [
      "-c",
      'import csv, io, json, sys\ntext = sys.stdin.buffer.read().decode("utf-8-sig")\njson.dump(list(csv.reader(io.StringIO(text, newline=""), strict=True)), sys.stdout)',
    ],
    { input: await csv.body() },
  );
  expect(run.status, run.stderr.toString()).toBe(0);
  const [header, ...rows] = JSON.parse(run.stdout.toString()) as string[][];
  expect(header![6]).toBe("status_label");
  // One row per local action for M-01 (other specs add some too: read them from the open data), and one for each
  // council with none.
  const published = (await (await request.get("/api/v1/local-actions?milestone=M-01&pageSize=100")).json()) as {
    items: Array<{ council: string }>;
  };
  const councilsWithOne = new Set(published.items.map((a) => a.council)).size;
  expect(rows).toHaveLength(153 - councilsWithOne + published.items.length);
  expect(tableRows).toBe(rows.length);
  expect(rows.find((r) => r[1] === "Thurrock" && r[4] === E2E_LOCAL_ACTION.title)!.slice(4, 7)).toEqual([
    E2E_LOCAL_ACTION.title,
    "delayed",
    "Delayed",
  ]);

  await page.screenshot({ path: "test-results/compare-desktop.png", fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("#tiles-heading").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/compare-phone.png" });
});

test("an unknown item is not found; a bad code or page is an error summary, answered with 400", async ({ page }) => {
  expect((await page.goto("/councils/compare?milestone=M-999"))!.status()).toBe(404);
  expect((await page.goto("/councils/compare.csv?recommendation=CR-999"))!.status()).toBe(404);
  expect((await page.goto("/councils/compare?milestone=not-a-code"))!.status()).toBe(400);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "The milestone must be a milestone code, for example M-30",
  );
  for (const bad of ["0", "two", "1.5"]) {
    expect((await page.goto(`/councils/compare?milestone=M-01&page=${bad}`))!.status(), bad).toBe(400);
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
      '"page" must be a whole number from 1.',
    );
    await expect(page.locator("[data-council]")).toHaveCount(153);
  }
  expect((await page.goto("/councils/compare?milestone=M-01&page=2"))!.status()).toBe(200);
  expect((await page.goto("/councils/compare?milestone=M-01&page=99"))!.status()).toBe(200);
  await expect(page.getByText(/There is no page 99 of this table: it has \d+ pages\./)).toBeVisible();
  // The first visit, with no item, is not an error.
  expect((await page.goto("/councils/compare?page=0"))!.status()).toBe(200);
});

test("a milestone's page counts the councils with a local action for it, and links to the compare page", async ({
  page,
  request,
}) => {
  // Other specs add local actions for M-01 too: the count must agree with the open data.
  const published = (await (await request.get("/api/v1/local-actions?milestone=M-01&pageSize=100")).json()) as {
    items: Array<{ council: string }>;
  };
  const councils = new Set(published.items.map((a) => a.council)).size;
  const actions = published.items.length;
  expect(councils).toBeGreaterThanOrEqual(2); // Thurrock's and York's, at least
  await page.goto("/milestones/M-01");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Councils' local actions" }) });
  await expect(section).toContainText(`${councils} councils have published ${actions} local actions for M-01.`);
  await expect(section).toContainText("Thurrock");
  await section.getByRole("link", { name: "Compare every council on M-01" }).click();
  await expect(page).toHaveURL(/\/councils\/compare\?milestone=M-01$/);
});

test("/changes and the slippage register list the council's changes, attributed to the council", async ({ page }) => {
  await page.goto("/changes?since=2023-02-02&council=thurrock");
  await expect(page.getByText("Published by Thurrock").first()).toBeVisible();
  await expect(page.locator("main")).toContainText(E2E_LOCAL_ACTION.reason);
  await expect(page.locator("main")).not.toContainText("e2e-local@");
  await page.goto("/slippage?council=thurrock");
  const table = page.getByRole("table", { name: /Slippage of Thurrock's local actions/ });
  await expect(table).toContainText(E2E_LOCAL_ACTION.title);
  await expect(table).toContainText(E2E_LOCAL_ACTION.reason);
  await page.screenshot({ path: "test-results/slippage-council.png" });
});

test("the council's page announces its feed, which carries its changes", async ({ page, request }) => {
  await page.goto("/councils/thurrock");
  const feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]').first();
  await expect(feed).toHaveAttribute("href", /\/councils\/thurrock\/feed\.xml$/);
  const response = await request.get("/councils/thurrock/feed.xml");
  expect(response.status()).toBe(200);
  const xml = await response.text();
  expect(xml).toContain("<author><name>Thurrock</name>");
  expect(xml).toContain(E2E_LOCAL_ACTION.reason);
  expect(xml).not.toContain("e2e-local@");
});

test("the briefing pack takes a council: its local section on the page, in the PDF and in the Word document", async ({
  page,
  request,
}) => {
  await page.goto("/report?since=2023-02-02&council=thurrock");
  const local = page.locator("section", { has: page.getByRole("heading", { name: "Local delivery: Thurrock" }) });
  await expect(local).toContainText(E2E_LOCAL_ACTION.title);
  await expect(local).toContainText(E2E_LOCAL_ACTION.reason);
  for (const [path, type] of [
    ["/report/pdf?since=2023-02-02&council=thurrock", "application/pdf"],
    [
      "/report/docx?since=2023-02-02&council=thurrock",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
  ]) {
    const file = await request.get(path!);
    expect(file.status(), path).toBe(200);
    expect(file.headers()["content-type"]).toBe(type);
    expect(file.headers()["content-disposition"]).toContain("-thurrock.");
  }
  expect((await request.get("/report/pdf?council=atlantis")).status()).toBe(404);
  await page.goto("/report?council=atlantis");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText('There is no council "atlantis"');
});
