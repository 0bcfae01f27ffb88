import "server-only";
import { publicRead } from "@/lib/reform/public-data.server";
import {
  compareCouncils,
  findNationalItem,
  localDeliveryOf,
  type NationalItemKind,
} from "@/lib/local-actions/compare.server";

// The public reads of councils' local actions beside the national items (compare pages, milestone and recommendation
// pages), shared within one render and safe to show, like lib/reform/public-data.server.ts.

export const cachedNationalItem = publicRead((kind: NationalItemKind, code: string) => findNationalItem(kind, code));
export const cachedComparison = publicRead((kind: NationalItemKind, code: string, asAt?: string) =>
  compareCouncils({ kind, code }, { asAt }),
);
export const cachedLocalDelivery = publicRead((kind: NationalItemKind, code: string, asAt?: string) =>
  localDeliveryOf({ kind, code }, { asAt }),
);
