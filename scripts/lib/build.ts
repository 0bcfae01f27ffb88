import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// Whether the production build in .next is missing or older than the sources it was built from.
// Shared by `npm start` and `npm run bench`.

/** The newest modification time under the given paths, skipping generated and dependency folders. */
function newestSourceMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      if (/(^|\/)(node_modules|\.next|generated|\.data)$/.test(p)) return;
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
  "next.config.js",
  // Root-level files Next.js builds in: proxy (Next 16's middleware), middleware, instrumentation.
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
];

export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  return newestSourceMtime(SOURCES.map((s) => path.join(root, s))) > statSync(buildId).mtimeMs;
}
