// What `npm run bench` (scripts/bench/routes.ts) and `npm run bench:load` (scripts/bench/load.ts) share: how their
// readers ask for pages, and how the figures are summarised and printed.

/** Readers ask for compressed responses, as browsers do: the front server then sends the copy it stored compressed. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip, br" };

/** Nearest-rank percentile of values sorted in ascending order. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmt = (n: number, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a";
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-GB") : "n/a");

export function table(header: string[], rows: string[][], align?: ("l" | "r")[]): string {
  const sep = header.map((_, i) => ((align?.[i] ?? "l") === "r" ? "---:" : "---"));
  return [header, sep, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
