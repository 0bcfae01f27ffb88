import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkAsAt,
  FIRST_PLAN_DAY,
  formatDateTime,
  formatTime,
  isPlausibleDay,
  isRealDay,
  LAST_PLAN_DAY,
  parseAsAt,
  PLAN_YEARS,
  PLAUSIBLE_DAYS,
  STRATEGY_PUBLISHED,
  todayInLondon,
} from "@/lib/dates";
import { asAtToCarry, withAsAt } from "@/lib/as-at-pages";
import { takesAsAt } from "@/lib/http/public-routes";
import { DUE_OPTIONS } from "@/lib/reform/options";
import { parseMilestoneFilters, parseRecommendationFilters } from "@/lib/validations/public-filters";
import { parseReportParams } from "@/lib/validations/report";

// The rules about days (lib/dates.ts), and that every reader of `?asAt=` follows the one rule.

describe("a real day", () => {
  it("is a day on the calendar, written exactly YYYY-MM-DD", () => {
    for (const day of [
      "2024-02-29",
      "2000-02-29",
      "2023-02-28",
      "2023-12-31",
      "2023-01-01",
      "0000-01-01",
      "9999-12-31",
    ])
      expect(isRealDay(day), day).toBe(true);
    for (const day of [
      "2023-02-29",
      "1900-02-29",
      "2024-02-30",
      "2025-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      "2024-1-1",
      " 2024-01-01",
      "2024-01-01 ",
      "20240101",
      "31/12/2023",
      "2024-01-01T00:00",
      "+02024-01-01",
      "",
    ]) {
      expect(isRealDay(day), day).toBe(false);
    }
  });

  it("is plausible as typed when it falls in 2000 to 2100", () => {
    expect([PLAUSIBLE_DAYS.from, PLAUSIBLE_DAYS.to]).toEqual(["2000-01-01", "2100-12-31"]);
    for (const day of ["2000-01-01", "2024-02-29", "2100-12-31"]) expect(isPlausibleDay(day), day).toBe(true);
    for (const day of ["1999-12-31", "2101-01-01", "0224-03-31", "2023-02-29"])
      expect(isPlausibleDay(day), day).toBe(false);
  });
});

describe("today in London", () => {
  it("is the UK calendar day, in GMT and in British Summer Time", () => {
    expect(todayInLondon(new Date("2024-01-15T23:59:59Z"))).toBe("2024-01-15"); // GMT: UTC's day
    expect(todayInLondon(new Date("2024-03-31T00:59:59Z"))).toBe("2024-03-31"); // the last second of GMT
    expect(todayInLondon(new Date("2024-03-30T23:30:00Z"))).toBe("2024-03-30"); // the night the clocks go forward
    expect(todayInLondon(new Date("2024-06-30T22:59:59Z"))).toBe("2024-06-30");
    expect(todayInLondon(new Date("2024-06-30T23:00:00Z"))).toBe("2024-07-01"); // BST: midnight is 23:00 UTC
    expect(todayInLondon(new Date("2024-10-26T23:30:00Z"))).toBe("2024-10-27"); // still BST
    expect(todayInLondon(new Date("2024-10-27T23:30:00Z"))).toBe("2024-10-27"); // GMT again after the clocks go back
  });
});

describe("the strategy and its planning years", () => {
  it("dates the strategy 2 February 2023 and plans for 2023 to 2025", () => {
    expect(STRATEGY_PUBLISHED).toBe("2023-02-02");
    expect([...PLAN_YEARS]).toEqual(["2023", "2024", "2025"]);
    expect([FIRST_PLAN_DAY, LAST_PLAN_DAY]).toEqual(["2023-01-01", "2025-12-31"]);
    expect(DUE_OPTIONS.map((o) => o.label)).toEqual([
      "Overdue",
      "Due in the next 90 days",
      "Planned for 2023",
      "Planned for 2024",
      "Planned for 2025",
      "Planned after 2025",
    ]);
  });
});

