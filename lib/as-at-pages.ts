// Relative imports: scripts/serve.ts loads this file (through lib/http/public-routes.ts) without the "@/" alias.
import { checkAsAt, todayInLondon, type IsoDay } from "./dates";

// Which pages read `?asAt=`, in one module with no server imports: the proxy answers a bad one on these with 400
// (lib/http/public-routes.ts), and the menu and the link keeper (components/site/) carry a reader's date to them
// while they navigate, so it stays in the address (and pages stay cacheable per URL) until they return to today.

/**
 * The dashboard, the lists, a recommendation or milestone, the pillars and outcomes and each of them, the slippage
 * register, the briefing pack, a council and its local actions, and the compare page (/councils/compare); and the
 * search, which searches today's data but says so to a reader who came with a past date (and carries the date on to
 * the pages it finds).
 */
const AS_AT_PAGES = [
  /^\/$/,
  /^\/(recommendations|milestones|pillars|outcomes)(\/[^/]+)?$/,
  /^\/(slippage|report|search)$/,
  // A council's page and each of its local actions (issue 15): local actions rebuilt from their audit events.
  /^\/councils\/(?!compare(\.csv)?$)[^/]+(\/actions\/[^/]+)?$/,
  /^\/councils\/compare$/,
];

export function takesAsAt(path: string): boolean {
  return AS_AT_PAGES.some((page) => page.test(path));
}

/** The `asAt` of a query worth carrying to the next page: one valid past day, or null (today, absent or wrong). */
export function asAtToCarry(query: URLSearchParams, today: IsoDay = todayInLondon()): IsoDay | null {
  const given = query.getAll("asAt").filter((v) => v.trim() !== "");
  if (given.length !== 1) return null;
  const checked = checkAsAt(given[0]!, today);
  return checked.ok ? checked.asAt : null;
}

/** `href` with `asAt` added, when it leads to a page that reads it and does not set its own. */
export function withAsAt(href: string, asAt: IsoDay | null): string {
  if (!asAt) return href;
  const hashAt = href.indexOf("#");
  const hash = hashAt === -1 ? "" : href.slice(hashAt);
  const rest = hashAt === -1 ? href : href.slice(0, hashAt);
  const [path, query = ""] = rest.split("?", 2) as [string, string?];
  if (!takesAsAt(path)) return href;
  const params = new URLSearchParams(query);
  if (params.has("asAt")) return href;
  params.append("asAt", asAt);
  return `${path}?${params.toString()}${hash}`;
}
