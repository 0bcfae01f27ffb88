import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { E2E_LOCAL_ACTION_PAGE, ensureLocalAction } from "./support/local-actions";

// Councils (issue 15, part one): the list, a council's page, and the open data, as a reader and a program get them.

test("a reader finds Thurrock by name and reads its page, with the national picture and the list's source", async ({
  page,
}) => {
  await page.goto("/councils");
  await expect(page.getByRole("heading", { level: 1, name: "Councils" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("153 councils");
  await expect(page.getByRole("heading", { level: 2, name: /^London \(33\)$/ })).toBeVisible();
  await page.getByLabel("Council name").fill("thurrock");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/councils\?q=thurrock/);
  await expect(page.getByRole("status")).toHaveText("1 council matches");
  await page.getByRole("link", { name: "Thurrock", exact: true }).click();
  await expect(page).toHaveURL(/\/councils\/thurrock$/);
  await expect(page.getByRole("heading", { level: 1, name: "Thurrock" })).toBeVisible();
  await expect(page.getByText("E06000034")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Local actions" })).toBeVisible();
  await expect(page.getByRole("region", { name: "National milestones by status" })).toBeVisible();
  await expect(page.getByText(/mySociety.*CC BY 4\.0/)).toBeVisible();
});

test("a council's GSS code leads to its page; an unknown council is a 404", async ({ request }) => {
  const redirect = await request.get("/councils/E06000034", { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers()["location"]).toMatch(/\/councils\/thurrock$/);
  expect((await request.get("/councils/no-such-council")).status()).toBe(404);
  expect((await request.get("/councils/%00")).status()).toBe(404);
  expect((await request.get("/councils/%FF")).status()).toBe(400);
  expect((await request.get("/councils?region=Wales")).status()).toBe(200); // an error summary, as other lists
});

test("the councils open data: JSON, a strict CSV, one council, and 400s that say what is wrong", async ({
  request,
}) => {
  const all = await (await request.get("/api/v1/councils")).json();
  expect(all.total).toBe(153);
  expect(all.items.find((c: { slug: string }) => c.slug === "thurrock")).toMatchObject({
    gssCode: "E06000034",
    region: "East of England",
    url: expect.stringMatching(/\/councils\/thurrock$/),
    attribution: expect.stringContaining("CC BY 4.0"),
  });
  const london = await (await request.get("/api/v1/councils?region=London")).json();
  expect(london.total).toBe(33);

  const csv = await request.get("/api/v1/councils?format=csv");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const records = parse(await csv.text(), {
    bom: true,
    columns: true,
    relax_quotes: false,
    relax_column_count: false,
    record_delimiter: ["\r\n", "\n", "\r"],
  }) as Array<Record<string, string>>;
  expect(records).toHaveLength(153);
  expect(records.find((r) => r.slug === "st-helens")).toMatchObject({ name: "St. Helens", gssCode: "E08000013" });

  expect(await (await request.get("/api/v1/councils/E06000034")).json()).toMatchObject({ slug: "thurrock" });
  expect((await request.get("/api/v1/councils/nowhere")).status()).toBe(404);
  const bad = await request.get("/api/v1/councils?region=Wales&colour=red");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors.map((e: { parameter: string }) => e.parameter)).toEqual(["region", "colour"]);
});

test("a council's page shows its local actions, slippage and changes beside the national picture, now and as at a date", async ({
  page,
}) => {
  await ensureLocalAction();
  await page.goto("/councils/rutland");
  await expect(page.getByText("Rutland has not published any local actions yet.")).toBeVisible();

  await page.goto("/councils/york");
  const actions = page.getByRole("region", { name: "York: local actions", exact: true });
  await expect(actions.getByRole("row", { name: /LA-1: One front door for families in York/ })).toContainText(
    "Delayed",
  );
  await expect(page.getByRole("region", { name: "York: local actions overdue or forecast late" })).toContainText(
    "Forecast moved from 31 March 2025 to 30 September 2025",
  );
  const changes = page.getByRole("region", { name: "What changed locally" });
  await expect(changes).toContainText("Updated by York");
  await expect(changes).toContainText("Reason: The case management system supplier moved its go-live date");
  await expect(page.getByRole("region", { name: /National milestones York.s local actions serve/ })).toContainText(
    "M-01",
  );
  // Attributed to the council, never to whoever typed it.
  expect(await page.content()).not.toContain("e2e@");

  await page
    .getByRole("link", { name: /LA-1: One front door/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${E2E_LOCAL_ACTION_PAGE}$`));
  await expect(page.getByRole("heading", { level: 1, name: "One front door for families in York" })).toBeVisible();
  await expect(page.getByText("Status: On track → Delayed")).toBeVisible();
  await expect(page.getByRole("link", { name: /CR-01/ })).toBeVisible();

  // As it stood before it slipped, and before it was published.
  await page.goto(`${E2E_LOCAL_ACTION_PAGE}?asAt=2024-12-31`);
  await expect(page.getByText(/as it stood at the end of 31 December 2024/)).toBeVisible();
  await expect(page.locator("h1 + p")).toContainText("On track");
  await expect(page.getByText("Status: On track → Delayed")).toHaveCount(0);
  await page.goto(`${E2E_LOCAL_ACTION_PAGE}?asAt=2024-06-30`);
  await expect(page.getByText("York had not published this local action by the end of that day.")).toBeVisible();
  const byCode = await page.request.get("/councils/E06000014?asAt=2024-06-30", { maxRedirects: 0 });
  expect([byCode.status(), byCode.headers()["location"]]).toEqual([308, "/councils/york?asAt=2024-06-30"]);
  await page.goto("/councils/york?asAt=2024-06-30");
  await expect(page.getByText("York has not published any local actions by 30 June 2024.")).toBeVisible();
});
