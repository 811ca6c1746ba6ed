// Sheet → tagged PDF (pdfkit): every picture is a Figure whose alt text is the item's
// full text, headings are H1–H3, paragraphs P, the rest is marked as artifact. Drawings come from
// the same SVG markup (svg-to-pdfkit); text is real text in the bundled font, so it
// can be searched and read aloud.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { PAGE } from './geometry.js';
import type { Part, Piece, Sheet, TextRun } from './layout.js';
import { markupToSvg } from './svg.js';
import { fontRuns } from './text-paths.js';

export interface PdfOptions {
  lang: string;
  title: string;
  subject: string;
  /** Names the drawing sets and their licences. */
  credits: string;
  /** ISO date of the procedure's last review: the PDF's dates, so bytes stay the same. */
  updated: string;
}

const A4 = { width: 595.28, height: 841.89 };
const POINTS_PER_MM = A4.width / PAGE.width;

export function sheetToPdf(sheet: Sheet, options: PdfOptions): Promise<Uint8Array> {
  const date = new Date(`${options.updated}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    tagged: true,
    lang: options.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: options.title,
      Subject: options.subject,
      Keywords: options.credits,
      Creator: 'Pelita',
      Producer: 'Pelita (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const registered = new Set<string>();
  const document = doc.struct('Document');
  doc.addStructure(document);
  for (const pieces of sheet.pages) {
    doc.addPage();
    for (const piece of pieces) {
      const draw = () => drawParts(doc, piece.parts, registered);
      if (piece.role === 'artifact') {
        doc.markContent('Artifact', { type: 'Layout' });
        draw();
        doc.endMarkedContent();
      } else if (piece.role === 'figure') {
        document.add(doc.struct('Figure', { alt: piece.description ?? piece.text ?? '' }, draw));
      } else if (piece.role === 'text') {
        document.add(doc.struct('P', {}, draw));
      } else {
        document.add(doc.struct(headingTag(piece), {}, draw));
      }
    }
  }
  document.end();
  doc.end();
  return done;
}

function headingTag(piece: Piece): string {
  return `H${piece.level ?? 2}`;
}

/**
 * A piece's drawing markup goes through svg-to-pdfkit in one call (parsing is the slow
 * part), then its text goes in as text: in every piece, text is painted over drawings.
 */
function drawParts(doc: PDFKit.PDFDocument, parts: readonly Part[], registered: Set<string>): void {
  const markup = parts.filter((part): part is string => typeof part === 'string').join('');
  if (markup !== '') SVGtoPDF(doc, markupToSvg(markup), 0, 0, { width: A4.width, height: A4.height });
  for (const part of parts) if (typeof part !== 'string') drawText(doc, part, registered);
}

/** Each stretch in the font that has its letters; letters no font has were warned about and are left out. */
function drawText(doc: PDFKit.PDFDocument, run: TextRun, registered: Set<string>): void {
  let x = run.x;
  for (const part of fontRuns(run.text, run.face)) {
    const name = `${run.face.key}${part.fontIndex}`;
    const file = run.face.files[part.fontIndex];
    const font = run.face.fonts[part.fontIndex];
    if (!file || !font) continue;
    if (!registered.has(name)) {
      doc.registerFont(name, Buffer.from(file));
      registered.add(name);
    }
    doc
      .font(name)
      .fontSize(run.size * POINTS_PER_MM)
      .fillColor(run.fill)
      .text(part.text, x * POINTS_PER_MM, run.baseline * POINTS_PER_MM, { baseline: 'alphabetic', lineBreak: false });
    x += (font.layout(part.text).advanceWidth / font.unitsPerEm) * run.size;
  }
}
