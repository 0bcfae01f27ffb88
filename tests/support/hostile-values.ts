import fc from "fast-check";

// Hostile text, shared by the property tests of the domain functions (tests/integration/hostile-input.test.ts) and
// of the HTTP surface (tests/e2e/hostile-http.spec.ts): empty and invisible characters, markup, SQL and template
// fragments, prototype keys, path traversal, spreadsheet formulas, number edge cases, broken and combining unicode,
// the invisible controls of bidirectional text (which free text refuses, lib/validations/text.ts), and very long
// strings.

export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "\uFEFF",
  "\u202Egnp.exe",
  "invoice\u2067fdp.exe\u2069",
  "\u061C\u200E\u200F",
  "\u202A\u202B\u202C\u202D",
  "\u2066\u2068 isolated",
  "<script>alert(document.cookie)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "'; DROP TABLE audit_event; --",
  "M-01' OR '1'='1",
  "M-01; DELETE FROM milestone",
  "1; TRUNCATE app_user CASCADE",
  "$1",
  "${process.exit(1)}",
  "{{constructor.constructor('return process')()}}",
  "__proto__",
  "constructor",
  "prototype",
  "../../../etc/passwd",
  '=HYPERLINK("http://evil")',
  "@SUM(1+1)",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x10",
  "9007199254740993",
  "2147483648",
  "-2147483649",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "🚸👩‍👩‍👧‍👦",
  "\uD800",
  "Z\u0351\u0360\u0345a\u0352\u035Bl\u0344\u0347g\u0350o",
  "ǅǈǋ ǲ",
  "ﷺ",
  "\r\n\r\n",
];

const HUGE = ["a", "<", "'", "\u00e9", "🚸", "M-01,", "\n"];
export const huge = fc
  .tuple(fc.constantFrom(...HUGE), fc.integer({ min: 1_001, max: 300_000 }))
  .map(([c, n]) => c.repeat(n));

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_STRINGS), fc.string()).map(([a, b]) => a + b) },
);
