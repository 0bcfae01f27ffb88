import type { Metadata } from "next";
import Link from "next/link";
import { CouncilAttribution } from "@/components/council-attribution";
import { FilterForm, SelectField, TextField } from "@/components/filter-form";
import { ErrorSummary } from "@/components/ui/error-summary";
import { num, Table, td, th } from "@/components/ui/table";
import { listCouncils, type CouncilSummary } from "@/lib/councils/councils.server";
import { formatDay } from "@/lib/dates";
import { programmeChoices } from "@/lib/programmes/programmes.server";
import { REGIONS } from "@/lib/seed/councils";
import { parseCouncilParams } from "@/lib/validations/councils";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Councils" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function byRegion(councils: CouncilSummary[]): Array<[string, CouncilSummary[]]> {
  const groups = new Map<string, CouncilSummary[]>();
  for (const c of councils) groups.set(c.region, [...(groups.get(c.region) ?? []), c]);
  return [...groups];
}

export default async function CouncilsPage({ searchParams }: { searchParams: SearchParams }) {
  const programmes = await programmeChoices();
  const parsed = parseCouncilParams(await searchParams, { strict: false, programmes: programmes.map((p) => p.slug) });
  const { q, region, programme, publishes } = parsed.params;
  const councils = await listCouncils(
    parsed.ok ? { q, region, programme, ...(publishes ? { publishes: publishes === "yes" } : {}) } : {},
  );
  const filtered =
    parsed.ok && (q !== undefined || region !== undefined || programme !== undefined || publishes !== undefined);

  return (
    <div className="space-y-6">
      <h1 className="text-4xl font-bold">Councils</h1>
      <p className="max-w-3xl">
        The 153 councils in England with duties for children&apos;s services, by region. Each council&apos;s page shows
        what it is doing locally about the national reform, beside the national picture, once the council publishes its
        local actions. See also the <Link href="/programmes">national programmes</Link> councils take part in.
      </p>
      {!parsed.ok && (
        <ErrorSummary errors={parsed.errors.map((e) => ({ href: `#filter-${e.parameter}`, message: e.message }))} />
      )}
      <FilterForm action="/councils" clearHref="/councils">
        <TextField name="q" label="Council name" value={q} hint="For example Thurrock, or part of a name" />
        <SelectField
          name="region"
          label="Region"
          value={region}
          options={REGIONS.map((r) => ({ value: r, label: r }))}
          anyLabel="All regions"
        />
        <SelectField
          name="programme"
          label="National programme"
          value={programme}
          options={programmes.map((p) => ({ value: p.slug, label: p.name }))}
          anyLabel="Any or none"
        />
        <SelectField
          name="publishes"
          label="Publishes local actions"
          value={publishes}
          options={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No, not yet" },
          ]}
          anyLabel="Either"
        />
      </FilterForm>
      <p role="status" className="font-bold">
        {filtered
          ? `${councils.length} ${councils.length === 1 ? "council matches" : "councils match"}`
          : `${councils.length} councils`}
      </p>
      {councils.length === 0 && (
        <p>
          No council matches. Check the spelling, try part of the name, or{" "}
          <Link href="/councils">see all councils</Link>.
        </p>
      )}
      {byRegion(councils).map(([name, list]) => (
        <section key={name} aria-labelledby={`region-${name}`} className="space-y-2">
          <h2 id={`region-${name}`} className="text-2xl font-bold">
            {name} <span className="text-base font-normal text-govuk-secondary">({list.length})</span>
          </h2>
          <Table caption={`Councils in ${name}`}>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Council
                </th>
                <th scope="col" className={th}>
                  Type
                </th>
                <th scope="col" className={`${th} ${num}`}>
                  Population (2020)
                </th>
                <th scope="col" className={`${th} ${num}`}>
                  Local actions
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.slug}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <Link href={`/councils/${c.slug}`} prefetch={false}>
                      {c.name}
                    </Link>
                    {c.endedOn && (
                      <span className="block text-base text-govuk-secondary">Ended {formatDay(c.endedOn)}</span>
                    )}
                  </th>
                  <td className={td}>{c.typeName}</td>
                  <td className={`${td} ${num}`}>{c.population2020?.toLocaleString("en-GB") ?? "Not known"}</td>
                  <td className={`${td} ${num}`}>
                    {c.localActions === 0 ? "None yet" : c.localActions.toLocaleString("en-GB")}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ))}
      <CouncilAttribution />
    </div>
  );
}
