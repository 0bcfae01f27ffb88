import { buildAtomFeed } from "@/lib/scrutiny/atom-feed";
import { publicOrigin } from "@/lib/http/site";
import { ATOM_HEADERS, cachedAllChanges } from "@/lib/scrutiny/feed-data.server";
import { cachedPillar } from "@/lib/reform/public-data.server";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const raw = (await params).number;
  const pillar = /^[1-6]$/.test(raw) ? await cachedPillar(Number(raw)) : null;
  if (!pillar)
    return new Response("No such pillar: use 1 to 6.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const xml = buildAtomFeed(await cachedAllChanges(), {
    origin: publicOrigin(),
    pillar: { number: pillar.number, title: pillar.title },
  });
  return new Response(xml, { headers: ATOM_HEADERS });
}
