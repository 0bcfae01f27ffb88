// A tiny HTML writer for the embeddable widgets (app/embed), which are plain documents with no React runtime: every
// value put into the `html` template is escaped unless it is itself the output of `html`, so text from the database
// can only ever leave as text (decision 0012).

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function written(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(written).join("");
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: the template's own markup, with each value escaped (or kept, when it is SafeHtml). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => (out += written(value) + strings[i + 1]!));
  return new SafeHtml(out);
}
