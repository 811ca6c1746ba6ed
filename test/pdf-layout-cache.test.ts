// pdfkit's per-word shaping cache is shared by the documents of a thread, with a bound
// (issue #16): a document that finds it full starts an empty one.
import { describe, expect, it } from 'vitest';
import { MAX_LAYOUT_WORDS, sharedLayoutCache } from '../src/render/pdf/pdf-document.js';

describe('shared layout cache', () => {
  it('is shared until it holds its bound of words, then starts again', () => {
    const font = {};
    const cache = sharedLayoutCache(font) as Record<string, unknown>;
    expect(sharedLayoutCache({})).not.toBe(cache);
    for (let i = 0; i < MAX_LAYOUT_WORDS - 1; i++) cache[`kata${i} `] = i;
    expect(sharedLayoutCache(font)).toBe(cache);
    cache.penuh = true;
    const next = sharedLayoutCache(font);
    expect(next).not.toBe(cache);
    expect(Object.keys(next)).toHaveLength(0);
    expect(sharedLayoutCache(font)).toBe(next);
  });
});
