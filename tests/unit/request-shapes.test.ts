import { describe, expect, it } from "vitest";
import { unreadableActionBody } from "@/lib/http/action-body.server";
import { codeFromPath } from "@/lib/reform/codes";
import { hasControlCharacters, neutraliseControlCharacters, withoutControlCharacters } from "@/lib/validations/text";

function actionRequest(parts: Array<[string, string]>, boundary = "b0undary", extra: Record<string, string> = {}) {
  const body =
    parts
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  return new Request("http://tracker.example/staff/password", {
    method: "POST",
    headers: { "next-action": "abc", "content-type": `multipart/form-data; boundary=${boundary}`, ...extra },
    body,
  });
}

describe("unreadableActionBody", () => {
  it("lets through what React sends for our forms", async () => {
    expect(
      await unreadableActionBody(
        actionRequest([
          ["0", '[{"status":"idle","errors":[],"values":{"a":"$$5"}},"$K1"]'],
          ["_1_code", "M-01"],
        ]),
      ),
    ).toBeNull();
    expect(
      await unreadableActionBody(
        actionRequest([["0", '["$undefined","$K1","$D2024-01-01T00:00:00.000Z","$n12","$-0","$NaN"]']]),
      ),
    ).toBeNull();
  });

  it("ignores requests that are not Server Action posts", async () => {
    expect(
      await unreadableActionBody(
        new Request("http://tracker.example/", { method: "GET", headers: { "next-action": "abc" } }),
      ),
    ).toBeNull();
    expect(
      await unreadableActionBody(
        new Request("http://tracker.example/", {
          method: "POST",
          body: "a=1",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      ),
    ).toBeNull();
  });

  it("refuses bodies Next.js could not decode, and references our forms never send", async () => {
    expect(await unreadableActionBody(actionRequest([["_1_\u0000", "x"]]))).toMatch(/multipart/);
    expect(await unreadableActionBody(actionRequest([["0", "not json"]]))).toMatch(/not JSON/);
    expect(await unreadableActionBody(actionRequest([["0", '{"a":1}']]))).toMatch(/not a list/);
    for (const reference of ["$@1", "$Q1", "$W1", "$T", "$h1", "$F1", "$1", "$B1", "$R1", "$Kx"]) {
      expect(
        await unreadableActionBody(actionRequest([["0", JSON.stringify([{ deep: [reference] }, "$K1"])]])),
        reference,
      ).toMatch(/references/);
    }
    const noBoundary = new Request("http://tracker.example/", {
      method: "POST",
      headers: { "next-action": "abc", "content-type": "multipart/form-data" },
      body: "x",
    });
    expect(await unreadableActionBody(noBoundary)).toMatch(/content-type/);
  });
});

describe("codeFromPath", () => {
  it("reads codes, whatever their case or %-encoding", () => {
    expect(codeFromPath("cr-01")).toBe("CR-01");
    expect(codeFromPath("M%2D05")).toBe("M-05");
    expect(codeFromPath("GEN-000123")).toBe("GEN-000123");
  });
  it("answers null for anything that cannot be a code", () => {
    for (const segment of [
      "%00",
      "%E0%A4%A",
      "CR-01%00",
      "CR 01",
      "../etc",
      "",
      "CR-",
      "-01",
      "CR-1234567",
      "ABCDE-1",
    ]) {
      expect(codeFromPath(segment), segment).toBeNull();
    }
  });
});

describe("control characters", () => {
  it("are found, refused with the field's name, and neutralised for look-ups", () => {
    expect(hasControlCharacters("line one\r\nline two\ttab")).toBe(false);
    for (const c of ["\u0000", "\u0007", "\u001B", "\u007F"]) expect(hasControlCharacters(`a${c}b`)).toBe(true);
    const [check, message] = withoutControlCharacters("Commentary");
    expect(check("a\u0000b")).toBe(false);
    expect(message).toMatch(/^Commentary must not contain hidden control characters/);
    expect(neutraliseControlCharacters("a\u0000b@x")).toBe("a\uFFFDb@x");
  });
});
