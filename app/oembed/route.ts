import { badRequest, jsonResponse, notFound } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";
import { embedCodeFor, iframeHtml } from "@/lib/embed/code";
import { embedTargetOfPath } from "@/lib/embed/targets";
import { readWidget } from "@/lib/embed/widgets.server";
import { OembedBody, parseOembedParams } from "@/lib/validations/oembed";

// oEmbed (https://oembed.com/) for the widgets: `url` is a widget's address or its full page's, on this site. An
// address elsewhere is answered 404 without ever being fetched; so is one of ours that has no widget.

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = parseOembedParams(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(parsed.errors);
  const { url, format, maxwidth, maxheight } = parsed.params;
  const origin = publicOrigin();
  if (url.origin !== origin) return notFound(`Only addresses on ${origin} can be embedded.`);
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    return notFound("There is no widget for that address.");
  }
  const target = embedTargetOfPath(path);
  const widget = target ? await readWidget(target) : null;
  if (!target || !widget) return notFound("There is no widget for that address.");
  if (format === "xml") {
    return Response.json(
      { error: "Not implemented", message: "Only format=json is offered." },
      { status: 501, headers: { "Cache-Control": "no-store" } },
    );
  }
  const code = embedCodeFor(target, widget.title, origin, { width: maxwidth, height: maxheight });
  return jsonResponse(OembedBody, {
    version: "1.0",
    type: "rich",
    title: widget.title,
    provider_name: "Reform Tracker",
    provider_url: `${origin}/`,
    html: iframeHtml(code),
    width: code.width,
    height: code.height,
  });
}
