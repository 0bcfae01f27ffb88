import { expect, test } from "@playwright/test";
import { startAppInstance, type AppInstance } from "./support/instance";
import { E2E_DATABASE_URL, ensureStaffUser, signIn } from "./support/staff";

// The app is stateless: a second instance, with its own copy of the build (so its own cache) and its own database
// login, on the same database, sees a change saved through the first one.
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? 3101);
const EDITOR = { email: "e2e.second@education.gov.uk", password: "another long passphrase" };

let second: AppInstance | undefined;

test.beforeAll(async () => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  second = await startAppInstance({
    port: SECOND_PORT,
    ownerUrl: E2E_DATABASE_URL,
    login: "reform_tracker_web_second",
  });
});

test.afterAll(async () => {
  await second?.stop();
});

test("a save through one instance is visible through the other", async ({ page, request }) => {
  const SECOND = second!.url;
  // The second instance has read (and cached) the milestone before the change.
  const before = await request.get(`${SECOND}/milestones/M-12`);
  expect(await before.text()).not.toContain("Saved through the first instance");

  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto("/staff/milestones/M-12");
  await page.getByLabel("Commentary").fill("Saved through the first instance.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Milestone saved");

  await expect
    .poll(
      async () =>
        (await (await request.get(`${SECOND}/milestones/M-12`)).text()).includes("Saved through the first instance."),
      { timeout: 15_000 },
    )
    .toBe(true);
  const api = await (await request.get(`${SECOND}/api/v1/milestones?pageSize=100`)).json();
  expect(api.items.find((m: { code: string }) => m.code === "M-12").lastUpdated).not.toBeNull();
});
