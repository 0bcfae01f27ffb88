import Link from "next/link";
import { ErrorSummary } from "@/components/ui/error-summary";
import { formatDay, type AsAtParam } from "@/lib/dates";

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

/**
 * What a view that takes `?asAt=` says when the date is wrong: the one message (lib/dates.ts), and that the view
 * shows today instead. The proxy answers the same address with 400 (proxy.ts).
 */
export function AsAtErrorSummary({ param }: { param: AsAtParam }) {
  return <ErrorSummary errors={asAtErrors(param)} />;
}

/** The same errors, for a view that has other errors to show in its one summary. */
export function asAtErrors(param: AsAtParam): Array<{ href: string; message: string }> {
  return param.ok
    ? []
    : param.errors.map((e) => ({ href: "#main-content", message: `${e.message} Showing the reform as it is today.` }));
}
