import zlib from "node:zlib";

// Compression of what the front server sends: stored responses are compressed once, when stored (brotli at a
// middling quality: most of the gain of the highest for a small part of its time), streamed ones as they pass.

const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|javascript|x-component)|image\/svg\+xml)/i;
const MIN_BYTES = 1_024;

export type Encoding = "br" | "gzip" | "identity";

export function isCompressible(contentType: string | undefined): boolean {
  return COMPRESSIBLE.test(contentType ?? "");
}

export function compressForStore(body: Buffer, contentType: string | undefined): { gzip?: Buffer; br?: Buffer } {
  if (body.length < MIN_BYTES || !isCompressible(contentType)) return {};
  return {
    gzip: zlib.gzipSync(body, { level: 6 }),
    br: zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  };
}

/** The encodings the client accepts (q > 0), from its Accept-Encoding header. */
function accepted(header: string | string[] | undefined): Set<string> {
  const names = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  return names;
}

/** The best encoding the client accepts among those available. */
export function chooseEncoding(
  header: string | string[] | undefined,
  available: { br?: unknown; gzip?: unknown },
): Encoding {
  const names = accepted(header);
  if (available.br && names.has("br")) return "br";
  if (available.gzip && (names.has("gzip") || names.has("*"))) return "gzip";
  return "identity";
}
