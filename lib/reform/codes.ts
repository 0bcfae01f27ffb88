// The shapes of the codes in the tracker's addresses. A code of any other shape names nothing, so it is answered with
// "not found" without asking the database (which cannot even store some characters an address can carry, such as NUL).

// Letters, a hyphen, digits: CR-01, CPE-02, CMA-03, M-01 (and the benchmark's generated GEN-00001 and GM-00001).
export const ITEM_CODE = /^[A-Z]{1,4}-\d{1,6}$/;
/** A recommendation code of the three reviews, as staff type it when linking one. */
export const RECOMMENDATION_CODE = /^(CR|CPE|CMA)-\d{2,3}$/;

/** The code in an address's path segment, decoded and upper-cased, or null when it cannot be a code. */
export function codeFromPath(segment: string): string | null {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null; // broken %-encoding
  }
  const code = decoded.toUpperCase();
  return ITEM_CODE.test(code) ? code : null;
}

/** An Annex 1 action's public code (migration 0013 gives the same to rows loaded before it): A1-O1-N3, A1-O1-R2. */
export const COMMITMENT_CODE = /^A1-O\d{1,2}-[NR]\d{1,2}$/;

export function commitmentCode(outcome: number, kind: "next_action" | "two_year_result", position: number): string {
  return `A1-O${outcome}-${kind === "next_action" ? "N" : "R"}${position}`;
}

/** A local action's code within its council: LA-3. */
export const LOCAL_ACTION_CODE = /^LA-\d{1,6}$/;
