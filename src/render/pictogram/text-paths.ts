// Text as vector paths, from a bundled font (fontkit), so a sheet never depends on
// the fonts of the machine that rasterises or prints it. Glyph outlines are kept
// once per sheet (`GlyphStore`) and placed by reference.
import type { Font } from 'fontkit';

/** A font family: faces tried in order for each word (Latin first, then Latin Extended). */
export interface Face {
  key: string;
  fonts: readonly Font[];
  /** The font files, in the same order (the PDF embeds them). */
  files: readonly Uint8Array[];
}

export interface PlacedGlyph {
  /** Key of the glyph outline in the store. */
  key: string;
  /** Offset from the line start, in ems. */
  x: number;
}

export interface ShapedLine {
  glyphs: PlacedGlyph[];
  /** Advance width, in ems. */
  width: number;
}

/** Glyph outlines by key, in ems (y down, baseline at 0), as SVG path data. */
export type GlyphStore = Map<string, string>;

/** Shaped words by face and text: shaping with fontkit is slow, and sheets repeat words. */
const shapedWords = new Map<string, { glyphs: (PlacedGlyph & { d: string })[]; width: number }>();

/** Shapes one line of text (no wrapping); outlines go into `store`. */
export function shapeLine(text: string, face: Face, store: GlyphStore): ShapedLine {
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  for (const word of text.split(/( )/)) {
    if (word === '') continue;
    const shaped = shapeWord(word, face);
    for (const glyph of shaped.glyphs) {
      if (!store.has(glyph.key)) store.set(glyph.key, glyph.d);
      if (glyph.d !== '') glyphs.push({ key: glyph.key, x: x + glyph.x });
    }
    x += shaped.width;
  }
  return { glyphs, width: x };
}

function shapeWord(word: string, face: Face) {
  const cacheKey = `${face.key}\u0000${word}`;
  const cached = shapedWords.get(cacheKey);
  if (cached) return cached;
  const index = fontIndexFor(word, face.fonts);
  const font = face.fonts[Math.max(index, 0)];
  if (!font) throw new Error('a face needs at least one font');
  const scale = 1 / font.unitsPerEm;
  const run = font.layout(index >= 0 ? word : replaceMissing(word, font));
  const glyphs: (PlacedGlyph & { d: string })[] = [];
  let x = 0;
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i] ?? { xAdvance: 0, xOffset: 0 };
    const d = glyph.path.commands.length > 0 ? roundPath(glyph.path.scale(scale, -scale).toSVG()) : '';
    glyphs.push({ key: `pg-${face.key}${Math.max(index, 0)}-${glyph.id}`, x: x + position.xOffset * scale, d });
    x += position.xAdvance * scale;
  });
  const shaped = { glyphs, width: x };
  shapedWords.set(cacheKey, shaped);
  return shaped;
}

/** Splits text into lines that fit `maxWidth` ems at size 1; a word longer than a line is broken. */
export function wrapText(text: string, face: Face, maxWidth: number, store: GlyphStore): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (shapeLine(candidate, face, store).width <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    // A single word wider than the line: cut it where it fits, with a hyphen.
    while (shapeLine(line, face, store).width > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && shapeLine(`${line.slice(0, cut)}-`, face, store).width > maxWidth) cut--;
      lines.push(`${line.slice(0, cut)}-`);
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Index of the first font that has every letter of the word, or -1. */
export function fontIndexFor(word: string, fonts: readonly Font[]): number {
  return fonts.findIndex((font) => [...word].every((char) => font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)));
}

/** Letters no bundled font has become "?", never a tofu box. */
export function replaceMissing(word: string, font: Font): string {
  return [...word].map((char) => (font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0) ? char : '?')).join('');
}

/** Three decimals of an em are far below a printer dot at any caption size. */
function roundPath(d: string): string {
  return d.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
}
