import type { Metadata } from "next";
import { BriefingDocument } from "@/components/report/briefing-document";
import { DateField, FilterForm, SelectField } from "@/components/filter-form";
import { ErrorSummary } from "@/components/ui/error-summary";
import { publicOrigin } from "@/lib/http/site";
import { cachedBriefing } from "@/lib/scrutiny/public-history-data.server";
import { PDF_NOT_TAGGED } from "@/lib/scrutiny/briefing-words";
import { numbered } from "@/lib/reform/options";
import { cachedOutcomes, cachedPillars } from "@/lib/reform/public-data.server";
import { toQueryString } from "@/lib/validations/public-filters";
import { toSearchParams } from "@/lib/search-params";
import { parseReportParams, reportCouncilNotFound } from "@/lib/validations/report";
import { listCouncils } from "@/lib/councils/councils.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Briefing pack" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// A bad parameter is answered with 400 by the front server (proxy.ts asks for it), with this page's error summary.
export default async function ReportPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = toSearchParams(await searchParams);
  const checked = parseReportParams(raw);
  const [pillars, outcomes, councils] = await Promise.all([cachedPillars(), cachedOutcomes(), listCouncils()]);
  // The council the address names, by slug or ONS code; one that names none is an error like a bad date.
  const wanted = checked.ok ? checked.params.council : undefined;
  const council = wanted ? councils.find((c) => c.slug === wanted || c.gssCode.toLowerCase() === wanted) : undefined;
  const parsed =
    checked.ok && wanted && !council
      ? { ok: false as const, errors: [{ parameter: "council", message: reportCouncilNotFound(raw.get("council")!) }] }
      : checked.ok && council
        ? { ok: true as const, params: { ...checked.params, council: council.slug } }
        : checked;
  const b = parsed.ok ? await cachedBriefing(parsed.params) : null;
  const query = parsed.ok ? toQueryString(parsed.params) : "";

  return (
    <div className="space-y-8 print:space-y-4 print:text-[11pt]">
      <div className="print:hidden space-y-4">
        <h1 className="text-4xl font-bold">Briefing pack</h1>
        <p className="max-w-3xl">
          For council overview and scrutiny committees: the reform as it stood on a date, what changed since your last
          meeting, and what is due before the next one. Print this page (it is laid out for A4), or download it as a PDF
          or as a Word document to paste into your council&apos;s report template.
        </p>
        {!parsed.ok && (
          <ErrorSummary errors={parsed.errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))} />
        )}
        <FilterForm action="/report" clearHref="/report" open={!parsed.ok} summary="Date and scope of the briefing">
          <DateField name="since" label="Changes since (your last meeting)" value={raw.get("since") ?? undefined} />
          <DateField name="asAt" label="As at" value={raw.get("asAt") ?? undefined} />
          <DateField name="nextMeeting" label="Date of the next meeting" value={raw.get("nextMeeting") ?? undefined} />
          <SelectField
            name="pillar"
            label="Only one pillar"
            value={raw.get("pillar") ?? undefined}
            options={numbered(pillars)}
            anyLabel="All pillars"
          />
          <SelectField
            name="outcome"
            label="Only one outcome or enabler"
            value={raw.get("outcome") ?? undefined}
            options={numbered(outcomes)}
            anyLabel="All outcomes"
          />
          <SelectField
            name="council"
            label="Add a council's local section"
            value={council?.slug ?? raw.get("council") ?? undefined}
            options={councils.map((c) => ({ value: c.slug, label: c.name }))}
            anyLabel="No council"
          />
        </FilterForm>
        {b && (
          <ul className="space-y-1">
            <li>
              <a href={`/report/pdf${query}`} download>
                Download this briefing as a PDF
              </a>
            </li>
            <li>
              <a href={`/report/docx${query}`} download>
                Download this briefing as a Word document
              </a>
            </li>
            <li className="text-govuk-secondary">{PDF_NOT_TAGGED}</li>
          </ul>
        )}
      </div>

      {b && <BriefingDocument b={b} origin={publicOrigin()} />}
    </div>
  );
}
