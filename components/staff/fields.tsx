import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

// GOV.UK form fields: a label, an optional hint, the error message above the input, and a red left border on
// the whole group when it has an error. Ids follow the field names so the error summary can link to them.

export type Errors = Record<string, string | undefined>;

const inputClass = (error?: string) =>
  `mt-1 block w-full border-2 bg-white p-1.5 ${error ? "border-govuk-red" : "border-govuk-text"}`;

function Group({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`space-y-1 ${error ? "border-l-4 border-govuk-red pl-3" : ""}`}>{children}</div>;
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="font-bold text-govuk-red">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  );
}

/** Label, hint and error message, in the GOV.UK order, above an input named `name`. */
function FieldHeader({ name, label, hint, error }: { name: string; label: string; hint?: string; error?: string }) {
  return (
    <>
      <label htmlFor={name} className="block font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-govuk-secondary">
          {hint}
        </p>
      )}
      <ErrorMessage id={name} error={error} />
    </>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextInput({
  name,
  label,
  hint,
  error,
  defaultValue,
  type = "text",
  autoComplete,
  width = "w-full",
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  type?: string;
  autoComplete?: string;
  width?: string;
}) {
  return (
    <Group error={error}>
      <FieldHeader name={name} label={label} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`${inputClass(error)} ${width === "w-full" ? "" : width}`}
      />
    </Group>
  );
}

export function TextArea({
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 5,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
}) {
  return (
    <Group error={error}>
      <FieldHeader name={name} label={label} hint={hint} error={error} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        className={inputClass(error)}
      />
    </Group>
  );
}

export function Select({
  name,
  label,
  hint,
  error,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <Group error={error}>
      <FieldHeader name={name} label={label} hint={hint} error={error} />
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(name, hint, error)}
        className={inputClass(error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

export function Checkboxes({
  name,
  legend,
  hint,
  error,
  options,
  checked = [],
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Array<{ value: string; label: string }>;
  checked?: string[];
}) {
  return (
    <Group error={error}>
      <fieldset id={name} aria-describedby={describedBy(name, hint, error)}>
        <legend className="font-bold">{legend}</legend>
        {hint && (
          <p id={`${name}-hint`} className="text-govuk-secondary">
            {hint}
          </p>
        )}
        <ErrorMessage id={name} error={error} />
        <div className="mt-2 space-y-2">
          {options.map((o) => (
            <div key={o.value} className="flex items-start gap-2">
              <input
                id={`${name}-${o.value}`}
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                className="mt-1 h-6 w-6"
              />
              <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </Group>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className={buttonClass.primary}>
      {children}
    </button>
  );
}
