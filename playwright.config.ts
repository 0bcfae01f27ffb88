import { defineConfig, devices } from "@playwright/test";

// Playwright drives Debian's Chromium (`apt-get install chromium`): Playwright's own browser download cannot run
// on our offline machines. Set CHROMIUM_PATH to use another Chromium build.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  // The production build (`next build`, run by `npm run test:e2e` first) on a throwaway embedded PostgreSQL.
  webServer: {
    command: "npx tsx scripts/start.ts --ephemeral",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 54390)),
      DATABASE_URL: "",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  },
});
