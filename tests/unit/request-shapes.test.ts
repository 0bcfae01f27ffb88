import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyProblem, REACT_ARRAY_SIZE_LIMIT } from "@/lib/http/action-body.server";
import { codeFromPath } from "@/lib/reform/codes";
import { milestoneUpdateSchema } from "@/lib/validations/milestone-update";
import { newMilestoneSchema, reclassifySchema } from "@/lib/validations/staff-edits";
import {
  hasControlCharacters,
  hasDirectionControls,
  neutraliseControlCharacters,
  neutraliseDirectionControls,
  withDirectionControlsNeutralised,
  withoutControlCharacters,
} from "@/lib/validations/text";
import { nameSchema } from "@/lib/validations/users";

function multipartBody(parts: Array<[string, string]>, boundary = "b0undary") {
  return (
    parts
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${boundary}--\r\n`
  );
}

function actionRequest(parts: Array<[string, string]>, boundary = "b0undary", extra: Record<string, string> = {}) {
  return new Request("http://tracker.example/staff/password", {
    method: "POST",
    headers: { "next-action": "abc", "content-type": `multipart/form-data; boundary=${boundary}`, ...extra },
    body: multipartBody(parts, boundary),
  });
}

/** A Server Action called with arguments React could send without a FormData: the body is the JSON list itself. */
function textAction(body: string, type = "text/plain;charset=UTF-8") {
  return new Request("http://tracker.example/staff/password", {
    method: "POST",
    headers: { "next-action": "abc", "content-type": type },
    body,
  });
}

/** A form posted without JavaScript: no Next-Action header, the action named in the fields. */
function formPost(parts: Array<[string, string]>, boundary = "----formBoundary") {
  return new Request("http://tracker.example/staff/password", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body: multipartBody(parts, boundary),
  });
}

const refusal = async (request: Request) => (await actionBodyProblem(request))?.reason ?? null;

describe("actionBodyProblem", () => {
  // The limits at the edges were checked against React's own decodeReply (react-server-dom-webpack, Next.js 16.4).
  it("refuses argument lists over React's array limit, and lets through those at it", async () => {
    const tooLarge = "arguments too large for React's decoder";
    const args = (...values: unknown[]) => textAction(JSON.stringify(values));
    const x = (n: number) => "x".repeat(n);
    // An array of two counts 3 slots; a reference counts none; a string its length.
    expect(await refusal(args("$undefined", x(REACT_ARRAY_SIZE_LIMIT - 3)))).toBeNull();
    expect(await refusal(args("$undefined", x(REACT_ARRAY_SIZE_LIMIT - 2)))).toBe(tooLarge);
    expect(await refusal(args(`$$${x(REACT_ARRAY_SIZE_LIMIT - 4)}`, "$K1"))).toBeNull();
    expect(await refusal(args(`$$${x(REACT_ARRAY_SIZE_LIMIT - 3)}`, "$K1"))).toBe(tooLarge);
    expect(await refusal(actionRequest([["0", JSON.stringify(["$undefined", "M-01,".repeat(210_000)])]]))).toBe(
      tooLarge,
    );
    // No array of two or more elements: React never refuses.
    expect(await refusal(args(x(REACT_ARRAY_SIZE_LIMIT + 10)))).toBeNull();
    // Arrays under an object start a count of their own; nested arrays share their parent's.
    const half = x(REACT_ARRAY_SIZE_LIMIT / 2);
    expect(await refusal(args({ a: ["a", half, half.slice(10)] }, { b: ["b", half, half.slice(10)] }))).toBeNull();
    expect(await refusal(args([half], [half]))).toBe(tooLarge);
  });

  it("lets through what React sends for our forms", async () => {
    expect(
      await refusal(
        actionRequest([
          ["0", '[{"status":"idle","errors":[],"values":{"a":"$$5"}},"$K1"]'],
          ["_1_code", "M-01"],
        ]),
      ),
    ).toBeNull();
    expect(
      await refusal(actionRequest([["0", '["$undefined","$K1","$D2024-01-01T00:00:00.000Z","$n12","$-0","$NaN"]']])),
    ).toBeNull();
    expect(await refusal(textAction('[{"status":"idle"},"$undefined"]'))).toBeNull();
    // Without JavaScript, as React renders our useActionState forms (the previous state bound as chunk 1).
    expect(
      await refusal(
        formPost([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", '{"id":"606b32446578e0b88fe4fe87e0edbedcf40fcccd29","bound":"$@1"}'],
          ["$ACTION_1:1", '[{"status":"idle","errors":[]}]'],
          ["$ACTION_KEY", "k12e7b675b4038bf7687d0074bca7fa67"],
          ["currentPassword", "x"],
        ]),
      ),
    ).toBeNull();
  });

  it("ignores requests that are not Server Action posts", async () => {
    expect(
      await refusal(new Request("http://tracker.example/", { method: "GET", headers: { "next-action": "abc" } })),
    ).toBeNull();
    expect(
      await refusal(
        new Request("http://tracker.example/", {
          method: "POST",
          body: "a=1",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      ),
    ).toBeNull();
    // Next.js refuses an urlencoded Server Action unread (404).
    expect(await refusal(textAction("a=1", "application/x-www-form-urlencoded"))).toBeNull();
  });

  it("refuses bodies Next.js could not decode, and references our forms never send", async () => {
    expect(await refusal(actionRequest([["_1_\u0000", "x"]]))).toMatch(/multipart/);
    expect(await refusal(actionRequest([["0", "not json"]]))).toMatch(/not JSON/);
    expect(await refusal(actionRequest([["0", '{"a":1}']]))).toMatch(/not a list/);
    for (const reference of ["$@1", "$Q1", "$W1", "$T", "$h1", "$F1", "$1", "$B1", "$R1", "$Kx"]) {
      expect(await refusal(actionRequest([["0", JSON.stringify([{ deep: [reference] }, "$K1"])]])), reference).toMatch(
        /references/,
      );
    }
    // No argument list at all, or two: React's decoder waits for a chunk that never comes ("Connection closed").
    expect(await refusal(actionRequest([["x", "1"]]))).toMatch(/one argument list/);
    expect(await refusal(actionRequest([]))).toMatch(/one argument list/);
    expect(
      await refusal(
        actionRequest([
          ["0", "[]"],
          ["0", "[]"],
        ]),
      ),
    ).toMatch(/one argument list/);
    const noBoundary = new Request("http://tracker.example/", {
      method: "POST",
      headers: { "next-action": "abc", "content-type": "multipart/form-data" },
      body: "x",
    });
    expect(await refusal(noBoundary)).toMatch(/content-type/);
  });

  it("checks a text/plain Server Action body as the argument list it is", async () => {
    for (const body of ['["$F1"]', '["$Q2"]', '["$h1"]', '[{"a":"$@3"}]'])
      expect(await refusal(textAction(body)), body).toMatch(/references/);
    expect(await refusal(textAction("not json"))).toMatch(/not JSON/);
    expect(await refusal(textAction(""))).toMatch(/not JSON/);
    expect(await refusal(textAction('{"0":1}', "application/json"))).toMatch(/not a list/);
    // Next.js reads the content type case by case: this is not multipart to it, so the body is taken as the list.
    expect(
      await refusal(actionRequest([["0", "[]"]], "b", { "content-type": "Multipart/form-data; boundary=b" })),
    ).toMatch(/not JSON/);
  });

  it("checks a form posted without JavaScript as Next.js and React read it", async () => {
    // Next.js parses these with the platform's FormData parser, which fails where busboy would not.
    expect(await refusal(formPost([["x", "ab"]], "b"))).toMatch(/multipart/);
    const noBoundary = new Request("http://tracker.example/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data" },
      body: "a=1",
    });
    expect(await refusal(noBoundary)).toMatch(/multipart/);
    const ref = (descriptor: string, bound?: string) =>
      formPost([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", descriptor],
        ...(bound === undefined ? [] : ([["$ACTION_1:1", bound]] as Array<[string, string]>)),
      ]);
    expect(await refusal(ref("not json"))).toMatch(/not JSON/);
    expect(await refusal(ref('{"id":"abc","bound":"$@1"}'))).toMatch(/missing/);
    expect(await refusal(ref('{"id":"abc","bound":"$@1"}', '["$Q2"]'))).toMatch(/references/);
    expect(await refusal(ref('{"id":"abc","bound":"$Q1"}', "[]"))).toMatch(/never write/);
    expect(await refusal(ref('{"id":"abc","bound":null,"x":"$F1"}'))).toMatch(/never write/);
    expect(await refusal(formPost([["$ACTION_REF_1", ""]]))).toMatch(/descriptor/);
    // An action named by id alone carries no arguments to decode.
    expect(await refusal(formPost([["$ACTION_ID_abc", ""]]))).toBeNull();
  });

  it("refuses a body over Next.js's limit with 413, before reading it or as soon as it passes the limit", async () => {
    const limit = createRequire(import.meta.url)("next/dist/compiled/bytes").parse(
      createRequire(import.meta.url)("../../next.config.js").experimental.serverActions.bodySizeLimit,
    );
    expect(ACTION_BODY_LIMIT_BYTES).toBe(limit);
    const big = "a".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    expect(await actionBodyProblem(textAction(big))).toMatchObject({ status: 413 });
    expect(
      await actionBodyProblem(
        actionRequest([
          ["0", "[]"],
          ["_1_file", big],
        ]),
      ),
    ).toMatchObject({ status: 413 });
    expect(await actionBodyProblem(formPost([["_1_file", big]]))).toMatchObject({ status: 413 });
    // Declared too large: refused unread (this body is tiny).
    const declared = new Request("http://tracker.example/", {
      method: "POST",
      headers: { "next-action": "abc", "content-type": "text/plain", "content-length": String(6 * 1024 * 1024) },
      body: "[]",
    });
    expect(await actionBodyProblem(declared)).toMatchObject({ status: 413 });
    // Sent without a length, in chunks: counted as it comes, and dropped past the limit.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const chunked = new Request("http://tracker.example/", {
      method: "POST",
      headers: { "next-action": "abc", "content-type": "text/plain" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(await actionBodyProblem(chunked)).toMatchObject({ status: 413 });
    expect(pulled * 64 * 1024).toBeLessThan(ACTION_BODY_LIMIT_BYTES + 4 * 64 * 1024);
    // Just under the limit is read and checked.
    expect(await actionBodyProblem(textAction(`[${" ".repeat(ACTION_BODY_LIMIT_BYTES - 2)}]`))).toBeNull();
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

describe("invisible direction controls", () => {
  // U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: the controls of the Unicode bidirectional algorithm.
  const CONTROLS = [
    "\u061C",
    "\u200E",
    "\u200F",
    "\u202A",
    "\u202B",
    "\u202C",
    "\u202D",
    "\u202E",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
  ];

  it("are refused in every free text, with a message naming the field", () => {
    const update = {
      code: "M-01",
      version: 1,
      status: "on_track",
      forecastDate: "",
      actualDate: "",
      commentary: "Progress is good",
      evidence: [{ title: "Annual report", url: "https://www.gov.uk/report" }],
      reason: "",
    };
    const reclassify = {
      code: "CR-01",
      version: 1,
      responseClass: "accepted",
      rationale: "The response says we will",
      reason: "The response was misread at first",
    };
    const addition = {
      group: "laying_the_groundwork",
      activity: "Family help",
      title: "Publish guidance",
      dueDate: "2026-03-31",
      pillars: [1],
      outcomes: [1],
      recommendations: [],
      reason: "New work announced in the delivery plan",
    };
    expect(milestoneUpdateSchema.safeParse(update).success).toBe(true);
    expect(reclassifySchema.safeParse(reclassify).success).toBe(true);
    expect(newMilestoneSchema.safeParse(addition).success).toBe(true);
    const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
      result.success ? [] : result.error!.issues.map((i) => i.message);
    for (const c of CONTROLS) {
      const text = `\u0645\u0631\u062D\u0628\u0627 ${c}gnp.exe`;
      expect(hasDirectionControls(text)).toBe(true);
      const refused: Array<[string, string[]]> = [
        ["Commentary", messages(milestoneUpdateSchema.safeParse({ ...update, commentary: text }))],
        ["The reason", messages(milestoneUpdateSchema.safeParse({ ...update, reason: text }))],
        [
          "Evidence titles",
          messages(milestoneUpdateSchema.safeParse({ ...update, evidence: [{ ...update.evidence[0], title: text }] })),
        ],
        ["The rationale", messages(reclassifySchema.safeParse({ ...reclassify, rationale: text }))],
        ["The reason", messages(reclassifySchema.safeParse({ ...reclassify, reason: text }))],
        ["The activity", messages(newMilestoneSchema.safeParse({ ...addition, activity: text }))],
        ["The milestone", messages(newMilestoneSchema.safeParse({ ...addition, title: text }))],
        ["The reason", messages(newMilestoneSchema.safeParse({ ...addition, reason: text }))],
        ["Full name", messages(nameSchema.safeParse(text))],
      ];
      for (const [field, found] of refused)
        expect(found, `${field} with U+${c.codePointAt(0)!.toString(16)}`).toEqual([
          `${field} must not contain invisible characters that change the direction of text (such as a right-to-left mark): type it again rather than pasting it`,
        ]);
    }
    // Right-to-left writing itself is welcome: only the invisible controls are refused.
    expect(
      milestoneUpdateSchema.safeParse({
        ...update,
        commentary: "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
      }).success,
    ).toBe(true);
  });

  it("are shown neutralised, each replaced by U+FFFD, however deep in the data they are", () => {
    expect(neutraliseDirectionControls(`a${CONTROLS.join("")}b`)).toBe(`a${"\uFFFD".repeat(CONTROLS.length)}b`);
    expect(neutraliseDirectionControls("\u202Egnp.exe")).toBe("\uFFFDgnp.exe");
    const when = new Date("2024-03-31T00:00:00Z");
    const data = {
      code: "M-01",
      count: 3,
      done: false,
      none: null,
      when,
      history: [{ reason: "\u2067late\u2069", evidence: [{ title: "\u202Ereport" }] }],
    };
    const shown = withDirectionControlsNeutralised(data);
    expect(shown).toEqual({
      code: "M-01",
      count: 3,
      done: false,
      none: null,
      when,
      history: [{ reason: "\uFFFDlate\uFFFD", evidence: [{ title: "\uFFFDreport" }] }],
    });
    expect(shown.when).toBe(when);
    expect(data.history[0]!.reason).toBe("\u2067late\u2069");
  });
});
