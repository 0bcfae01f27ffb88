import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, ensureStaffUser, signIn } from "./support/staff";

// Issue 15, item 4 (decision 0017), end to end: a DfE admin creates Thurrock's first council lead; the lead invites a
// council editor; the editor signs in, adds a local action and updates it with a slip and a reason; the change is
// audited against Thurrock and attributed to the council in public; the lead lifts the editor's sign-in lock-out. Every council staff page is scanned with axe and
// watched for console errors and CSP violations on the way.

const ADMIN = { email: "e2e.council.admin@education.gov.uk", password: "a long council admin passphrase" };
// Unique per run, so a re-run against a kept database starts from fresh accounts.
const RUN = Date.now().toString(36);
const LEAD_EMAIL = `lead.${RUN}@thurrock.gov.uk`;
const EDITOR_EMAIL = `editor.${RUN}@thurrock.gov.uk`;
const LANDING = "Thurrock: local actions";
const EDITOR_PASSWORD = "the editor's own long passphrase";

test.beforeAll(async () => {
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
});

/** Console errors, page errors and CSP violations seen by a page. */
async function watched(
  browser: Browser,
): Promise<{ page: Page; problems: () => Promise<string[]>; close(): Promise<void> }> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(`CSP ${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") seen.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => seen.push(`page error: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) seen.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return {
    page,
    problems: async () => [
      ...seen,
      ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])),
    ],
    close: () => context.close(),
  };
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations.map((v) => `${page.url()} ${v.id}: ${v.help}`);
}

/** The one-time password shown in the success banner after an invitation or a reset. */
async function oneTimePassword(page: Page, email: string): Promise<string> {
  const banner = page.getByRole("alert", { name: "Success" });
  await expect(banner).toContainText(`One-time password for ${email}:`);
  return (await banner.locator("code").textContent())!.trim();
}

/** First sign-in with a one-time password: the account must choose its own, then lands on its council's page. */
async function firstSignIn(page: Page, email: string, otp: string, password: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(otp);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  // Until they do, even their council's page sends them back here.
  await page.goto("/staff/councils/thurrock");
  await expect(page.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  await page.getByLabel("Current password").fill(otp);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: LANDING })).toBeVisible();
  await expect(page.getByText("Your password has been changed")).toBeVisible();
}

