import "server-only";
import { headers } from "next/headers";

/** The sign-in address to give invited staff, as this request reached us (or NEXTAUTH_URL's, when set). */
export async function signInUrl(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return new URL("/staff/sign-in", process.env.NEXTAUTH_URL).toString();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return "/staff/sign-in";
  const proto =
    h.get("x-forwarded-proto")?.split(",")[0]?.trim() ??
    (host.startsWith("localhost") || host.startsWith("127.0.0.1") ? "http" : "https");
  return `${proto}://${host}/staff/sign-in`;
}
