import { createHash } from "node:crypto";

// A page's inline scripts, as CSP hash sources. Next.js writes three or more inline <script> elements into every
// App Router page (its bootstrap, the `self.__next_f` initialiser and the page's data), different per page, data and
// build: a stored page carries a policy listing exactly its own. A script element's text is raw text in HTML (no
// character references are decoded in it), so the bytes between the tags are what the browser hashes.

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(?:^|\s)src\s*=/i;

/** `'sha256-…'` for each distinct inline script of the HTML, in order of first appearance. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes!)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(text!, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}
