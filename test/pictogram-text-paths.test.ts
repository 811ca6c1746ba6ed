// Captions as glyph outlines: each glyph's outline is fontkit's, in ems (y down), kept once
// per sheet and the same in every word it is in, for each face its own. Shaped words are kept
// for the life of a thread, so that cache has a bound (issue #16): it never holds more than
// MAX_SHAPED_WORDS, and a word shaped again after it was dropped gives the same glyphs.
import { describe, expect, it } from 'vitest';
import { loadFaces } from '../src/render/pictogram/resources.js';
import { type GlyphStore, MAX_SHAPED_WORDS, shapedWordCount, shapeLine } from '../src/render/pictogram/text-paths.js';

const faces = loadFaces();

/** The outline of the face's first font's glyph for one letter, made here from fontkit directly. */
function fontkitOutline(face: (typeof faces)['bold'], letter: string): string {
  const font = face.fonts[0];
  if (!font) throw new Error('face without fonts');
  const [glyph] = font.layout(letter).glyphs;
  const scale = 1 / font.unitsPerEm;
  const d = glyph?.path.scale(scale, -scale).toSVG() ?? '';
  return d.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
}

describe('caption outlines', () => {
  it("gives a glyph fontkit's outline, the same in every word, and stores it once", () => {
    const store: GlyphStore = new Map();
    const first = shapeLine('Kartu', faces.bold, store);
    const second = shapeLine('Pakta tua', faces.bold, store);
    const keyOfA = first.glyphs[1]?.key;
    expect(keyOfA).toBeDefined();
    // "a" is the 2nd letter of both words; "t" and "u" come back too.
    expect(second.glyphs[1]?.key).toBe(keyOfA);
    expect(store.get(keyOfA ?? '')).toBe(fontkitOutline(faces.bold, 'a'));
    // K, a, r, t, u, P, k and the space (no outline).
    expect(store.size).toBe(8);
    expect(store.get(second.glyphs[4]?.key ?? '')).toBe(fontkitOutline(faces.bold, 'a'));
  });

  it('keeps the bold and regular outlines of a letter apart', () => {
    const store: GlyphStore = new Map();
    const [bold] = shapeLine('a', faces.bold, store).glyphs;
    const [regular] = shapeLine('a', faces.regular, store).glyphs;
    expect(bold?.key).not.toBe(regular?.key);
    expect(store.get(regular?.key ?? '')).toBe(fontkitOutline(faces.regular, 'a'));
    expect(store.get(bold?.key ?? '')).not.toBe(store.get(regular?.key ?? ''));
  });
});

describe('shaped words', () => {
  it('stay within their bound, and a dropped word shapes the same again', () => {
    const { regular } = faces;
    const store: GlyphStore = new Map();
    const first = shapeLine('Formulir0', regular, store);
    for (let i = 1; i <= MAX_SHAPED_WORDS + 50; i++) shapeLine(`Formulir${i}`, regular, store);
    expect(shapedWordCount()).toBeLessThanOrEqual(MAX_SHAPED_WORDS);
    expect(shapedWordCount()).toBeGreaterThan(MAX_SHAPED_WORDS / 2);
    const freshStore: GlyphStore = new Map();
    expect(shapeLine('Formulir0', regular, freshStore)).toEqual(first);
    expect([...freshStore].every(([key, d]) => store.get(key) === d)).toBe(true);
  });
});
