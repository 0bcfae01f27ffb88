// Shared by the slippage register (server) and its query-parameter validation.
export const SLIPPAGE_SORTS = ["slippage", "code"] as const;
export type SlippageSort = (typeof SLIPPAGE_SORTS)[number];