async function auditOf(entityCode: string) {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ action: string; actor_label: string; reason: string | null; after: unknown }>(
      `SELECT action, actor_label, reason, "after" FROM audit_event WHERE entity_type = 'local_action' AND entity_code = $1 ORDER BY id`,
      [entityCode],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** One try at the sign-in form; the page then shows where it went (the council's page, or the form with an error). */
async function signInAttempt(page: Page, email: string, password: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert", { name: "There is a problem" }).or(page.getByRole("heading", { level: 1, name: LANDING })),
  ).toBeVisible();
}

async function userEvents(email: string) {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ action: string; actor_label: string }>(
      "SELECT action, actor_label FROM audit_event WHERE entity_type = 'user' AND entity_code = $1 ORDER BY id",
      [email],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Removes an account's sign-in attempts, so this test's failures do not count against this address later. */
async function forgetSignInAttempts(email: string) {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query("DELETE FROM sign_in_attempt WHERE email = $1", [email]);
  } finally {
    await client.end();
  }
}

test("an admin creates a council lead, who invites an editor, who adds a local action and records its slip", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await watched(browser);
  await signIn(admin.page, ADMIN.email, ADMIN.password);
  await admin.page.goto("/staff/users");
  await admin.page.getByLabel("Email address").fill(LEAD_EMAIL);
  await admin.page.getByLabel("Full name").fill("Thurrock Lead");
  await admin.page.getByLabel(/^Council lead/).check();
  // A council role without a council is refused, with the choice kept.
  await admin.page.getByRole("button", { name: "Invite user" }).click();
  await expect(admin.page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Select the council this account belongs to",
  );
  await admin.page.getByLabel("Council", { exact: true }).selectOption({ label: "Thurrock" });
  await admin.page.getByRole("button", { name: "Invite user" }).click();
  const leadOtp = await oneTimePassword(admin.page, LEAD_EMAIL);
  await expect(admin.page.getByRole("row", { name: new RegExp(LEAD_EMAIL) })).toContainText("Thurrock");
  expect(await admin.problems()).toEqual([]);
  await admin.close();

  // The lead: first sign-in, then its council's editors page.
  const lead = await watched(browser);
  await firstSignIn(lead.page, LEAD_EMAIL, leadOtp, "the lead's own long passphrase");
  expect(await axe(lead.page)).toEqual([]);
  await lead.page.getByRole("link", { name: "Manage Thurrock's council editors" }).click();
  await expect(lead.page.getByRole("heading", { level: 1, name: "Manage council editors" })).toBeVisible();
  // The lead cannot change its own account here, and sees no national account.
  await expect(lead.page.getByRole("row", { name: new RegExp(LEAD_EMAIL) })).toContainText("This is your account");
  await expect(lead.page.getByText(ADMIN.email)).toHaveCount(0);
  await lead.page.getByLabel("Email address").fill(EDITOR_EMAIL);
  await lead.page.getByLabel("Full name").fill("Thurrock Editor");
  await lead.page.getByRole("button", { name: "Invite user" }).click();
  const editorOtp = await oneTimePassword(lead.page, EDITOR_EMAIL);
  await expect(lead.page.getByRole("alert", { name: "Success" })).toContainText("council editor of Thurrock");
  expect(await axe(lead.page)).toEqual([]);
  // National pages are not for council accounts.
  for (const path of ["/staff/users", "/staff/milestones/M-01", "/staff/programmes", "/staff/councils/essex"]) {
    await lead.page.goto(path);
    await expect(lead.page.getByRole("heading", { level: 1 }), path).toHaveText(
      "You do not have permission to see this page",
    );
  }

  // The editor: first sign-in, then adds a local action.
  const editor = await watched(browser);
  await firstSignIn(editor.page, EDITOR_EMAIL, editorOtp, EDITOR_PASSWORD);
  await expect(editor.page.getByRole("link", { name: /Manage Thurrock/ })).toHaveCount(0);
  await editor.page.goto("/staff/councils/thurrock/users");
  await expect(editor.page.getByRole("heading", { level: 1 })).toHaveText(
    "You do not have permission to see this page",
  );
  await editor.page.goto("/staff/councils/thurrock");
  await editor.page.getByRole("link", { name: "Add a local action" }).click();
  await expect(editor.page.getByRole("heading", { level: 1, name: "Add a local action" })).toBeVisible();
  expect(await axe(editor.page)).toEqual([]);
  // Nothing filled in: an error summary linking to each field.
  await editor.page.getByRole("button", { name: "Add local action" }).click();
  const problem = editor.page.getByRole("alert", { name: "There is a problem" });
  await expect(problem).toContainText("Enter a title for the local action");
  await expect(problem).toContainText("Link at least one national milestone");
  expect(await axe(editor.page)).toEqual([]);
  await editor.page.getByLabel("Title", { exact: true }).fill(`Family help locality teams ${RUN}`);
  await editor.page.getByLabel("What the council is doing").fill("Four locality family help teams across Thurrock.");
  await editor.page.getByLabel("Who leads it").fill("Director of Children's Services");
  await editor.page.getByLabel("National milestones").fill("m-01, M-02");
  await editor.page.getByLabel("On track", { exact: true }).check();
  await editor.page.getByLabel("Due date").fill("2027-03-31");
  await editor.page.getByLabel("Link 1 title").fill("Cabinet report");
  await editor.page.getByLabel("Link 1 address").fill("https://www.thurrock.gov.uk/cabinet");
  await editor.page.getByRole("button", { name: "Add local action" }).click();
  await expect(editor.page.getByRole("status")).toContainText("Local action saved");
  const code = /\/actions\/(LA-\d+)\?saved=1$/.exec(editor.page.url())?.[1];
  expect(code).toBeTruthy();
  await expect(editor.page.getByLabel("National milestones")).toHaveValue("M-01, M-02");

  // The slip: a later forecast and "Delayed" need a reason.
  await editor.page.getByLabel("Delayed", { exact: true }).check();
  await editor.page.getByLabel("Forecast date").fill("2027-09-30");
  await editor.page.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expect(editor.page.getByLabel("Forecast date")).toHaveValue("2027-09-30");
  expect(await axe(editor.page)).toEqual([]);
  await editor.page
    .getByLabel("Reason for this change")
    .fill("Recruitment of two team managers has taken longer than planned.");
  await editor.page.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.page.getByRole("status")).toContainText("Local action saved");
  await expect(editor.page.getByRole("heading", { level: 1 })).toHaveText(`Family help locality teams ${RUN}`);
  await editor.page.getByRole("link", { name: /Back to Thurrock/ }).click();
  const row = editor.page.getByRole("row", { name: new RegExp(`${code}: Family help locality teams ${RUN}`) });
  await expect(row).toContainText("Delayed");
  await expect(row).toContainText("30 September 2027");
  expect(await axe(editor.page)).toEqual([]);

  // Audited against Thurrock: the addition and the slip with its reason, by the editor's account (staff-only).
  const events = await auditOf(`E06000034/${code}`);
  expect(events.map((e) => e.action)).toEqual(["create", "update"]);
  expect(events.every((e) => e.actor_label === EDITOR_EMAIL)).toBe(true);
  expect(events[1]!.reason).toBe("Recruitment of two team managers has taken longer than planned.");
  expect(events[1]!.after).toMatchObject({ status: "delayed", forecastDate: "2027-09-30", dueDate: "2027-03-31" });

  // In public the council's page never names the person (attribution is the council's).
  const anonymous = await browser.newPage();
  const response = await anonymous.goto("/councils/thurrock");
  expect(response?.status()).toBe(200);
  await expect(anonymous.getByRole("heading", { level: 1 })).toContainText("Thurrock");
  const html = await anonymous.content();
  expect(html).not.toContain(EDITOR_EMAIL);
  expect(html).not.toContain("Thurrock Editor");
  // The public council page shows the action and its slip at once, with the reason, attributed to Thurrock.
  const publicRow = anonymous
    .getByRole("region", { name: "Thurrock: local actions", exact: true })
    .getByRole("row", { name: new RegExp(`${code}: Family help locality teams ${RUN}`) });
  await expect(publicRow).toContainText("Delayed");
  const localChanges = anonymous.getByRole("region", { name: "What changed locally" });
  await expect(localChanges).toContainText("Recruitment of two team managers has taken longer than planned.");
  await expect(localChanges).toContainText("Updated by Thurrock");
  // The compare page for a national milestone it serves, and the council's briefing pack.
  await anonymous.goto("/councils/compare?milestone=M-02");
  await expect(anonymous.locator('[data-council="thurrock"]')).toContainText("Delayed");
  // The table is paged: Thurrock's row is on the page its region and name bring it to.
  const compareTable = anonymous.getByRole("table", { name: "Every council's local action for M-02" });
  const nextPage = anonymous.getByRole("navigation", { name: "Pages of results" }).getByRole("link", { name: "Next" });
  for (let n = 2; (await compareTable.getByText(`Family help locality teams ${RUN}`).count()) === 0; n++) {
    expect(await nextPage.count(), "Thurrock's row is on a page of the compare table").toBe(1);
    await nextPage.click();
    await expect(anonymous).toHaveURL(new RegExp(`[?&]page=${n}#table-heading$`));
  }
  await expect(compareTable.getByRole("row", { name: /Thurrock/ })).toContainText("Delayed");
  await anonymous.goto("/report?since=2023-02-02&council=thurrock");
  const briefing = await anonymous.locator("main").textContent();
  expect(briefing).toContain(`Family help locality teams ${RUN}`);
  expect(briefing).toContain("Recruitment of two team managers has taken longer than planned.");
  expect(briefing).not.toContain(EDITOR_EMAIL);
  await anonymous.close();

  // Someone guesses at the editor's address: from a computer the editor never used, even the right password is
  // refused. The lead sees the lock-out beside the editor (not beside itself) and lifts it, audited; then it works.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  for (let i = 0; i < 5; i++) await signInAttempt(strangerPage, EDITOR_EMAIL, `a wrong guess ${i}`);
  await signInAttempt(strangerPage, EDITOR_EMAIL, EDITOR_PASSWORD);
  await expect(strangerPage.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Too many attempts to sign in",
  );
  await lead.page.goto("/staff/councils/thurrock/users");
  const lockedRow = lead.page.getByRole("row", { name: new RegExp(EDITOR_EMAIL) });
  await expect(lockedRow.getByText("Sign-in locked")).toBeVisible();
  await expect(lockedRow).toContainText("5 failed attempts");
  await expect(lead.page.getByRole("button", { name: /Lift sign-in lock/ })).toHaveCount(1);
  expect(await axe(lead.page)).toEqual([]);
  await lockedRow.getByRole("button", { name: `Lift sign-in lock of ${EDITOR_EMAIL}` }).click();
  await expect(lead.page.getByRole("alert", { name: "Success" })).toContainText(
    `The sign-in lock on ${EDITOR_EMAIL} has been lifted`,
  );
  await lead.page.reload();
  await expect(lead.page.getByRole("row", { name: new RegExp(EDITOR_EMAIL) }).getByText("Sign-in locked")).toHaveCount(
    0,
  );
  expect(await userEvents(EDITOR_EMAIL)).toContainEqual({ action: "sign_in_lock_lift", actor_label: LEAD_EMAIL });
  await signInAttempt(strangerPage, EDITOR_EMAIL, EDITOR_PASSWORD);
  await expect(strangerPage.getByRole("heading", { level: 1, name: LANDING })).toBeVisible();
  await stranger.close();
  await forgetSignInAttempts(EDITOR_EMAIL);

  // The lead deactivates the editor: their next click is refused.
  await lead.page.goto("/staff/councils/thurrock/users");
  const editorRow = lead.page.getByRole("row", { name: new RegExp(EDITOR_EMAIL) });
  await editorRow.getByRole("button", { name: /Deactivate/ }).click();
  await lead.page.getByRole("button", { name: `Yes, deactivate ${EDITOR_EMAIL}` }).click();
  await expect(lead.page.getByRole("alert", { name: "Success" })).toContainText("has been deactivated");
  await editor.page.goto("/staff/councils/thurrock");
  await expect(editor.page.getByRole("heading", { level: 1 })).toHaveText(/Sign in/);

  expect(await lead.problems()).toEqual([]);
  expect(await editor.problems()).toEqual([]);
  await lead.close();
  await editor.close();
});

