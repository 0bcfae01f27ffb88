import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { CouncilAttribution } from "@/components/council-attribution";
import { CountsTable } from "@/components/counts-table";
import { ATOM_TYPE, councilFeed, FollowCouncilChanges, WHOLE_REFORM_FEED } from "@/components/feed-links";
import { SummaryList } from "@/components/ui/summary-list";
import { findCouncil } from "@/lib/councils/councils.server";
import { formatDay } from "@/lib/dates";
import { programmesOfCouncil } from "@/lib/programmes/programmes.server";
import { cachedDashboard } from "@/lib/reform/public-data.server";
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

/** The council a slug or GSS code names; a GSS code is sent on to the slug's address. */
async function councilFor(params: Params) {
  const { slug } = await params;
  const council = await findCouncil(slug);
  if (!council) notFound();
  if (council.slug !== slug) permanentRedirect(`/councils/${council.slug}`);
  return council;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const council = await findCouncil(slug);
  if (!council) return { title: "Council not found" };
  // The council's own feed first, then the whole reform's (a page's alternates replace the layout's).
  return { title: council.name, alternates: { types: { [ATOM_TYPE]: [councilFeed(council), WHOLE_REFORM_FEED] } } };
}

export default async function CouncilPage({ params }: { params: Params }) {
  const [council, dashboard] = await Promise.all([councilFor(params), cachedDashboard()]);
  const programmes = await programmesOfCouncil(council.slug);
  const statusColumns = MILESTONE_STATUSES.map((s) => ({ key: s, label: MILESTONE_STATUS_LABELS[s] }));

  return (
    <div className="space-y-8">
      <p>
        <Link href="/councils">All councils</Link>
      </p>
      <div className="space-y-2">
        <span className="text-xl text-govuk-secondary">{council.region}</span>
        <h1 className="text-4xl font-bold">{council.name}</h1>
        {council.officialName !== council.name && <p className="text-xl">{council.officialName}</p>}
      </div>
      {council.endedOn && (
        <div className="border-l-8 border-govuk-border bg-govuk-light-grey p-4">
          <p className="font-bold">
            This council ended on {formatDay(council.endedOn)}.
            {council.successor && (
              <>
                {" "}
                Its services passed to{" "}
                <Link href={`/councils/${council.successor.slug}`}>{council.successor.name}</Link>.
              </>
            )}
          </p>
        </div>
      )}
      <SummaryList
        rows={[
          { key: "Type", value: council.typeName },
          { key: "Region", value: council.region },
          { key: "ONS code (GSS)", value: <span translate="no">{council.gssCode}</span> },
          council.population2020 !== null && {
            key: "Population (2020)",
            value: council.population2020.toLocaleString("en-GB"),
          },
        ]}
      />

      <section aria-labelledby="local-heading" className="space-y-3">
        <h2 id="local-heading" className="text-2xl font-bold">
          Local delivery of the reform
        </h2>
        {programmes.length === 0 ? (
          <p className="max-w-3xl">
            {council.name} has not published local actions yet, and no national programme has been recorded for it. When
            it does, this page will list what the council is doing about each national milestone and recommendation,
            with its status, dates and what changed.
          </p>
        ) : (
          <p className="max-w-3xl">
            {council.name} has not published local actions yet. When it does, this page will list what the council is
            doing about each national milestone and recommendation, with its status, dates and what changed.
          </p>
        )}
        <FollowCouncilChanges council={council} />
      </section>

      {programmes.length > 0 && (
        <section aria-labelledby="programmes-heading" className="space-y-3">
          <h2 id="programmes-heading" className="text-2xl font-bold">
            National programmes
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {programmes.map((p) => (
              <li key={`${p.slug}-${p.from}`}>
                <Link href={`/programmes/${p.slug}`} prefetch={false}>
                  {p.name}
                </Link>
                : from {formatDay(p.from)}
                {p.until ? ` until ${formatDay(p.until)}` : ""}
                {p.current ? " (taking part now)" : ""}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="national-heading" className="space-y-3">
        <h2 id="national-heading" className="text-2xl font-bold">
          The national picture
        </h2>
        <p className="max-w-3xl">
          Where the national reform stands today, across all of England. See the <Link href="/">dashboard</Link> for the
          detail, by pillar and outcome.
        </p>
        <CountsTable
          id="national-milestones"
          caption="National milestones by status"
          rowHeader="Milestones"
          rows={[{ label: "All of England", href: "/milestones", counts: dashboard.milestonesByStatus }]}
          columns={statusColumns}
        />
      </section>
      <CouncilAttribution />
    </div>
  );
}
