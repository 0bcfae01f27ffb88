import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ensureApplicationLogin } from "@/lib/db/application-role.server";
import { E2E_DATABASE_URL, ensureStaffUser, signIn } from "./support/staff";

// The app is stateless: a second instance, with its own copy of the build (so its own cache), on the same database,
// sees a change saved through the first one.
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? 3101);
const SECOND = `http://127.0.0.1:${SECOND_PORT}`;
const EDITOR = { email: "e2e.second@education.gov.uk", password: "another long passphrase" };

let server: ChildProcess | undefined;
let folder: string | undefined;

test.beforeAll(async () => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  // Its own login with the application role's rights, as a second machine in a deployment would have.
  const databaseUrl = await ensureApplicationLogin(E2E_DATABASE_URL, "reform_tracker_web_second");
  const root = process.cwd();
  folder = await mkdtemp(path.join(tmpdir(), "reform-tracker-second-"));
  await cp(path.join(root, ".next"), path.join(folder, ".next"), { recursive: true, filter: (src) => !src.includes(`${path.sep}.next${path.sep}cache`) });
  for (const entry of ["node_modules", "package.json", "public", "prisma", "next.config.js"]) await symlink(path.join(root, entry), path.join(folder, entry));
  server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(SECOND_PORT), "-H", "127.0.0.1"], {
    cwd: folder,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "second-instance-secret", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await fetch(`${SECOND}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  if (folder) await rm(folder, { recursive: true, force: true });
});

test("a save through one instance is visible through the other", async ({ page, request }) => {
  // The second instance has read (and cached) the milestone before the change.
  const before = await request.get(`${SECOND}/milestones/M-12`);
  expect(await before.text()).not.toContain("Saved through the first instance");

  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto("/staff/milestones/M-12");
  await page.getByLabel("Commentary").fill("Saved through the first instance.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Milestone saved");

  await expect
    .poll(async () => (await (await request.get(`${SECOND}/milestones/M-12`)).text()).includes("Saved through the first instance."), { timeout: 15_000 })
    .toBe(true);
  const api = await (await request.get(`${SECOND}/api/v1/milestones?pageSize=100`)).json();
  expect(api.items.find((m: { code: string }) => m.code === "M-12").lastUpdated).not.toBeNull();
});
