import type { Metadata } from "next";
import { Table, td, th } from "@/components/ui/table";
import Link from "next/link";
import { Fragment } from "react";
import { API_ENDPOINTS } from "@/lib/api/openapi";
import { DATASETS } from "@/lib/reform/open-data-fields";
import { DatasetsJsonLd } from "@/components/datasets-json-ld";

export const metadata: Metadata = { title: "Open data" };

// Rendered at run time, not at build time: the datasets' JSON-LD holds absolute addresses from PUBLIC_URL.
export const dynamic = "force-dynamic";

// The lists of the API and their parameters, as the OpenAPI document registers them (lib/api/openapi.ts).
const ENDPOINTS = API_ENDPOINTS.filter((e) => e.csv).map((e) => [e.path, Object.keys(e.query).join(", ")]);

export default function OpenDataPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-4xl font-bold">Open data</h1>
      <DatasetsJsonLd />
      <p>
        Everything in the tracker can be downloaded, free, without signing in, under the{" "}
        <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
          Open Government Licence v3.0
        </a>
        . Add <code>format=csv</code> to any address for a CSV file (see <a href="#csv-files">CSV files</a> below). The
        filters are the same as on the pages, so you can copy a page&apos;s query string. A bad parameter gets a 400
        response that names it and the values allowed.
      </p>
      <p>
        Every address, parameter and field is described in the <Link href="/open-data/api">API reference</Link>, and for
        programs in the OpenAPI 3.1 description at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <Table caption="Open data endpoints" captionVisible>
        <thead>
          <tr>
            <th scope="col" className={th}>
              Address
            </th>
            <th scope="col" className={th}>
              Parameters
            </th>
          </tr>
        </thead>
        <tbody>
          {ENDPOINTS.map(([path, params]) => (
            <tr key={path}>
              <td className={td}>
                <a href={path}>{path}</a>
              </td>
              <td className={td}>{params}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <h2 id="csv-files" className="text-2xl font-bold">
        CSV files
      </h2>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          They are standard CSV (RFC 4180) with a header row: one row for each record, and a text of several paragraphs
          stays in one cell, in quotation marks. Lists inside a cell are separated by &ldquo;; &rdquo;.
        </li>
        <li>
          They are UTF-8 with a byte order mark, so spreadsheets show &pound;, &eacute; and curly quotes correctly.
        </li>
        <li>
          A text cell that starts with <code>=</code>, <code>+</code>, <code>-</code>, <code>@</code>, a tab or a
          carriage return has an apostrophe (<code>&apos;</code>) added in front. A spreadsheet would run such a cell as
          a formula, and a formula can reach out to other websites; with the apostrophe it shows as text. This can
          happen in any text cell, most likely in the response rationales and in the titles and activities of
          milestones, which DfE staff write. Numbers and true/false values are never changed. The JSON answers hold the
          text as written.
        </li>
        <li>
          Invisible characters that change the direction of text (such as a right-to-left override) are not accepted in
          new text; where older text had one, it is shown as &ldquo;&#xFFFD;&rdquo;, in these files as on the pages.
        </li>
      </ul>
      <h2 id="fields" className="text-2xl font-bold">
        Fields
      </h2>
      <p>
        Each dataset&apos;s fields, in the order the JSON answers and the CSV header row give them. The names are the
        same in both. Fields are only ever added, never renamed or removed. In a CSV file a list is one cell, its items
        separated by &ldquo;; &rdquo;, and an empty cell means null. What the statuses, response classes and flags mean:{" "}
        <Link href="/about/statuses">statuses and figures</Link>.
      </p>
      <p>
        The <code>lateness</code> filter (<code>not_yet_assessed</code> or <code>assessed_late</code>) lists the
        milestones overdue in that way, or the recommendations with such a milestone. The <code>overdue</code> field and
        the <code>due=overdue</code> filter are unchanged and include both.
      </p>
      {DATASETS.map((dataset) => (
        <section key={dataset.id} aria-labelledby={dataset.id} className="space-y-2">
          <h3 id={dataset.id} className="text-xl font-bold">
            {dataset.title} (<code>{dataset.path}</code>)
          </h3>
          <Table caption={`Fields of ${dataset.title.toLowerCase()}`}>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Field
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
              {dataset.fields.map((f) => (
                <tr key={f.name}>
                  <td className={td}>
                    <code>
                      {/* A long camelCase name may wrap on a phone, between its words only. */}
                      {f.name.split(/(?=[A-Z])/).map((part, i) => (
                        <Fragment key={i}>
                          {i > 0 && <wbr />}
                          {part}
                        </Fragment>
                      ))}
                    </code>
                  </td>
                  <td className={td}>{f.type}</td>
                  <td className={td}>{f.description}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ))}
      <h2 id="widgets" className="text-2xl font-bold">
        Widgets for your website
      </h2>
      <p>
        A council or charity can show a pillar&apos;s or an outcome&apos;s progress, one milestone, or a council&apos;s
        local progress on its own website. Each of those pages has &ldquo;Embed this on your website&rdquo; with the
        code to copy: a small frame that updates itself when the tracker does and links back here. Sites that use oEmbed
        can ask <code>/oembed?url=</code> with the address of the page.
      </p>
    </div>
  );
}
