// The stored public responses of one instance: a least-recently-used map bounded by the bytes it holds, so a
// crawler asking for thousands of distinct `?q=` or `?asAt=` addresses evicts old entries instead of growing memory.
// Nothing is written to disk. Keys carry the data version and the UK day (lib/http/public-routes.ts), so an entry is
// never stale: a change makes a new key, and the old entries are dropped or age out.

export interface StoredResponse {
  status: number;
  /** Headers to send with the body, lower-case names, without Content-Length, Content-Encoding and ETag. */
  headers: Record<string, string>;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  /** A weak validator of the body: the same for every encoding of it. */
  etag: string;
}

/** What an entry costs beyond its bodies: its key, headers and bookkeeping, roughly. */
const ENTRY_OVERHEAD_BYTES = 1_024;

export function storedSize(key: string, response: StoredResponse): number {
  let size =
    ENTRY_OVERHEAD_BYTES +
    key.length * 2 +
    response.body.length +
    (response.gzip?.length ?? 0) +
    (response.br?.length ?? 0);
  for (const [name, value] of Object.entries(response.headers)) size += (name.length + value.length) * 2;
  return size;
}

export class PageCache {
  // A Map keeps insertion order: re-inserting on every hit makes its first key the least recently used.
  private readonly entries = new Map<string, { response: StoredResponse; size: number }>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): StoredResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.response;
  }

  /** Stores the response, evicting the least recently used entries to stay within the budget. False if it is larger than a tenth of it. */
  set(key: string, response: StoredResponse): boolean {
    const size = storedSize(key, response);
    if (size > this.maxBytes / 10) return false;
    this.delete(key);
    this.entries.set(key, { response, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }

  /** Drops every entry whose key `stale` says is out of date (a scope's version moved on). */
  deleteWhere(stale: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (stale(key)) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }
}
