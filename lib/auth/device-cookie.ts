import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Device cookies (docs/decisions/0013-sign-in-lock-out.md, after OWASP's "device cookies" against lock-out abuse).
// A browser that signs in to an account is given a signed cookie naming the account and a random device id. When it
// signs in again, its failed attempts count towards a budget of its own, not towards the budget shared by every
// client the tracker does not know: whoever guesses passwords from elsewhere can lock out unknown clients, never
// the member of staff on their own computer. The cookie holds no secret and grants nothing but that budget.
// No "server-only": the tests run this in plain Node.

/** Sent only to next-auth's routes: no public page ever sees it, so it cannot affect what is stored or cached. */
export const DEVICE_COOKIE_PATH = "/api/auth";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function deviceCookieName(secure: boolean): string {
  return secure ? "__Secure-reform-tracker.device" : "reform-tracker.device";
}

export interface Device {
  userId: number;
  id: string;
}

function signature(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`device-cookie:${payload}`).digest();
}

/** A new device of this account, and its cookie value. */
export function issueDeviceCookie(userId: number, secret: string): { device: Device; value: string } {
  const device = { userId, id: randomBytes(16).toString("base64url") };
  return { device, value: deviceCookieValue(device, secret) };
}

export function deviceCookieValue(device: Device, secret: string): string {
  const payload = `${device.userId}.${device.id}`;
  return `${payload}.${signature(payload, secret).toString("base64url")}`;
}

/** The device a cookie names, or null when it is missing, malformed or not signed with this secret. */
export function readDeviceCookie(value: string | undefined, secret: string | undefined): Device | null {
  if (!value || !secret || value.length > 200) return null;
  const match = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  const [, userId, id, given] = match;
  const expected = signature(`${userId}.${id}`, secret);
  const actual = Buffer.from(given!, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId: Number(userId), id: id! };
}
