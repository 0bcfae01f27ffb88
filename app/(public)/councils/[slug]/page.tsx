import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { CouncilAttribution } from "@/components/council-attribution";
import { EmbedThis } from "@/components/embed-this";
import type { EmbedTarget } from "@/lib/embed/targets";
import { readWidget } from "@/lib/embed/widgets.server";
import { ATOM_TYPE, councilFeed, FollowCouncilChanges, WHOLE_REFORM_FEED } from "@/components/feed-links";
import { oembedDiscovery } from "@/lib/embed/code";
import { publicOrigin } from "@/lib/http/site";
import { CountsTable } from "@/components/counts-table";
import { LocalActionTable, localActionRows } from "@/components/local-actions/local-action-table";
import { LocalChangeList } from "@/components/local-actions/local-change-list";
import { NationalPictureServed } from "@/components/local-actions/national-picture-served";
import { SummaryList } from "@/components/ui/summary-list";
import { withAsAt } from "@/lib/as-at-pages";
import { findCouncil } from "@/lib/councils/councils.server";
import { formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import {
  cachedLocalActions,
  cachedLocalChanges,
  cachedNationalItemsServed,
  localSlippage,
} from "@/lib/local-actions/reads.server";
import { programmesOfCouncil } from "@/lib/programmes/programmes.server";
import { cachedDashboard } from "@/lib/reform/public-data.server";
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES } from "@/lib/vocabulary";

/** How many of the council's latest local changes the page lists. */
const RECENT_CHANGES = 10;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

/** The council a slug or GSS code names; a GSS code is sent on to the slug's address, keeping the reader's date. */
async function councilFor(params: Params, asAt: string | null) {
  const { slug } = await params;
  const council = await findCouncil(slug);
  if (!council) notFound();
  if (council.slug !== slug) permanentRedirect(withAsAt(`/councils/${council.slug}`, asAt));
  return council;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const council = await findCouncil(slug);
  if (!council) return { title: "Council not found" };
  // The council's own feed first, then the whole reform's (a page's alternates replace the layout's).
  return {
    title: council.name,
    alternates: {
      types: {
        [ATOM_TYPE]: [councilFeed(council), WHOLE_REFORM_FEED],
        ...oembedDiscovery({ kind: "councils", id: council.slug }, `${council.name}: local progress`, publicOrigin()),
      },
    },
  };
}

export default async function CouncilPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const today = todayInLondon();
  const asAtParam = parseAsAt(await searchParams, today);
  const asAt = asAtParam.ok ? asAtParam.asAt : null;
  const [council, dashboard] = await Promise.all([councilFor(params, asAt), cachedDashboard(asAt ?? undefined)]);
  const [programmes, actions, changes] = await Promise.all([
    programmesOfCouncil(council.slug),
    cachedLocalActions({ council: council.gssCode }, { asAt, today }),
    cachedLocalChanges(council.gssCode, { asAt, limit: RECENT_CHANGES }),
  ]);
  const national = await cachedNationalItemsServed(actions.items, { asAt, today });
  const slipping = localSlippage(actions.items);
  const statusColumns = MILESTONE_STATUSES.map((s) => ({ key: s, label: MILESTONE_STATUS_LABELS[s] }));
  const counts = Object.fromEntries(
    MILESTONE_STATUSES.map((s) => [s, actions.items.filter((a) => a.status === s).length]),
  ) as Record<(typeof MILESTONE_STATUSES)[number], number>;

  const embedTarget: EmbedTarget = { kind: "councils", id: council.slug };
  return (
    <div className="space-y-8">
      <AsAtErrorSummary param={asAtParam} />
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
      <AsAtBanner asAt={asAt} todayHref={`/councils/${council.slug}`} />
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
          Local actions
        </h2>
        {actions.total === 0 ? (
          <p className="max-w-3xl">
            {council.name} has not published any local actions {asAt ? `by ${formatDay(asAt)}` : "yet"}. When it does,
            this page will list what the council is doing about each national milestone and recommendation, with its
            status, dates and what changed.
          </p>
        ) : (
          <>
            <p className="max-w-3xl">
              What {council.name} is doing about the national reform, in its own words: {actions.total} local{" "}
              {actions.total === 1 ? "action" : "actions"}. Each change is published as the council makes it.
            </p>
            <LocalActionTable
              caption={`${council.name}: local actions`}
              rows={localActionRows(actions.items)}
              columns={["action", "status", "due", "forecast"]}
              asAt={asAt}
            />
            <CountsTable
              id="local-actions-by-status"
              caption="Local actions by status"
              rowHeader="Local actions"
              rows={[{ label: council.name, counts: counts }]}
              columns={statusColumns}
            />
          </>
        )}
        <FollowCouncilChanges council={council} />
      </section>

      {actions.total > 0 && (
        <section aria-labelledby="slippage-heading" className="space-y-3">
          <h2 id="slippage-heading" className="text-2xl font-bold">
            Local slippage
          </h2>
          {slipping.length === 0 ? (
            <p className="max-w-3xl">
              None of {council.name}&rsquo;s local actions is overdue or forecast later than first planned.
            </p>
          ) : (
            <>
              <p className="max-w-3xl">
                Local actions that are overdue, or whose forecast is later than the date the council first set.
              </p>
              <LocalActionTable
                caption={`${council.name}: local actions overdue or forecast late`}
                rows={localActionRows(slipping)}
                columns={["action", "status", "due", "forecast", "slippage"]}
                asAt={asAt}
              />
            </>
          )}
        </section>
      )}

      {changes.length > 0 && (
        <section aria-labelledby="changes-heading" className="space-y-3">
          <h2 id="changes-heading" className="text-2xl font-bold">
            What changed locally
          </h2>
          <p className="max-w-3xl">
            The latest changes {council.name} published to its local actions, newest first, with the reasons it gave.
          </p>
          <LocalChangeList changes={changes} council={council} asAt={asAt} />
        </section>
      )}

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

      <EmbedThis target={embedTarget} what="this council's local progress" widget={await readWidget(embedTarget)} />

      <section aria-labelledby="national-heading" className="space-y-3">
        <h2 id="national-heading" className="text-2xl font-bold">
          The national picture
        </h2>
        <NationalPictureServed national={national} asAt={asAt} councilName={council.name} />
        <p className="max-w-3xl">
          Where the national reform stands {asAt ? `at the end of ${formatDay(asAt)}` : "today"}, across all of England.
          See the <Link href={withAsAt("/", asAt)}>dashboard</Link> for the detail, by pillar and outcome.
        </p>
        <CountsTable
          id="national-milestones"
          caption="National milestones by status"
          rowHeader="Milestones"
          rows={[
            { label: "All of England", href: withAsAt("/milestones", asAt), counts: dashboard.milestonesByStatus },
          ]}
          columns={statusColumns}
        />
      </section>
      <CouncilAttribution />
    </div>
  );
}
