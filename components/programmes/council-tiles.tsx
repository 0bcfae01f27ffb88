import Link from "next/link";
import { Tag } from "@/components/ui/tag";
import type { CouncilSummary } from "@/lib/councils/councils.server";
import type { ProgrammeCouncilSpell } from "@/lib/programmes/programmes.server";

type Part = "now" | "before" | "none";
const PART_WORDS: Record<Exclude<Part, "none">, string> = { now: "Taking part", before: "Took part" };

/**
 * Every council as a tile, grouped by region, with the programme's councils highlighted: by a word on the tile as well
 * as by colour (WCAG 1.4.1), so the grid reads the same without colour. No map geometry: one tile per council.
 */
export function CouncilTiles({
  councils,
  spells,
  programmeName,
}: {
  councils: CouncilSummary[];
  spells: ProgrammeCouncilSpell[];
  programmeName: string;
}) {
  const part = new Map<string, Part>();
  for (const s of spells) part.set(s.slug, s.current || part.get(s.slug) === "now" ? "now" : "before");
  const regions = new Map<string, CouncilSummary[]>();
  for (const c of councils) regions.set(c.region, [...(regions.get(c.region) ?? []), c]);
  return (
    <div className="space-y-6">
      {[...regions].map(([region, list]) => (
        <section key={region} aria-labelledby={`tiles-${region}`} className="space-y-2">
          <h3 id={`tiles-${region}`} className="text-xl font-bold">
            {region}{" "}
            <span className="text-base font-normal text-govuk-secondary">
              ({list.filter((c) => part.get(c.slug) === "now").length} of {list.length} taking part)
            </span>
          </h3>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6" aria-label={`Councils in ${region}`}>
            {list.map((c) => {
              const p = part.get(c.slug) ?? "none";
              const style =
                p === "now"
                  ? "border-4 border-govuk-blue font-bold"
                  : p === "before"
                    ? "border-govuk-border border-dashed bg-govuk-light-grey"
                    : "border-govuk-border";
              return (
                <li key={c.slug} className={`border-2 p-2 text-base ${style}`} data-part={p}>
                  <Link href={`/councils/${c.slug}`} prefetch={false}>
                    {c.name}
                  </Link>
                  {p !== "none" && (
                    <span className="mt-1 block">
                      <Tag colour={p === "now" ? "blue" : "grey"}>{PART_WORDS[p]}</Tag>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p className="sr-only">Councils not marked are not recorded as taking part in {programmeName}.</p>
    </div>
  );
}
