import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AsAtBanner, AsAtErrorSummary } from "@/components/as-at-banner";
import { LocalChangeList } from "@/components/local-actions/local-change-list";
import { NationalPictureServed } from "@/components/local-actions/national-picture-served";
import { MilestoneStatusTag, OverdueTag } from "@/components/status-tags";
import { SummaryList } from "@/components/ui/summary-list";
import { withAsAt } from "@/lib/as-at-pages";
import { findCouncil } from "@/lib/councils/councils.server";
import { formatDay, parseAsAt, todayInLondon } from "@/lib/dates";
import { cachedLocalActions, cachedLocalChanges, cachedNationalItemsServed } from "@/lib/local-actions/reads.server";
import { codeFromPath, LOCAL_ACTION_CODE } from "@/lib/reform/codes";
import { LATENESS_DEFINITIONS } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The action's number from its address: LA-3 (any case) is 3; anything else names nothing. */
function numberOf(segment: string): number | null {
  const code = codeFromPath(segment);
  return code && LOCAL_ACTION_CODE.test(code) ? Number(code.slice(3)) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, code } = await params;
  const [council, number] = [await findCouncil(slug), numberOf(code)];
  if (!council || number === null) return { title: "Local action not found" };
  const found = await cachedLocalActions({ council: council.gssCode, number }, { today: todayInLondon() });
  const action = found.items[0];
  return { title: action ? `${action.code}: ${action.title} (${council.name})` : "Local action not found" };
}

export default async function LocalActionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const today = todayInLondon();
  const asAtParam = parseAsAt(await searchParams, today);
  const asAt = asAtParam.ok ? asAtParam.asAt : null;
  const { slug, code } = await params;
  const council = await findCouncil(slug);
  const number = numberOf(code);
  if (!council || number === null) notFound();
  const canonical = `/councils/${council.slug}/actions/LA-${number}`;
  if (council.slug !== slug || code !== `LA-${number}`) permanentRedirect(withAsAt(canonical, asAt));

  const found = await cachedLocalActions({ council: council.gssCode, number }, { asAt, today });
  const action = found.items[0];
  // As at a day before it was added, the action did not exist: say so, rather than "not found".
  const existsNow = asAt ? (await cachedLocalActions({ council: council.gssCode, number }, { today })).total > 0 : true;
  if (!action && !existsNow) notFound();
  const [history, national] = await Promise.all([
    cachedLocalChanges(council.gssCode, { asAt, number }),
    action ? cachedNationalItemsServed([action], { asAt, today }) : null,
  ]);

  return (
    <div className="space-y-8">
      <AsAtErrorSummary param={asAtParam} />
      <p>
        <Link href={withAsAt(`/councils/${council.slug}`, asAt)}>{council.name}</Link>
      </p>
      {!action ? (
        <>
          <h1 className="text-4xl font-bold">
            {council.name}: local action <span translate="no">LA-{number}</span>
          </h1>
          <AsAtBanner asAt={asAt} todayHref={canonical} />
          <p className="max-w-3xl">{council.name} had not published this local action by the end of that day.</p>
        </>
      ) : (
        <>
          <div>
            <p className="text-xl text-govuk-secondary">
              {council.name} · local action <span translate="no">{action.code}</span>
            </p>
            <h1 className="text-4xl font-bold">{action.title}</h1>
            <p className="mt-3 space-x-2">
              <MilestoneStatusTag status={action.status} /> <OverdueTag lateness={action.lateness} />
            </p>
            {action.lateness && (
              <p className="mt-3 max-w-3xl">
                {LATENESS_DEFINITIONS[action.lateness]}{" "}
                <Link href="/about/statuses">What the statuses and tags mean</Link>
              </p>
            )}
          </div>
          <AsAtBanner asAt={asAt} todayHref={canonical} />
          <SummaryList
            rows={[
              { key: "What the council is doing", value: <p className="whitespace-pre-line">{action.description}</p> },
              { key: "Lead", value: action.leadRole },
              { key: "Due date", value: formatDay(action.dueDate) },
              {
                key: "Forecast date",
                value: action.forecastDate
                  ? `${formatDay(action.forecastDate)}${action.slipped ? " (later than the due date)" : ""}`
                  : "None set",
              },
              {
                key: "Actual completion date",
                value: action.actualDate ? formatDay(action.actualDate) : "Not complete",
              },
              { key: "Commentary", value: action.commentary ?? "None yet" },
              {
                key: "Evidence",
                value:
                  action.evidence.length === 0 ? (
                    "None yet"
                  ) : (
                    <ul className="space-y-1">
                      {action.evidence.map((e) => (
                        <li key={e.url}>
                          <a href={e.url} rel="noopener noreferrer">
                            {e.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ),
              },
              { key: "Published by", value: council.name },
            ]}
          />
          <section aria-labelledby="national-heading" className="space-y-3">
            <h2 id="national-heading" className="text-2xl font-bold">
              National items it serves
            </h2>
            {national && <NationalPictureServed national={national} asAt={asAt} />}
          </section>
        </>
      )}
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-2xl font-bold">
          History
        </h2>
        {history.length === 0 ? (
          <p>No changes recorded.</p>
        ) : (
          <LocalChangeList changes={history} council={council} asAt={asAt} linkActions={false} />
        )}
      </section>
    </div>
  );
}
