// GOV.UK buttons, as class names so that each form keeps its own <button> attributes (disabled, name, value).
// Colours come from the theme (app/globals.css).
export const buttonClass = {
  /** The main action of a form: green. */
  primary:
    "bg-govuk-green px-4 py-2 font-bold text-white shadow-[0_2px_0_var(--color-govuk-button-shadow)] hover:bg-govuk-button-hover",
  /** A smaller action beside others, such as one row's actions in a table: grey. */
  secondary:
    "bg-govuk-light-grey px-3 py-1.5 font-bold text-govuk-text shadow-[0_2px_0_var(--color-govuk-secondary-button-shadow)] hover:bg-govuk-secondary-button-hover",
  /** An action that is hard to undo: red. */
  warning:
    "bg-govuk-red px-3 py-1.5 font-bold text-white shadow-[0_2px_0_var(--color-govuk-warning-button-shadow)] hover:bg-govuk-warning-button-hover",
} as const;
