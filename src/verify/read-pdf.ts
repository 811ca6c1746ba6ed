// Text of a PDF as pdf.js reads it: the page content without running headers, footers
// and other artifacts; and, when asked, the alternative texts of its figures.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

export interface PdfReading {
  /** Also read the figures' alternative texts (the picture sheet's words are there). */
  figures?: boolean;
}

export async function pdfText(bytes: Uint8Array, { figures = false }: PdfReading = {}): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document: PDFDocumentProxy = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  const parts: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      parts.push(...(await pageText(page)));
      if (figures) parts.push(...(await figureTexts(page)));
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return parts.join(' ');
}

async function pageText(page: PDFPageProxy): Promise<string[]> {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const parts: string[] = [];
  const open: string[] = [];
  for (const item of content.items) {
    if ('str' in item) {
      if (!open.includes('Artifact')) parts.push(item.str);
    } else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
      // pdf.js gives the tag (e.g. `Artifact`) although its types do not name it.
      open.push((item as { tag?: string | null }).tag ?? '');
    } else if (item.type === 'endMarkedContent') {
      open.pop();
    }
  }
  return parts;
}

async function figureTexts(page: PDFPageProxy): Promise<string[]> {
  const tree = await page.getStructTree();
  const alts: string[] = [];
  const stack: { alt?: string; children?: unknown[] }[] = tree ? [tree as never] : [];
  while (stack.length > 0) {
    const node = stack.pop() as { alt?: string; children?: unknown[] };
    if (node.alt) alts.push(node.alt);
    stack.push(...((node.children ?? []) as (typeof node)[]).reverse());
  }
  return alts;
}
