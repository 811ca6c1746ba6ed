import { describe, expect, it } from 'vitest';
import { RENDERERS } from '../src/render/registry.js';

describe('renderer registry', () => {
  // The build loads an edition's renderer only when it is chosen, when pages link its files,
  // or when `site` says it makes site files: a wrong flag would leave the index unmade.
  it('flags every edition renderer that makes site files', async () => {
    for (const entry of RENDERERS) {
      if (entry.edition === undefined) continue;
      const renderer = await entry.load();
      const makesSite = renderer.renderSite !== undefined || renderer.siteRecords !== undefined;
      expect(entry.site === true, entry.id).toBe(makesSite);
    }
  });
});
