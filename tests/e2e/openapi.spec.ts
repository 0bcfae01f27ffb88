import { readdir } from "node:fs/promises";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { ensureLocalAction } from "./support/local-actions";
import { E2E_PROGRAMME, ensureProgramme } from "./support/programmes";

// The OpenAPI document (/api/v1/openapi.json, lib/api/openapi.ts) against the running production server: it is a
// valid OpenAPI 3.1 document; every route under app/api/v1 is in it; and for every endpoint, requests generated from
// the document's own parameters get answers that match its schemas, and the 400s and 404s it documents happen.

interface Schema {
  $ref?: string;
  type?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}
interface Parameter {
  name: string;
  in: "query" | "path";
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, object> };
}

let document: Document;
/** Sample values of the parameters whose schema cannot list them (free text, slugs), taken from the data. */
let samples: Record<string, string[]>;

test.beforeAll(async ({ request }) => {
  await ensureProgramme();
  // A local action to check /api/v1/local-actions' records against their schema (none is seeded).
  await ensureLocalAction();
  document = await (await request.get("/api/v1/openapi.json")).json();
  const milestones = await (await request.get("/api/v1/milestones?pageSize=500")).json();
  samples = {
    q: ["foster carers", "kinship"],
    activity: [milestones.items[0].activity],
    programme: [E2E_PROGRAMME],
    council: ["york", "E06000014", "thurrock"],
    milestone: ["M-01", "m-01"],
    recommendation: ["CR-01"],
    "/api/v1/councils/{slug}": ["thurrock", "E06000034", "e06000034"],
    "/api/v1/programmes/{slug}": [E2E_PROGRAMME],
  };
});

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new Map<object, ValidateFunction>();
/** A validator of one schema of the document, its `$ref`s resolved against the document's components. */
function validatorOf(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile({ ...schema, components: document.components });
    validators.set(schema, validate);
  }
  return validate;
}

/** Valid values of a parameter, from its schema: every allowed value, the bounds, or samples from the data. */
function validValues(endpoint: string, p: Parameter): string[] {
  const s = p.schema;
  if (s.enum) return s.enum;
  if (s.type === "integer") return [String(s.minimum ?? 1), String(Math.min(s.maximum ?? 3, 3))];
  if (s.format === "date") return p.name === "dueTo" ? ["2025-12-31", "2027-03-31"] : ["2023-02-02", "2024-06-30"];
  const given = samples[p.in === "path" ? endpoint : p.name];
  expect(given, `a sample value for ${endpoint} ${p.name}: add one to the spec`).toBeDefined();
  return given!;
}

/** Values a parameter's schema refuses, each of which the API must answer with 400. */
function invalidValues(p: Parameter): string[] {
  const s = p.schema;
  if (s.enum) return ["not-a-value", s.enum[0]!.toUpperCase() + "x"];
  if (s.type === "integer")
    return [String((s.minimum ?? 1) - 1), ...(s.maximum !== undefined ? [String(s.maximum + 1)] : []), "1.5", "one"];
  if (s.format === "date")
    return ["2024-02-30", "30/06/2024", "2099-01-01"].filter((v) => v !== "2099-01-01" || p.name === "asAt");
  const values: string[] = [];
  if (s.maxLength !== undefined) values.push("x".repeat(s.maxLength + 1));
  if (s.pattern) values.push("Not A Slug!");
  values.push("a\u0007b");
  return values;
}

function operations() {
  return Object.entries(document.paths).map(([route, item]) => ({
    route,
    operation: item.get,
    query: (item.get.parameters ?? []).filter((p) => p.in === "query"),
    pathParameter: (item.get.parameters ?? []).find((p) => p.in === "path"),
  }));
}

/** The addresses of an endpoint: its path parameter filled in with each sample value. */
function addresses(route: string, pathParameter: Parameter | undefined): string[] {
  if (!pathParameter) return [route];
  return validValues(route, pathParameter).map((v) => route.replace(`{${pathParameter.name}}`, encodeURIComponent(v)));
}

