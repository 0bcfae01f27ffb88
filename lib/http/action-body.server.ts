import busboy from "next/dist/compiled/busboy";
import { UNREADABLE_FORM_MESSAGE } from "@/lib/staff/action-result";
import { readBodyUpTo } from "./request-body";

// Server Action requests whose body Next.js cannot read. Next.js decodes a Server Action's body before any of our
// code runs, and answers a body it cannot decode, or one over its size limit, with a 500. A browser never sends such
// a body, but a hostile client can; the proxy reads it first, as Next.js would, and answers 400 (or 413).
// Which POSTs Next.js takes for a Server Action, and how it reads each (next/dist/server/app-render/action-handler):
//   - `Next-Action` header, multipart body ("multipart/form-data..." exactly, case and all): busboy, then React's
//     decodeReply on the fields, the arguments being a JSON list in field "0";
//   - `Next-Action` header, any other body but exactly "application/x-www-form-urlencoded" (which it refuses with
//     404 unread): the whole body is that JSON list (React sends text/plain when no argument is a FormData);
//   - no header, multipart body: a form posted without JavaScript, parsed with the platform's Request.formData()
//     (undici, whose parser differs from busboy's), then React's decodeAction: `$ACTION_ID_<id>`, or
//     `$ACTION_REF_<n>` with a JSON descriptor in `$ACTION_<n>:0` whose bound arguments are a JSON list in
//     `$ACTION_<n>:<k>`.
// Every one of them counts towards the limit, which is checked before anything is parsed.

export { UNREADABLE_FORM_MESSAGE };

/** next.config.js `experimental.serverActions.bodySizeLimit` ("4mb"), in bytes; tests/unit/request-shapes.test.ts checks they agree. */
export const ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export const TOO_LARGE_MESSAGE = "The form is too large to send (the limit is 4 MB), so nothing was changed.";

export interface ActionBodyRefusal {
  status: 400 | 413;
  reason: string;
}

type ActionKind = "fetch-multipart" | "fetch-text" | "form";

/** How Next.js would read this request as a Server Action, or null when it would not take it for one. */
function actionKind(request: Request): ActionKind | null {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  const multipart = type.startsWith("multipart/form-data");
  if (request.headers.has("next-action")) {
    if (multipart) return "fetch-multipart";
    return type === "application/x-www-form-urlencoded" ? null : "fetch-text";
  }
  return multipart ? "form" : null;
}

/** Why Next.js could not read this Server Action's body, or null when it can (or it is not a Server Action's). */
export async function actionBodyProblem(request: Request): Promise<ActionBodyRefusal | null> {
  const kind = actionKind(request);
  if (kind === null) return null;
  const read = await readBodyUpTo(request, ACTION_BODY_LIMIT_BYTES);
  if (!read.ok) return { status: 413, reason: `a body over ${ACTION_BODY_LIMIT_BYTES} bytes` };
  const type = request.headers.get("content-type") ?? "";
  const problem =
    kind === "fetch-text"
      ? argumentsProblem(read.body.toString("utf8"))
      : kind === "fetch-multipart"
        ? await multipartProblem(type, read.body)
        : await formProblem(type, read.body);
  return problem === null ? null : { status: 400, reason: problem };
}

/** What is wrong with a Server Action's argument list (JSON), or null. */
function argumentsProblem(text: string): string | null {
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    return "arguments are not JSON";
  }
  if (!Array.isArray(args)) return "arguments are not a list";
  if (!onlyPlainReferences(args)) return "arguments hold references our forms never send";
  if (overReactArrayLimit(args)) return "arguments too large for React's decoder";
  return null;
}

/**
 * React's decoder (decodeReply) throws, which Next.js answers with a 500, when the arrays of one JSON chunk hold more
 * than a million "slots": each array counts its length plus one, and each plain string in an array its length (one
 * less for an escaped "$$"; references such as "$undefined" count nothing); an object starts the count afresh for the arrays below it. It throws only once some array of
 * the count has two or more elements. This is React's rule (bumpArrayCount in react-server-dom-webpack), counted the
 * same way.
 */
export const REACT_ARRAY_SIZE_LIMIT = 1_000_000;

