import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { untilHydrated } from "./support/hydration";
import { startAppInstance, type AppInstance } from "./support/instance";
import { E2E_LOCAL_ACTION_PAGE, ensureLocalAction } from "./support/local-actions";
import { ensureProgramme } from "./support/programmes";
import { E2E_DATABASE_URL, ensureStaffUser, signIn } from "./support/staff";

// Public pages rendered once per change and served from the front server's store (decision 0009): in Chromium every
// page, stored or not, runs its scripts under a policy listing their hashes; the HTTP answers a CDN and a browser
// cache rely on; what is never stored; and the bound on what is.

const EDITOR = { email: "e2e.cache.editor@education.gov.uk", password: "a long cache passphrase" };
const ADMIN = { email: "e2e.cache.admin@education.gov.uk", password: "another long cache passphrase" };
const BOUNDED_PORT = Number(process.env.E2E_BOUNDED_PORT ?? 3104);

const PUBLIC_PAGES = [
  "/",
  "/recommendations",
  "/recommendations?pillar=1&class=testing",
  "/recommendations/CR-01",
  "/milestones",
  "/milestones?view=timeline",
  "/milestones/M-01",
  "/pillars",
  "/pillars/1",
  "/outcomes",
  "/outcomes/1",
  "/changes",
  "/slippage",
  "/report",
  "/open-data",
  "/open-data/api",
  "/about",
  "/about/statuses",
  "/accessibility",
  "/cookies",
  "/privacy",
  "/?asAt=2024-06-30",
  "/councils",
  "/councils?q=thurrock",
  "/councils/thurrock",
  "/councils/york",
  "/councils/york?asAt=2024-12-31",
  E2E_LOCAL_ACTION_PAGE,
  `${E2E_LOCAL_ACTION_PAGE}?asAt=2024-12-31`,
  "/councils?programme=e2e-pathfinder",
  "/councils?publishes=yes",
  "/programmes",
  "/programmes/e2e-pathfinder",
  "/search",
  "/search?q=kinship",
  "/search?q=foster+carers&kind=recommendation&page=2",
  "/councils/compare?milestone=M-01",
  "/councils/compare?milestone=M-01&page=2",
  "/councils/compare?recommendation=CR-01&asAt=2025-07-01",
  "/slippage?council=thurrock",
  "/changes?since=2023-02-02&council=thurrock",
  "/report?council=thurrock",
];
const NOT_FOUND = "/no-such-page";
/** Public answers that are not app pages (no React, no menu to hydrate): the widgets and the discovery files. */
const OTHER_PUBLIC = [
  "/embed/pillars/1",
  "/embed/outcomes/1",
  "/embed/milestones/M-01",
  "/embed/councils/thurrock",
  "/embed/pillars/9",
  "/oembed?url=http%3A%2F%2F127.0.0.1%2Fpillars%2F1",
  "/sitemap.xml",
  "/robots.txt",
  "/embed.css",
  "/embed-frame.js",
  "/embed-resize.js",
];
const EDITOR_PAGES = [
  "/staff",
  "/staff/milestones/M-01",
  "/staff/milestones/new",
  "/staff/milestones/import",
  "/staff/recommendations",
  "/staff/recommendations/CR-01",
  "/staff/programmes",
  "/staff/programmes/new",
  "/staff/programmes/e2e-pathfinder",
  "/staff/programmes/e2e-pathfinder?change=add-council",
  "/staff/password",
  "/staff/forbidden",
  "/staff/no-such-page",
];
const ADMIN_PAGES = [
  "/staff/users",
  "/staff/councils",
  "/staff/councils/thurrock",
  "/staff/councils/thurrock/actions/new",
  "/staff/councils/thurrock/users",
  "/staff/councils/york/actions/LA-1",
];

test.beforeAll(async () => {
  await ensureProgramme();
  ensureLocalAction();
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
});