test("an admin sees a council's staff pages, and a council lead another council's not at all", async ({ browser }) => {
  await ensureStaffUser("e2e.essex.lead@essex.gov.uk", "an essex lead passphrase", "council_lead", "essex");
  const admin = await watched(browser);
  await signIn(admin.page, ADMIN.email, ADMIN.password);
  await admin.page.getByRole("link", { name: "Councils' local actions and accounts" }).click();
  await admin.page.getByRole("link", { name: "Thurrock", exact: true }).click();
  await expect(admin.page.getByRole("heading", { level: 1 })).toHaveText("Thurrock: local actions");
  for (const path of [
    "/staff/councils",
    "/staff/councils/thurrock",
    "/staff/councils/thurrock/actions/new",
    "/staff/councils/thurrock/users",
  ]) {
    await admin.page.goto(path);
    await expect(admin.page.getByRole("heading", { level: 1 })).not.toHaveText(/permission/);
    expect(await axe(admin.page)).toEqual([]);
  }
  await admin.page.goto("/staff/councils/no-such-council");
  await expect(admin.page.getByRole("heading", { level: 1 })).toHaveText(/not found/i);
  expect((await admin.problems()).filter((p) => !p.includes("404"))).toEqual([]);
  await admin.close();

  const essex = await watched(browser);
  await signIn(essex.page, "e2e.essex.lead@essex.gov.uk", "an essex lead passphrase", "Essex: local actions");
  await essex.page.goto("/staff/councils/thurrock/users");
  await expect(essex.page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to see this page");
  await essex.close();
});
