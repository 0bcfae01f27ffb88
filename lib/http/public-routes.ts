import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";

// Which requests the front server answers from its store of rendered public responses, and under what key.
// A public response may be stored when it is a GET or HEAD of a public address: it is rendered for the store with
// no cookie and no credentials (lib/http/front-server.server.ts), so nothing from a session can enter it, whatever
// the address. Staff pages, sign-in, the staff API, health and Server Actions are passed to Next.js and never stored.

/** Paths served by Next.js directly: build output and static files, with their own immutable caching. */
const STATIC_PREFIXES = ["/_next/static/", "/_next/image"];
const STATIC_FILES = new Set(["/icon.svg", "/favicon.ico"]);

/** Paths whose answers depend on who asks, or on the moment: never stored (and kept out of search engines: robots.txt). */
export const PRIVATE_PREFIXES = ["/staff", "/api/auth", "/api/staff", "/api/health", "/_next/"];

export function pathOf(url: string): string {
  const path = url.split("?", 1)[0]!;
  // Next.js routes on the decoded path: decide on the same one, so `/%73taff` is a staff address too.
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function isStaticAsset(url: string): boolean {
  const path = url.split("?", 1)[0]!;
  return STATIC_FILES.has(path) || STATIC_PREFIXES.some((prefix) => path.startsWith(prefix));
}

function underPrefix(path: string, prefix: string): boolean {
  return (
    path === prefix ||
    path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`) ||
    (prefix.endsWith("/") && path === prefix.slice(0, -1))
  );
}

export function isPublicRead(
  method: string,
  url: string,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (headers["next-action"] !== undefined) return false;
  const path = pathOf(url);
  return !PRIVATE_PREFIXES.some((prefix) => underPrefix(path, prefix));
}

// The pages that read `?asAt=`, which proxy.ts answers a bad one on with 400, are listed in lib/as-at-pages.ts.
export { takesAsAt } from "../as-at-pages";

/**
 * The request headers Next.js renders differently for (client navigation asks for the page's RSC payload, a
 * prefetch for part of it): each combination is its own entry, and the render for the store is sent the same ones.
 * `Next-Url` (the page the reader is on) changes nothing in the app's answers, but Next.js checks that the `_rsc`
 * query parameter is a hash of all five and redirects when it is not: leaving it out of the render would send the
 * router round a redirect loop.
 */
export const RENDER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
] as const;

/** Why the request's RSC headers are not ones Next.js's own router sends, or undefined when they are. */
export function badRenderHeader(headers: Record<string, string | string[] | undefined>): string | undefined {
  for (const name of RENDER_HEADERS) {
    const value = headers[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) return `${name} was sent more than once`;
    if ((name === "rsc" || name === "next-router-prefetch") && value !== "1") return `${name} must be 1`;
    if (
      (name === "next-router-segment-prefetch" || name === "next-url") &&
      (!value.startsWith("/") || value.length > 2_000)
    ) {
      return `${name} must be a path`;
    }
    if (name === "next-router-state-tree") {
      // Next.js's own check: it answers a router state that fails it with a 500.
      try {
        parseAndValidateFlightRouterState(value);
      } catch {
        return `${name} is not a router state`;
      }
    }
  }
  return undefined;
}

/** The store's key: what the response depends on. The data version and the UK day change the key of every page. */
export function storeKey(
  dataVersion: string,
  ukDay: string,
  url: string,
  headers: Record<string, string | string[] | undefined>,
): string {
  return [dataVersion, ukDay, url, ...RENDER_HEADERS.map((name) => headers[name] ?? "")].join("\n");
}

/**
 * The data versions a public answer depends on (issue 15, item 3; migration 0013). Every page shows national data,
 * so the national counter is in every key; a local action's change moves only 'local' and its council's scope, so it
 * leaves the stored national pages in place.
 */
export interface DataVersions {
  /** data_version: moved by milestone, recommendation and programme changes. */
  national: string;
  /** data_scope_version: 'local' and 'council:<GSS code>'; a scope with no row yet reads as 0. */
  scopes: Readonly<Record<string, string>>;
  /** Council slug → GSS code, to find the scope of /councils/{slug}: councils change only with the seed. */
  councils: Readonly<Record<string, string>>;
}

/** Pages that show local counts or local entries across councils: keyed by the 'local' scope as well. */
const LOCAL_PAGES = [
  /^\/councils\/?$/,
  /^\/councils\/compare(\.csv)?$/,
  /^\/(milestones|recommendations)\/[^/]+(\/.*)?$/,
  /^\/(changes|slippage|search)(\/.*)?$/,
  /^\/report(\/.*)?$/,
  /^\/api\/v1\/(local-actions|councils|search)(\/.*)?$/,
  /^\/(.*\/)?feed\.xml$/,
  // It lists every local action's page.
  /^\/sitemap\.xml$/,
];

/** A council's own pages, its open data and its widget: keyed by that council's scope. */
const COUNCIL_PAGES = /^\/(?:api\/v1\/|embed\/)?councils\/([^/]+)(?:\/.*)?$/;

/** The scopes, besides the national one, that the answer at `url` depends on. */
export function scopesOf(url: string, councils: DataVersions["councils"]): string[] {
  const path = pathOf(url);
  const council = COUNCIL_PAGES.exec(path)?.[1];
  if (council !== undefined && !/^compare(\.csv)?$/.test(council)) {
    // Either address finds a council (lib/councils/councils.server.ts): its slug in any case, or its GSS code.
    const code = /^e\d{8}$/i.test(council)
      ? council.toUpperCase()
      : Object.hasOwn(councils, council.toLowerCase())
        ? councils[council.toLowerCase()]
        : undefined;
    // An address that names no council is "no such page": when the seed adds that council, its key gains the scope.
    return code ? [`council:${code}`] : [];
  }
  return LOCAL_PAGES.some((page) => page.test(path)) ? ["local"] : [];
}

/** The versions part of a store key: the national version, then each scope the address depends on with its value. */
export function versionKey(versions: DataVersions, url: string): string {
  return [
    versions.national,
    ...scopesOf(url, versions.councils).map((scope) => `${scope}=${versions.scopes[scope] ?? "0"}`),
  ].join(" ");
}

/** Whether an address's path holds %-escapes that do not decode to UTF-8 (the query is read leniently, the path not). */
export function hasBrokenPathEncoding(url: string): boolean {
  const path = url.split("?", 1)[0]!;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
