import type { ReactNode, Ref } from "react";

export interface ErrorSummaryItem {
  /** Where the message takes the user: the field or row to correct, as "#id". */
  href: string;
  message: string;
}

/**
 * The GOV.UK error summary, the one copy used by every page and form: "There is a problem", then each error as a
 * link to what needs correcting. It renders on the server too; a form that moves focus to it when it appears
 * passes a `ref` (components/staff/form-errors.tsx) or finds it by `id`.
 */
export function ErrorSummary({
  errors,
  title = "There is a problem",
  description,
  children,
  id,
  ref,
  className = "mb-6",
}: {
  errors: ErrorSummaryItem[];
  title?: string;
  /** A sentence above the list, such as what happened to the user's data. */
  description?: ReactNode;
  /** Shown below the list. */
  children?: ReactNode;
  id?: string;
  ref?: Ref<HTMLDivElement>;
  /** Space around the summary; "" inside a container that spaces its children. */
  className?: string;
}) {
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      id={id}
      className={`${className} border-4 border-govuk-red p-4`.trim()}
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
    >
      <h2 id="error-summary-title" className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      {description && <p className="mb-3">{description}</p>}
      <ul className="space-y-1">
        {errors.map((e, i) => (
          <li key={`${e.href}-${i}`}>
            <a href={e.href} className="font-bold text-govuk-red! visited:text-govuk-red">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
