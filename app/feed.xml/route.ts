import { buildAtomFeed } from "@/lib/atom-feed";
import { publicOrigin } from "@/lib/site";
import { ATOM_HEADERS, cachedAllChanges } from "@/lib/feed-data.server";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(buildAtomFeed(await cachedAllChanges(), { origin: publicOrigin() }), { headers: ATOM_HEADERS });
}
