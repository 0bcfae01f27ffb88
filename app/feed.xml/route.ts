import { buildAtomFeed } from "@/lib/atom-feed";
import { ATOM_HEADERS, cachedAllChanges } from "@/lib/feed-data.server";
import { originOf } from "@/lib/api.server";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return new Response(buildAtomFeed(await cachedAllChanges(), { origin: originOf(request) }), { headers: ATOM_HEADERS });
}
