// The site that documents are checked against when site.yaml is missing or broken, so
// every document's own problems are still reported (nothing is built with it).
import type { Words } from '../i18n/words.js';
import type { SourceDocument } from '../model/check-documents.js';
import type { Site } from '../model/site.js';

export function fallbackSite(documents: readonly SourceDocument[], words: ReadonlyMap<string, Words>): Site {
  const folders = new Set(documents.map((doc) => doc.source.split('/')[0] ?? ''));
  const others = [...folders].filter((lang) => lang !== 'id' && words.has(lang)).sort();
  return {
    name: '',
    shortName: '',
    url: 'https://example.invalid/',
    languages: ['id', ...others],
    // Unknown, not empty: no document is told that site.yaml lacks complaint channels.
    complaints: [[{ type: 'text', value: '' }]],
    brailleTables: {},
    speechVoices: {},
    sectionHeadings: {},
  };
}