async function expectConforms(request: APIRequestContext, operation: Operation, url: string) {
  const response = await request.get(url);
  const body = await response.text();
  expect(response.status(), `${url}: ${body.slice(0, 300)}`).toBe(200);
  const ok = operation.responses["200"]!.content!;
  if (new URL(url, "http://x").searchParams.get("format") === "csv") {
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(ok["text/csv"], `${url}: CSV is documented`).toBeDefined();
    const [header] = parse(body.replace(/^\uFEFF/, ""), { to_line: 1 }) as string[][];
    const documented = (ok["text/csv"]!.schema as { description: string }).description;
    expect(documented, url).toContain(`are, in order: ${header!.join(", ")}.`);
    return;
  }
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const validate = validatorOf(ok["application/json"]!.schema);
  const json = JSON.parse(body);
  expect(validate(json) ? [] : validate.errors, url).toEqual([]);
}

async function expectDocumentedError(request: APIRequestContext, operation: Operation, url: string, status: number) {
  const response = await request.get(url);
  const body = await response.text();
  expect(response.status(), `${url}: ${body.slice(0, 300)}`).toBe(status);
  const documented = operation.responses[String(status)]?.content?.["application/json"]?.schema;
  expect(documented, `${url}: a ${status} is documented`).toBeDefined();
  const validate = validatorOf(documented!);
  expect(validate(JSON.parse(body)) ? [] : validate.errors, url).toEqual([]);
  return JSON.parse(body) as { errors?: Array<{ parameter: string }> };
}

test("the document is valid OpenAPI 3.1, by a maintained validator", async () => {
  expect(document.openapi).toBe("3.1.0");
  const result = await new Validator().validate(structuredClone(document) as never);
  expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
  expect(result.valid).toBe(true);
});

test("every route under app/api/v1 is described, and nothing else", async () => {
  const root = path.join(process.cwd(), "app/api/v1");
  const routes = (await readdir(root, { recursive: true }))
    .filter((f) => f.endsWith("route.ts"))
    .map((f) => `/api/v1/${path.dirname(f)}`.replace(/\[(\w+)\]/g, "{$1}"));
  expect(Object.keys(document.paths).sort()).toEqual(routes.sort());
});

test("generated valid requests get answers that match the documented schemas", async ({ request }) => {
  for (const { route, operation, query, pathParameter } of operations()) {
    for (const address of addresses(route, pathParameter)) {
      const required = query.filter((p) => p.required);
      const base = new URLSearchParams(required.map((p) => [p.name, validValues(route, p)[0]!]));
      const withBase = (extra: Record<string, string>) => {
        const params = new URLSearchParams(base);
        for (const [k, v] of Object.entries(extra)) params.set(k, v);
        const s = params.toString();
        return s ? `${address}?${s}` : address;
      };
      await expectConforms(request, operation, withBase({}));
      // Each parameter alone, with each of its values.
      for (const p of query)
        for (const value of validValues(route, p))
          await expectConforms(request, operation, withBase({ [p.name]: value }));
      // Random combinations of them.
      if (query.length > 1) {
        const combination = fc.record(
          Object.fromEntries(query.map((p) => [p.name, fc.constantFrom(...validValues(route, p))])),
          { requiredKeys: [] },
        );
        await fc.assert(
          fc.asyncProperty(combination, async (extra) => {
            await expectConforms(request, operation, withBase(extra as Record<string, string>));
          }),
          { numRuns: 15, seed: 16 },
        );
      }
    }
  }
});

