import { Feed } from "feed";
import { describeChangeWithReason } from "@/lib/scrutiny/change-words";
import type { ChangeItem, ChangesReport } from "@/lib/scrutiny/changes.server";
import { CHANGE_KIND_LABELS } from "@/lib/vocabulary";

// The Atom feed of published changes, so council officers can subscribe. Ids and links are absolute URLs.

export const FEED_ITEM_LIMIT = 100;

export function buildAtomFeed(
  report: ChangesReport,
  options: { origin: string; pillar?: { number: number; title: string } },
): string {
  const { origin, pillar } = options;
  const selfPath = pillar ? `/pillars/${pillar.number}/feed.xml` : "/feed.xml";
  const groups = pillar ? report.pillars.filter((p) => p.number === pillar.number) : report.pillars;
  // A change to a milestone in two pillars is one entry in the whole-reform feed.
  const items = new Map<string, ChangeItem>();
  for (const group of groups)
    for (const list of Object.values(group.byKind))
      for (const item of list) items.set(`${item.eventId}-${item.kind}`, item);
  const entries = [...items.values()]
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.eventId.localeCompare(a.eventId))
    .slice(0, FEED_ITEM_LIMIT);
  const updated = entries[0] ? new Date(entries[0].occurredAt) : new Date(`${report.until}T00:00:00Z`);

  const feed = new Feed({
    id: `${origin}${selfPath}`,
    title: pillar
      ? `Reform Tracker: changes to pillar ${pillar.number}, ${pillar.title}`
      : "Reform Tracker: changes to children's social care reform",
    description:
      "Changes DfE programme staff have published to the milestones and response classes of Stable Homes, Built on Love.",
    link: pillar ? `${origin}/pillars/${pillar.number}` : `${origin}/changes`,
    language: "en-GB",
    updated,
    generator: false,
    feedLinks: { atom: `${origin}${selfPath}` },
    copyright: "Contains public sector information licensed under the Open Government Licence v3.0",
  });
  for (const item of entries) {
    const path = item.entityType === "milestone" ? `/milestones/${item.code}` : `/recommendations/${item.code}`;
    const text = describeChangeWithReason(item);
    feed.addItem({
      id: `${origin}/changes#event-${item.eventId}-${item.kind}`,
      title: `${CHANGE_KIND_LABELS[item.kind]}: ${item.code} ${item.title.split("\n")[0]}`.slice(0, 300),
      link: `${origin}${path}`,
      date: new Date(item.occurredAt),
      description: text,
      content: text,
    });
  }
  return feed.atom1();
}
