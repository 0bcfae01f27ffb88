import "server-only";
import { listChanges } from "@/lib/scrutiny/changes.server";
import { STRATEGY_PUBLISHED } from "@/lib/dates";
import { cache } from "react";

/** Every change DfE has published since the strategy, for the national feeds. */
export const cachedAllChanges = cache(() => listChanges({ since: STRATEGY_PUBLISHED }));

/** Every change a council (by GSS code) has published to its local actions, for its feed. */
export const cachedCouncilChanges = cache((gssCode: string) =>
  listChanges({ since: STRATEGY_PUBLISHED, council: gssCode }),
);

export const ATOM_HEADERS = {
  "Content-Type": "application/atom+xml; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
};
