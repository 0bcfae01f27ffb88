import "server-only";
import type { ParameterError } from "@/lib/validations/public-filters";

// Open data may be read by anyone, from anywhere: allow cross-origin reads. How long it may be cached is the front
// server's to say (decision 0009), as for every public response.
const PUBLIC_HEADERS = {
  "Access-Control-Allow-Origin": "*",
};

export function jsonResponse(body: unknown): Response {
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

export function badRequest(errors: ParameterError[]): Response {
  return Response.json(
    { error: "Bad query parameter", message: errors.map((e) => e.message).join(" "), errors },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}

/** For lists with no filters: only `format` is allowed. */
export function parseFormatOnly(
  params: URLSearchParams,
): { ok: true; format: "json" | "csv" } | { ok: false; errors: ParameterError[] } {
  const errors: ParameterError[] = [];
  for (const key of new Set(params.keys())) {
    if (key !== "format")
      errors.push({ parameter: key, message: `Unknown parameter "${key}". Allowed parameters: format.` });
  }
  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "csv")
    errors.push({ parameter: "format", message: `"format" must be one of: json, csv.` });
  return errors.length ? { ok: false, errors } : { ok: true, format: format as "json" | "csv" };
}
