// Every renderer, found by id. Heavy renderers load lazily, only when they run.
import type { Renderer } from './types.js';

export const RENDERERS: readonly { id: string; load: () => Promise<Renderer> }[] = [
  { id: 'html', load: async () => (await import('./html/html-renderer.js')).htmlRenderer },
  { id: 'catalog', load: async () => (await import('./catalog/catalog-renderer.js')).catalogRenderer },
];
