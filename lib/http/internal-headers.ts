// The headers by which the front server (lib/http/front-server.server.ts) speaks to Next.js. It deletes whatever a
// client sent under these names and sets its own, so a client can neither pass for the front server nor choose the
// address it is counted under or the host its writes are checked against.

/** Carries a secret made at start-up (in this environment variable), known only to the process. */
export const FRONT_SECRET_HEADER = "x-reform-tracker-front";
export const FRONT_SECRET_ENV = "REFORM_TRACKER_FRONT_SECRET";

/** The client's address as the front server saw it (lib/http/client-address.ts). */
export const CLIENT_ADDRESS_HEADER = "x-reform-tracker-client-address";

/**
 * The host the visitor asked for, as the front server worked it out: `Host`, or with TRUSTED_PROXIES set, the
 * `X-Forwarded-Host` a proxy of ours wrote (lib/http/client-address.ts). The cross-origin check compares `Origin`
 * with it.
 */
export const HOST_HEADER = "x-reform-tracker-host";

/** The address counted when a request did not come through the front server (`next dev`): one for everybody. */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The other way: a response header by which the app asks the front server for a status an App Router page cannot set
 * itself (400 for a bad `?asAt=`, set by proxy.ts). The front server sends that status and drops the header.
 */
export const STATUS_HEADER = "x-reform-tracker-status";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether a request came through the front server, which then sets the Content Security Policy itself. */
export function isFromFrontServer(headers: HeaderSource): boolean {
  const secret = process.env[FRONT_SECRET_ENV];
  return Boolean(secret) && read(headers, FRONT_SECRET_HEADER) === secret;
}

/**
 * The address a request is counted under (the per-address sign-in limit): the one the front server saw. Without the
 * front server (`next dev`) nothing the request says about itself can be believed, so every request is counted under
 * UNKNOWN_ADDRESS.
 */
export function trustedClientAddress(headers: HeaderSource): string {
  if (!isFromFrontServer(headers)) return UNKNOWN_ADDRESS;
  return (read(headers, CLIENT_ADDRESS_HEADER)?.trim() || UNKNOWN_ADDRESS).slice(0, 64);
}

/**
 * The host a write's `Origin` must match: the one the front server worked out, or without the front server
 * (`next dev`) the request's own `Host`. `X-Forwarded-Host` is never read here.
 */
export function trustedHost(headers: HeaderSource): string | null {
  const host = isFromFrontServer(headers) ? read(headers, HOST_HEADER) : read(headers, "host");
  return host?.trim().toLowerCase() || null;
}
