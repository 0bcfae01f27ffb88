import "server-only";
import { FORMAT_ONLY_RULES, type ParameterError, parseWith } from "@/lib/validations/public-filters";
import type { NotFoundBody, ParameterErrorBody } from "@/lib/api/responses";
import type { z } from "@/lib/validations/zod";

// Open data may be read by anyone, from anywhere: allow cross-origin reads. How long it may be cached is the front
// server's to say (decision 0009), as for every public response.
const PUBLIC_HEADERS = {
  "Access-Control-Allow-Origin": "*",
};

/**
 * A JSON answer of the open-data API, of the shape its schema in lib/api/responses.ts gives: the schema the OpenAPI
 * document describes it with (lib/api/openapi.ts), so the two cannot drift apart.
 */
export function jsonResponse<S extends z.ZodType>(_schema: S, body: z.output<S>): Response {
  return Response.json(body, { headers: PUBLIC_HEADERS });
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      ...PUBLIC_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

/** No record has the address's slug or code: open data like the records, so readable from anywhere. */
export function notFound(message: string): Response {
  return Response.json({ error: "Not found", message } satisfies z.output<typeof NotFoundBody>, {
    status: 404,
    headers: PUBLIC_HEADERS,
  });
}

export function badRequest(errors: ParameterError[]): Response {
  return Response.json(
    {
      error: "Bad query parameter",
      message: errors.map((e) => e.message).join(" "),
      errors,
    } satisfies z.output<typeof ParameterErrorBody>,
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}

/** For lists with no filters: only `format` is allowed, by the same rule as the filtered lists'. */
export function parseFormatOnly(
  params: URLSearchParams,
): { ok: true; format: "json" | "csv" } | { ok: false; errors: ParameterError[] } {
  const parsed = parseWith<{ format?: "json" | "csv" }>(FORMAT_ONLY_RULES, params, { strict: true });
  return parsed.ok ? { ok: true, format: parsed.filters.format ?? "json" } : parsed;
}
