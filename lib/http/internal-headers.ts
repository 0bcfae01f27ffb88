// The headers by which the front server (lib/http/front-server.server.ts) speaks to Next.js. It deletes whatever a
// client sent under these names and sets its own, so a client can neither pass for the front server nor choose the
// address it is counted under.

/** Carries a secret made at start-up (in this environment variable), known only to the process. */
export const FRONT_SECRET_HEADER = "x-reform-tracker-front";
export const FRONT_SECRET_ENV = "REFORM_TRACKER_FRONT_SECRET";

/** The client's address as the front server saw it (lib/http/client-address.ts). */
export const CLIENT_ADDRESS_HEADER = "x-reform-tracker-client-address";

/**
 * The other way: a response header by which the app asks the front server for a status an App Router page cannot set
 * itself (400 for a bad `?asAt=`, set by proxy.ts). The front server sends that status and drops the header.
 */
export const STATUS_HEADER = "x-reform-tracker-status";

/** Whether a request came through the front server, which then sets the Content Security Policy itself. */
export function isFromFrontServer(headers: Headers): boolean {
  const secret = process.env[FRONT_SECRET_ENV];
  return Boolean(secret) && headers.get(FRONT_SECRET_HEADER) === secret;
}
