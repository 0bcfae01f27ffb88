import type { ReactNode } from "react";

// GOV.UK Design System tag colours (each pair meets WCAG AA contrast). A tag always carries its word:
// colour only reinforces it.
export const TAG_COLOURS = {
  grey: "bg-[#e5e6e7] text-[#282d30]",
  green: "bg-[#cce2d8] text-[#005a30]",
  turquoise: "bg-[#d4ecea] text-[#10403c]",
  blue: "bg-[#bbd4ea] text-[#0c2d4a]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
  orange: "bg-[#fcd6c3] text-[#6e3619]",
  red: "bg-[#f4cdc6] text-[#2a0b06]",
  purple: "bg-[#efdfed] text-[#491644]",
} as const;

export type TagColour = keyof typeof TAG_COLOURS;

export function Tag({ colour, children }: { colour: TagColour; children: ReactNode }) {
  return <strong className={`inline-block px-2 py-0.5 text-base font-normal whitespace-nowrap ${TAG_COLOURS[colour]}`}>{children}</strong>;
}
