import "server-only";
import { listChanges } from "@/lib/changes.server";
import { slippageRegister, type SlippageSort } from "@/lib/slippage.server";
import { cached } from "@/lib/public-data.server";

// Cached reads for the history views (/changes, /slippage), like lib/public-data.server.ts: same cache, keys and
// expiry.

export const cachedChanges = cached("changes", (since: string, until: string) => listChanges({ since, until }));
export const cachedSlippageRegister = cached("slippage", (sort: SlippageSort, asAt?: string) => slippageRegister({ sort, asAt }));
