import { robotsTxt } from "@/lib/discovery/sitemap.server";
import { publicOrigin } from "@/lib/http/site";

// Which addresses search engines may read, and where the sitemap is (lib/discovery/sitemap.server.ts).

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(robotsTxt(publicOrigin()), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