describe("as at a date", () => {
  const today = "2026-12-02";

  it("takes a real day from the strategy's publication to today; today is today's view", () => {
    expect(checkAsAt("2023-02-02", today)).toEqual({ ok: true, asAt: "2023-02-02" });
    expect(checkAsAt("2024-02-29", today)).toEqual({ ok: true, asAt: "2024-02-29" });
    expect(checkAsAt(" 2024-06-30 ", today)).toEqual({ ok: true, asAt: "2024-06-30" });
    expect(checkAsAt("2026-12-01", today)).toEqual({ ok: true, asAt: "2026-12-01" });
    expect(checkAsAt(today, today)).toEqual({ ok: true, asAt: null });
  });

  it("says what is wrong with a bad one", () => {
    expect(checkAsAt("2023-02-30", today)).toEqual({
      ok: false,
      message: `"asAt" must be a real date written as YYYY-MM-DD, for example 2024-06-30.`,
    });
    expect(checkAsAt("2023-02-29", today)).toMatchObject({ ok: false, message: /real date/ });
    expect(checkAsAt("30/06/2024", today)).toMatchObject({ ok: false, message: /real date/ });
    expect(checkAsAt("2026-12-03", today)).toEqual({ ok: false, message: `"asAt" cannot be in the future.` });
    expect(checkAsAt("2023-02-01", today)).toEqual({
      ok: false,
      message: `"asAt" must be on or after 2023-02-02, when the strategy was published.`,
    });
    expect(checkAsAt("1999-01-01", today)).toMatchObject({ ok: false, message: /on or after 2023-02-02/ });
  });

  it("reads the parameter once, from a query string or a page's searchParams", () => {
    expect(parseAsAt({}, today)).toEqual({ ok: true, asAt: null });
    expect(parseAsAt({ asAt: "" }, today)).toEqual({ ok: true, asAt: null });
    expect(parseAsAt({ asAt: "2024-06-30" }, today)).toEqual({ ok: true, asAt: "2024-06-30" });
    expect(parseAsAt(new URLSearchParams("asAt=2024-06-30&asAt="), today)).toEqual({ ok: true, asAt: "2024-06-30" });
    expect(parseAsAt({ asAt: ["2024-06-30", "2024-07-01"] }, today)).toEqual({
      ok: false,
      errors: [{ parameter: "asAt", message: `"asAt" was given 2 times; give it once.` }],
    });
    expect(parseAsAt(new URLSearchParams("asAt=1999-01-01"), today)).toMatchObject({
      ok: false,
      errors: [{ parameter: "asAt" }],
    });
  });

  it("is the same rule for the lists, the API and the briefing pack as for the other pages", () => {
    const now = todayInLondon();
    for (const given of [
      "2023-02-30",
      "1999-01-01",
      "2023-02-01",
      "2999-01-01",
      "31/12/2023",
      "2024-06-30",
      " 2024-06-30",
      "2023-02-02",
      now,
    ]) {
      const expected = parseAsAt({ asAt: given }, now);
      const forPages = expected.ok ? { ok: true, asAt: expected.asAt } : { ok: false, errors: expected.errors };
      for (const parse of [parseRecommendationFilters, parseMilestoneFilters]) {
        const result = parse({ asAt: given });
        expect(
          result.ok ? { ok: true, asAt: result.filters.asAt ?? null } : { ok: false, errors: result.errors },
          given,
        ).toEqual(forPages);
      }
      const report = parseReportParams({ asAt: given }, now);
      expect(
        report.ok
          ? { ok: true, asAt: report.params.asAt === now ? null : report.params.asAt }
          : { ok: false, errors: report.errors },
        given,
      ).toEqual(forPages);
    }
  });
});

