import busboy from "next/dist/compiled/busboy";
import { UNREADABLE_FORM_MESSAGE } from "@/lib/staff/action-result";

// Server Action requests whose body Next.js cannot read. Next.js parses a Server Action's multipart body with busboy
// and React's decodeReply before any of our code runs, and answers a body it cannot parse with a 500. A browser never
// sends such a body, but a hostile client can; the proxy checks it first, with the same parser, and answers 400.

export { UNREADABLE_FORM_MESSAGE };

const MAX_CHECKED_BYTES = 5 * 1024 * 1024; // beyond this Next.js refuses the body itself (serverActions.bodySizeLimit)

/** Why a Server Action request's body cannot be read, or null when it can (or is not a Server Action's). */
export async function unreadableActionBody(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  if (!/^multipart\/form-data/i.test(type)) return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_CHECKED_BYTES) return null;
  const body = Buffer.from(await request.clone().arrayBuffer());
  return new Promise((resolve) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: { "content-type": type }, defParamCharset: "utf8" });
    } catch (error) {
      resolve(`content-type: ${(error as Error).message}`);
      return;
    }
    let problem: string | null = null;
    parser.on("field", (name: string, value: string) => {
      // React puts the action's arguments, as a JSON array, in field "0".
      if (name !== "0" || problem) return;
      let args: unknown;
      try {
        args = JSON.parse(value);
      } catch {
        problem = "arguments are not JSON";
        return;
      }
      if (!Array.isArray(args)) problem = "arguments are not a list";
      else if (!onlyPlainReferences(args)) problem = "arguments hold references our forms never send";
    });
    parser.on("file", (_name: string, stream: NodeJS.ReadableStream) => stream.resume());
    parser.on("error", (error: Error) => resolve(`multipart: ${error.message}`));
    parser.on("close", () => resolve(problem));
    parser.end(body);
  });
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
