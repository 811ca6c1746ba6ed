// Every renderer, found by id. Heavy renderers load lazily, only when they run.
// Order matters: a procedure's renderers run in this order, and the HTML page links
// the files of those before it, so HTML comes after every edition it links.
import type { Renderer } from './types.js';

export const RENDERERS: readonly { id: string; load: () => Promise<Renderer> }[] = [
  { id: 'braille', load: async () => (await import('./braille/braille-renderer.js')).brailleRenderer },
  { id: 'pictogram', load: async () => (await import('./pictogram/pictogram-renderer.js')).pictogramRenderer },
  { id: 'pdf', load: async () => (await import('./pdf/pdf-renderer.js')).pdfRenderer },
  { id: 'audio', load: async () => (await import('./audio/audio-renderer.js')).audioRenderer },
  { id: 'html', load: async () => (await import('./html/html-renderer.js')).htmlRenderer },
  { id: 'catalog', load: async () => (await import('./catalog/catalog-renderer.js')).catalogRenderer },
];