function overReactArrayLimit(root: unknown[]): boolean {
  type Count = { slots: number; fork: boolean };
  const over = (count: Count) => count.slots > REACT_ARRAY_SIZE_LIMIT && count.fork;
  const visit = (value: unknown, count: Count | null): boolean => {
    if (typeof value === "string") {
      // A reference ("$undefined", "$K1"...) is not counted; an escaped "$$" counts without its escape.
      if (count === null || (value.startsWith("$") && !value.startsWith("$$"))) return false;
      count.slots += value.startsWith("$$") ? value.length - 1 : value.length;
      return over(count);
    }
    if (Array.isArray(value)) {
      const own = count ?? { slots: 0, fork: false };
      if (value.length > 1) own.fork = true;
      own.slots += value.length + 1;
      return over(own) || value.some((item) => visit(item, own));
    }
    if (value && typeof value === "object") return Object.values(value).some((item) => visit(item, null));
    return false;
  };
  // The argument list is the chunk's root value, which React counts in the chunk's own context.
  return visit(root, { slots: 0, fork: false });
}

/** A fetch action's multipart body, parsed with the same busboy as Next.js. */
function multipartProblem(type: string, body: Buffer): Promise<string | null> {
  return new Promise((resolve) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        headers: { "content-type": type },
        defParamCharset: "utf8",
        limits: { fieldSize: ACTION_BODY_LIMIT_BYTES },
      });
    } catch (error) {
      resolve(`content-type: ${(error as Error).message}`);
      return;
    }
    let problem: string | null = null;
    let argumentLists = 0;
    parser.on("field", (name: string, value: string) => {
      // React puts the action's arguments, as a JSON array, in field "0".
      if (name !== "0") return;
      argumentLists++;
      problem ??= argumentsProblem(value);
    });
    parser.on("file", (_name: string, stream: NodeJS.ReadableStream) => stream.resume());
    parser.on("error", (error: Error) => resolve(`multipart: ${error.message}`));
    parser.on("close", () => resolve(problem ?? (argumentLists === 1 ? null : "not exactly one argument list")));
    parser.end(body);
  });
}

/** A form posted without JavaScript, parsed as Next.js parses it, with what React's decodeAction reads checked. */
async function formProblem(type: string, body: Buffer): Promise<string | null> {
  let form: FormData;
  try {
    form = await new Request("http://localhost/", {
      method: "POST",
      headers: { "content-type": type },
      body: new Uint8Array(body),
    }).formData();
  } catch (error) {
    return `multipart: ${(error as Error).message}`;
  }
  for (const key of form.keys()) {
    if (!key.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
    const descriptor = form.get(`${prefix}0`);
    if (typeof descriptor !== "string") return "an action reference without its descriptor";
    let parsed: unknown;
    try {
      parsed = JSON.parse(descriptor);
    } catch {
      return "an action descriptor that is not JSON";
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      return "an action descriptor that is not an object";
    const { id, bound, ...rest } = parsed as Record<string, unknown>;
    if (typeof id !== "string" || !onlyPlainReferences(rest)) return "an action descriptor our pages never write";
    if (bound === null || bound === undefined) continue;
    // The bound arguments (a form's previous state, for useActionState) are a chunk of their own: "$@<k>", k in hex,
    // read from the field named with k in decimal.
    const chunk = typeof bound === "string" ? /^\$@([0-9a-f]{1,6})$/.exec(bound)?.[1] : undefined;
    if (chunk === undefined) return "bound arguments our pages never write";
    const args = form.get(`${prefix}${parseInt(chunk, 16)}`);
    if (typeof args !== "string") return "bound arguments that are missing";
    const problem = argumentsProblem(args);
    if (problem) return `bound ${problem}`;
  }
  return null;
}

// React encodes a Server Action's arguments as JSON in which a string starting with "$" is a reference: to the form's
// data ("$K1"), or to promises, maps, sets, streams, other server functions and so on. Our actions take a form's
// previous state (plain data) and its FormData, so only these can be genuine: an escaped "$" ("$$..."), undefined,
// the special numbers, a date, a bigint and FormData. Anything else never comes from our pages, and some of it makes
// React's decoder fail (a 500) or reach further than a form should.
const PLAIN_REFERENCE = /^\$(\$|undefined$|NaN$|-?Infinity$|-0$|K\d{1,6}$|D[\d\-:.TZ+]{0,40}$|n-?\d{1,40}$)/;

function onlyPlainReferences(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every((v) => onlyPlainReferences(v, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((v) => onlyPlainReferences(v, depth + 1));
  return true;
}
