import { describe, expect, it } from "vitest";
import { API_ENDPOINTS, openApiDocument } from "@/lib/api/openapi";
import { fieldsOf, type JsonSchema, valueInWords } from "@/lib/api/reference";
import { DATASETS } from "@/lib/reform/open-data-fields";

// The OpenAPI document as the reference page (/open-data/api) shows it: every parameter and every field of every
// answer is described, and every value can be said in words. tests/e2e/openapi.spec.ts checks the document against
// the running API.

const document = openApiDocument("https://tracker.example");
const schemas = document.components!.schemas as Record<string, JsonSchema>;

interface Parameter {
  name: string;
  description?: string;
  schema: JsonSchema;
}

describe("the OpenAPI document", () => {
  it("names the site's public address as its one server", () => {
    expect(document.servers).toEqual([{ url: "https://tracker.example" }]);
  });

  it("describes every parameter of every endpoint, in words the reference page can say", () => {
    for (const [path, item] of Object.entries(document.paths!)) {
      const parameters = ((item as { get: { parameters?: Parameter[] } }).get.parameters ?? []) as Parameter[];
      for (const p of parameters) {
        expect(p.description, `${path} ${p.name}`).toMatch(/\w{3}/);
        expect(valueInWords(p.schema), `${path} ${p.name}`).not.toBe("any value");
      }
    }
  });

  it("describes every field of every record and answer", () => {
    for (const [name, schema] of Object.entries(schemas)) {
      for (const field of fieldsOf(schema)) {
        expect(field.description, `${name}.${field.name}`).toMatch(/\w{3}/);
        expect(field.value, `${name}.${field.name}`).not.toBe("any value");
      }
    }
  });

  it("gives each dataset's fields the descriptions /open-data prints, in the same order", () => {
    const ids: Record<string, string> = {
      recommendations: "Recommendation",
      milestones: "Milestone",
      pillars: "Pillar",
      outcomes: "Outcome",
      councils: "Council",
      programmes: "Programme",
      "local-actions": "LocalAction",
    };
    for (const dataset of DATASETS) {
      expect(ids[dataset.id], `the schema id of ${dataset.id}: add it above`).toBeDefined();
      const fields = fieldsOf(schemas[ids[dataset.id]!]!);
      expect(
        fields.map((f) => [f.name, f.description]),
        dataset.id,
      ).toEqual(dataset.fields.map((f) => [f.name, f.description]));
      expect(API_ENDPOINTS.find((e) => e.path === dataset.path)?.csv, dataset.id).toEqual(
        dataset.fields.map((f) => f.name),
      );
    }
  });

  it("says a nullable value, a list and a range in words", () => {
    expect(valueInWords({ type: ["string", "null"], format: "date" })).toBe("date (YYYY-MM-DD) or null");
    expect(valueInWords({ type: "array", items: { $ref: "#/components/schemas/Milestone" } })).toBe(
      "list of Milestone",
    );
    expect(valueInWords({ type: "integer", minimum: 1, maximum: 6 })).toBe("whole number from 1 to 6");
    expect(valueInWords({ type: "integer", minimum: 0, maximum: 9_007_199_254_740_991 })).toBe("whole number from 0");
  });
});
