import { describe, expect, it } from "vitest";
import { describeDatabaseError, isDatabaseUnavailable } from "@/lib/db/errors";

describe("describeDatabaseError", () => {
  it("keeps the kind of error and its cause, and drops the call Prisma quotes, arguments and all", () => {
    const error = Object.assign(
      new Error(
        [
          "Invalid `prisma.user.update()` invocation:",
          "{",
          '  data: { passwordHash: "$2b$12$abcdefghijklmnopqrstuuJ0mXkWQk7hQ1mU2Jc2bq3G8a1Y4Z5W6" }',
          "}",
          "Can't reach database server at 127.0.0.1:5432",
        ].join("\n"),
      ),
      { name: "PrismaClientKnownRequestError", code: "P1001" },
    );
    const line = describeDatabaseError(error);
    expect(line).toBe("PrismaClientKnownRequestError P1001: Can't reach database server at 127.0.0.1:5432");
    expect(line).not.toContain("$2b$");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("copes with things that are not errors", () => {
    expect(describeDatabaseError(undefined)).toBe("Error");
    expect(describeDatabaseError("text")).toBe("Error");
    expect(describeDatabaseError({ code: "ECONNREFUSED" })).toBe("Error ECONNREFUSED");
  });
});
