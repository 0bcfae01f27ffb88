import "server-only";
import { listChanges } from "@/lib/changes.server";
import { cached } from "@/lib/public-data.server";

/** Every published change since the strategy, for the feeds; cached like the other public data. */
export const cachedAllChanges = cached("feed-changes", () => listChanges({ since: "2023-02-02" }));

export const ATOM_HEADERS = {
  "Content-Type": "application/atom+xml; charset=utf-8",
  "Cache-Control": "public, max-age=300",
  "Access-Control-Allow-Origin": "*",
};
