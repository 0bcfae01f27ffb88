// Reading a request's body in proxy.ts, which must check some bodies before Next.js or next-auth read them, without
// ever holding more than a limit in memory: a Content-Length over the limit is refused unread, and a body sent
// without one (chunked) is counted as it arrives and dropped as soon as it passes the limit.

export type LimitedBody = { ok: true; body: Buffer } | { ok: false };

/** The body of a copy of the request (the original is left for Next.js), or `ok: false` when it is over `limit`. */
export async function readBodyUpTo(request: Request, limit: number): Promise<LimitedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) return { ok: false };
  const stream = request.clone().body;
  if (!stream) return { ok: true, body: Buffer.alloc(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a cancelled copy (a tee) settles only once the original is cancelled too.
      void reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, body: Buffer.concat(chunks) };
}
