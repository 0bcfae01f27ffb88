import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { ensureProgramme } from "./support/programmes";

// The embeddable widgets (app/embed, lib/embed), their framing headers, the code to copy, the height script and
// oEmbed, against the production build. The host pages are served by a small server of the test's own on another
// port of 127.0.0.1: another origin, as a council's website would be.

const WIDGETS = [
  ["/embed/pillars/1", "/pillars/1", "Family Help provides the right support"],
  ["/embed/outcomes/2", "/outcomes/2", "Children and young people are supported by their family network"],
  ["/embed/milestones/M-01", "/milestones/M-01", "North East hub established to support prospective foster carers"],
  ["/embed/councils/thurrock", "/councils/thurrock", "Thurrock"],
] as const;

let host: http.Server;
let hostOrigin = "";
let hostPage = "";
const hits: string[] = [];

test.beforeAll(async () => {
  await ensureProgramme();
  host = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostPage);
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

async function recordViolations(page: Page) {
  await page.context().addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
}

test("only /embed/ may be framed: frame-ancestors * and no X-Frame-Options there, 'none' and DENY elsewhere", async ({
  request,
}) => {
  for (const [embed] of WIDGETS) {
    for (const expected of ["MISS", "HIT"]) {
      const response = await request.get(embed);
      expect(response.status(), embed).toBe(200);
      expect(["MISS", "SHARED", "HIT"], embed).toContain(response.headers()["x-cache"]);
      if (expected === "HIT") expect(response.headers()["x-cache"], embed).toBe("HIT");
      expect(response.headers()["x-frame-options"], embed).toBeUndefined();
      expect(response.headers()["content-security-policy"], embed).toContain("frame-ancestors *");
      expect(response.headers()["cache-control"], embed).toMatch(/^public/);
    }
  }
  for (const path of [
    "/",
    "/pillars/1",
    "/open-data",
    "/oembed?url=x",
    "/embed-resize.js",
    "/sitemap.xml",
    "/staff/sign-in",
    "/api/v1/pillars",
    "/no-such-page",
  ]) {
    const response = await request.get(path);
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("each widget is small, has its title and heading, and links back to its full page in a new tab", async ({
  page,
  baseURL,
}) => {
  await recordViolations(page);
  const problems = watchProblems(page);
  for (const [embed, full, heading] of WIDGETS) {
    const response = await page.goto(embed);
    expect(response!.status(), embed).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
    await expect(page).toHaveTitle(/ - Reform Tracker$/);
    const back = page.getByRole("link", { name: "See the full page on Reform Tracker (opens in new tab)" });
    await expect(back).toHaveAttribute("href", `${baseURL}${full}`);
    await expect(back).toHaveAttribute("target", "_blank");
    // No React runtime: the document, its stylesheet and one small script, and nothing else is loaded.
    await page.waitForLoadState("load");
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
    );
    const resources = [...new Set(loaded)];
    expect(resources.filter((path) => path !== "/icon.svg").sort(), embed).toEqual(["/embed-frame.js", "/embed.css"]);
    // What a reader downloads, uncompressed (the front server sends it compressed): the document and those files.
    let weight = 0;
    for (const path of [embed, ...resources]) weight += (await (await page.request.get(path)).body()).length;
    test.info().annotations.push({ type: "weight", description: `${embed}: ${weight} bytes` });
    expect(weight, `${embed} weighs ${weight} bytes, uncompressed`).toBeLessThan(12_000);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  }
  // The chart's numbers are a table, its text alternative: the bars are drawn beside them and hidden from readers.
  await page.goto("/embed/pillars/1");
  const table = page.getByRole("table", { name: /milestones by status/ });
  await expect(table.getByRole("rowheader", { name: "Not yet assessed" })).toBeVisible();
  await expect(table.locator("svg[aria-hidden=true] rect").first()).toBeAttached();
  expect(problems).toEqual([]);
});

test("a widget address that names nothing is 404", async ({ request }) => {
  for (const path of [
    "/embed/pillars/7",
    "/embed/outcomes/0",
    "/embed/milestones/M-999",
    "/embed/councils/nowhere",
    "/embed/councils/E06000034",
    "/embed/recommendations/CR-01",
    "/embed/pillars/1/more",
    "/embed/milestones/%FF",
  ]) {
    const response = await request.get(path);
    expect([path, response.status()]).toEqual([path, path.includes("%FF") ? 400 : 404]);
  }
});

test("another site frames the widgets, and the height script fits each frame to its widget", async ({
  page,
  baseURL,
}) => {
  const problems = watchProblems(page);
  hostPage = `<!DOCTYPE html><html lang="en"><head><title>A council</title></head><body><h1>Our progress</h1>
${WIDGETS.map(([embed], i) => `<iframe id="w${i}" src="${baseURL}${embed}" title="w${i}" width="480" height="100"></iframe>`).join("\n")}
<iframe id="refused" src="${baseURL}/pillars/1" title="refused" width="480" height="100"></iframe>
<script src="${baseURL}/embed-resize.js" async></script></body></html>`;
  await page.goto(hostOrigin);
  for (const [i, [, , heading]] of WIDGETS.entries()) {
    const frame = page.frameLocator(`#w${i}`);
    await expect(frame.getByRole("heading", { level: 1 })).toContainText(heading);
    // The frame started 100 pixels tall; the widget's height is posted and the host's script sets it.
    await expect
      .poll(async () => page.locator(`#w${i}`).evaluate((f) => f.getBoundingClientRect().height))
      .toBeGreaterThan(150);
  }
  // A page that is not a widget is refused by the browser: its frame shows Chromium's error page, nothing of ours.
  const refused = (await (await page.locator("#refused").elementHandle())!.contentFrame())!;
  await expect.poll(() => refused.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator("#refused").getByRole("heading")).toHaveCount(0);
  expect(
    problems.filter(
      (p) => !p.includes("refused to connect") && !p.includes("X-Frame-Options") && !p.includes("frame-ancestors"),
    ),
  ).toEqual([]);
});

test("the height script takes messages only from the tracker, of the expected shape, for its own frames", async ({
  page,
  baseURL,
}) => {
  hostPage = `<!DOCTYPE html><html lang="en"><head><title>A council</title></head><body>
<iframe id="ours" src="${baseURL}/embed/milestones/M-01" title="ours" width="480" height="100"></iframe>
<iframe id="other" srcdoc="<p>another frame</p>" title="other" width="480" height="100"></iframe>
<script src="${baseURL}/embed-resize.js"></script></body></html>`;
  await page.goto(hostOrigin);
  await expect
    .poll(async () => page.locator("#ours").evaluate((f) => f.getBoundingClientRect().height))
    .toBeGreaterThan(150);
  const before = await page.locator("#ours").evaluate((f) => (f as HTMLIFrameElement).style.height);
  // From the host page itself (another origin than the tracker's), and from another frame: ignored.
  await page.evaluate(() => window.postMessage({ type: "reform-tracker:height", height: 999 }, "*"));
  await page
    .frameLocator("#other")
    .locator("p")
    .evaluate(() => window.parent.postMessage({ type: "reform-tracker:height", height: 999 }, "*"));
  // From the tracker's widget, but not the expected shape: ignored.
  const ours = page.frames().find((f) => f.url().includes("/embed/milestones/M-01"))!;
  for (const data of [
    { type: "reform-tracker:height", height: "999" },
    { type: "other", height: 999 },
    { height: 1e9 },
  ])
    await ours.evaluate((message) => window.parent.postMessage(message, "*"), data);
  // A well-formed message from the widget, sent last: only it changes anything.
  await ours.evaluate(() => window.parent.postMessage({ type: "reform-tracker:height", height: 432 }, "*"));
  await expect
    .poll(async () => page.locator("#ours").evaluate((f) => (f as HTMLIFrameElement).style.height))
    .toBe("432px");
  expect(before).not.toBe("432px");
  expect(await page.locator("#other").evaluate((f) => (f as HTMLIFrameElement).style.height)).toBe("");
});

test("pages with a widget offer 'Embed this' with the code to copy, and oEmbed discovery", async ({
  page,
  baseURL,
}) => {
  for (const [embed, full] of WIDGETS) {
    await page.goto(full);
    const discovery = page.locator('head link[rel="alternate"][type="application/json+oembed"]');
    await expect(discovery).toHaveAttribute(
      "href",
      `${baseURL}/oembed?url=${encodeURIComponent(`${baseURL}${full}`)}&format=json`,
    );
    const oembed = await page.request.get((await discovery.getAttribute("href"))!);
    expect(oembed.status(), full).toBe(200);
    await page.getByText("Embed this on your website").click();
    const code = await page.getByLabel("Code for the widget").inputValue();
    expect(code, full).toMatch(new RegExp(`^<iframe src="${baseURL}${embed}" title="Reform Tracker: [^"]+"`));
    expect(code).toBe((await oembed.json()).html);
    expect(await page.getByLabel("Optional: code to fit its height").inputValue()).toBe(
      `<script src="${baseURL}/embed-resize.js" async></script>`,
    );
  }
  // A past view shows no widget code: a widget always shows today.
  await page.goto("/pillars/1?asAt=2024-06-30");
  await expect(page.getByText("Embed this on your website")).toHaveCount(0);
});

test.describe("oEmbed", () => {
  test("answers a rich type with the widget's iframe, for a page or a widget, within maxwidth and maxheight", async ({
    request,
    baseURL,
  }) => {
    for (const url of [`${baseURL}/pillars/3`, `${baseURL}/embed/pillars/3`]) {
      const response = await request.get(
        `/oembed?url=${encodeURIComponent(url)}&format=json&maxwidth=300&maxheight=250`,
      );
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/json");
      const body = await response.json();
      expect(body).toMatchObject({
        version: "1.0",
        type: "rich",
        provider_name: "Reform Tracker",
        provider_url: `${baseURL}/`,
        width: 300,
        height: 250,
      });
      expect(body.title).toMatch(/^Pillar 3: .+ - progress$/);
      expect(body.html).toMatch(new RegExp(`^<iframe src="${baseURL}/embed/pillars/3" [^>]*width="300" height="250"`));
    }
    const unbounded = await (
      await request.get(`/oembed?url=${encodeURIComponent(`${baseURL}/milestones/M-01`)}`)
    ).json();
    expect([unbounded.width, unbounded.height]).toEqual([480, 300]);
  });

  test("is 404 for an address outside the site, never fetching it, and for one of ours with no widget", async ({
    request,
    baseURL,
  }) => {
    hits.length = 0;
    for (const url of [
      `${hostOrigin}/pillars/1`,
      `${hostOrigin}/embed/pillars/1`,
      `http://localhost:${new URL(baseURL!).port}/pillars/1`,
      `${baseURL}/about`,
      `${baseURL}/pillars/9`,
      `${baseURL}/milestones/M-999`,
      `${baseURL}/councils/nowhere`,
      `${baseURL}/recommendations/CR-01`,
    ]) {
      const response = await request.get(`/oembed?url=${encodeURIComponent(url)}`);
      expect([url, response.status()]).toEqual([url, 404]);
      expect((await response.json()).error).toBe("Not found");
    }
    expect(hits).toEqual([]);
  });

  test("answers a bad parameter with 400 and a message that names it, and xml with 501", async ({
    request,
    baseURL,
  }) => {
    const page = encodeURIComponent(`${baseURL}/pillars/1`);
    for (const [query, parameter] of [
      ["", "url"],
      ["url=not-an-address", "url"],
      [`url=${page}&maxwidth=wide`, "maxwidth"],
      [`url=${page}&maxheight=0`, "maxheight"],
      [`url=${page}&format=html`, "format"],
      [`url=${page}&callback=run`, "callback"],
    ]) {
      const response = await request.get(`/oembed?${query}`);
      expect([query, response.status()]).toEqual([query, 400]);
      const body = await response.json();
      expect(body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
      expect(body.message).toContain(`"${parameter}"`);
    }
    expect((await request.get(`/oembed?url=${page}&format=xml`)).status()).toBe(501);
  });
});
