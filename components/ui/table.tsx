import type { ReactNode } from "react";

export const th = "border-b border-govuk-border py-2 pr-4 text-left align-bottom font-bold";
export const td = "border-b border-govuk-border py-2 pr-4 align-top";
export const num = "text-right tabular-nums";

export function Table({
  caption,
  captionVisible = false,
  children,
}: {
  caption: string;
  captionVisible?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-base">
        <caption className={captionVisible ? "mb-2 text-left text-xl font-bold" : "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
