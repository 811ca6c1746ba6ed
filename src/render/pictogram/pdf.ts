// Sheet → tagged PDF (pdfkit): every picture is a Figure whose alt text is the item's
// full text, headings are H1/H2, the rest is marked as artifact. Drawings come from
// the same SVG markup (svg-to-pdfkit); text is real text in the bundled font, so it
// can be searched and read aloud.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { PAGE, type Part, type Piece, type Sheet, type TextRun } from './layout.js';
import { markupToSvg } from './svg.js';
import { fontIndexFor, replaceMissing } from './text-paths.js';

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
        document.add(doc.struct('Figure', { alt: piece.text ?? '' }, draw));
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
  return piece.level === 1 ? 'H1' : 'H2';
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

function drawText(doc: PDFKit.PDFDocument, run: TextRun, registered: Set<string>): void {
  const index = fontIndexFor(run.text, run.face.fonts);
  const fontIndex = Math.max(index, 0);
  const name = `${run.face.key}${fontIndex}`;
  const file = run.face.files[fontIndex];
  const font = run.face.fonts[fontIndex];
  if (!file || !font) return;
  if (!registered.has(name)) {
    doc.registerFont(name, Buffer.from(file));
    registered.add(name);
  }
  doc
    .font(name)
    .fontSize(run.size * POINTS_PER_MM)
    .fillColor(run.fill)
    .text(index >= 0 ? run.text : replaceMissing(run.text, font), run.x * POINTS_PER_MM, run.baseline * POINTS_PER_MM, {
      baseline: 'alphabetic',
      lineBreak: false,
    });
}
