import type { IncomingMessage } from "node:http";

// The address a request came from, worked out where the socket is visible (the front server) and passed to
// Next.js in a header the front server always overwrites, so a client cannot choose it. X-Forwarded-For is believed
// only as far as the operator says proxies of their own stand in front (TRUSTED_PROXIES, default 0 under
// `npm start`): each appends the address it was reached from, so with N of them the client is the Nth entry from the
// right, and anything to its left was written by the client.

export function clientAddressOf(request: Pick<IncomingMessage, "headers" | "socket">, trustedProxies: number): string {
  const socket = request.socket.remoteAddress ?? "unknown";
  if (trustedProxies <= 0) return socket;
  const header = request.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return socket;
  return forwarded[Math.max(0, forwarded.length - trustedProxies)]!;
}
