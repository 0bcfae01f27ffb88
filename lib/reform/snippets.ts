// A search snippet as PostgreSQL's ts_headline writes it, turned into parts that are either plain or a match.
// The database marks matches with two control characters (START, STOP) that stored text cannot hold: free text
// refuses control characters (lib/validations/text.ts) and the search strips them from the text before marking.
// ts_headline drops what looks like an HTML tag ("<b>") from a passage, so "<" is sent in as a third control
// character (LESS_THAN) and turned back here: the snippet keeps the stored words exactly.
// Pages render the parts as text inside <mark>, so a stored "<script>" stays words on the screen; nothing is parsed
// as HTML.

export const MATCH_START = "\u0001";
export const MATCH_STOP = "\u0002";
export const LESS_THAN = "\u0003";

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function toSnippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
    text = "";
  };
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_STOP) {
      flush();
      match = char === MATCH_START;
    } else text += char === LESS_THAN ? "<" : char;
  }
  flush();
  return parts;
}

export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => p.text).join("");
}