describe("the pages that take asAt", () => {
  it("are the pages the proxy checks it for", () => {
    for (const page of [
      "/",
      "/recommendations",
      "/recommendations/CR-01",
      "/milestones",
      "/milestones/M-01",
      "/pillars",
      "/pillars/1",
      "/outcomes",
      "/outcomes/6",
      "/slippage",
      "/report",
      "/councils/thurrock",
      "/councils/thurrock/actions/LA-1",
      "/councils/compare",
    ]) {
      expect(takesAsAt(page), page).toBe(true);
    }
    for (const page of [
      "/changes",
      "/open-data",
      "/feed.xml",
      "/pillars/1/feed.xml",
      "/report/pdf",
      "/api/v1/milestones",
      "/staff",
      "/milestonesx",
      "/councils",
      "/councils/compare.csv",
      "/councils/thurrock/feed.xml",
    ]) {
      expect(takesAsAt(page), page).toBe(false);
    }
  });

  it("include every public page that reads asAt, so none shows an error with 200", () => {
    const root = path.resolve(import.meta.dirname, "../../app/(public)");
    const pages = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith("page.tsx"));
    const reading = pages.filter((file) => readFileSync(path.join(root, file), "utf8").includes("asAt"));
    expect(reading.length).toBeGreaterThanOrEqual(9);
    for (const file of reading) {
      // app/(public)/pillars/[number]/page.tsx -> /pillars/1
      const address =
        `/${path.dirname(file)}`
          .replace(/\/\.$/, "/")
          .replace(/\[[^\]]+\]/, "1")
          .replace(/\/$/, "") || "/";
      expect(takesAsAt(address), file).toBe(true);
    }
  });
});

describe("formatDateTime and formatTime", () => {
  it("write UK times as GOV.UK does: 12-hour, am or pm, midday and midnight", () => {
    expect(formatDateTime("2026-12-02T18:18:00Z")).toBe("2 December 2026 at 6:18pm");
    // British Summer Time: 08:05 UTC is 9:05am in London.
    expect(formatDateTime("2026-07-01T08:05:00Z")).toBe("1 July 2026 at 9:05am");
    expect(formatDateTime("2026-12-02T09:00:00Z")).toBe("2 December 2026 at 9am");
    expect(formatTime(0, 0)).toBe("midnight");
    expect(formatTime(12, 0)).toBe("midday");
    expect(formatTime(0, 30)).toBe("12:30am");
    expect(formatTime(12, 5)).toBe("12:05pm");
  });
});

describe("carrying asAt while navigating", () => {
  it("carries one valid past day, not today, a future day or a wrong one", () => {
    const today = "2026-12-02";
    expect(asAtToCarry(new URLSearchParams("asAt=2024-06-30"), today)).toBe("2024-06-30");
    expect(asAtToCarry(new URLSearchParams("asAt=2026-12-02"), today)).toBeNull();
    expect(asAtToCarry(new URLSearchParams("asAt=2027-01-01"), today)).toBeNull();
    expect(asAtToCarry(new URLSearchParams("asAt=2024-02-30"), today)).toBeNull();
    expect(asAtToCarry(new URLSearchParams("asAt=2024-06-30&asAt=2024-07-01"), today)).toBeNull();
    expect(asAtToCarry(new URLSearchParams(""), today)).toBeNull();
  });

  it("adds it only to links to pages that read it, keeping their own query and fragment", () => {
    expect(withAsAt("/", "2024-06-30")).toBe("/?asAt=2024-06-30");
    expect(withAsAt("/milestones?status=complete", "2024-06-30")).toBe("/milestones?status=complete&asAt=2024-06-30");
    expect(withAsAt("/recommendations/CR-01#response", "2024-06-30")).toBe(
      "/recommendations/CR-01?asAt=2024-06-30#response",
    );
    expect(withAsAt("/pillars", "2024-06-30")).toBe("/pillars?asAt=2024-06-30");
    expect(withAsAt("/milestones?asAt=2023-05-01", "2024-06-30")).toBe("/milestones?asAt=2023-05-01");
    for (const other of ["/changes", "/open-data", "/api/v1/milestones", "/feed.xml", "/report/pdf", "/staff"]) {
      expect(withAsAt(other, "2024-06-30"), other).toBe(other);
    }
    expect(withAsAt("/milestones", null)).toBe("/milestones");
  });
});
