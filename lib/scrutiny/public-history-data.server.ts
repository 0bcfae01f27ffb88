import "server-only";
import { buildBriefing } from "@/lib/scrutiny/briefing.server";
import { listChanges } from "@/lib/scrutiny/changes.server";
import { localSlippageRegister, slippageRegister, type SlippageSort } from "@/lib/scrutiny/slippage.server";
import { publicRead } from "@/lib/reform/public-data.server";

// The reads of the history views (/changes, /slippage) and of the briefing pack (its page and its PDF), shared within
// one render and safe to show, like lib/reform/public-data.server.ts.

/** DfE's changes and councils' local changes in a period (the /changes page filters them). */
export const cachedChanges = publicRead((since: string, until: string) => listChanges({ since, until, scope: "all" }));
export const cachedSlippageRegister = publicRead((sort: SlippageSort, asAt?: string) =>
  slippageRegister({ sort, asAt }),
);
export const cachedBriefing = publicRead(buildBriefing);
export const cachedLocalSlippage = publicRead(
  (sort: SlippageSort, asAt: string | undefined, council: string | undefined, limit: number | undefined) =>
    localSlippageRegister({ sort, asAt, council, limit }),
);
