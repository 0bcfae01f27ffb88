import "server-only";
import { unstable_cache } from "next/cache";
import { listChanges } from "@/lib/changes.server";
import { todayInLondon } from "@/lib/dates";
import { REFORM_DATA_TAG } from "@/lib/public-data.server";

/** Every published change since the strategy, for the feeds; expired by every staff save like the other public data. */
export const cachedAllChanges = () =>
  unstable_cache(() => listChanges({ since: "2023-02-02" }), ["feed-changes", todayInLondon()], { tags: [REFORM_DATA_TAG], revalidate: 3600 })();

export const ATOM_HEADERS = {
  "Content-Type": "application/atom+xml; charset=utf-8",
  "Cache-Control": "public, max-age=300",
  "Access-Control-Allow-Origin": "*",
};
