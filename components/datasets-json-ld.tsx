import { datasetsJsonLd, jsonLdText } from "@/lib/discovery/datasets.server";
import { publicOrigin } from "@/lib/http/site";
import { siteSettings } from "@/lib/site-settings.server";

/**
 * The open-data downloads described for dataset search (lib/discovery/datasets.server.ts). A JSON-LD block is data,
 * not script: the browser never runs it, so the CSP does not apply to it (tests/e2e/discovery.spec.ts checks that
 * Chromium reports no violation); the front server's hash of it is harmless.
 */
export async function DatasetsJsonLd() {
  const data = await datasetsJsonLd(publicOrigin(), siteSettings());
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
