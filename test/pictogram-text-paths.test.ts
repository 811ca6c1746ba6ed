// Shaped words are kept for the life of a thread, so the cache has a bound (issue #16): it
// never holds more than MAX_SHAPED_WORDS, and a word shaped again after it was dropped
// gives the same glyphs.
import { describe, expect, it } from 'vitest';
import { loadFaces } from '../src/render/pictogram/resources.js';
import { type GlyphStore, MAX_SHAPED_WORDS, shapedWordCount, shapeLine } from '../src/render/pictogram/text-paths.js';

describe('shaped words', () => {
  it('stay within their bound, and a dropped word shapes the same again', () => {
    const { regular } = loadFaces();
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
