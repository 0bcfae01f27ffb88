import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXED_PUBLIC_PAGES, RECORD_PAGE_FOLDERS, robotsTxt, sitemapXml } from "@/lib/discovery/sitemap.server";

// sitemap.xml must list every kind of public page. The pages are the page.tsx files under app/(public): each is a
// fixed page the sitemap lists, or a record's page (`[number]`, `[code]`, `[slug]`) under a folder it lists every
// record of. A new page that is in neither fails here until it is added to lib/discovery/sitemap.server.ts.

async function publicPageRoutes(): Promise<string[]> {
  const root = path.resolve(import.meta.dirname, "../../app/(public)");
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === "page.tsx")
    .map((entry) => {
      const folder = path.relative(root, entry.parentPath).split(path.sep).filter(Boolean);
      return `/${folder.filter((part) => !/^\(.*\)$/.test(part)).join("/")}`;
    });
}

describe("the sitemap", () => {
  it("covers every public page under app/(public)", async () => {
    const routes = await publicPageRoutes();
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const record = /^(.*)\/\[[a-z]+\]$/i.exec(route);
      if (record) expect(RECORD_PAGE_FOLDERS, route).toContain(record[1]);
      else expect(FIXED_PUBLIC_PAGES, route).toContain(route);
    }
  });

  it("writes absolute addresses on the public address, escaped", () => {
    const xml = sitemapXml(["/", "/councils/a&b"], "https://tracker.example");
    expect(xml).toContain("<loc>https://tracker.example/</loc>");
    expect(xml).toContain("<loc>https://tracker.example/councils/a&amp;b</loc>");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset')).toBe(true);
  });

  it("robots.txt keeps search engines out of staff pages, sign-in and the staff API, and names the sitemap", () => {
    const robots = robotsTxt("https://tracker.example");
    for (const line of ["Disallow: /staff", "Disallow: /api/auth", "Disallow: /api/staff", "Allow: /"])
      expect(robots.split("\n")).toContain(line);
    expect(robots).not.toContain("/_next");
    expect(robots).toContain("Sitemap: https://tracker.example/sitemap.xml");
  });
});
