// Relative, not "@/": scripts/serve.ts loads this file with tsx from a folder without tsconfig.json
// (tests/e2e/support/instance.ts), where the alias does not resolve.
import { type SearchParamsLike, toSearchParams } from "./search-params";

// Days in the tracker are calendar days (YYYY-MM-DD) in UK time: a milestone due "summer 2023" is due on
// 31 August 2023 wherever the server runs. This module is the one home of the rules about days: what a real day
// is, today in London, the strategy's date, the range a typed date may fall in, the planning years, and `?asAt=`.
// Pages, the API, the report, staff forms and the proxy all ask it, so they cannot disagree.

export type IsoDay = string;

/** Stable Homes, Built on Love was published, and its consultation opened, on 2 February 2023: nothing in the tracker is older. */
export const STRATEGY_PUBLISHED: IsoDay = "2023-02-02";

/**
 * The years the strategy's phase one (to March 2025) and the year after it plan for: the "Planned for" filters of
 * the milestone list and API, and the quarters of the dashboard's timeline.
 */
export const PLAN_YEARS = ["2023", "2024", "2025"] as const;
export const FIRST_PLAN_DAY: IsoDay = `${PLAN_YEARS[0]}-01-01`;
export const LAST_PLAN_DAY: IsoDay = `${PLAN_YEARS[PLAN_YEARS.length - 1]}-12-31`;

/**
 * The range a date that people type (a forecast or completion date, a due date, a briefing's start) must fall in.
 * Not a rule of the reform: it catches typos such as 0224 or 2204, which are real days but nobody's intent.
 */
export const PLAUSIBLE_DAYS = { from: "2000-01-01", to: "2100-12-31" } as const satisfies Record<string, IsoDay>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day that exists on the (proleptic Gregorian) calendar, written exactly YYYY-MM-DD: 2024-02-29 is, 2023-02-29 is not. */
export function isRealDay(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** A real day within `PLAUSIBLE_DAYS`. */
export function isPlausibleDay(s: string): boolean {
  return isRealDay(s) && s >= PLAUSIBLE_DAYS.from && s <= PLAUSIBLE_DAYS.to;
}

export function todayInLondon(now: Date = new Date()): IsoDay {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

// "As at" a date: every public view can show the reform as it stood at the end of a past UK day (`?asAt=`). One rule
// for the pages, the lists, the API, the briefing pack and the proxy, which answers a bad one with 400 (proxy.ts).

export type AsAtCheck = { ok: true; asAt: IsoDay | null } | { ok: false; message: string };

/**
 * Checks one given `asAt` value: a real day, from the strategy's publication to today. Today itself is today's view
 * (`asAt: null`).
 */
export function checkAsAt(given: string, today: IsoDay): AsAtCheck {
  const day = given.trim();
  if (!isRealDay(day))
    return { ok: false, message: `"asAt" must be a real date written as YYYY-MM-DD, for example 2024-06-30.` };
  if (day > today) return { ok: false, message: `"asAt" cannot be in the future.` };
  if (day < STRATEGY_PUBLISHED)
    return { ok: false, message: `"asAt" must be on or after ${STRATEGY_PUBLISHED}, when the strategy was published.` };
  return { ok: true, asAt: day === today ? null : day };
}

export type AsAtParam =
  { ok: true; asAt: IsoDay | null } | { ok: false; errors: Array<{ parameter: "asAt"; message: string }> };

/** `?asAt=YYYY-MM-DD` of a page or list: absent, empty or today means today (`asAt: null`). */
export function parseAsAt(params: SearchParamsLike, today: IsoDay): AsAtParam {
  const given = toSearchParams(params)
    .getAll("asAt")
    .filter((v) => v.trim() !== "");
  if (given.length === 0) return { ok: true, asAt: null };
  if (given.length > 1)
    return {
      ok: false,
      errors: [{ parameter: "asAt", message: `"asAt" was given ${given.length} times; give it once.` }],
    };
  const checked = checkAsAt(given[0]!, today);
  return checked.ok ? checked : { ok: false, errors: [{ parameter: "asAt", message: checked.message }] };
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function toIsoDay(date: Date | string | null | undefined): IsoDay | null {
  if (date === null || date === undefined) return null;
  if (typeof date === "string") return date.slice(0, 10);
  return date.toISOString().slice(0, 10);
}

/** "31 August 2023", as GOV.UK writes dates. */
export function formatDay(day: IsoDay | null | undefined): string {
  if (!day) return "";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * "31 March 2027 at 6:18pm" in UK time, as GOV.UK writes times: 12-hour with "am" or "pm" and no space, no ":00" on
 * the hour, and "midnight" and "midday" rather than 12am and 12pm.
 */
export function formatDateTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "Europe/London",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day} ${parts.month} ${parts.year} at ${formatTime(Number(parts.hour), Number(parts.minute))}`;
}

/** "6:18pm", "9am", "midday", "midnight": a time of day as GOV.UK writes it. */
export function formatTime(hour: number, minute: number): string {
  if (minute === 0 && hour === 0) return "midnight";
  if (minute === 0 && hour === 12) return "midday";
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${minute === 0 ? "" : `:${String(minute).padStart(2, "0")}`}${hour < 12 ? "am" : "pm"}`;
}

/** "2023 Q3" for a day in July to September 2023 (calendar quarters). */
export function quarterOf(day: IsoDay): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
}
