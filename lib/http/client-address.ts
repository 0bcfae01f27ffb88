import type { IncomingMessage } from "node:http";

// Who a request came from and which host it asked for, worked out where the socket is visible (the front server)
// and passed to Next.js in headers the front server always overwrites (lib/http/internal-headers.ts), so a client
// can choose neither. Proxies' headers are believed only as far as the operator says proxies of their own stand in
// front (TRUSTED_PROXIES, default 0 under `npm start`: then nothing a proxy header says is believed).
//   - X-Forwarded-For: each proxy appends the address it was reached from, so with N of them the client is the Nth
//     entry from the right, and anything to its left was written by the client.
//   - X-Forwarded-Host: the same rule, the Nth entry from the right (a proxy that sets it rather than appending
//     leaves one entry, which is then the one taken); without it, or with no trusted proxy, `Host`.
//   - X-Forwarded-Proto: the same rule again; with no trusted proxy, the socket's own (this server speaks http).

type RequestParts = Pick<IncomingMessage, "headers" | "socket">;

/** The comma-separated entries of a header, however many times it was sent. */
function entries(header: string | string[] | undefined): string[] {
  return (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The entry the outermost of `trustedProxies` proxies wrote, or undefined with none trusted or none written. */
function writtenByOurProxies(header: string | string[] | undefined, trustedProxies: number): string | undefined {
  if (trustedProxies <= 0) return undefined;
  const list = entries(header);
  return list.length === 0 ? undefined : list[Math.max(0, list.length - trustedProxies)];
}

export function clientAddressOf(request: RequestParts, trustedProxies: number): string {
  const socket = request.socket.remoteAddress ?? "unknown";
  return writtenByOurProxies(request.headers["x-forwarded-for"], trustedProxies) ?? socket;
}

/**
 * The host the visitor asked for, as sent, or null when the request names none. The front server refuses a value
 * that is not a host (`isHost`): next-auth builds its URLs from it and would fail on `x:y`.
 */
export function requestedHostOf(request: Pick<IncomingMessage, "headers">, trustedProxies: number): string | null {
  return (
    writtenByOurProxies(request.headers["x-forwarded-host"], trustedProxies) ?? (request.headers.host?.trim() || null)
  );
}

/** A host name or address with an optional port, and nothing else. */
export function isHost(value: string): boolean {
  if (value.length > 255 || !/^[\x21-\x7e]+$/.test(value)) return false;
  try {
    return new URL(`http://${value}`).host === value.toLowerCase().replace(/:80$/, "");
  } catch {
    return false;
  }
}

/** "https" or "http": what the visitor's browser spoke, as the front server passes it on in X-Forwarded-Proto. */
export function requestedProtocolOf(request: RequestParts, trustedProxies: number): "http" | "https" {
  const written = writtenByOurProxies(request.headers["x-forwarded-proto"], trustedProxies)?.toLowerCase();
  if (written === "https" || written === "http") return written;
  return (request.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
}
