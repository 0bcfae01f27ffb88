#!/usr/bin/env node
// Extract the phase-one milestones from "Figure 3: Key milestones that make up
// phase one (table versions)" of the DfE "Stable Homes, Built on Love:
// Implementation Strategy" (Feb 2023) text extraction.
//
// Usage:
//   node scripts/extract-milestones.mjs <source.txt> [out.json] [links.json] [recommendations.json]
//
// Defaults (relative to the repository root, i.e. this script's parent dir):
//   out.json             prisma/seed/data/milestones.json
//   links.json           prisma/seed/data/judgements/milestone-links.json
//   recommendations.json prisma/seed/data/recommendations.json (optional; used
//                        only to validate that linked recommendation codes exist)
//
// Plain Node ESM, no dependencies, deterministic.
//
// Everything copied from the source (activity, title, dateAsWritten) is
// verbatim. dueDate is derived by normaliseDueDate() below; the links
// (pillars / outcomes / recommendations) are hand-made judgements kept in the
// links file and merged here by milestone code (the links file also repeats
// each milestone's title, which is checked so a shift in numbering cannot
// silently attach links to the wrong milestone).

import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, resolve, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [sourcePath, outArg, linksArg, recsArg] = process.argv.slice(2);
if (!sourcePath) {
  console.error(
    "usage: node scripts/extract-milestones.mjs <source.txt> [out.json] [links.json] [recommendations.json]",
  );
  process.exit(2);
}
const outPath = outArg ?? join(repoRoot, "prisma/seed/data/milestones.json");
const linksPath = linksArg ?? join(repoRoot, "prisma/seed/data/judgements/milestone-links.json");
const recsPath = recsArg ?? join(repoRoot, "prisma/seed/data/recommendations.json");

// ---------------------------------------------------------------------------
// Date normalisation: dueDate is the END of the stated period.
// ---------------------------------------------------------------------------

const MONTHS = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const pad = (n) => String(n).padStart(2, "0");
const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const lastDayOfMonth = (y, m) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

// Season -> end of season (UK meteorological seasons as used in the brief):
//   spring -> 31 May, summer -> 31 Aug, autumn -> 30 Nov,
//   winter -> end of February of the FOLLOWING year (28 or 29).
function seasonEnd(season, year) {
  switch (season) {
    case "spring":
      return iso(year, 5, 31);
    case "summer":
      return iso(year, 8, 31);
    case "autumn":
      return iso(year, 11, 30);
    case "winter":
      return iso(year + 1, 2, lastDayOfMonth(year + 1, 2));
    default:
      throw new Error(`unknown season ${season}`);
  }
}

// Qualifiers that introduce the period but do not change it.
const QUALIFIERS = [/^planned to launch in\s+/i, /^to be launched in\s+/i, /^from\s+/i, /^in\s+/i];

export function normaliseDueDate(dateAsWritten) {
  let s = dateAsWritten.trim().replace(/\s+/g, " ");
  let changed = true;
  while (changed) {
    changed = false;
    for (const q of QUALIFIERS) {
      if (q.test(s)) {
        s = s.replace(q, "");
        changed = true;
      }
    }
  }
  let m;
  // "by the end of 2023" / "by end of 2023" / "end of 2023" -> 31 December
  if ((m = s.match(/^(?:by )?(?:the )?end of (\d{4})$/i))) return iso(+m[1], 12, 31);
  // financial year "2023/24" or "2023-24" -> 31 March of the second year
  if ((m = s.match(/^(\d{4})[/-](\d{2}|\d{4})$/))) {
    const start = +m[1];
    const endYear = m[2].length === 2 ? Math.floor(start / 100) * 100 + +m[2] : +m[2];
    if (endYear !== start + 1) throw new Error(`not a financial year: "${dateAsWritten}"`);
    return iso(endYear, 3, 31);
  }
  // specific day "2 February 2023"
  if ((m = s.match(/^(\d{1,2}) ([A-Za-z]+) (\d{4})$/)) && MONTHS[m[2].toLowerCase()]) {
    const y = +m[3],
      mo = MONTHS[m[2].toLowerCase()],
      d = +m[1];
    if (d < 1 || d > lastDayOfMonth(y, mo)) throw new Error(`bad day: "${dateAsWritten}"`);
    return iso(y, mo, d);
  }
  // month "April 2023" -> last day of that month
  if ((m = s.match(/^([A-Za-z]+) (\d{4})$/)) && MONTHS[m[1].toLowerCase()]) {
    const y = +m[2],
      mo = MONTHS[m[1].toLowerCase()];
    return iso(y, mo, lastDayOfMonth(y, mo));
  }
  // season "summer 2023" (also "early"/"mid"/"late" are NOT accepted: fail loudly)
  if ((m = s.match(/^(spring|summer|autumn|winter) (\d{4})$/i))) return seasonEnd(m[1].toLowerCase(), +m[2]);
  // bare year "2024" -> 31 December
  if ((m = s.match(/^(\d{4})$/))) return iso(+m[1], 12, 31);
  throw new Error(`cannot normalise date "${dateAsWritten}"`);
}

// ---------------------------------------------------------------------------
// Table extraction
// ---------------------------------------------------------------------------

const FIGURE_HEADING = "Figure 3: Key milestones that make up phase one (table versions)";
const GROUP_HEADINGS = new Map([
  ["Addressing urgent issues", "Addressing urgent issues"],
  ["Setting national direction", "Setting national direction"],
  ["Setting national direction continued", "Setting national direction"],
  ["Laying the groundwork for future reforms", "Laying the groundwork for future reforms"],
]);
const COLUMNS = ["2023", "2024"];

