import { buildAtomFeed } from "@/lib/scrutiny/atom-feed";
import { publicOrigin } from "@/lib/http/site";
import { ATOM_HEADERS, cachedAllChanges } from "@/lib/scrutiny/feed-data.server";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(buildAtomFeed(await cachedAllChanges(), { origin: publicOrigin() }), { headers: ATOM_HEADERS });
}
