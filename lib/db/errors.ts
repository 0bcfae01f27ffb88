// Errors that mean "the database cannot be reached right now", as opposed to a bug or bad input: the user is told
// to try again, and nothing was written (every write is one transaction).

// P2024 and P2028: no connection or transaction could be had in time (the pool was busy).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03"]);
const UNAVAILABLE_TEXT = /can't reach database server|databasenotreachable|connection terminated|connection refused|econnrefused|server closed the connection|terminating connection/i;

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
