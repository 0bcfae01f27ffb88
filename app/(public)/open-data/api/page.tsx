import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { Table, td, th } from "@/components/ui/table";
import { openApiDocument } from "@/lib/api/openapi";
import { fieldsOf, type JsonSchema, type ReferenceField, refName, valueInWords } from "@/lib/api/reference";
import { publicOrigin } from "@/lib/http/site";

// The API reference, drawn on the server from the OpenAPI document itself (decision 0016): no script, and nothing
// here is written by hand but the headings.

export const metadata: Metadata = { title: "API reference" };
// The document names the site's public address (PUBLIC_URL), known when the server starts, not at build time.
export const dynamic = "force-dynamic";

interface Parameter {
  name: string;
  in: "query" | "path";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}
interface Operation {
  operationId: string;
  summary: string;
  description: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

function FieldsTable({ caption, fields }: { caption: string; fields: ReferenceField[] }) {
  return (
    <Table caption={caption} stackOnPhone>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Name
          </th>
          <th scope="col" className={th}>
            Value
          </th>
          <th scope="col" className={th}>
            Meaning
          </th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.name}>
            <th scope="row" className={td} data-label="Name">
              <code>
                {/* A long camelCase name may wrap on a phone, between its words only. */}
                {f.name.split(/(?=[A-Z])/).map((part, i) => (
                  <Fragment key={i}>
                    {i > 0 && <wbr />}
                    {part}
                  </Fragment>
                ))}
              </code>
              {f.required ? null : <span className="block text-base text-govuk-secondary">optional</span>}
            </th>
            <td className={td} data-label="Value">
              {f.ref ? (
                <>
                  {f.value.replace(f.ref, "")} <a href={`#schema-${f.ref}`}>{f.ref}</a>
                </>
              ) : (
                f.value
              )}
            </td>
            <td className={td} data-label="Meaning">
              {f.description}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export default function ApiReferencePage() {
  const document = openApiDocument(publicOrigin());
  const operations = Object.entries(document.paths ?? {}).map(([path, item]) => ({
    path,
    operation: (item as { get: Operation }).get,
  }));
  const schemas = Object.entries((document.components?.schemas ?? {}) as Record<string, JsonSchema>);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-4xl font-bold">API reference</h1>
      <p>{document.info.description}</p>
      <p>
        Every address answers <code>GET</code> from <code>{document.servers?.[0]?.url}</code>. This page is drawn from
        the machine-readable description, <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI{" "}
        {document.openapi}), which code generators and API tools can read. The datasets and their licences are on{" "}
        <Link href="/open-data">open data</Link>.
      </p>
      <nav aria-labelledby="contents">
        <h2 id="contents" className="text-2xl font-bold">
          Addresses
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {operations.map(({ path, operation }) => (
            <li key={path}>
              <a href={`#${operation.operationId}`}>
                <code className="break-all">{path}</code>
              </a>
              : {operation.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, operation }) => {
        const parameters = operation.parameters ?? [];
        return (
          <section key={path} aria-labelledby={operation.operationId} className="space-y-3">
            <h2 id={operation.operationId} className="text-2xl font-bold">
              {operation.summary}
              <code className="mt-1 block text-xl font-normal break-all">GET {path}</code>
            </h2>
            <p>{operation.description}</p>
            {parameters.length ? (
              <FieldsTable
                caption={`Parameters of ${path}`}
                fields={parameters.map((p) => ({
                  name: p.in === "path" ? `{${p.name}}` : p.name,
                  required: p.required ?? false,
                  value: valueInWords(p.schema),
                  description: p.description ?? "",
                }))}
              />
            ) : (
              <p>It takes no query parameters.</p>
            )}
            <h3 className="text-xl font-bold">Answers</h3>
            <dl className="border-t border-govuk-border">
              {Object.entries(operation.responses).map(([status, response]) => (
                <div
                  key={status}
                  className="grid gap-1 border-b border-govuk-border py-3 sm:grid-cols-[8rem_1fr] sm:gap-4"
                >
                  <dt className="font-bold">{status}</dt>
                  <dd className="space-y-1">
                    <p>{response.description}</p>
                    {Object.entries(response.content ?? {}).map(([type, { schema }]) => (
                      <p key={type} className="text-base">
                        <code>{type}</code>:{" "}
                        {schema.$ref ? (
                          <a href={`#schema-${refName(schema.$ref)}`}>{refName(schema.$ref)}</a>
                        ) : schema.properties ? (
                          "an object with the fields below"
                        ) : (
                          valueInWords(schema)
                        )}
                      </p>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
            {(() => {
              const body = operation.responses["200"]?.content?.["application/json"]?.schema;
              return body?.properties ? (
                <FieldsTable caption={`Fields of the JSON answer of ${path}`} fields={fieldsOf(body)} />
              ) : null;
            })()}
          </section>
        );
      })}
      <h2 id="schemas" className="text-2xl font-bold">
        Records
      </h2>
      <p>The records the answers hold, and the error bodies.</p>
      {schemas.map(([name, schema]) => (
        <section key={name} aria-labelledby={`schema-${name}`} className="space-y-2">
          <h3 id={`schema-${name}`} className="text-xl font-bold">
            {name}
          </h3>
          {schema.description ? <p>{schema.description}</p> : null}
          <FieldsTable caption={`Fields of ${name}`} fields={fieldsOf(schema)} />
        </section>
      ))}
    </div>
  );
}
