// The npm registry mirror on our build machines omits platform packages for other operating systems
// (e.g. @next/swc-darwin-arm64 answers 404), so `npm install` writes a package-lock.json without them
// and `npm ci` then refuses the lock ("Missing: ... from lock file"). This adds a lock entry, with the
// os/cpu read from the package name, for each optional platform dependency that is missing, so that
// `npm ci` validates and skips them here and a machine of that platform still installs them by version.
// Run after `npm install`: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;
const OS = ["darwin", "linux", "win32", "freebsd", "android", "openbsd", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "mips64el", "wasm32"];

function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = OS.find((o) => tokens.includes(o));
  const cpu = CPU.find((c) => tokens.includes(c)) ?? (tokens.includes("gnueabihf") ? "arm" : undefined);
  const libc = tokens.some((t) => t.startsWith("musl"))
    ? "musl"
    : tokens.some((t) => t.startsWith("gnu"))
      ? "glibc"
      : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = path === "" ? "" : `${path}/`;
    const candidates = [`${parentDir}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform package: leave npm's answer alone
    packages[`node_modules/${dep}`] = {
      version,
      ...(entry.license ? {} : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lockfile: added ${added} platform entries`);