/** Moves the data version on, as any staff change does, so every stored page is rendered again. */
async function bumpDataVersion() {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query("UPDATE data_version SET value = value + 1 WHERE id = 1");
  } finally {
    await client.end();
  }
}

/** Everything a reader's console would show as wrong: errors, uncaught exceptions and CSP violations. */
function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Chromium reports the 404 of the document itself when a page is not found: that is the page's answer.
    const ownNotFound =
      /status of 404/.test(message.text()) &&
      message.location().url === page.url() &&
      page.url().includes("no-such-page");
    if (!ownNotFound) problems.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: page error: ${error.message}`));
  // The router's own requests (navigation and prefetch) must get their payload, not a redirect (Next.js redirects
  // when the payload was rendered for other headers than the ones it was asked with) or a failure.
  page.on("response", (response) => {
    if (response.request().headers().rsc && response.status() !== 200)
      problems.push(`${response.url()}: router request answered ${response.status()}`);
  });
  page.on("requestfailed", (request) => {
    if (!request.failure()?.errorText.includes("ERR_ABORTED"))
      problems.push(`${request.url()}: failed: ${request.failure()?.errorText}`);
  });
  return problems;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
}

/**
 * Visits a page and proves React took it over: hydration reaches its main element and the menu's links, and a
 * header link then navigates on the client, without a new document.
 */
async function visitAndHydrate(page: Page, url: string) {
  const response = await page.goto(url);
  await untilHydrated(page);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Open data" }).click();
  await expect(page).toHaveURL(/\/open-data$/);
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    `${url} did not hydrate`,
  ).toBe(true);
  return response!;
}

test.describe("in Chromium", () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      document.addEventListener("securitypolicyviolation", (event) =>
        violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
      );
    });
  });

  test("every public page, rendered and then stored, runs without a console error or CSP violation, and hydrates", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const problems = watchProblems(page);
    await bumpDataVersion();
    await expect
      .poll(async () => (await page.request.get(PUBLIC_PAGES[0]!)).headers()["x-cache"], { timeout: 5_000 })
      .toBe("MISS");
    await bumpDataVersion();
    await page.waitForTimeout(1_500); // the front server reads the version every second
    for (const url of [...PUBLIC_PAGES, NOT_FOUND]) {
      const first = await visitAndHydrate(page, url);
      expect(["MISS", "SHARED"], `${url} first`).toContain(first.headers()["x-cache"]);
      expect(await cspViolations(page), url).toEqual([]);
      const second = await visitAndHydrate(page, url);
      expect(second.headers()["x-cache"], `${url} second`).toBe("HIT");
      expect(second.status(), url).toBe(url === NOT_FOUND ? 404 : 200);
      expect(await cspViolations(page), url).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  test("the widgets and the discovery files are stored like pages, and the widgets run with no console error or CSP violation", async ({
    page,
  }) => {
    const problems = watchProblems(page);
    for (const url of OTHER_PUBLIC) {
      const first = await page.request.get(url);
      const second = await page.request.get(url);
      expect(["MISS", "SHARED", "HIT"], url).toContain(first.headers()["x-cache"]);
      expect(second.headers()["x-cache"], url).toBe("HIT");
      expect(second.headers()["cache-control"], url).toMatch(/^public, max-age=0, s-maxage=/);
      if (!url.startsWith("/embed/")) continue;
      const response = await page.goto(url);
      expect(response!.status(), url).toBe(url === "/embed/pillars/9" ? 404 : 200);
      expect(await cspViolations(page), url).toEqual([]);
    }
    // Chromium reports the 404 of the widget that names nothing: that is its answer.
    expect(problems.filter((p) => !(p.includes("/embed/pillars/9") && p.includes("status of 404")))).toEqual([]);
  });

  test("the dashboard's charts are drawn", async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto("/");
    // Scrolled through, as a reader would: charts may be drawn only once they come into view.
    for (let y = 0; y < 6_000; y += 600) await page.mouse.wheel(0, 600);
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeAttached();
    expect(await page.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(10);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("every staff page runs without a console error or CSP violation, private and never stored", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    for (const [account, urls] of [
      [EDITOR, EDITOR_PAGES],
      [ADMIN, ADMIN_PAGES],
    ] as const) {
      const context = await browser.newContext();
      await context.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = violations;
        document.addEventListener("securitypolicyviolation", (event) =>
          violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
        );
      });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, account.email, account.password);
      for (const url of urls) {
        for (let visit = 0; visit < 2; visit++) {
          const response = await visitAndHydrate(page, url);
          expect(response.headers()["cache-control"], url).toMatch(/private, no-store|no-store/);
          expect(response.headers()["x-cache"], url).toBe("BYPASS");
          expect(response.headers()["content-security-policy"], url).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
          expect(await cspViolations(page), url).toEqual([]);
        }
      }
      await context.close();
      expect(problems.filter((p) => !p.includes("/staff/no-such-page"))).toEqual([]);
    }
    // Signed out: the sign-in page.
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email address").fill("nobody@example.gov.uk");
    expect(problems).toEqual([]);
    await page.close();
  });
});

test.describe("over HTTP", () => {
  test("public answers can be cached by a CDN and revalidated by a browser, compressed when asked", async ({
    request,
  }) => {
    for (const url of [
      "/",
      "/recommendations/CR-01",
      "/api/v1/recommendations?pillar=1",
      "/feed.xml",
      "/api/v1/milestones?format=csv",
    ]) {
      await request.get(url);
      const response = await request.get(url, { headers: { "accept-encoding": "br, gzip" } });
      const headers = response.headers();
      expect(headers["cache-control"], url).toMatch(/^public, .*s-maxage=\d+.*stale-while-revalidate=\d+/);
      expect(headers["x-cache"], url).toBe("HIT");
      // Bodies under 1 KB (the feed before any change) are not worth compressing.
      if ((await response.body()).length >= 1_024) {
        expect(headers["content-encoding"], url).toBe("br");
        expect(headers.vary, url).toMatch(/Accept-Encoding/i);
      }
      expect(headers.etag, url).toMatch(/^W\/"[\w-]+"$/);
      expect(headers["set-cookie"], url).toBeUndefined();
      const revalidated = await request.get(url, { headers: { "if-none-match": headers.etag! } });
      expect(revalidated.status(), url).toBe(304);
      expect(await revalidated.body(), url).toHaveLength(0);
    }
  });

  test("a signed-in reader gets the same public page as anyone, and nothing of a session is stored", async ({
    page,
    request,
  }) => {
    await signIn(page, EDITOR.email, EDITOR.password);
    // The session cookie and the staff bar's "signed in" hint (lib/auth/staff-hint.ts) both go with each request.
    expect((await page.context().cookies()).map((c) => c.name)).toEqual(
      expect.arrayContaining(["next-auth.session-token", "reform-tracker-staff"]),
    );
    for (const url of ["/milestones/M-02", "/recommendations/CR-02"]) {
      const signedIn = await page.request.get(url);
      const anonymous = await request.get(url);
      expect((await signedIn.body()).equals(await anonymous.body()), url).toBe(true);
      expect(await anonymous.text()).not.toContain(EDITOR.email);
      expect(await anonymous.text()).not.toContain("Signed in as");
      expect(signedIn.headers()["set-cookie"]).toBeUndefined();
    }
    const session = await page.request.get("/api/auth/session");
    expect(session.headers()["cache-control"]).toMatch(/no-store/);
    expect(session.headers()["x-cache"]).toBe("BYPASS");
  });

  test("a staff save shows on the public page at the next request of this instance", async ({ page, request }) => {
    const before = await request.get("/milestones/M-03");
    await request.get("/milestones/M-03");
    expect((await request.get("/milestones/M-03")).headers()["x-cache"]).toBe("HIT");
    expect(await before.text()).not.toContain("Stored pages show this at once.");
    await signIn(page, EDITOR.email, EDITOR.password);
    await page.goto("/staff/milestones/M-03");
    await page.getByLabel("Commentary").fill("Stored pages show this at once.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toContainText("Milestone saved");
    const after = await request.get("/milestones/M-03");
    expect(after.headers()["x-cache"]).toBe("MISS");
    expect(await after.text()).toContain("Stored pages show this at once.");
  });

  test("bad input is never turned into a stored answer, and no odd header gets a 500 or someone else's page", async ({
    request,
  }) => {
    for (let i = 0; i < 2; i++) {
      const refused = await request.get("/api/v1/recommendations?pillar=9");
      expect(refused.status()).toBe(400);
      expect(refused.headers()["cache-control"]).toBe("no-store");
      expect(refused.headers()["x-cache"]).toBe("MISS");
    }
    const plain = await (await request.get("/pillars/2")).text();
    const forged = await request.get("/pillars/2", {
      headers: { "x-reform-tracker-front": "guessed", "x-reform-tracker-client-address": "10.66.0.1" },
    });
    expect([forged.status(), await forged.text()]).toEqual([200, plain]);
    const odd: Array<Record<string, string>> = [
      { rsc: "2" },
      { rsc: "1", "next-router-state-tree": "%5B1%2C2%5D" },
      { rsc: "1", "next-router-state-tree": "x".repeat(50_000) },
      { rsc: "1", "next-router-segment-prefetch": "not a path" },
      { rsc: "1", "next-router-prefetch": "yes" },
    ];
    for (const headers of odd) {
      const response = await request.get("/pillars/2", { headers });
      // 431: Node.js itself refuses headers over 16 KB.
      expect([400, 431], JSON.stringify(headers).slice(0, 80)).toContain(response.status());
    }
    // What Next.js's router itself sends gets its payload, not a page meant for a browser and not a 500.
    const payload = await request.get("/pillars/2", { headers: { rsc: "1" }, maxRedirects: 5 });
    expect(payload.status()).toBe(200);
    expect(payload.headers()["content-type"]).toMatch(/text\/x-component/);
  });
});

test.describe("bounded", () => {
  let bounded: AppInstance | undefined;
  test.afterAll(async () => {
    await bounded?.stop();
  });

  test("a crawler asking for thousands of distinct addresses neither grows memory past the budget nor writes to disk", async ({
    request,
  }) => {
    test.setTimeout(240_000);
    bounded = await startAppInstance({
      port: BOUNDED_PORT,
      ownerUrl: E2E_DATABASE_URL,
      login: "reform_tracker_web_bounded",
      env: { PAGE_CACHE_MAX_MB: "1" },
    });
    const cacheFolder = path.join(bounded.folder, ".next", "cache");
    const before = await folderBytes(cacheFolder);
    const url = (i: number) => `${bounded!.url}/recommendations?q=crawler${i}`;
    expect((await request.get(url(0))).headers()["x-cache"]).toBe("MISS");
    expect((await request.get(url(0))).headers()["x-cache"]).toBe("HIT");
    // Each search page is about 20 KB with its compressed copies: 1 MB holds a few dozen.
    for (let i = 1; i <= 150; i++) expect((await request.get(url(i))).status()).toBe(200);
    expect((await request.get(url(150))).headers()["x-cache"]).toBe("HIT");
    for (let i = 0; i < 50; i++)
      expect(
        (
          await request.get(
            `${bounded.url}/milestones?asAt=2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
          )
        ).status(),
      ).toBe(200);
    expect((await request.get(url(0))).headers()["x-cache"], "the first address was evicted").toBe("MISS");
    expect(await folderBytes(cacheFolder), "nothing written to .next/cache per address").toBe(before);
    expect(bounded.output()).toContain("stored pages: up to 1 MB");
  });
});

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
