// Errors that mean "the database cannot be reached right now", as opposed to a bug or bad input: the user is told
// to try again, and nothing was written (every write is one transaction).

// P2024 and P2028: no connection or transaction could be had in time (the pool was busy).
const UNAVAILABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1017",
  "P2024",
  "P2028",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P03",
]);
const UNAVAILABLE_TEXT =
  /can't reach database server|databasenotreachable|connection terminated|connection refused|econnrefused|server closed the connection|terminating connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
    if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === "string" && UNAVAILABLE_TEXT.test(candidate.message)) return true;
    if (typeof candidate.name === "string" && UNAVAILABLE_TEXT.test(candidate.name)) return true;
    e = candidate.cause;
  }
  return false;
}

export const TRY_AGAIN_MESSAGE =
  "The tracker could not reach its database, so nothing was saved. Try again in a few minutes; your changes are still in the form.";
/** The same, for forms that do not keep what was typed (passwords, files, buttons). */
export const TRY_AGAIN_LATER_MESSAGE =
  "The tracker could not reach its database, so nothing was changed. Try again in a few minutes.";

/**
 * A one-line account of a database error for the server log. Never the whole error: Prisma's messages quote the call
 * they came from, arguments included, and those can hold a password hash or what someone typed.
 */
export function describeDatabaseError(error: unknown): string {
  const e = error as { name?: unknown; code?: unknown; message?: unknown };
  const name = typeof e?.name === "string" ? e.name : "Error";
  const code = typeof e?.code === "string" ? ` ${e.code}` : "";
  const lines =
    typeof e?.message === "string"
      ? e.message
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
      : [];
  // The last line is the cause ("Can't reach database server at ..."); the lines above it are the call.
  const cause = (lines.at(-1) ?? "").slice(0, 200);
  return `${name}${code}${cause ? `: ${cause}` : ""}`;
}