const lines = readFileSync(sourcePath, "utf8").split(/\r?\n/);

// The heading also appears in the table of figures near the top of the
// document; the table itself follows the occurrence that is a line on its own
// (without a page number after a tab), so take the last match.
const figIdx = lines.findLastIndex((l) => l.startsWith(FIGURE_HEADING) && !l.includes("\t"));
if (figIdx < 0) throw new Error("Figure 3 table heading not found");

// Split one cell into its dated items. Each item ends with a parenthesised
// date; the text before it (after the previous item) is the title.
function splitCell(cell, lineNo) {
  const items = [];
  const re = /\s*(.*?)\s*\(([^()]*)\)(?=\s|$)/gy;
  let m;
  let consumed = 0;
  while ((m = re.exec(cell)) !== null) {
    if (m[0].length === 0) break;
    items.push({ title: m[1], dateAsWritten: m[2] });
    consumed = re.lastIndex;
  }
  const rest = cell.slice(consumed).trim();
  if (rest) throw new Error(`line ${lineNo}: undated text left in cell: "${rest}"`);
  for (const it of items) {
    if (!it.title) throw new Error(`line ${lineNo}: item without a title before (${it.dateAsWritten})`);
  }
  return items;
}

const milestones = [];
let group = null;
let expectHeader = false;
for (let i = figIdx + 1; i < lines.length; i++) {
  const raw = lines[i];
  const line = raw.trim();
  if (line === "") continue;
  if (GROUP_HEADINGS.has(line)) {
    group = GROUP_HEADINGS.get(line);
    expectHeader = true;
    continue;
  }
  if (!raw.includes("\t")) break; // first non-table, non-heading line ends the figure
  const cells = raw.split("\t");
  if (expectHeader) {
    if (cells.map((c) => c.trim()).join("|") !== ["Activities", ...COLUMNS].join("|")) {
      throw new Error(`line ${i + 1}: unexpected table header "${raw}"`);
    }
    expectHeader = false;
    continue;
  }
  if (!group) throw new Error(`line ${i + 1}: table row before any group heading`);
  if (cells.length !== 3) throw new Error(`line ${i + 1}: expected 3 cells, got ${cells.length}`);
  const activity = cells[0].trim();
  COLUMNS.forEach((column, ci) => {
    for (const item of splitCell(cells[ci + 1].trim(), i + 1)) {
      milestones.push({
        group,
        activity,
        title: item.title,
        dateAsWritten: item.dateAsWritten,
        column,
        dueDate: normaliseDueDate(item.dateAsWritten),
        sourceLine: i + 1,
      });
    }
  });
}

milestones.forEach((m, idx) => {
  m.code = `M-${pad(idx + 1)}`;
});

// ---------------------------------------------------------------------------
// Merge the hand-made links
// ---------------------------------------------------------------------------

const links = existsSync(linksPath) ? JSON.parse(readFileSync(linksPath, "utf8")) : {};
let recCodes = null;
if (existsSync(recsPath)) {
  const recs = JSON.parse(readFileSync(recsPath, "utf8"));
  recCodes = new Set(recs.map((r) => r.code));
}

const errors = [];
const out = milestones.map((m) => {
  const l = links[m.code] ?? {};
  if (links[m.code] && l.title !== undefined && l.title !== m.title) {
    errors.push(`${m.code}: links file title "${l.title}" does not match extracted title "${m.title}"`);
  }
  const pillars = l.pillars ?? [];
  const outcomes = l.outcomes ?? [];
  const recommendations = l.recommendations ?? [];
  for (const p of pillars) if (!Number.isInteger(p) || p < 1 || p > 6) errors.push(`${m.code}: bad pillar ${p}`);
  for (const o of outcomes) if (!Number.isInteger(o) || o < 1 || o > 6) errors.push(`${m.code}: bad outcome ${o}`);
  if (recommendations.length && !recCodes) errors.push(`${m.code}: recommendations linked but ${recsPath} not found`);
  if (recCodes)
    for (const r of recommendations) if (!recCodes.has(r)) errors.push(`${m.code}: unknown recommendation code ${r}`);
  return {
    code: m.code,
    group: m.group,
    activity: m.activity,
    title: m.title,
    dateAsWritten: m.dateAsWritten,
    column: m.column,
    dueDate: m.dueDate,
    sourceLine: m.sourceLine,
    pillars,
    outcomes,
    recommendations,
  };
});
for (const code of Object.keys(links)) {
  if (!code.startsWith("_") && !out.some((m) => m.code === code))
    errors.push(`links file has unknown milestone ${code}`);
}

// Checks: every milestone has dateAsWritten and a valid dueDate.
for (const m of out) {
  if (!m.dateAsWritten) errors.push(`${m.code}: missing dateAsWritten`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(m.dueDate ?? "")) errors.push(`${m.code}: missing/invalid dueDate`);
}

if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}

mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify(out, null, 2) + "\n");

const counts = {};
for (const m of out) counts[m.group] = (counts[m.group] ?? 0) + 1;
console.log(`wrote ${out.length} milestones to ${outPath}`);
for (const [g, n] of Object.entries(counts)) console.log(`  ${g}: ${n}`);
if (!recCodes) console.log(`  (note: ${recsPath} not found; recommendation codes not validated)`);
