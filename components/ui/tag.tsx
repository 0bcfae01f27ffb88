import type { ReactNode } from "react";

// GOV.UK Design System tag colours, from the theme in app/globals.css (each pair meets WCAG AA contrast). A tag
// always carries its word: colour only reinforces it.
export const TAG_COLOURS = {
  grey: "bg-govuk-tag-grey text-govuk-tag-grey-text",
  green: "bg-govuk-tag-green text-govuk-tag-green-text",
  turquoise: "bg-govuk-tag-turquoise text-govuk-tag-turquoise-text",
  blue: "bg-govuk-tag-blue text-govuk-tag-blue-text",
  yellow: "bg-govuk-tag-yellow text-govuk-tag-yellow-text",
  orange: "bg-govuk-tag-orange text-govuk-tag-orange-text",
  red: "bg-govuk-tag-red text-govuk-tag-red-text",
  purple: "bg-govuk-tag-purple text-govuk-tag-purple-text",
} as const;

export type TagColour = keyof typeof TAG_COLOURS;

export function Tag({ colour, children }: { colour: TagColour; children: ReactNode }) {
  return (
    <strong className={`inline-block px-2 py-0.5 text-base font-normal whitespace-nowrap ${TAG_COLOURS[colour]}`}>
      {children}
    </strong>
  );
}
