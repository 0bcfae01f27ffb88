import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";

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
  await expect(page.getByText("Thurrock has not published local actions yet")).toBeVisible();
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
