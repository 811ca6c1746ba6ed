// Every renderer, found by id. Heavy renderers load lazily, only when they run.
// Order matters: a procedure's renderers run in this order, and the HTML page links
// the files of those before it, so HTML comes after every edition it links.
import type { Renderer } from './types.js';

/** The editions `--editions` chooses from; each is made by the renderer of the same id. */
export const EDITION_IDS = ['html', 'pdf', 'braille', 'pictogram', 'audio'] as const;
export type EditionId = (typeof EDITION_IDS)[number];

/**
 * `site`: the renderer makes site files too (`renderSite`, `siteRecords`), so it is loaded
 * whatever editions are chosen (test/registry.test.ts checks the flag).
 */
export const RENDERERS: readonly {
  id: string;
  edition?: EditionId;
  site?: true;
  load: () => Promise<Renderer>;
}[] = [
  {
    id: 'braille',
    edition: 'braille',
    load: async () => (await import('./braille/braille-renderer.js')).brailleRenderer,
  },
  {
    id: 'pictogram',
    edition: 'pictogram',
    load: async () => (await import('./pictogram/pictogram-renderer.js')).pictogramRenderer,
  },
  { id: 'pdf', edition: 'pdf', load: async () => (await import('./pdf/pdf-renderer.js')).pdfRenderer },
  { id: 'audio', edition: 'audio', load: async () => (await import('./audio/audio-renderer.js')).audioRenderer },
  { id: 'html', edition: 'html', site: true, load: async () => (await import('./html/html-renderer.js')).htmlRenderer },
  // Site files only (catalog.json): runs whatever editions are chosen.
  { id: 'catalog', load: async () => (await import('./catalog/catalog-renderer.js')).catalogRenderer },
  // Site files only (sitemap.xml, robots.txt, feed.xml).
  { id: 'discovery', load: async () => (await import('./html/discovery-renderer.js')).discoveryRenderer },
  // Site files only: the prebuilt search index per language (search/<lang>.js).
  { id: 'search', load: async () => (await import('./html/search-renderer.js')).searchRenderer },
];
