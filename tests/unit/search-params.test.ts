import { searchParamsToUrlQuery } from "next/dist/shared/lib/router/utils/querystring";
import { describe, expect, it } from "vitest";
import { parseAsAt } from "@/lib/dates";
import { toSearchParams } from "@/lib/search-params";
import { parseChangesParams, parseSlippageSort } from "@/lib/validations/changes";
import { parseMilestoneFilters, parseRecommendationFilters } from "@/lib/validations/public-filters";
import { parseReportParams } from "@/lib/validations/report";

// A page's query exactly as Next.js builds it for `searchParams` (by assignment, so `__proto__` is not just a name).
const pageQuery = (query: string) =>
  searchParamsToUrlQuery(new URLSearchParams(query)) as Record<string, string | string[] | undefined>;

describe("a page's query read through toSearchParams", () => {
  it("keeps every value of every parameter, in order", () => {
    expect([...toSearchParams(pageQuery("a=1&b=2&a=3"))]).toEqual([
      ["a", "1"],
      ["a", "3"],
      ["b", "2"],
    ]);
  });

  it("reads no inherited value after a parameter named __proto__", () => {
    const query = pageQuery("__proto__=x&sort=code&0=y&length=z");
    // What Next.js hands over: `sort` holds Array.prototype.sort as well as "code".
    expect(query.sort).toEqual([Array.prototype.sort, "code"]);
    // (An object lists integer-like names first.)
    expect([...toSearchParams(query)]).toEqual([
      ["0", "y"],
      ["sort", "code"],
      ["length", "z"],
    ]);
  });

  it("lets every page parser answer such a query without throwing", () => {
    const hostile = "q=a&__proto__=x&sort=y&at=1&filter=2&asAt=2024-01-01&since=2023-06-01&pillar=2";
    expect(parseSlippageSort(pageQuery(hostile))).toMatchObject({ ok: false });
    expect(parseSlippageSort(pageQuery("__proto__=x&sort=code"))).toEqual({ ok: true, sort: "code" });
    expect(parseSlippageSort(pageQuery("__proto__=x"))).toEqual({ ok: true, sort: "slippage" });
    expect(parseAsAt(pageQuery(hostile), "2026-12-02")).toEqual({ ok: true, asAt: "2024-01-01" });
    expect(parseChangesParams(pageQuery(hostile), "2026-12-02")).toEqual({
      ok: true,
      since: "2023-06-01",
      until: "2026-12-02",
      pillar: 2,
    });
    expect(parseReportParams(pageQuery(hostile), "2026-12-02")).toMatchObject({ ok: true, params: { pillar: 2 } });
    expect(parseRecommendationFilters(pageQuery("__proto__=x&pillar=2"))).toMatchObject({ ok: true });
    expect(parseMilestoneFilters(pageQuery("__proto__=x&status=complete&sort=code"))).toMatchObject({ ok: true });
  });
});
