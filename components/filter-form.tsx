import type { ReactNode } from "react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

// Filters are a plain GET form: they work without JavaScript, and the URL holds the view so it can be shared.

/**
 * On a phone the filters would fill a screen and a half before the first result, so they sit in a <details> that is
 * closed there (it works without JavaScript) and always shown on a wider screen (app/globals.css, .filters). It opens
 * by itself when a filter has an error, so the error summary's links lead to a visible field.
 */
export function FilterForm({
  action,
  children,
  clearHref,
  applied = 0,
  open = false,
  summary = "Filters",
}: {
  action: string;
  children: ReactNode;
  clearHref: string;
  /** How many filters the view has: the closed summary says so. */
  applied?: number;
  open?: boolean;
  /** What the closed <details> says. */
  summary?: string;
}) {
  return (
    <details className="filters bg-govuk-light-grey" open={open}>
      <summary className="cursor-pointer p-4 font-bold text-govuk-link">
        {summary}
        {applied > 0 ? ` (${applied} applied)` : ""}
      </summary>
      <form method="get" action={action} className="space-y-4 px-4 pb-4" role="search" aria-label="Filter">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
        <div className="flex flex-wrap items-center gap-6">
          <button type="submit" className={buttonClass.primary}>
            Apply filters
          </button>
          <Link href={clearHref}>Clear filters</Link>
        </div>
      </form>
    </details>
  );
}

const fieldClass = "mt-1 block w-full border-2 border-govuk-text bg-white p-1.5";

export function SelectField({
  name,
  label,
  value,
  options,
  anyLabel = "Any",
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options: Array<{ value: string | number; label: string }>;
  anyLabel?: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="font-bold">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value === undefined ? "" : String(value)}
        className={fieldClass}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextField({
  name,
  label,
  value,
  hint,
}: {
  name: string;
  label: string;
  value: string | undefined;
  hint?: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="font-bold">
        {label}
      </label>
      {hint && (
        <p id={`filter-${name}-hint`} className="text-base text-govuk-secondary">
          {hint}
        </p>
      )}
      <input
        id={`filter-${name}`}
        name={name}
        type="search"
        defaultValue={value ?? ""}
        maxLength={200}
        aria-describedby={hint ? `filter-${name}-hint` : undefined}
        className={fieldClass}
      />
    </div>
  );
}

export function DateField({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="font-bold">
        {label}
      </label>
      <input id={`filter-${name}`} name={name} type="date" defaultValue={value ?? ""} className={fieldClass} />
    </div>
  );
}
