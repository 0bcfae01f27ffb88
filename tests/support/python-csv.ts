import { spawnSync } from "node:child_process";
import { expect } from "vitest";

// Python's csv module, as the reader used it, where python3 is installed (it is on our machines and in CI):
// every CSV the app writes must read back with it, one record per row.
const PYTHON_READER = `
import csv, io, json, sys
text = sys.stdin.buffer.read().decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
json.dump(rows, sys.stdout)
`;
export const python = spawnSync("python3", ["--version"]).status === 0;

export function readByPython(text: string): string[][] {
  const run = spawnSync("python3", ["-c", PYTHON_READER], { input: Buffer.from(text, "utf8"), maxBuffer: 64 << 20 });
  expect(run.status, run.stderr.toString()).toBe(0);
  return JSON.parse(run.stdout.toString()) as string[][];
}