test("every documented 400 and 404 happens, with the documented error body", async ({ request }) => {
  for (const { route, operation, query, pathParameter } of operations()) {
    expect(operation.responses["400"], `${route} documents its 400`).toBeDefined();
    const [address] = addresses(route, pathParameter);
    const base = Object.fromEntries(query.filter((p) => p.required).map((p) => [p.name, validValues(route, p)[0]!]));
    const url = (extra: Record<string, string>) => `${address}?${new URLSearchParams({ ...base, ...extra })}`;
    // An unknown parameter, on every endpoint.
    const unknown = await expectDocumentedError(request, operation, url({ nope: "1" }), 400);
    expect(unknown.errors?.map((e) => e.parameter)).toContain("nope");
    for (const p of query) {
      for (const value of invalidValues(p)) {
        const body = await expectDocumentedError(request, operation, url({ [p.name]: value }), 400);
        expect(
          body.errors?.map((e) => e.parameter),
          `${route} ${p.name}=${value}`,
        ).toContain(p.name);
      }
      // Given twice.
      const [first, second] = validValues(route, p);
      const twice = `${url({})}&${p.name}=${encodeURIComponent(first!)}&${p.name}=${encodeURIComponent(second ?? first!)}`;
      if (!p.required) await expectDocumentedError(request, operation, twice, 400);
    }
    for (const p of query.filter((q) => q.required)) {
      const { [p.name]: _left, ...rest } = base;
      const body = await expectDocumentedError(request, operation, `${address}?${new URLSearchParams(rest)}`, 400);
      expect(body.errors?.map((e) => e.parameter)).toContain(p.name);
    }
    if (operation.responses["404"]) {
      expect(pathParameter, `${route}: a 404 needs a path parameter`).toBeDefined();
      await expectDocumentedError(request, operation, route.replace(`{${pathParameter!.name}}`, "no-such-record"), 404);
    }
  }
});

// Issue 16, item 5: the JSON API, the CSVs and the document itself are answered from the front server's store
// (decision 0009), with a validator and 304 for a reader who has the answer already; cross-origin reads stay open
// for public data only, as before: errors about a request are not data.
test.describe("validators and cross-origin reads", () => {
  const ADDRESSES = [
    "/api/v1/recommendations?review=CMA",
    "/api/v1/milestones?format=csv",
    "/api/v1/pillars?format=csv",
    "/api/v1/councils/thurrock",
    "/api/v1/search?q=kinship",
    "/api/v1/openapi.json",
  ];

  for (const address of ADDRESSES) {
    test(`${address} carries an ETag and answers If-None-Match with 304`, async ({ request }) => {
      const first = await request.get(address);
      expect(first.status()).toBe(200);
      const etag = first.headers()["etag"];
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers()["access-control-allow-origin"]).toBe("*");
      expect(first.headers()["cache-control"]).toMatch(/^public, /);
      const body = await first.body();

      const unchanged = await request.get(address, { headers: { "If-None-Match": etag! } });
      expect(unchanged.status()).toBe(304);
      expect((await unchanged.body()).length).toBe(0);
      expect(unchanged.headers()["etag"]).toBe(etag);
      expect(unchanged.headers()["access-control-allow-origin"]).toBe("*");

      // Another validator, or one of several that does not match: the whole answer, the same bytes.
      const other = await request.get(address, { headers: { "If-None-Match": 'W/"something-else", "x"' } });
      expect(other.status()).toBe(200);
      expect(await other.body()).toEqual(body);
      // Compressed or not, one validator: a reader's cache may hold either.
      const gzip = await request.get(address, {
        headers: { "Accept-Encoding": "gzip", "If-None-Match": etag! },
      });
      expect(gzip.status()).toBe(304);
    });
  }

  test("a bad request is never 304, never stored, and not opened to other sites", async ({ request }) => {
    const bad = await request.get("/api/v1/milestones?status=nope");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["cache-control"]).toBe("no-store");
    expect(bad.headers()["access-control-allow-origin"]).toBeUndefined();
    const again = await request.get("/api/v1/milestones?status=nope", {
      headers: { "If-None-Match": bad.headers()["etag"] ?? "*" },
    });
    expect(again.status()).toBe(400);
  });

  test("staff addresses are not opened to other sites", async ({ request }) => {
    for (const address of ["/api/staff/session", "/api/staff/milestones/export"]) {
      const response = await request.get(address, { maxRedirects: 0 });
      expect(response.headers()["access-control-allow-origin"], address).toBeUndefined();
      expect(response.headers()["cache-control"], address).toMatch(/no-store/);
    }
  });

  test("the API is read-only: writes are refused, without a cross-origin opening", async ({ request }) => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await request.fetch("/api/v1/openapi.json", { method, data: "x", maxRedirects: 0 });
      expect(response.status(), method).toBeGreaterThanOrEqual(400);
      expect(response.status(), method).toBeLessThan(500);
      expect(response.headers()["access-control-allow-origin"], method).toBeUndefined();
    }
  });
});
