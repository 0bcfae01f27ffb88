import { html, type SafeHtml } from "./html";
import type { Widget, WidgetChart } from "./widgets.server";
import { COUNCILS_ATTRIBUTION } from "@/lib/seed/councils";

// A widget as a whole HTML document: no React runtime and no inline script or style attribute, so it weighs a few
// kilobytes and passes our hash-based CSP as it is. Its one script (/embed-frame.js, same origin) only tells a host
// page that loaded /embed-resize.js how tall the widget is. The chart is a table whose bars are drawn on the server
// as SVG: the numbers in the table are the chart's text alternative, readable by everyone.

export const EMBED_STYLESHEET = "/embed.css";
export const EMBED_FRAME_SCRIPT = "/embed-frame.js";
export const EMBED_RESIZE_SCRIPT = "/embed-resize.js";

function chartTable(chart: WidgetChart): SafeHtml {
  const largest = Math.max(1, ...chart.rows.map((r) => r.count));
  return html`<table class="chart">
    <caption>
      ${chart.caption}
    </caption>
    <thead class="visually-hidden">
      <tr>
        <th scope="col">Status</th>
        <td></td>
        <th scope="col">${chart.counted}</th>
      </tr>
    </thead>
    <tbody>
      ${chart.rows.map(
        (row) =>
          html` <tr>
            <th scope="row">${row.label}</th>
            <td class="bar">
              <svg
                aria-hidden="true"
                focusable="false"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                width="100%"
                height="16"
              >
                <rect
                  x="0"
                  y="0"
                  height="10"
                  width="${((row.count / largest) * 100).toFixed(2)}"
                  fill="${row.colour}"
                ></rect>
              </svg>
            </td>
            <td class="num">${row.count}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The widget's document. `origin` is the site's public address: the link back is absolute, to open outside the frame. */
export function renderWidget(widget: Widget, origin: string): string {
  const page = new URL(widget.pagePath, origin).href;
  const council = widget.pagePath.startsWith("/councils/");
  return html`<!DOCTYPE html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta
          name="description"
          content="${[widget.context, widget.heading, ...widget.sentences.slice(0, 1)].join(": ")}"
        />
        <title>${widget.title} - Reform Tracker</title>
        <link rel="canonical" href="${page}" />
        <link rel="stylesheet" href="${EMBED_STYLESHEET}" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <script src="${EMBED_FRAME_SCRIPT}" defer></script>
      </head>
      <body>
        <main class="widget">
          <p class="context">${widget.context}</p>
          <h1>${widget.heading}</h1>
          ${widget.tags.length > 0 && html`<p class="tags">${widget.tags.map((t) => html`<strong class="tag tag-${t.colour}">${t.label}</strong> `)}</p>`}
          ${widget.chart && chartTable(widget.chart)} ${widget.sentences.map((s) => html`<p>${s}</p>`)}
          ${
            widget.facts.length > 0 &&
            html`<dl class="facts">
              ${widget.facts.map(
                (f) =>
                  html`<div>
                    <dt>${f.key}</dt>
                    <dd>${f.value}</dd>
                  </div>`,
              )}
            </dl>`
          }
          ${
            widget.list &&
            html`<h2>${widget.list.heading}</h2>
              <ul>
                ${widget.list.items.map((item) => html`<li>${item}</li>`)}
              </ul>`
          }
          <p class="more">
            <a href="${page}" target="_blank" rel="noopener">See the full page on Reform Tracker (opens in new tab)</a>
          </p>
          <p class="source">
            ${council ? html`${COUNCILS_ATTRIBUTION.text} ` : ""}Reform data: Stable Homes, Built on Love (Department
            for Education), Open Government Licence v3.0.
          </p>
        </main>
      </body>
    </html> `.value;
}

/** The small page a widget address that names nothing answers with (404). */
export function renderMissingWidget(origin: string): string {
  return html`<!DOCTYPE html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Widget not found - Reform Tracker</title>
        <link rel="stylesheet" href="${EMBED_STYLESHEET}" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </head>
      <body>
        <main class="widget">
          <h1>Widget not found</h1>
          <p>
            There is no such widget.
            <a href="${new URL("/", origin).href}" target="_blank" rel="noopener"
              >Go to Reform Tracker (opens in new tab)</a
            >.
          </p>
        </main>
      </body>
    </html> `.value;
}
