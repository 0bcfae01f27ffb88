import { listPublicPagePaths, sitemapXml } from "@/lib/discovery/sitemap.server";
import { publicOrigin } from "@/lib/http/site";

// Every public page, for search engines (lib/discovery/sitemap.server.ts). Stored and served like a public page.

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(sitemapXml(await listPublicPagePaths(), publicOrigin()), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
