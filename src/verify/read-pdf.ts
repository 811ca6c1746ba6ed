// Text of a PDF as pdf.js reads it: the page content without running headers, footers
// and other artifacts; and the alternative texts of its figures.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await open(bytes);
  const parts: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: true });
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
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return parts.join(' ');
}

export async function pdfFigureTexts(bytes: Uint8Array): Promise<string> {
  const document = await open(bytes);
  const alts: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const tree = await (await document.getPage(number)).getStructTree();
      const stack: { alt?: string; children?: unknown[] }[] = tree ? [tree as never] : [];
      while (stack.length > 0) {
        const node = stack.pop() as { alt?: string; children?: unknown[] };
        if (node.alt) alts.push(node.alt);
        stack.push(...((node.children ?? []) as (typeof node)[]).reverse());
      }
    }
  } finally {
    await document.destroy();
  }
  return alts.join(' ');
}
