import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceFirstAdmin } from "@/scripts/lib/first-admin";

const ADMIN = {
  email: "admin@reform-tracker.local",
  oneTimePassword: "Abcdefghij0123456789",
  expiresAt: new Date("2026-12-05T09:00:00Z"),
};
let folder: string;
let lines: string[];
const where = (terminal: boolean, throwaway: boolean) => ({
  terminal,
  throwaway,
  dataFolder: folder,
  signInUrl: "http://localhost:3000/staff/sign-in",
});

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "reform-tracker-first-admin-"));
  lines = [];
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("the first admin's one-time password", () => {
  it("is printed to a terminal, once", () => {
    announceFirstAdmin(ADMIN, where(true, false), (l) => lines.push(l));
    expect(lines.filter((l) => l.includes(ADMIN.oneTimePassword))).toHaveLength(1);
    expect(lines.join("\n")).toContain("it works until 2026-12-05T09:00:00.000Z");
  });

  it("is never printed to output that may be a log: it goes to a file only its owner can read", () => {
    announceFirstAdmin(ADMIN, where(false, false), (l) => lines.push(l));
    expect(lines.join("\n")).not.toContain(ADMIN.oneTimePassword);
    const file = path.join(folder, "first-admin-password");
    expect(lines.join("\n")).toContain(file);
    expect(readFileSync(file, "utf8")).toBe(`${ADMIN.oneTimePassword}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Over an old file anyone could read, too.
    chmodSync(file, 0o644);
    announceFirstAdmin(ADMIN, where(false, false), () => {});
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("is not kept anywhere for a throwaway database", () => {
    announceFirstAdmin(ADMIN, where(false, true), (l) => lines.push(l));
    expect(lines.join("\n")).not.toContain(ADMIN.oneTimePassword);
    expect(() => statSync(path.join(folder, "first-admin-password"))).toThrow();
  });
});
