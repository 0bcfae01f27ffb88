"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "@/lib/staff-action-result";
import type { FieldError } from "@/lib/validations/milestone-update";

/** GOV.UK error summary for a form: focused when it appears, each error linking to its field. */
export function FormErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="mb-6 border-4 border-govuk-red p-4" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" className="mb-3 text-2xl font-bold">
        There is a problem
      </h2>
      <ul className="space-y-1">
        {errors.map((e, i) => (
          <li key={`${e.field}-${i}`}>
            <a href={`#${fieldId(e.field)}`} className="font-bold text-govuk-red! visited:text-govuk-red">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
