import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_LOCAL_ACTION_PAGE, ensureLocalAction } from "./support/local-actions";
import { ensureProgramme } from "./support/programmes";
import { E2E_DATABASE_URL, ensureStaffUser, signIn } from "./support/staff";

// Every public page type, scanned against WCAG 2.2 AA. Any violation fails the test. Staff pages are scanned signed in:
// DfE's in staff-admin.spec.ts, the council journey's in council-journey.spec.ts, and a council's below, with what
// only a signed-in lead sees (a local action's history with who made each change, an editor's sign-in lock-out).
const PAGES = [
  ["dashboard", "/"],
  ["recommendations list", "/recommendations"],
  ["recommendations search", "/recommendations?q=foster+carers&class=testing"],
  ["recommendations with a bad filter (error summary)", "/recommendations?class=bogus"],
  ["recommendation", "/recommendations/CR-45"],
  ["recommendation answered 'As above'", "/recommendations/CR-36"],
  ["milestones list", "/milestones?group=addressing_urgent_issues"],
  ["milestones timeline", "/milestones?view=timeline"],
  ["milestone", "/milestones/M-01"],
  ["pillars", "/pillars"],
  ["pillar", "/pillars/4"],
  ["outcomes", "/outcomes"],
  ["outcome", "/outcomes/4"],
  ["open data", "/open-data"],
  ["API reference", "/open-data/api"],
  ["about the tracker", "/about"],
  ["what the statuses and figures mean", "/about/statuses"],
  ["accessibility statement", "/accessibility"],
  ["cookies", "/cookies"],
  ["privacy", "/privacy"],
  ["dashboard as at a past date", "/?asAt=2024-06-30"],
  ["milestone as at a past date", "/milestones/M-01?asAt=2023-06-30"],
  ["what changed", "/changes?since=2023-02-02"],
  ["what changed, no period chosen", "/changes"],
  ["what changed in one pillar, with a bad outcome (error summary)", "/changes?since=2023-02-02&pillar=2&outcome=9"],
  ["recommendations as at a past date, filtered", "/recommendations?pillar=2&asAt=2024-06-30"],
  ["slippage register", "/slippage"],
  ["briefing pack", "/report?since=2023-02-02"],
  ["briefing pack for one pillar", "/report?pillar=2"],
  ["briefing pack with a bad parameter (error summary)", "/report?pillar=9&nextMeeting=2024-02-30"],
  ["page not found", "/recommendations/NOPE-1"],
  ["councils", "/councils"],
  ["councils, a search with a bad region (error summary)", "/councils?q=north&region=Wales"],
  ["council", "/councils/thurrock"],
  ["council with local actions, slippage and what changed", "/councils/york"],
  ["council as at a past date", "/councils/york?asAt=2024-12-31"],
  ["local action with its history", E2E_LOCAL_ACTION_PAGE],
  ["local action before it was published", `${E2E_LOCAL_ACTION_PAGE}?asAt=2024-06-30`],
  ["councils in a programme", "/councils?programme=e2e-pathfinder"],
  ["councils with an unknown programme (error summary)", "/councils?programme=nope"],
  ["councils that publish local actions", "/councils?publishes=yes"],
  ["councils with a bad publishes value (error summary)", "/councils?publishes=maybe"],
  ["national programmes", "/programmes"],
  ["national programme, table and tiles", "/programmes/e2e-pathfinder"],
  ["search, no words yet", "/search"],
  ["search results", "/search?q=kinship"],
  ["search results of one kind, second page", "/search?q=foster+carers&kind=recommendation&page=2"],
  ["search with no words (error summary)", "/search?q=+"],
  ["search of only common words", "/search?q=the+and"],
  ["pillar widget", "/embed/pillars/1"],
  ["outcome widget", "/embed/outcomes/2"],
  ["milestone widget", "/embed/milestones/M-01"],
  ["council widget, with a programme", "/embed/councils/thurrock"],
  ["council widget, no programme", "/embed/councils/cornwall"],
  ["widget not found", "/embed/pillars/9"],
  ["compare councils on a milestone, tiles and table", "/councils/compare?milestone=M-01"],
  ["compare councils on a recommendation as at a past date", "/councils/compare?recommendation=CR-01&asAt=2025-07-01"],
  ["compare councils, the table's second page", "/councils/compare?milestone=M-01&page=2"],
  ["compare councils with a bad page (error summary)", "/councils/compare?milestone=M-01&page=0"],
  ["compare councils, no item chosen", "/councils/compare"],
  ["compare councils with a bad code (error summary)", "/councils/compare?milestone=%3Cb%3E"],
  ["slippage register for one council", "/slippage?council=thurrock"],
  ["slippage register with an unknown council (error summary)", "/slippage?council=atlantis"],
  ["what changed in one council", "/changes?since=2023-02-02&council=thurrock"],
  ["recommendation with councils' local actions", "/recommendations/CR-01"],
  ["briefing pack with a council's local section", "/report?since=2023-02-02&council=thurrock"],
] as const;

test.beforeAll(async () => {
  await ensureProgramme();
  ensureLocalAction();
});

const YORK_LEAD = { email: "e2e.a11y.lead@york.gov.uk", password: "the york lead's a11y passphrase" };
/** The council editor tests/e2e/support/write-local-action.ts writes York's local action as. */
const YORK_EDITOR = "e2e-local@york.gov.uk";

const COUNCIL_STAFF_PAGES = [
  ["a local action's staff page, with its history", "/staff/councils/york/actions/LA-1", "Updated by E2E local (York)"],
  ["a council's accounts, one locked out", "/staff/councils/york/users", `Lift sign-in lock of ${YORK_EDITOR}`],
] as const;

async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

test.describe("council staff pages", () => {
  test.beforeAll(async () => {
    await ensureStaffUser(YORK_LEAD.email, YORK_LEAD.password, "council_lead", "york");
    // Five failed sign-ins from a client York's editor never used (from a documentation address, so they count
    // against no real one): the lead's page shows the lock-out and the button to lift it.
    await sql(
      "INSERT INTO sign_in_attempt (email, ip, succeeded) SELECT $1, '192.0.2.17', false FROM generate_series(1, 5)",
      [YORK_EDITOR],
    );
  });
  test.afterAll(async () => {
    await sql("DELETE FROM sign_in_attempt WHERE email = $1", [YORK_EDITOR]);
  });

  for (const [name, path, shown] of COUNCIL_STAFF_PAGES) {
    test(`${name} has no WCAG 2.2 AA violations`, async ({ page }) => {
      await signIn(page, YORK_LEAD.email, YORK_LEAD.password, "York: local actions");
      await page.goto(path);
      await expect(page.getByText(shown).or(page.getByRole("button", { name: shown }))).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }
});

for (const [name, path] of PAGES) {
  test(`${name} has no WCAG 2.2 AA violations`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
    expect(summary).toEqual([]);
  });
}
