// Sheet → tagged PDF (pdfkit): every picture is a Figure whose alt text is the item's
// full text, headings are H1–H3, paragraphs P, the rest is marked as artifact. The sheet's
// shapes are drawn from the same data the SVG writes; each drawing is one form XObject per
// document, placed where the sheet shows it; text is real text in the bundled font, so it
// can be searched and read aloud.
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { type Drawing, type PlacedDrawing, viewBoxOf } from './drawing.js';
import { PAGE } from './geometry.js';
import { isTextRun, type Part, type Piece, type Sheet, type TextRun } from './layout.js';
import { format, shapeOperators } from './shape-operators.js';
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
/**
 * Shapes and drawings: the sheet's A4 in millimetres fitted into the page in points and
 * centred, as an SVG viewBox is (A4's sides in points are rounded, so a hair narrower).
 */
const SHAPE_SCALE = Math.min(POINTS_PER_MM, A4.height / PAGE.height);
const SHAPES = `${SHAPE_SCALE.toFixed(6)} 0 0 ${SHAPE_SCALE.toFixed(6)} ${((A4.width - PAGE.width * SHAPE_SCALE) / 2).toFixed(6)} 0 cm`;

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
    // No default font: pdfkit would read Helvetica's metrics for every PDF and write it,
    // unused and not embedded, into the file. Every text run sets its own font.
    font: '',
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
  const forms = new Map<Drawing, FormXObject>();
  const document = doc.struct('Document');
  doc.addStructure(document);
  for (const pieces of sheet.pages) {
    doc.addPage();
    for (const piece of pieces) {
      const draw = () => drawParts(doc, piece.parts, registered, forms);
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

/** In every piece, text is painted over its shapes and drawings. */
function drawParts(
  doc: PDFKit.PDFDocument,
  parts: readonly Part[],
  registered: Set<string>,
  forms: Map<Drawing, FormXObject>,
): void {
  const operators: string[] = [];
  for (const part of parts) {
    if ('tag' in part) operators.push(shapeOperators([part]));
    else if (!isTextRun(part)) operators.push(placeForm(doc, part, forms));
  }
  // The sheet's units are millimetres, pdfkit's page is in points (y down).
  if (operators.length > 0) doc.addContent(`q\n${SHAPES}\n${operators.join('\n')}\nQ`);
  for (const part of parts) if (isTextRun(part)) drawText(doc, part, registered);
}

/** A drawing's form XObject in one PDF, and its name in the pages' resources. */
interface FormXObject {
  ref: PDFKit.PDFKitReference;
  name: string;
}

/** A drawing's content stream, deflated: made once per drawing and thread, each PDF embeds it once. */
const formStreams = new WeakMap<Drawing, Uint8Array>();

/** Places the drawing's form XObject (made the first time the PDF uses it) in its box. */
function placeForm(doc: PDFKit.PDFDocument, placed: PlacedDrawing, forms: Map<Drawing, FormXObject>): string {
  const { drawing } = placed;
  const [x, y, width, height] = viewBoxOf(drawing);
  let form = forms.get(drawing);
  if (!form) {
    let stream = formStreams.get(drawing);
    if (!stream) {
      stream = new Uint8Array(deflateSync(shapeOperators(drawing.shapes)));
      formStreams.set(drawing, stream);
    }
    // The bounding box clips the drawing to its viewBox, as a nested <svg> is clipped.
    const ref = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [x, y, x + width, y + height],
      Resources: {},
      Filter: 'FlateDecode',
    });
    ref.end(stream);
    form = { ref, name: `Pic${forms.size + 1}` };
    forms.set(drawing, form);
  }
  doc.page.xobjects[form.name] = form.ref;
  // viewBox into the square box: scaled to fit and centred (preserveAspectRatio's default).
  const scale = Math.min(placed.size / width, placed.size / height);
  const left = placed.x + (placed.size - width * scale) / 2 - x * scale;
  const top = placed.y + (placed.size - height * scale) / 2 - y * scale;
  return `q\n${format(scale)} 0 0 ${format(scale)} ${format(left)} ${format(top)} cm\n/${form.name} Do\nQ`;
}

/** Each stretch in the font that has its letters; letters no font has were warned about and are left out. */
function drawText(doc: PDFKit.PDFDocument, run: TextRun, registered: Set<string>): void {
  let x = run.x;
  const runs = fontRuns(run.text, run.face);
  for (const [i, part] of runs.entries()) {
    const name = `${run.face.key}${part.fontIndex}`;
    const font = run.face.fonts[part.fontIndex];
    if (!font) continue;
    if (!registered.has(name)) {
      // The face's fontkit font, parsed once per thread and already used for shaping: pdfkit
      // takes any font with `layout` (its types name only files), and parsing the file again
      // for every PDF was a third of the PDF's time. The PDF's bytes are the same.
      doc.registerFont(name, font as unknown as Buffer);
      registered.add(name);
    }
    doc
      .font(name)
      .fontSize(run.size * POINTS_PER_MM)
      .fillColor(run.fill)
      .text(part.text, x * POINTS_PER_MM, run.baseline * POINTS_PER_MM, { baseline: 'alphabetic', lineBreak: false });
    // Only a line in several fonts needs the advance of a stretch (shaping it again).
    if (i < runs.length - 1) x += (font.layout(part.text).advanceWidth / font.unitsPerEm) * run.size;
  }
}
