#!/usr/bin/env node
// Deterministic extraction of the government's responses to the Care Review
// (Annex 3), Child Protection in England (Annex 4) and the CMA market study
// (Annex 5) from a text extraction of DfE "Stable Homes, Built on Love"
// (Feb 2023).
//
// Usage: node scripts/extract-recommendations.mjs <source.txt> [out.json]
// Default output: prisma/seed/data/recommendations.json (relative to the repo).
//
// No dependencies. The same normalisation rule is applied to every cell:
//   - each <p ...>...</p> is a paragraph;
//   - a <ul ...> starts a list whose items are introduced by "•"; the list runs
//     until the next <p>/</ul> or the end of the cell (the source never closes
//     its <ul>); each item becomes a line "• item text"; empty items are dropped;
//   - blocks are joined with "\n\n", list items within a list with "\n";
//   - runs of whitespace inside a block collapse to one space, blocks are trimmed;
//   - a cell without tags is one paragraph;
//   - HTML entities are decoded; all tags/attributes are removed.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const src = process.argv[2];
if (!src) {
  console.error("usage: node scripts/extract-recommendations.mjs <source.txt> [out.json]");
  process.exit(2);
}
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outPath = process.argv[3] ? resolve(process.argv[3]) : resolve(repoRoot, "prisma/seed/data/recommendations.json");

const SECTIONS = [
  "Family Help",
  "Child protection, multi-agency working and the courts",
  "Unlocking family networks",
  "Transforming care experience",
  "Workforce",
  "Improving the system",
];
const CMA_SUBSECTIONS = ["Commissioning", "Creating capacity in the market", "Resilience of the market"];
const HEADER_RE = /^recommendation( text)?\tresponse$/i;
const ANNEX = {
  3: { review: "CR", re: /^Annex 3: Government response to the Independent Review of Children.s Social Care\s*$/ },
  4: { review: "CPE", re: /^Annex 4: Government response to Child Protection in England\s*$/ },
  5: { review: "CMA", re: /^Annex 5: Government response to the Competition and Market Authority/ },
};

const warnings = [];
const warn = (m) => warnings.push(m);

// ---------------------------------------------------------------- entities
const NAMED = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  pound: "£",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  bull: "•",
  hellip: "…",
};
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(cp);
    }
    const v = NAMED[e.toLowerCase()];
    if (v === undefined) {
      warn(`unknown entity ${m}`);
      return m;
    }
    return v;
  });
}

const clean = (s) => decodeEntities(s).replace(/\s+/g, " ").trim();

// ---------------------------------------------------------------- cell normalisation
function normaliseCell(cell, where) {
  if (!/[<>]/.test(cell)) {
    const t = clean(cell);
    return t;
  }
  const blocks = [];
  // Tokenise into tags and text.
  const tokens = cell.split(/(<\/?[a-zA-Z][^>]*>)/);
  let mode = "none"; // 'p' | 'ul' | 'none'
  let buf = "";

  const flushP = () => {
    const t = clean(buf);
    if (t) blocks.push(t);
    buf = "";
  };
  const flushUl = () => {
    // text collected inside the list: split on bullets
    const parts = buf.split("•");
    const lead = clean(parts.shift());
    if (lead) warn(`${where}: text before first bullet in list kept as item: "${lead}"`);
    const list = [];
    if (lead) list.push("• " + lead);
    for (const p of parts) {
      const t = clean(p);
      if (t) list.push("• " + t);
      else warn(`${where}: empty list item dropped`);
    }
    if (list.length) blocks.push(list.join("\n"));
    buf = "";
  };
  const closeCurrent = () => {
    if (mode === "p") flushP();
    else if (mode === "ul") flushUl();
    else if (clean(buf)) {
      warn(`${where}: text outside any tag kept as paragraph: "${clean(buf).slice(0, 60)}"`);
      flushP();
    } else buf = "";
    mode = "none";
  };

  for (const tok of tokens) {
    const m = tok.match(/^<(\/?)([a-zA-Z]+)[^>]*>$/);
    if (!m) {
      buf += tok;
      continue;
    }
    const [, close, nameRaw] = m;
    const name = nameRaw.toLowerCase();
    if (name === "p" && !close) {
      closeCurrent();
      mode = "p";
    } else if (name === "p" && close) {
      if (mode !== "p") warn(`${where}: stray </p>`);
      closeCurrent();
    } else if (name === "ul" && !close) {
      closeCurrent();
      mode = "ul";
    } else if (name === "ul" && close) {
      closeCurrent();
    } else if (name === "li") {
      // treat <li> as bullet boundary if ever present
      if (!close) buf += "•";
    } else if (name === "br") {
      buf += " ";
    } else {
      warn(`${where}: unhandled tag <${close}${name}> ignored`);
    }
  }
  closeCurrent();
  const out = blocks.join("\n\n");
  if (/[<>]/.test(out)) warn(`${where}: "<" or ">" left in text`);
  return out;
}

// ---------------------------------------------------------------- walk the file
const lines = readFileSync(src, "utf8")
  .replace(/^\uFEFF/, "")
  .split(/\r?\n/);
let annex = null;
let section = null;
let subsection = null;
const rowCount = { 3: 0, 4: 0, 5: 0 };
const rows = [];
const seenAnnex = new Set();

