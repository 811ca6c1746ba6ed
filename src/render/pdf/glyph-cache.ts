// fontkit keeps one glyph object per glyph id on the font, with the characters of the
// call that made it first, and pdfkit writes those characters into the PDF's ToUnicode
// map (what readers, search and screen readers get). The fonts are shared by every
// document of a process, so that text depended on what was drawn before: subsetting a
// composite glyph (";" is built from "," and "." in Atkinson Hyperlegible) made the comma
// with no characters, and every later document's comma then read as nothing. Here a glyph
// the cmap reaches is always made from its lowest code point, whoever asks first; any
// other glyph (ligatures, inserted marks, subset components) is made afresh with the
// characters of each call and never kept.
import type { Font, Glyph } from 'fontkit';

interface GlyphCache {
  getGlyph(id: number, characters?: number[]): Glyph;
  _glyphs: Record<number, Glyph | undefined>;
  _cmapProcessor: { lookup(codePoint: number): number };
}

/** Makes `font`'s glyph characters a function of the font and the call, not of earlier documents. */
export function fixGlyphCharacters(font: Font): Font {
  const target = font as unknown as GlyphCache;
  // Lowest code point per glyph, looked up once; the glyphs are made when first asked for.
  const lowest = new Map<number, number>();
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    const id = target._cmapProcessor.lookup(codePoint);
    if (id !== 0 && !lowest.has(id)) lowest.set(id, codePoint);
  }
  const getGlyph = target.getGlyph.bind(font);
  target.getGlyph = (id, characters = []) => {
    const codePoint = lowest.get(id);
    if (codePoint !== undefined) return target._glyphs[id] ?? getGlyph(id, [codePoint]);
    const glyph = getGlyph(id, characters);
    delete target._glyphs[id];
    return glyph;
  };
  return font;
}
