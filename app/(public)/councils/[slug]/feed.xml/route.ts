import { findCouncil } from "@/lib/councils/councils.server";
import { publicOrigin } from "@/lib/http/site";
import { buildAtomFeed } from "@/lib/scrutiny/atom-feed";
import { ATOM_HEADERS, cachedCouncilChanges } from "@/lib/scrutiny/feed-data.server";

export const dynamic = "force-dynamic";

// A council's feed of the changes it has published to its local actions (issue 15), linked from its page.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const council = await findCouncil(slug);
  if (!council)
    return new Response("No such council: use its address name (thurrock) or its ONS code (E06000034).", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  // A GSS code or another spelling finds the council; the feed has one address.
  if (council.slug !== slug)
    return new Response(null, {
      status: 308,
      headers: { Location: `/councils/${encodeURIComponent(council.slug)}/feed.xml` },
    });
  const xml = buildAtomFeed(await cachedCouncilChanges(council.gssCode), {
    origin: publicOrigin(),
    council: { slug: council.slug, name: council.name },
  });
  return new Response(xml, { headers: ATOM_HEADERS });
}
