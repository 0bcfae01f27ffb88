"use client";

import { useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { fieldId } from "@/lib/staff/action-result";
import type { FieldError } from "@/lib/validations/milestone-update";

/** The error summary of a staff form: focused when it appears, each error linking to its field. */
export function FormErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  return <ErrorSummary ref={ref} errors={errors.map((e) => ({ href: `#${fieldId(e.field)}`, message: e.message }))} />;
}
