import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// Reading the briefing pack's files the way a reader's software does: the PDF's text and the position of every piece
// of text (pdf.js), and the Word document's text (its word/document.xml, unzipped). Shared by the integration tests
// and the end-to-end tests.

export interface PdfTextBox {
  page: number;
  text: string;
  left: number;
  bottom: number;
  right: number;
  top: number;
}

export interface PdfContents {
  pages: string[];
  boxes: PdfTextBox[];
  pageSize: { width: number; height: number };
  outline: string[];
  info: Record<string, unknown>;
}

export async function readPdf(pdf: Uint8Array): Promise<PdfContents> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl: `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`,
  }).promise;
  const pages: string[] = [];
  const boxes: PdfTextBox[] = [];
  let pageSize = { width: 0, height: 0 };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    pageSize = { width, height };
    const content = await page.getTextContent();
    let text = "";
    for (const item of content.items) {
      if (!("str" in item)) continue;
      text += item.str + (item.hasEOL ? "\n" : "");
      if (item.str.trim() === "") continue;
      const [, , , , x, y] = item.transform as number[];
      // The glyphs' box: from the baseline up to the font's height, less a little for the line's descent below it.
      boxes.push({
        page: n,
        text: item.str,
        left: x!,
        right: x! + item.width,
        bottom: y!,
        top: y! + item.height * 0.75,
      });
    }
    pages.push(text);
  }
  const outline = ((await doc.getOutline()) ?? []).flatMap(function titles(entry): string[] {
    return [entry.title, ...(entry.items ?? []).flatMap(titles)];
  });
  const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
  return { pages, boxes, pageSize, outline, info };
}

/** The text of a PDF or Word document with its lines joined, as a reader would read it aloud. */
export const flat = (text: string) => text.replace(/\s+/g, " ");

/** Pairs of text boxes on the same page that overlap by more than `tolerance` points both ways. */
export function overlappingBoxes(boxes: PdfTextBox[], tolerance = 0.5): Array<[PdfTextBox, PdfTextBox]> {
  const found: Array<[PdfTextBox, PdfTextBox]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.page !== b.page) continue;
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
      if (across > tolerance && down > tolerance) found.push([a, b]);
    }
  }
  return found;
}

/** A Word document's parts (word/document.xml, word/footer1.xml, docProps/core.xml...) as text. */
export function docxPart(docx: Uint8Array, part: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "briefing-docx-"));
  const file = path.join(folder, "briefing.docx");
  writeFileSync(file, docx);
  try {
    return execFileSync("unzip", ["-p", file, part], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Pages of a PDF drawn as PNG pictures by poppler's pdftoppm (Debian's poppler-utils), at 100 dots per inch. */
export function pdfPagesAsPng(pdf: Uint8Array, pages: number[], folder: string): string[] {
  const file = path.join(folder, "briefing.pdf");
  writeFileSync(file, pdf);
  return pages.map((n) => {
    const prefix = path.join(folder, `page-${n}`);
    execFileSync("pdftoppm", ["-png", "-r", "100", "-singlefile", "-f", String(n), "-l", String(n), file, prefix]);
    return `${prefix}.png`;
  });
}

/** The words of a Word document part: each paragraph on its own line, tags removed, entities decoded. */
export function docxText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Text a committee should never see: a stored code, or a date as the database writes it (outside a web address). */
export function codesAndIsoDates(text: string): string[] {
  const prose = text.replace(/https?:\/\/\S+/g, "");
  return [
    ...(prose.match(
      /\b(not_yet_assessed|not_started|on_track|at_risk|accepted_in_principle|not_accepted|at_risk_or_delayed|brought_forward|superseded_or_cancelled)\b/g,
    ) ?? []),
    ...(prose.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []),
  ];
}
