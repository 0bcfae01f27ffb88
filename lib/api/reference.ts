// The API reference page (/open-data/api) reads the OpenAPI document (lib/api/openapi.ts) through these helpers:
// what it shows is what /api/v1/openapi.json says, in words. Decision 0016 says why we render it ourselves.

/** The part of JSON Schema 2020-12 the document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
}

export interface ReferenceField {
  name: string;
  required: boolean;
  /** The value in words, for example "one of: json, csv" or "list of Milestone". */
  value: string;
  /** The component schema the value refers to, to link to. */
  ref?: string;
  description: string;
}

const SAFE_INTEGER = 9_007_199_254_740_991;
const FORMATS: Record<string, string> = {
  date: "date (YYYY-MM-DD)",
  "date-time": "date and time (ISO 8601)",
  uri: "address (URL)",
};

export function refName(ref: string): string {
  return ref.replace("#/components/schemas/", "");
}

function range(schema: JsonSchema): string {
  const min = schema.minimum !== undefined && Math.abs(schema.minimum) < SAFE_INTEGER ? schema.minimum : undefined;
  const max = schema.maximum !== undefined && Math.abs(schema.maximum) < SAFE_INTEGER ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` from ${min}`;
  if (max !== undefined) return ` up to ${max}`;
  return "";
}

/** A schema's value in words. */
export function valueInWords(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.anyOf) {
    const parts = schema.anyOf.filter((s) => s.type !== "null").map(valueInWords);
    const nullable = schema.anyOf.some((s) => s.type === "null");
    return [...parts, ...(nullable ? ["null"] : [])].join(" or ");
  }
  // OpenAPI 3.1 writes a nullable value as a list of types: ["string", "null"].
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null");
    const words = types.map((type) => valueInWords({ ...schema, type }));
    return [...words, ...(types.length < schema.type.length ? ["null"] : [])].join(" or ");
  }
  if (schema.const !== undefined) return `always ${JSON.stringify(schema.const)}`;
  if (schema.enum) return `one of: ${schema.enum.join(", ")}`;
  switch (schema.type) {
    case "integer":
      return `whole number${range(schema)}`;
    case "number":
      return `number${range(schema)}`;
    case "boolean":
      return "true or false";
    case "array":
      return `list of ${schema.items ? valueInWords(schema.items) : "values"}`;
    case "object":
      return "object";
    case "string": {
      if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format]!;
      const limits = [
        schema.minLength === 1 ? "not empty" : schema.minLength ? `at least ${schema.minLength} characters` : "",
        schema.maxLength ? `at most ${schema.maxLength} characters` : "",
      ].filter(Boolean);
      return `text${limits.length ? ` (${limits.join(", ")})` : ""}${schema.pattern ? `, matching ${schema.pattern}` : ""}`;
    }
    default:
      return "any value";
  }
}

function firstRef(schema: JsonSchema): string | undefined {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.items) return firstRef(schema.items);
  for (const s of schema.anyOf ?? []) {
    const ref = firstRef(s);
    if (ref) return ref;
  }
  return undefined;
}

/** The fields of an object schema, in order. */
export function fieldsOf(schema: JsonSchema): ReferenceField[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    required: schema.required?.includes(name) ?? false,
    value: valueInWords(property),
    ref: firstRef(property),
    description: property.description ?? "",
  }));
}
