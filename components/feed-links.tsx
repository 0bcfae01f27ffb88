// The Atom feeds (app/feed.xml, app/(public)/pillars/[number]/feed.xml, a council's
// app/(public)/councils/[slug]/feed.xml): announced to browsers and feed readers in
// each page's <head> (Next.js metadata `alternates.types`) and offered to people as visible "follow" links.

export const ATOM_TYPE = "application/atom+xml";

export const WHOLE_REFORM_FEED = { url: "/feed.xml", title: "Reform Tracker: every published change" };

export function pillarFeed(pillar: number) {
  return { url: `/pillars/${pillar}/feed.xml`, title: `Reform Tracker: changes to pillar ${pillar}` };
}

export function councilFeed(council: { slug: string; name: string }) {
  return { url: `/councils/${council.slug}/feed.xml`, title: `Reform Tracker: ${council.name}'s local actions` };
}

/** A council's "follow" link: the changes it publishes to its local actions. */
export function FollowCouncilChanges({ council }: { council: { slug: string; name: string } }) {
  return (
    <p className="text-base">
      <span className="font-bold">Follow {council.name}&apos;s changes</span> in a feed reader:{" "}
      <a href={councilFeed(council).url} type={ATOM_TYPE}>
        changes to its local actions (Atom feed)
      </a>
      .
    </p>
  );
}

/** "Follow changes" links: the whole reform, and a pillar's own feed on its page. */
export function FollowChanges({ pillar }: { pillar?: number }) {
  return (
    <p className="text-base">
      <span className="font-bold">Follow changes</span> in a feed reader:{" "}
      {pillar !== undefined && (
        <>
          <a href={pillarFeed(pillar).url} type={ATOM_TYPE}>
            changes to pillar {pillar} (Atom feed)
          </a>
          {" or "}
        </>
      )}
      <a href={WHOLE_REFORM_FEED.url} type={ATOM_TYPE}>
        every change to the reform (Atom feed)
      </a>
      .
    </p>
  );
}
