import { XMLParser } from "fast-xml-parser";
import { expect, test } from "@playwright/test";
import { DATASETS } from "@/lib/reform/open-data-fields";
import { ensureProgramme } from "./support/programmes";

// How the site and its datasets are found: sitemap.xml, robots.txt and the open-data page's schema.org Dataset
// JSON-LD (lib/discovery), against the production build, stored and served like public pages.

test.beforeAll(async () => {
  await ensureProgramme();
});

interface Dataset {
  "@id": string;
  "@type": string;
  name: string;
  description: string;
  license: string;
  publisher: { name: string };
  temporalCoverage?: string;
  distribution: Array<{ contentUrl: string }>;
}

test("robots.txt keeps search engines out of staff pages and sign-in, and names the sitemap", async ({
  request,
  baseURL,
}) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const lines = (await response.text()).split("\n");
  for (const line of ["User-agent: *", "Disallow: /staff", "Disallow: /api/auth", "Disallow: /api/staff", "Allow: /"])
    expect(lines).toContain(line);
  expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("sitemap.xml lists every public page type and every record's page, on the public address, and no staff page", async ({
  request,
  baseURL,
}) => {
  const first = await request.get("/sitemap.xml");
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("application/xml");
  expect(first.headers()["cache-control"]).toMatch(/^public/);
  expect((await request.get("/sitemap.xml")).headers()["x-cache"]).toBe("HIT");
  const parsed = new XMLParser().parse(await first.text());
  const locs: string[] = [parsed.urlset.url].flat().map((u: { loc: string }) => u.loc);
  expect(locs.every((loc) => loc.startsWith(`${baseURL}/`))).toBe(true);
  const paths = new Set(locs.map((loc) => new URL(loc).pathname));
  for (const path of ["/", "/recommendations", "/milestones", "/councils", "/programmes", "/open-data", "/about"])
    expect(paths, path).toContain(path);
  for (const n of [1, 2, 3, 4, 5, 6]) {
    expect(paths).toContain(`/pillars/${n}`);
    expect(paths).toContain(`/outcomes/${n}`);
  }
  expect(paths).toContain("/programmes/e2e-pathfinder");
  expect(paths).toContain("/councils/thurrock");
  // Every recommendation, milestone and council the open data lists has its page in the sitemap.
  const recommendations = await (await request.get("/api/v1/recommendations?pageSize=200")).json();
  const milestones = await (await request.get("/api/v1/milestones?pageSize=200")).json();
  const councils = await (await request.get("/api/v1/councils")).json();
  expect(recommendations.items.length).toBe(recommendations.total);
  expect(milestones.items.length).toBe(milestones.total);
  for (const r of recommendations.items) expect(paths).toContain(`/recommendations/${r.code}`);
  for (const m of milestones.items) expect(paths).toContain(`/milestones/${m.code}`);
  for (const c of councils.items ?? councils) expect(paths).toContain(`/councils/${c.slug}`);
  expect([...paths].filter((path) => path.startsWith("/staff") || path.startsWith("/api"))).toEqual([]);
});

test("the open-data page describes each download as a schema.org Dataset, and Chromium reports no CSP violation", async ({
  page,
  baseURL,
}) => {
  await page.context().addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/open-data");
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks).toHaveLength(1);
  const data = JSON.parse(blocks[0]!);
  expect(data["@context"]).toBe("https://schema.org");
  const datasets: Dataset[] = data["@graph"];
  expect(datasets.map((d) => d["@id"])).toEqual(DATASETS.map((d) => `${baseURL}/open-data#${d.id}`));
  for (const [i, dataset] of datasets.entries()) {
    const doc = DATASETS[i]!;
    expect(dataset["@type"]).toBe("Dataset");
    expect(dataset.name).toContain(doc.title.toLowerCase());
    expect(dataset.description.length).toBeGreaterThanOrEqual(50);
    expect(dataset.license).toBe(
      doc.id === "councils"
        ? "https://creativecommons.org/licenses/by/4.0/"
        : "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    );
    expect(dataset.publisher.name).toBeTruthy();
    expect(dataset.distribution).toEqual([
      { "@type": "DataDownload", encodingFormat: "application/json", contentUrl: `${baseURL}${doc.path}` },
      { "@type": "DataDownload", encodingFormat: "text/csv", contentUrl: `${baseURL}${doc.path}?format=csv` },
    ]);
    // Each download is there, and answers what it says.
    const download = await page.request.get(dataset.distribution[1]!.contentUrl);
    expect(download.status(), doc.path).toBe(200);
    expect(download.headers()["content-type"], doc.path).toContain("text/csv");
  }
  const milestones = datasets.find((d) => d["@id"].endsWith("#milestones"))!;
  expect(milestones.temporalCoverage).toMatch(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/);
  expect(datasets.find((d) => d["@id"].endsWith("#recommendations"))!.temporalCoverage).toBe("2023-02/..");
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(errors).toEqual([]);
});
