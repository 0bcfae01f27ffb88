import "server-only";
import { listChanges } from "@/lib/scrutiny/changes.server";
import { slippageRegister, type SlippageSort } from "@/lib/scrutiny/slippage.server";
import { cache } from "react";

// The reads of the history views (/changes, /slippage), shared within one render like lib/reform/public-data.server.ts.

export const cachedChanges = cache((since: string, until: string) => listChanges({ since, until }));
export const cachedSlippageRegister = cache((sort: SlippageSort, asAt?: string) => slippageRegister({ sort, asAt }));
