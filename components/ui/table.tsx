import type { ReactNode } from "react";

export const th = "border-b border-govuk-border py-2 pr-4 text-left align-bottom font-bold";
// text-left: a row header (<th scope="row">) takes these classes too, and a browser centres a <th> by default.
export const td = "border-b border-govuk-border py-2 pr-4 text-left align-top";
// With `td`, text-right wins over text-left: Tailwind writes both in one layer, text-right last.
export const num = "text-right tabular-nums";

/**
 * A table in a region that scrolls sideways when it must. `stackOnPhone` instead shows each row as a card on a
 * narrow screen (app/globals.css, .stack-on-phone), every cell under its column's name (`data-label` on the cell), so
 * the columns that matter, such as a reason or a total, are read without scrolling sideways.
 */
export function Table({
  caption,
  captionVisible = false,
  stackOnPhone = false,
  children,
}: {
  caption: string;
  captionVisible?: boolean;
  stackOnPhone?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className={`w-full border-collapse text-base ${stackOnPhone ? "stack-on-phone" : ""}`}>
        <caption className={captionVisible ? "mb-2 text-left text-xl font-bold" : "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
