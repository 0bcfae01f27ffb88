import "server-only";
import { db } from "@/lib/db/client.server";
import { PRIVATE_PREFIXES } from "@/lib/http/public-routes";
import { xmlText } from "@/lib/scrutiny/atom-feed";

// sitemap.xml and robots.txt: every public page a search engine should know, and the private addresses it should
// leave alone. tests/unit/sitemap.test.ts fails when a public page is added under app/(public) and not listed here.

/** The public pages with no parameter in their address. */
export const FIXED_PUBLIC_PAGES = [
  "/",
  "/recommendations",
  "/milestones",
  "/pillars",
  "/outcomes",
  "/councils",
  "/councils/compare",
  "/programmes",
  "/changes",
  "/slippage",
  "/report",
  "/search",
  "/open-data",
  "/open-data/api",
  "/about",
  "/about/statuses",
  "/accessibility",
  "/cookies",
  "/privacy",
] as const;

/** The public pages with one page per record: each list page's folder, and the records it has a page for. */
export const RECORD_PAGE_FOLDERS = [
  "/pillars",
  "/outcomes",
  "/recommendations",
  "/milestones",
  "/councils",
  "/councils/[slug]/actions",
  "/programmes",
] as const;

/**
 * Every public page's path: the fixed pages, then one per pillar, outcome, recommendation, milestone, council,
 * programme and council's local action.
 */
export async function listPublicPagePaths(): Promise<string[]> {
  const client = db();
  const [pillars, outcomes, recommendations, milestones, councils, programmes, localActions] = await Promise.all([
    client.pillar.findMany({ select: { number: true }, orderBy: { number: "asc" } }),
    client.outcome.findMany({ select: { number: true }, orderBy: { number: "asc" } }),
    client.recommendation.findMany({ select: { code: true }, orderBy: { id: "asc" } }),
    client.milestone.findMany({ select: { code: true }, orderBy: { id: "asc" } }),
    client.council.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
    client.programme.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
    client.localAction.findMany({
      select: { number: true, council: { select: { slug: true } } },
      orderBy: [{ councilId: "asc" }, { number: "asc" }],
    }),
  ]);
  return [
    ...FIXED_PUBLIC_PAGES,
    ...pillars.map((p) => `/pillars/${p.number}`),
    ...outcomes.map((o) => `/outcomes/${o.number}`),
    ...recommendations.map((r) => `/recommendations/${encodeURIComponent(r.code)}`),
    ...milestones.map((m) => `/milestones/${encodeURIComponent(m.code)}`),
    ...councils.map((c) => `/councils/${encodeURIComponent(c.slug)}`),
    ...programmes.map((p) => `/programmes/${encodeURIComponent(p.slug)}`),
    ...localActions.map((a) => `/councils/${encodeURIComponent(a.council.slug)}/actions/LA-${a.number}`),
  ];
}

export function sitemapXml(paths: readonly string[], origin: string): string {
  const urls = paths.map((path) => `<url><loc>${xmlText(new URL(path, origin).href)}</loc></url>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** Staff pages, sign-in, the staff API and health are disallowed; build assets stay allowed (pages need them). */
export function robotsTxt(origin: string): string {
  const disallowed = PRIVATE_PREFIXES.filter((prefix) => !prefix.startsWith("/_next"));
  return [
    "User-agent: *",
    ...disallowed.map((prefix) => `Disallow: ${prefix}`),
    "Allow: /",
    "",
    `Sitemap: ${new URL("/sitemap.xml", origin).href}`,
    "",
  ].join("\n");
}
