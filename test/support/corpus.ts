// The shared golden corpus: one procedure, in Indonesian and Javanese, that uses every
// block and inline type of the outline. Every renderer renders it to reviewed goldens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedDocument } from '../../src/model/check-documents.js';
import { check, FIXTURES } from './fixtures.js';

export const CORPUS = join(FIXTURES, 'corpus');
export const CORPUS_SOURCES = ['id/data-penelitian.md', 'jv/data-penelitian.md'] as const;

export async function checkCorpus(): Promise<CheckedDocument[]> {
  return check(
    Object.fromEntries(CORPUS_SOURCES.map((source) => [source, readFileSync(join(CORPUS, source), 'utf8')])),
  );
}

/** `id-data-penelitian` for `id/data-penelitian.md`: the golden file prefix. */
export function corpusName(source: string): string {
  return source.replace('/', '-').replace(/\.md$/, '');
}
