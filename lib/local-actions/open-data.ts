import type { LocalActionView } from "@/lib/local-actions/reads.server";

// One local action as /api/v1/local-actions gives it, in JSON and (the same fields) in CSV. The field names, and
// what each means, are written once in lib/reform/open-data-fields.ts (shown on /open-data). Attributed to the
// council that published it: no person is named.
export { LOCAL_ACTION_FIELDS } from "@/lib/reform/open-data-fields";

export function localActionRecord(a: LocalActionView, origin: string) {
  return {
    council: a.council.slug,
    councilGssCode: a.council.gssCode,
    councilName: a.council.name,
    region: a.council.region,
    code: a.code,
    title: a.title,
    description: a.description,
    leadRole: a.leadRole,
    status: a.status,
    dueDate: a.dueDate,
    forecastDate: a.forecastDate,
    actualDate: a.actualDate,
    plannedDate: a.plannedDate,
    lateness: a.lateness,
    slipped: a.slipped,
    commentary: a.commentary,
    evidence: a.evidence.map((e) => e.url),
    milestones: a.milestones,
    recommendations: a.recommendations,
    annex1Actions: a.commitments,
    addedAt: a.addedAt,
    lastChanged: a.changedAt,
    url: `${origin}/councils/${a.council.slug}/actions/${a.code}`,
  };
}
