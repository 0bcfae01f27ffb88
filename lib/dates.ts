// Dates in the tracker are calendar days (YYYY-MM-DD) in UK time: a milestone due "summer 2023" is due on
// 31 August 2023 wherever the server runs.

export type IsoDay = string;

export function todayInLondon(now: Date = new Date()): IsoDay {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
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

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "Europe/London",
  }).format(new Date(iso));
}

/** "2023 Q3" for a day in July to September 2023 (calendar quarters). */
export function quarterOf(day: IsoDay): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
}
