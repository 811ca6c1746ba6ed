// fontkit keeps one glyph object per glyph id on the font, with the characters of the
// call that made it first, and pdfkit writes those characters into the PDF's ToUnicode
// map (what readers, search and screen readers get). The fonts are shared by every
// document of a process, so that text depended on what was drawn before: subsetting a
// composite glyph (";" is built from "," in Atkinson Hyperlegible) made the comma with no
// characters, and every later document's comma then read as nothing. Here every glyph
// the cmap reaches is made once, from its lowest code point, before any document, and
// glyphs asked for without characters (subset components, inserted marks) are never kept.
import type { Font, Glyph } from 'fontkit';

interface GlyphCache {
  getGlyph(id: number, characters?: number[]): Glyph;
  _glyphs: Record<number, Glyph | undefined>;
}

/** Makes `font`'s glyph characters a function of the font alone, not of earlier documents. */
export function fixGlyphCharacters(font: Font): Font {
  const target = font as unknown as GlyphCache;
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(codePoint);
  const getGlyph = target.getGlyph.bind(font);
  target.getGlyph = (id, characters = []) => {
    if (characters.length > 0 || target._glyphs[id]) return getGlyph(id, characters);
    const glyph = getGlyph(id, characters);
    delete target._glyphs[id];
    return glyph;
  };
  return font;
}
