import { formatDay } from "@/lib/dates";

/** When a programme runs, in words, from its recorded dates. */
export function programmeRuns(startedOn: string | null, endedOn: string | null): string {
  if (startedOn && endedOn) return `${formatDay(startedOn)} to ${formatDay(endedOn)}`;
  if (startedOn) return `From ${formatDay(startedOn)}`;
  if (endedOn) return `Until ${formatDay(endedOn)}`;
  return "Dates not recorded";
}
