import { toSearchParams, type SearchParamsLike } from "@/lib/search-params";
import type { ParameterError } from "@/lib/validations/public-filters";
import { z } from "@/lib/validations/zod";

// Parameters of /oembed (https://oembed.com/, section 2.2). `url` is required; `format` is json (xml is answered
// 501, as the specification says for a format the provider does not offer); `maxwidth` and `maxheight` are whole
// numbers of pixels. Whether `url` is one of our widgets is the route's question: an address outside the site, or
// one with no widget, is a 404 and is never fetched.

export const OEMBED_PARAMETERS = ["url", "format", "maxwidth", "maxheight"] as const;
export const OEMBED_MAX_PIXELS = 10_000;

export interface OembedParams {
  url: URL;
  format: "json" | "xml";
  maxwidth?: number;
  maxheight?: number;
}

const pixels = z
  .string()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(OEMBED_MAX_PIXELS));

export function parseOembedParams(
  params: SearchParamsLike,
): { ok: true; params: OembedParams } | { ok: false; errors: ParameterError[] } {
  const query = toSearchParams(params);
  const errors: ParameterError[] = [];
  for (const name of new Set(query.keys())) {
    if (!(OEMBED_PARAMETERS as readonly string[]).includes(name)) {
      errors.push({
        parameter: name,
        message: `Unknown parameter "${name}". Allowed parameters: ${OEMBED_PARAMETERS.join(", ")}.`,
      });
    } else if (query.getAll(name).length > 1) {
      errors.push({
        parameter: name,
        message: `"${name}" was given ${query.getAll(name).length} times; give it once.`,
      });
    }
  }
  const raw = query.get("url")?.trim() ?? "";
  let url: URL | null = null;
  if (raw === "") {
    errors.push({ parameter: "url", message: `"url" is required: the address of a page or widget of this site.` });
  } else if (raw.length > 2_000 || !URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    errors.push({ parameter: "url", message: `"url" must be a whole http or https address, at most 2000 characters.` });
  } else {
    url = new URL(raw);
  }
  const format = query.get("format") ?? "json";
  if (format !== "json" && format !== "xml") {
    errors.push({ parameter: "format", message: `"format" must be json (xml is not offered).` });
  }
  const sizes: { maxwidth?: number; maxheight?: number } = {};
  for (const name of ["maxwidth", "maxheight"] as const) {
    const value = query.get(name);
    if (value === null) continue;
    const parsed = pixels.safeParse(value.trim());
    if (parsed.success) sizes[name] = parsed.data;
    else
      errors.push({
        parameter: name,
        message: `"${name}" must be a whole number of pixels from 1 to ${OEMBED_MAX_PIXELS}.`,
      });
  }
  if (errors.length > 0 || !url) return { ok: false, errors };
  return { ok: true, params: { url, format: format as "json" | "xml", ...sizes } };
}

/** The answer: oEmbed's `rich` type (section 2.3.4), with the widget's iframe as `html`. */
export const OembedBody = z.object({
  version: z.literal("1.0"),
  type: z.literal("rich"),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
  html: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
