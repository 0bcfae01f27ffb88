import { escapeHtml } from "./html";
import { EMBED_RESIZE_SCRIPT } from "./render";
import { EMBED_SIZES, embedPath, fullPagePath, type EmbedTarget } from "./targets";

// The code a council or charity copies onto its own page ("Embed this" on the full page, and oEmbed's `html`):
// an iframe of the widget, at the public address, and optionally the script that fits its height.

export interface EmbedCode {
  src: string;
  title: string;
  width: number;
  height: number;
}

export function embedCodeFor(target: EmbedTarget, title: string, origin: string, max: MaxSize = {}): EmbedCode {
  const size = EMBED_SIZES[target.kind];
  return {
    src: new URL(embedPath(target), origin).href,
    title: `Reform Tracker: ${title}`,
    width: Math.min(size.width, max.width ?? Infinity),
    height: Math.min(size.height, max.height ?? Infinity),
  };
}

export interface MaxSize {
  width?: number;
  height?: number;
}

/** The iframe element, as text to paste into a page. */
export function iframeHtml(code: EmbedCode): string {
  return (
    `<iframe src="${escapeHtml(code.src)}" title="${escapeHtml(code.title)}" width="${code.width}" ` +
    `height="${code.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}

/** The optional script element that fits every widget frame's height on the host page. */
export function resizeScriptHtml(origin: string): string {
  return `<script src="${escapeHtml(new URL(EMBED_RESIZE_SCRIPT, origin).href)}" async></script>`;
}

export const OEMBED_TYPE = "application/json+oembed";

/** The oEmbed address for a page or widget of ours. */
export function oembedUrl(target: EmbedTarget, origin: string): string {
  const page = new URL(fullPagePath(target), origin).href;
  return new URL(`/oembed?url=${encodeURIComponent(page)}&format=json`, origin).href;
}

/** The `alternates.types` entry of a page with a widget: oEmbed discovery (https://oembed.com/, section 4). */
export function oembedDiscovery(target: EmbedTarget, title: string, origin: string) {
  return { [OEMBED_TYPE]: [{ url: oembedUrl(target, origin), title }] };
}
