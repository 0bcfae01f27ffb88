import "server-only";
import { listChanges } from "@/lib/changes.server";
import { slippageRegister, type SlippageSort } from "@/lib/slippage.server";
import { cache } from "react";

// The reads of the history views (/changes, /slippage), shared within one render like lib/public-data.server.ts.

export const cachedChanges = cache((since: string, until: string) => listChanges({ since, until }));
export const cachedSlippageRegister = cache((sort: SlippageSort, asAt?: string) => slippageRegister({ sort, asAt }));
