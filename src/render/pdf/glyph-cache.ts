// fontkit keeps one glyph object per glyph id on the font, with the characters of the
// call that made it first, and pdfkit writes those characters into the PDF's ToUnicode
// map (what readers, search and screen readers get). The fonts are shared by every
// document of a process, so that text depended on what was drawn before: subsetting a
// composite glyph (";" is built from "," and "." in Atkinson Hyperlegible) made the comma
// with no characters, and every later document's comma then read as nothing. Here every
// glyph the cmap reaches is made once, from its lowest code point, before any document;
// any other glyph (ligatures, inserted marks, subset components) is made afresh with the
// characters of each call and never kept.
import type { Font, Glyph } from 'fontkit';

interface GlyphCache {
  getGlyph(id: number, characters?: number[]): Glyph;
  _glyphs: Record<number, Glyph | undefined>;
}

/** Makes `font`'s glyph characters a function of the font and the call, not of earlier documents. */
export function fixGlyphCharacters(font: Font): Font {
  const target = font as unknown as GlyphCache;
  const kept = new Set<number>();
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) kept.add(font.glyphForCodePoint(codePoint).id);
  const getGlyph = target.getGlyph.bind(font);
  target.getGlyph = (id, characters = []) => {
    if (kept.has(id)) return getGlyph(id, characters);
    const glyph = getGlyph(id, characters);
    delete target._glyphs[id];
    return glyph;
  };
  return font;
}
