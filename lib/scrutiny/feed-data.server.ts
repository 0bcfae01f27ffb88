import "server-only";
import { listChanges } from "@/lib/scrutiny/changes.server";
import { STRATEGY_PUBLISHED } from "@/lib/dates";
import { cache } from "react";

/** Every published change since the strategy, for the feeds. */
export const cachedAllChanges = cache(() => listChanges({ since: STRATEGY_PUBLISHED }));

export const ATOM_HEADERS = {
  "Content-Type": "application/atom+xml; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
};
