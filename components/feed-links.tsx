// The Atom feeds (app/feed.xml, app/(public)/pillars/[number]/feed.xml): announced to browsers and feed readers in
// each page's <head> (Next.js metadata `alternates.types`) and offered to people as visible "follow" links.

export const ATOM_TYPE = "application/atom+xml";

export const WHOLE_REFORM_FEED = { url: "/feed.xml", title: "Reform Tracker: every published change" };

export function pillarFeed(pillar: number) {
  return { url: `/pillars/${pillar}/feed.xml`, title: `Reform Tracker: changes to pillar ${pillar}` };
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
