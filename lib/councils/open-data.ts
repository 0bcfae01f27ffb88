import type { CouncilSummary } from "@/lib/councils/councils.server";
import { COUNCILS_ATTRIBUTION } from "@/lib/seed/councils";

// One council as the open-data API gives it, in JSON and (the same fields) in CSV.

export const COUNCIL_FIELDS = [
  "slug",
  "gssCode",
  "name",
  "officialName",
  "type",
  "typeName",
  "region",
  "population2020",
  "startedOn",
  "endedOn",
  "successor",
  "url",
  "attribution",
] as const;

export function councilJson(c: CouncilSummary, origin: string) {
  return {
    slug: c.slug,
    gssCode: c.gssCode,
    name: c.name,
    officialName: c.officialName,
    type: c.type,
    typeName: c.typeName,
    region: c.region,
    population2020: c.population2020,
    startedOn: c.startedOn,
    endedOn: c.endedOn,
    successor: c.successor?.slug ?? null,
    url: `${origin}/councils/${c.slug}`,
    attribution: COUNCILS_ATTRIBUTION.text,
  };
}
