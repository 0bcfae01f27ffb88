import type { ProgrammeDetail as ProgrammeDetailRecord, ProgrammeRecord } from "@/lib/api/responses";
import type { ProgrammeDetail, ProgrammeSummary } from "@/lib/programmes/programmes.server";

// A programme as the open-data API gives it: the list in JSON and (the same fields) in CSV; one programme in JSON,
// with every council's spells. Field names and meanings are written once in lib/reform/open-data-fields.ts.
export { PROGRAMME_FIELDS } from "@/lib/reform/open-data-fields";

export function programmeJson(p: ProgrammeSummary, origin: string): ProgrammeRecord {
  return {
    slug: p.slug,
    name: p.name,
    description: p.description,
    startedOn: p.startedOn,
    endedOn: p.endedOn,
    milestones: p.milestoneCodes,
    councilsNow: p.councilCodesNow,
    url: `${origin}/programmes/${p.slug}`,
  };
}

/** One programme: the list's fields, then every council's spells (a council may have left and joined again). */
export function programmeDetailJson(p: ProgrammeDetail, origin: string): ProgrammeDetailRecord {
  return {
    ...programmeJson(p, origin),
    councils: p.councils.map((c) => ({
      slug: c.slug,
      gssCode: c.gssCode,
      name: c.name,
      region: c.region,
      from: c.from,
      until: c.until,
    })),
  };
}