// Only consider the body copy of the annexes: the last occurrence of the
// Annex 3 heading (the first ones are the table of contents).
let start = -1;
lines.forEach((l, i) => {
  if (ANNEX[3].re.test(l)) start = i;
});
if (start < 0) {
  console.error("Annex 3 heading not found");
  process.exit(1);
}

for (let i = start; i < lines.length; i++) {
  const line = lines[i];
  const lineNo = i + 1;
  const stripped = line.trim();
  let matched = false;
  for (const n of [3, 4, 5]) {
    if (ANNEX[n].re.test(line)) {
      annex = n;
      seenAnnex.add(n);
      subsection = null;
      section = n === 4 ? SECTIONS[1] : n === 5 ? SECTIONS[3] : null;
      matched = true;
    }
  }
  if (matched) continue;
  if (!line.includes("\t")) {
    if (!stripped) continue;
    if (annex === 3) {
      const s = SECTIONS.find(
        (name) =>
          stripped.startsWith(name) && /as detailed in chapter \d+ of the Implementation Strategy$/.test(stripped),
      );
      if (s) {
        section = s;
        continue;
      }
    }
    if (annex === 5 && CMA_SUBSECTIONS.includes(stripped)) {
      subsection = stripped;
      continue;
    }
    if (/^Note:/.test(stripped)) continue;
    if (annex === 5 && (/^E\d+$/.test(stripped) || /^[0-9-]{13,}$/.test(stripped))) continue; // back-cover reference numbers
    warn(`line ${lineNo}: non-table line not recognised: "${stripped.slice(0, 80)}"`);
    continue;
  }
  if (HEADER_RE.test(stripped)) continue;
  if (!annex || !section) {
    warn(`line ${lineNo}: table row outside a known annex/section`);
    continue;
  }
  const cells = line.split("\t");
  if (cells.length !== 2)
    warn(`line ${lineNo}: ${cells.length} cells (expected 2); cells after the second are appended to the response`);
  const recCell = cells[0];
  const respCell = cells.slice(1).join("\t");
  const review = ANNEX[annex].review;
  rowCount[annex] += 1;
  const code = `${review}-${String(rowCount[annex]).padStart(2, "0")}`;
  const text = normaliseCell(recCell, `${code} (line ${lineNo}) text`);
  const rawResponse = normaliseCell(respCell, `${code} (line ${lineNo}) response`);
  if (!text) warn(`${code}: empty recommendation text`);
  if (!rawResponse) warn(`${code}: empty response`);
  rows.push({
    code,
    review,
    section,
    subsection: annex === 5 ? subsection : null,
    sourceAnnex: annex,
    sourceRow: rowCount[annex],
    sourceLine: lineNo,
    text,
    response: rawResponse,
    responseInherited: false,
    responseInheritedFrom: null,
    statedResponse: null,
  });
}

for (const n of [3, 4, 5]) if (!seenAnnex.has(n)) warn(`Annex ${n} heading not found`);

// ---------------------------------------------------------------- "As above"
const AS_ABOVE = /^as above\.?$/i;
for (let i = 0; i < rows.length; i++) {
  const r = rows[i];
  if (!AS_ABOVE.test(r.response)) continue;
  // rows before i are already resolved; find nearest previous non-inherited row in same annex
  let j = i - 1;
  while (j >= 0 && rows[j].sourceAnnex === r.sourceAnnex && rows[j].responseInherited) j--;
  if (j < 0 || rows[j].sourceAnnex !== r.sourceAnnex) {
    warn(`${r.code}: "As above" with no previous row in the annex`);
    continue;
  }
  if (rows[j].section !== r.section) warn(`${r.code}: "As above" resolves to ${rows[j].code} in a different section`);
  r.response = rows[j].response;
  r.responseInherited = true;
  r.responseInheritedFrom = rows[j].code;
}

// ---------------------------------------------------------------- CMA stated response
const STATED = /^(Accept in principle|Accept in part|Partially accept|Accept|Reject|Not accepted|Note)(?=\n\n|$)/;
for (const r of rows) {
  if (r.review !== "CMA") continue;
  const m = r.response.match(STATED);
  if (m) r.statedResponse = m[1];
  else warn(`${r.code}: no stated response word found`);
}

// ---------------------------------------------------------------- output
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify(rows, null, 2) + "\n");

const count = (key) => rows.reduce((a, r) => ((a[r[key]] = (a[r[key]] || 0) + 1), a), {});
console.log(`wrote ${rows.length} rows to ${outPath}`);
console.log("per review:", JSON.stringify(count("review")));
const perSec = {};
for (const r of rows) perSec[`${r.review} | ${r.section}`] = (perSec[`${r.review} | ${r.section}`] || 0) + 1;
console.log("per review|section:");
for (const [k, v] of Object.entries(perSec)) console.log(`  ${k}: ${v}`);
console.log(
  "inherited:",
  rows
    .filter((r) => r.responseInherited)
    .map((r) => `${r.code}<-${r.responseInheritedFrom}`)
    .join(", "),
);
if (warnings.length) {
  console.log(`notes (${warnings.length}):`);
  for (const w of warnings) console.log("  - " + w);
}
