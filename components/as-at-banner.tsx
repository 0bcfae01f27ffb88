import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { formatDay, STRATEGY_PUBLISHED, type AsAtParam } from "@/lib/dates";
import { toQueryString } from "@/lib/validations/public-filters";

/**
 * The "as at" control of every public view that takes `?asAt=`: a small GET form with a date field, so the date is
 * in the address (and the page stays cacheable per URL), and, on a past date, the banner that says so with the way
 * back to today. `keep` holds a list's other filters, so changing the date keeps them.
 */
export function AsAtBanner({
  asAt,
  todayHref,
  keep = {},
}: {
  asAt: string | undefined | null;
  /** The page's path, without the query. */
  todayHref: string;
  keep?: Record<string, string | number | undefined>;
}) {
  const { asAt: _asAt, page: _page, ...others } = keep;
  const kept = Object.entries(others).filter((e): e is [string, string | number] => e[1] !== undefined);
  return (
    <div
      className={asAt ? "space-y-3 border-l-8 border-govuk-blue bg-govuk-light-grey p-4" : "text-base"}
      role={asAt ? "note" : undefined}
      aria-label={asAt ? "As at a past date" : undefined}
    >
      {asAt && (
        <p className="font-bold">
          You are looking at the reform as it stood at the end of {formatDay(asAt)}, rebuilt from the change history.
          Links on this page keep that date until you go back to today.
        </p>
      )}
      <form method="get" action={todayHref} className="flex flex-wrap items-end gap-x-4 gap-y-2">
        {kept.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ))}
        <div>
          <label htmlFor="filter-asAt" className="block font-bold">
            As at
          </label>
          <input
            id="filter-asAt"
            name="asAt"
            type="date"
            min={STRATEGY_PUBLISHED}
            defaultValue={asAt ?? ""}
            aria-describedby="as-at-hint"
            className="mt-1 block border-2 border-govuk-text bg-white p-1"
          />
        </div>
        <button type="submit" className={buttonClass.secondary}>
          {asAt ? "Change date" : "See a past date"}
        </button>
        {asAt && (
          <Link href={`${todayHref}${toQueryString(Object.fromEntries(kept))}`} data-as-at="today" className="py-1.5">
            Back to today
          </Link>
        )}
      </form>
      <p id="as-at-hint" className="mt-1 text-base text-govuk-secondary">
        {asAt
          ? "Choose another day, or go back to today."
          : `See the reform as it stood at the end of any day since ${formatDay(STRATEGY_PUBLISHED)}.`}
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
    : param.errors.map((e) => ({ href: "#filter-asAt", message: `${e.message} Showing the reform as it is today.` }));
}
