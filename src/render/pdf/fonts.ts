// Fonts as fallback chains: for each character, the first font of its style that has a
// glyph draws it. Characters no font has (most emoji) are left out and reported, never
// printed as a missing-glyph box.
import type { Font } from 'fontkit';
import type { FontStyle } from './theme.js';

export interface Face {
  /** Name the face is registered under in the PDF document. */
  key: string;
  font: Font;
}

export type FontChains = Record<FontStyle, Face[]>;

/** Face that draws `char` in `style`, or undefined when no font has it. */
export function faceFor(chains: FontChains, style: FontStyle, char: string): Face | undefined {
  let cache = choices.get(chains[style]);
  if (!cache) {
    cache = new Map();
    choices.set(chains[style], cache);
  }
  const codePoint = char.codePointAt(0) ?? 0;
  if (!cache.has(codePoint)) {
    cache.set(
      codePoint,
      chains[style].find((face) => face.font.hasGlyphForCodePoint(codePoint)),
    );
  }
  return cache.get(codePoint);
}

/** Which face draws a character, per chain (cmap look-ups add up over a build). */
const choices = new WeakMap<Face[], Map<number, Face | undefined>>();

/** Font-switching runs of one style; characters no face has are left out and listed as missing. */
export function splitByFace(
  chains: FontChains,
  style: FontStyle,
  text: string,
): { pieces: { text: string; face: Face }[]; missing: string[] } {
  const pieces: { text: string; face: Face }[] = [];
  const missing: string[] = [];
  for (const char of text) {
    const face = faceFor(chains, style, char);
    if (!face) {
      missing.push(char);
      continue;
    }
    const shown = char;
    const last = pieces[pieces.length - 1];
    if (last && last.face === face) last.text += shown;
    else pieces.push({ text: shown, face });
  }
  return { pieces, missing };
}
