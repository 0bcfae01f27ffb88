import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileString } from "@/tests/support/hostile-values";
import { parseLocalActionFilters } from "@/lib/validations/local-action-filters";

// The parameters of /api/v1/local-actions (issue 15, item 8): a hostile query never throws, every error names a
// parameter that was given, and what is accepted comes out in the one shape the reads expect.

const NAMES = [
  "council",
  "region",
  "programme",
  "status",
  "milestone",
  "recommendation",
  "page",
  "pageSize",
  "format",
  "asAt",
];
const VALUES = [
  "thurrock",
  "THURROCK",
  "E06000034",
  "e06000034",
  "no such council!",
  "East of England",
  "Wales",
  "a-programme",
  "delayed",
  "late",
  "m-01",
  "CR-01",
  "M-01 ",
  "1",
  "0",
  "501",
  "csv",
  "xml",
  "2025-01-31",
  "2025-02-30",
  "2099-01-01",
  "",
  "__proto__",
];

describe("parseLocalActionFilters", () => {
  it("never throws, names a given parameter in every error, and gives only known filters", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: hostileString }),
            fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: hostileString }),
          ),
          { maxLength: 6 },
        ),
        (pairs) => {
          const params = new URLSearchParams();
          for (const [k, v] of pairs) params.append(k, v);
          const result = parseLocalActionFilters(params, { strict: true, programmes: ["a-programme"] });
          if (!result.ok) {
            const given = new Set(params.keys());
            expect(result.errors.length).toBeGreaterThan(0);
            for (const e of result.errors) expect(given.has(e.parameter)).toBe(true);
            return;
          }
          for (const key of Object.keys(result.filters)) expect(NAMES).toContain(key);
          const { council, milestone, recommendation } = result.filters;
          if (council !== undefined) expect(council).toMatch(/^(E\d{8}|[a-z0-9]+(-[a-z0-9]+)*)$/);
          if (milestone !== undefined) expect(milestone).toMatch(/^M-\d+$/);
          if (recommendation !== undefined) expect(recommendation).toMatch(/^[A-Z]+-\d+$/);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("reads a council's slug or GSS code in either case, and codes in either case", () => {
    const parse = (query: string) =>
      parseLocalActionFilters(new URLSearchParams(query), { strict: true, programmes: [] });
    expect(parse("council=Thurrock&milestone=m-01&recommendation=cr-01")).toEqual({
      ok: true,
      filters: { council: "thurrock", milestone: "M-01", recommendation: "CR-01" },
    });
    expect(parse("council=e06000034")).toEqual({ ok: true, filters: { council: "E06000034" } });
    expect(parse("programme=any")).toMatchObject({
      ok: false,
      errors: [{ parameter: "programme", message: expect.stringMatching(/none has been recorded/) }],
    });
  });
});
