import type { CouncilRecord } from "@/lib/api/responses";
import type { CouncilSummary } from "@/lib/councils/councils.server";
import { COUNCILS_ATTRIBUTION } from "@/lib/seed/councils";

// One council as the open-data API gives it, in JSON and (the same fields) in CSV.

// The field names, and what each means, are written once in lib/reform/open-data-fields.ts (shown on /open-data).
export { COUNCIL_FIELDS } from "@/lib/reform/open-data-fields";

export function councilJson(c: CouncilSummary, origin: string): CouncilRecord {
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
