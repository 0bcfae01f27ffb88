import { expect, test } from "@playwright/test";
import { todayInLondon } from "@/lib/dates";
import { ensureStaffUser, signIn } from "./support/staff";

// Issue 13's proof: the three people who tried the tracker, each from their first page to the answer they came for.

test("a journalist: has the government done what it promised on kinship care and foster carers, and which promises are late?", async ({
  page,
}) => {
  await page.goto("/");
  // Kinship care, from the search box in the header, to the milestone and its status.
  await page.getByRole("search", { name: "Site" }).getByLabel("Search the tracker").fill("kinship");
  await page.getByRole("search", { name: "Site" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=kinship/);
  await page
    .getByRole("link", { name: /National Kinship Care Strategy/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/milestones\/M-30/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("National Kinship Care Strategy");
  await expect(
    page.getByText(/Not yet assessed|Not started|On track|At risk|Delayed|Complete|Superseded/).first(),
  ).toBeVisible();

  // Foster carers: the recommendations, with each one's milestones and their status beside it.
  await page.getByRole("search", { name: "Site" }).getByLabel("Search the tracker").fill("foster carers");
  await page.getByRole("search", { name: "Site" }).getByRole("button", { name: "Search" }).click();
  const result = page
    .locator("main li")
    .filter({ has: page.locator('h3 a[href^="/recommendations/CR-"]') })
    .first();
  await expect(result).toContainText(/foster carers/i);
  // Each recommendation found shows its milestones' progress beside it.
  await expect(result).toContainText(/No milestones|M-\d+/);

  // Which promises are late: the dashboard's split, the list it leads to, and what the tag means.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await page
    .getByRole("link", { name: /not yet assessed by staff/ })
    .first()
    .click();
  await expect(page).toHaveURL(/lateness=not_yet_assessed/);
  await expect(page.getByText("Date passed").first()).toBeVisible();
  await page.getByRole("link", { name: "What the dates, statuses and tags mean" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What the statuses and figures mean" })).toBeVisible();
  // The answer: a date passed on a milestone nobody has assessed is not a promise shown to be broken.
  await expect(page.getByText(/This is not evidence that it was missed/).first()).toBeVisible();
});

test("a council scrutiny officer: a briefing for the committee, on one pillar, since the last meeting", async ({
  page,
  request,
}) => {
  // Their own council first, then the national briefing for the paper.
  await page.goto("/councils?q=thurrock");
  await page.getByRole("link", { name: "Thurrock", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thurrock" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "The national picture" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Briefing pack" }).click();
  await page.getByLabel("Changes since (your last meeting)").fill("2024-03-01");
  await page.getByLabel("Date of the next meeting").fill("2027-01-14");
  await page.getByLabel("Only one pillar").selectOption("1");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/pillar=1/);
  await expect(page.getByText("For the meeting on 14 January 2027").first()).toBeVisible();
  await expect(page.getByText(/Period covered: 1 March 2024 to/).first()).toBeVisible();

  // The answer: the paper, in the two formats a committee agenda takes.
  const pdfHref = await page.getByRole("link", { name: "Download this briefing as a PDF" }).getAttribute("href");
  const docxHref = await page
    .getByRole("link", { name: "Download this briefing as a Word document" })
    .getAttribute("href");
  const pdf = await request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const docx = await request.get(docxHref!);
  expect(docx.status()).toBe(200);
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
});

test("a DfE programme officer: from the public page to the form, a save with a reason, and the public page shows it", async ({
  page,
}) => {
  const OFFICER = { email: "e2e.programme.officer@education.gov.uk", password: "the programme officer's passphrase" };
  const REASON = "The consultation response was published, so the milestone is on track again.";
  await ensureStaffUser(OFFICER.email, OFFICER.password, "editor");
  await signIn(page, OFFICER.email, OFFICER.password);

  await page.goto("/milestones/M-27");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Edit this milestone" }).click();
  await expect(page).toHaveURL(/\/staff\/milestones\/M-27$/);
  const next = (await page.getByLabel("Status").inputValue()) === "on_track" ? "at_risk" : "on_track";
  await page.getByLabel("Status").selectOption(next);
  // Too short a reason is refused, saying why; a sentence is saved.
  await page.getByLabel("Reason for this change").fill("x");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: /reason/i })
      .first(),
  ).toContainText(/20 characters/);
  await page.getByLabel("Reason for this change").fill(REASON);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Milestone saved");

  // The answer: the public page says the new status at once, and the change is listed with its reason.
  await page.getByRole("link", { name: "See the public page for M-27" }).click();
  await expect(page).toHaveURL(/\/milestones\/M-27$/);
  await expect(page.getByText(next === "on_track" ? "On track" : "At risk").first()).toBeVisible();
  await page.goto(`/changes?since=${todayInLondon()}`);
  await expect(page.getByRole("row").filter({ hasText: "M-27" }).first()).toContainText(REASON);
});
