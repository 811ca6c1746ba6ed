// Text as vector paths, from a bundled font (fontkit), so a sheet never depends on
// the fonts of the machine that rasterises or prints it. Glyph outlines are kept
// once per sheet (`GlyphStore`) and placed by reference.
import type { Font, Glyph } from 'fontkit';

/** A font family: fonts tried in order for each character (Latin, Latin Extended, then a wide fallback). */
export interface Face {
  key: string;
  fonts: readonly Font[];
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

/**
 * Shaped words by face and text: shaping with fontkit is slow, and sheets repeat words.
 * Bounded (issue #16): a worker lives for many procedures, and a corpus's words have no end.
 * When full, the word shaped longest ago goes; shaping it again gives the same glyphs.
 */
const shapedWords = new Map<string, { glyphs: (PlacedGlyph & { d: string })[]; width: number }>();
export const MAX_SHAPED_WORDS = 20_000;

/** How many words are kept shaped (for tests). */
export function shapedWordCount(): number {
  return shapedWords.size;
}

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
  const glyphs: (PlacedGlyph & { d: string })[] = [];
  let x = 0;
  for (const run of fontRuns(word, face)) {
    const font = face.fonts[run.fontIndex] as Font;
    const scale = 1 / font.unitsPerEm;
    const laid = font.layout(run.text);
    laid.glyphs.forEach((glyph, i) => {
      const position = laid.positions[i] ?? { xAdvance: 0, xOffset: 0 };
      const key = `pg-${face.key}${run.fontIndex}-${glyph.id}`;
      glyphs.push({ key, x: x + position.xOffset * scale, d: glyphOutline(key, glyph, scale) });
      x += position.xAdvance * scale;
    });
  }
  const shaped = { glyphs, width: x };
  if (shapedWords.size >= MAX_SHAPED_WORDS) shapedWords.delete(shapedWords.keys().next().value as string);
  shapedWords.set(cacheKey, shaped);
  return shaped;
}

/**
 * Glyph outlines by key, made once per glyph and thread: a glyph is in many words, and
 * writing its path data was most of a new word's cost (a few thousand glyphs at most).
 */
const glyphOutlines = new Map<string, string>();

function glyphOutline(key: string, glyph: Glyph, scale: number): string {
  let d = glyphOutlines.get(key);
  if (d === undefined) {
    d = glyph.path.commands.length > 0 ? roundPath(glyph.path.scale(scale, -scale).toSVG()) : '';
    glyphOutlines.set(key, d);
  }
  return d;
}

/** A stretch of text one font draws. */
export interface FontRun {
  text: string;
  fontIndex: number;
}

/**
 * Text split where the drawing font changes: each character goes to the first font of
 * the face that has it. Invisible characters (variation selectors, joiners) and
 * characters no font has are left out, never drawn as "?" or a box; the renderer warns
 * about the latter (`missingCharacters`).
 */
export function fontRuns(text: string, face: Face): FontRun[] {
  const runs: FontRun[] = [];
  for (const char of text) {
    if (INVISIBLE.test(char)) continue;
    const index = fontIndexFor(char, face.fonts);
    if (index < 0) continue;
    const last = runs.at(-1);
    if (last && last.fontIndex === index) last.text += char;
    else runs.push({ text: char, fontIndex: index });
  }
  return runs;
}

/** Default-ignorable characters: they change how a neighbour looks, they are not drawn. */
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** The text as it is drawn: without invisible characters and those no font has (warned about). */
export function drawableText(text: string, face: Face): string {
  let kept = '';
  for (const char of text) {
    if (/\s/.test(char) || (!INVISIBLE.test(char) && fontIndexFor(char, face.fonts) >= 0)) kept += char;
  }
  return kept === text ? text : kept.replace(/\s+/g, ' ').trim();
}

/** Characters of `text` that no font of the face can draw, each once, in order. */
export function missingCharacters(text: string, face: Face): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (/\s/.test(char) || INVISIBLE.test(char)) continue;
    if (fontIndexFor(char, face.fonts) < 0) missing.add(char);
  }
  return [...missing];
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
    // A single word wider than the line: cut it where it fits. After a sign that
    // already separates its parts (an address's "." "/" "@", a hyphen) nothing is
    // added, so an address is never printed with a hyphen a reader would type.
    while (shapeLine(line, face, store).width > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && shapeLine(line.slice(0, cut), face, store).width > maxWidth) cut--;
      const separator = Math.max(...[...SEPARATORS].map((sign) => line.lastIndexOf(sign, cut - 1)));
      if (separator > 0) {
        lines.push(line.slice(0, separator + 1));
        line = line.slice(separator + 1);
        continue;
      }
      while (cut > 1 && shapeLine(`${line.slice(0, cut)}-`, face, store).width > maxWidth) cut--;
      lines.push(`${line.slice(0, cut)}-`);
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Signs after which a long word (an address, a compound) breaks without a hyphen. */
const SEPARATORS = './@-_:?&=';

/** Index of the first font that has every letter of the text, or -1. */
function fontIndexFor(text: string, fonts: readonly Font[]): number {
  return fonts.findIndex((font) => [...text].every((char) => font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)));
}

/** Three decimals of an em are far below a printer dot at any caption size. */
function roundPath(d: string): string {
  return d.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
}
