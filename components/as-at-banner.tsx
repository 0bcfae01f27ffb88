import Link from "next/link";
import { formatDay } from "@/lib/dates";

/** Shown on every public view that is "as at" a past date, with the way back to today. */
export function AsAtBanner({ asAt, todayHref }: { asAt: string | undefined | null; todayHref: string }) {
  if (!asAt) return null;
  return (
    <div className="border-l-8 border-govuk-blue bg-govuk-light-grey p-4" role="note" aria-label="As at a past date">
      <p className="font-bold">
        You are looking at the reform as it stood at the end of {formatDay(asAt)}, rebuilt from the change history.
      </p>
      <p>
        <Link href={todayHref}>See it as it is today</Link>
      </p>
    </div>
  );
}
