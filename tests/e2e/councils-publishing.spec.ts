import { expect, test } from "@playwright/test";

// The council list's "publishes local actions" filter and each council's count of local actions (issue 15). Other
// journeys add local actions to some councils: whatever they did, "yes" lists only councils with at least one and
// "no" only councils with none, and the two make up the 153.

const countOf = async (status: string) => Number(/^(\d+)/.exec(status)?.[1] ?? NaN);

test("a reader filters the councils by whether they publish local actions, and sees each council's count", async ({
  page,
}, testInfo) => {
  await page.goto("/councils");
  await expect(page.getByRole("columnheader", { name: "Local actions" }).first()).toBeVisible();
  await page.getByLabel("Publishes local actions").selectOption("no");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/councils\?(.*&)?publishes=no/);
  const notYet = await countOf((await page.getByRole("status").textContent()) ?? "");
  const cells = page.locator("tbody tr td:last-child");
  await expect(cells.first()).toHaveText("None yet");
  expect(new Set(await cells.allTextContents())).toEqual(new Set(["None yet"]));

  await page.goto("/councils?publishes=yes");
  await expect(page.getByLabel("Publishes local actions")).toHaveValue("yes");
  const publishing = await countOf((await page.getByRole("status").textContent()) ?? "");
  expect(notYet + publishing).toBe(153);
  for (const text of await page.locator("tbody tr td:last-child").allTextContents())
    expect(Number(text.replace(/,/g, ""))).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath("publishing-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/councils?publishes=no");
  await page.screenshot({ path: testInfo.outputPath("not-yet-390.png") });
});

test("a bad value gets an error summary, not an error page", async ({ page }) => {
  const response = await page.goto("/councils?publishes=maybe");
  expect(response!.status()).toBe(200);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    '"publishes" must be one of: yes, no.',
  );
  await expect(page.getByRole("status")).toHaveText("153 councils");
});
