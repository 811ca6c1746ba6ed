// Sheet → SVG: A4 pages stacked top to bottom in one drawing (one page: exactly A4).
// Pictures are `role="img"` groups with the tile's caption as <title> and everything
// the item says as <desc>; headings and paragraphs carry their words as <title>. Text
// is outlines of the bundled fonts, kept once per glyph in <defs> and placed with <use>.

import { escapeXml } from '../escape-xml.js';
import { num, placeDrawing } from './drawing.js';
import { PAGE } from './geometry.js';
import { isTextRun, type Part, type Piece, type Sheet } from './layout.js';
import { shapeMarkup } from './shape.js';
import { type GlyphStore, shapeLine } from './text-paths.js';

export interface SvgOptions {
  lang: string;
  title: string;
  /** Who made the drawings, under which licences. */
  credits: string;
}

export function sheetToSvg(sheet: Sheet, options: SvgOptions): string {
  const glyphs: GlyphStore = new Map();
  const body = sheet.pages
    .map((pieces, i) => {
      const content = pieces.map((piece) => pieceMarkup(piece, glyphs)).join('');
      const cut =
        i > 0
          ? `<path d="M0 ${num(i * PAGE.height)}H${PAGE.width}" stroke="#999" stroke-width="0.2" stroke-dasharray="3 2"/>`
          : '';
      return `${cut}<g transform="translate(0 ${num(i * PAGE.height)})">${content}</g>`;
    })
    .join('\n');
  const head =
    ` lang="${escapeXml(options.lang)}" role="group" aria-labelledby="pg-title">` +
    `<title id="pg-title">${escapeXml(options.title)}</title><desc>${escapeXml(options.credits)}</desc`;
  const paper = `<rect width="${PAGE.width}" height="${num(PAGE.height * sheet.pages.length)}" fill="#fff"/>`;
  return svgDocument(glyphs, paper + body, PAGE.height * sheet.pages.length, head);
}

/** One picture on its own (`size` square, in the drawing's units), its number as outlines: for the web page. */
export function pictureToSvg(parts: readonly Part[], size: number): string {
  const glyphs: GlyphStore = new Map();
  const body = partsMarkup(parts, glyphs);
  const defs = [...glyphs]
    .filter(([, d]) => d !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, d]) => `<path id="${key}" d="${d}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" aria-hidden="true"><defs>${defs}</defs>${body}</svg>\n`;
}

/** Text as references to glyph outlines: no font is needed to show it. */
function partsMarkup(parts: readonly Part[], glyphs: GlyphStore): string {
  return parts
    .map((part) => {
      if ('tag' in part) return shapeMarkup(part);
      if (!isTextRun(part)) return placeDrawing(part);
      const uses = shapeLine(part.text, part.face, glyphs).glyphs.map(
        (glyph) =>
          `<use href="#${glyph.key}" transform="translate(${num(part.x + glyph.x * part.size)} ${num(part.baseline)}) scale(${num(part.size)})"/>`,
      );
      return `<g fill="${part.fill}">${uses.join('')}</g>`;
    })
    .join('');
}

/** The outlined words cannot be read back, so every piece that says something carries them as text. */
function pieceMarkup(piece: Piece, glyphs: GlyphStore): string {
  const markup = partsMarkup(piece.parts, glyphs);
  const title = `<title>${escapeXml(piece.text ?? '')}</title>`;
  if (piece.role === 'figure') {
    const desc = piece.description ? `<desc>${escapeXml(piece.description)}</desc>` : '';
    return `<g role="img">${title}${desc}${markup}</g>`;
  }
  if (piece.role === 'heading') return `<g role="heading" aria-level="${piece.level ?? 2}">${title}${markup}</g>`;
  if (piece.role === 'text') return `<g role="paragraph">${title}${markup}</g>`;
  return `<g aria-hidden="true">${markup}</g>`;
}

function svgDocument(glyphs: GlyphStore, body: string, height: number, head: string): string {
  const defs = [...glyphs]
    .filter(([, d]) => d !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, d]) => `<path id="${key}" d="${d}"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}mm" height="${num(height)}mm" viewBox="0 0 ${PAGE.width} ${num(height)}"${head}>` +
    `<defs>${defs}</defs>\n${body}</svg>\n`
  );
}
