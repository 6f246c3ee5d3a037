// Test helper: the text of a PDF as a reader's PDF software extracts it (pdf.js, legacy Node build).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Extracted text and metadata of a PDF. No-break spaces come back as plain spaces. */
export interface ExtractedPdf {
  readonly pages: string[];
  readonly text: string;
  readonly info: Record<string, unknown>;
}

/** Extracts every page's text; items on one line are joined with a space. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : ' ');
    }
    pages.push(text.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' '));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, text: pages.join('\n'), info: info as Record<string, unknown> };
}

/** Collapses all whitespace (line breaks of wrapped paragraphs included) to single spaces. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
