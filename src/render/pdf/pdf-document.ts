// One PDF edition of one procedure: a tagged PDF/UA document whose bytes depend only on
// the input (dates from `updated`, the file ID from a hash of the content).
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Site } from '../../model/site.js';
import { escapeXml } from '../escape-xml.js';
import { smallStyle } from './blocks.js';
import { drawEdition, type EditionInput } from './edition.js';
import type { FontChains } from './fonts.js';
import { languageTag, plainRuns } from './inline.js';
import type { Line } from './line-break.js';
import { type LayoutStats, Pen, type TextStyle, type Warn } from './pen.js';
import { type EditionTheme, FONT_STYLES, PAGE_SIZES, type Theme } from './theme.js';

export interface PdfInput extends EditionInput {
  /** The publishing office (its short name heads pages 2 and after). */
  site: Site;
  theme: Theme;
  edition: EditionTheme;
  fonts: FontChains;
  warn: Warn;
  /** Counts layout work into this object, when given. */
  stats?: LayoutStats;
}

export function renderPdf(input: PdfInput): Promise<Uint8Array> {
  const { outline, edition, theme } = input;
  const lang = languageTag(outline.lang);
  const date = new Date(`${outline.updated.iso}T00:00:00Z`);
  const [width, height] = PAGE_SIZES[edition.page];
  const doc = new PDFDocument({
    size: edition.page,
    margin: 0,
    // No default Helvetica: every font is embedded, and loading its metrics costs time.
    font: null as never,
    pdfVersion: '1.7',
    subset: 'PDF/UA' as never,
    tagged: true,
    lang,
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: outline.title.text,
      Subject: outline.summary.text,
      Author: input.site.name,
      Creator: 'Pelita',
      Producer: 'Pelita (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // pdfkit derives the file ID from the info dictionary only; derive it from the content.
  (doc as unknown as { _id: Uint8Array })._id = contentId(input);
  escapeXmpInfo(doc);
  doc.appendXML(
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language></rdf:Description>`,
  );
  (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageMode = 'UseOutlines';
  for (const style of FONT_STYLES) {
    for (const face of input.fonts[style]) {
      doc.registerFont(face.key, face.font as never);
      // Share pdfkit's per-word shaping cache across documents: shaping is the slow part
      // of drawing text, and the same words come back in every procedure.
      doc.font(face.key);
      (doc as unknown as { _font: { layoutCache: object } })._font.layoutCache = sharedLayoutCache(face.font);
    }
  }

  const small = smallStyle({ theme: edition, colors: theme.colors } as Pen);
  const running = small.lineHeight + small.size;
  const pen = new Pen(
    doc,
    edition,
    theme.colors,
    input.fonts,
    input.warn,
    { width, height, top: edition.margin.top + running },
    input.stats,
  );
  pen.y = edition.margin.top;
  const root = doc.struct('Document');
  doc.addStructure(root);
  drawEdition(pen, root, input);
  pageFurniture(pen, input);
  doc.end();
  return done;
}

/** Running header (from page 2) and footer on every page: artifacts, not content. */
function pageFurniture(pen: Pen, input: PdfInput): void {
  const doc = pen.doc;
  if (!doc) return;
  const { edition, outline, words } = input;
  const style = smallStyle(pen);
  const range = doc.bufferedPageRange();
  const pageHeight = PAGE_SIZES[edition.page][1];
  const updated = `${outline.updated.label}: ${outline.updated.text}`;
  const running = fitLine(pen, style, [`${input.site.shortName} — ${outline.title.text}`, outline.title.text]);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const pageLabel = words.terms.page_number
      .replace('{page}', String(index + 1))
      .replace('{pages}', String(range.count));
    const footerTop = pageHeight - edition.margin.bottom + style.size * 0.6;
    // Date left and page number right; one under the other when large type needs it.
    const [date, label] = [updated, pageLabel].map((text) => plainLine(pen, text, style));
    const oneLine = (date?.width ?? 0) + (label?.width ?? 0) + style.size * 2 <= pen.width;
    pen.artifact((d) => d.rect(pen.left, footerTop - style.size * 0.4, pen.width, 0.75).fill(input.theme.colors.rule));
    pen.artifact(() => {
      drawLine(pen, date, style, pen.left, footerTop);
      const labelTop = oneLine ? footerTop : footerTop + style.lineHeight;
      drawLine(pen, label, style, pen.left + pen.width - (label?.width ?? 0), labelTop);
      if (index > 0) drawLine(pen, running, style, pen.left, edition.margin.top);
    }, 'Pagination');
  }
}

function plainLine(pen: Pen, text: string, style: TextStyle): Line | undefined {
  return pen.lines(plainRuns(text), style, 1e6)[0];
}

/** The first text that fits on one line, or the last one cut at a word with "…". */
function fitLine(pen: Pen, style: TextStyle, texts: string[]): Line | undefined {
  for (const text of texts) {
    const line = plainLine(pen, text, style);
    if (line && line.width <= pen.width) return line;
  }
  const words = (texts[texts.length - 1] ?? '').split(' ');
  while (words.length > 1) {
    words.pop();
    const line = plainLine(pen, `${words.join(' ')} …`, style);
    if (line && line.width <= pen.width) return line;
  }
  return undefined;
}

/** One line, already inside an artifact (its words may fall back to other fonts). */
function drawLine(pen: Pen, line: Line | undefined, style: TextStyle, x: number, top: number): void {
  const doc = pen.doc;
  if (!doc || !line) return;
  const baseline = top + (style.lineHeight - style.size) / 2 + style.size * 0.8;
  for (const segment of line.segments) {
    doc
      .font(segment.face.key)
      .fontSize(style.size)
      .fillColor(style.color)
      .text(segment.text, x + segment.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }
}

const layoutCaches = new WeakMap<object, object>();
/**
 * Words kept shaped per font across documents (issue #16): a worker makes many PDFs, and a
 * corpus's words have no end. Past the bound the next document starts an empty cache (the
 * same shapes are made again, so the bytes do not change).
 */
export const MAX_LAYOUT_WORDS = 20_000;

export function sharedLayoutCache(font: object): object {
  let cache = layoutCaches.get(font);
  if (!cache || Object.keys(cache).length >= MAX_LAYOUT_WORDS) {
    cache = Object.create(null) as object;
    layoutCaches.set(font, cache);
  }
  return cache;
}

/** 16 bytes from everything the document shows, so the ID changes only with the content. */
function contentId(input: PdfInput): Uint8Array {
  const hash = createHash('sha256');
  const withoutPositions = (key: string, value: unknown) => (key === 'position' ? undefined : value);
  hash.update(JSON.stringify([input.outline, input.site, input.edition, input.theme.colors], withoutPositions));
  return new Uint8Array(hash.digest().subarray(0, 16));
}

/** pdfkit writes Title/Author/Subject into XMP without XML escaping; escape them there only. */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const target = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const original = target._addInfo;
  target._addInfo = function (this: typeof target) {
    const info = this.info;
    const escaped = { ...info };
    for (const key of ['Title', 'Author', 'Subject', 'Keywords']) {
      if (typeof info[key] === 'string') escaped[key] = escapeXml(info[key]);
    }
    this.info = escaped;
    original.call(this);
    this.info = info;
  };
}
