// Checked procedures wait compressed, then are read back from their last-good records, with
// only a few held whole (issue #16: memory that does not follow the corpus).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model/check-documents.js';
import { lastGoodArtifact } from '../src/pipeline/last-good.js';
import { procedureStore } from '../src/pipeline/procedure-store.js';
import { tempDir } from './support/cli.js';
import { check, validProcedure } from './support/fixtures.js';

async function checked(count: number): Promise<CheckedDocument[]> {
  const documents: Record<string, string> = {};
  for (let i = 1; i <= count; i++)
    documents[`id/layanan-${i}.md`] = validProcedure((text) => text.replace(/^title: .*$/m, `title: Layanan ${i}`));
  return check(documents);
}

const dirOf = (doc: CheckedDocument) => doc.source.replace(/\.md$/, '');

describe('the procedure store', () => {
  it('gives back each packed procedure whole and equal, holding only the most recent', async () => {
    const docs = await checked(4);
    const before = docs.map((doc) => JSON.parse(JSON.stringify(doc.procedure)));
    expect(before.every((procedure) => procedure !== undefined)).toBe(true);
    const store = procedureStore(undefined, 2);
    for (const doc of docs) store.pack(doc, dirOf(doc));
    expect(docs.map((doc) => JSON.parse(JSON.stringify(doc.procedure)))).toEqual(before);
    // The same object while it is among the two most recent; read again (equal) after.
    const [first, second, , last] = docs as [CheckedDocument, CheckedDocument, CheckedDocument, CheckedDocument];
    const held = last.procedure;
    expect(last.procedure).toBe(held);
    void first.procedure;
    void second.procedure;
    expect(last.procedure).not.toBe(held);
    expect(last.procedure).toEqual(held);
    expect(last.procedure?.meta.title).toBe('Layanan 4');
  });

  it('reads a written procedure from its last-good record in the output folder', async () => {
    const [doc, other] = await checked(2);
    if (!doc?.procedure || !other) throw new Error('the fixture has errors');
    const out = tempDir();
    const record = lastGoodArtifact(doc.procedure);
    mkdirSync(join(out, 'id/layanan-1'), { recursive: true });
    writeFileSync(join(out, ...record.path.split('/')), String(record.data).replace('Layanan 1', 'Dari berkas'));
    const store = procedureStore(out, 1);
    store.pack(doc, dirOf(doc));
    store.written(doc, dirOf(doc));
    expect(doc.procedure?.meta.title).toBe('Layanan 1'); // still held whole
    store.pack(other, dirOf(other)); // now the one held
    expect(doc.procedure?.meta.title).toBe('Dari berkas'); // read from its record
    expect(() => store.get('id/tidak-ada')).toThrow(); // neither packed nor written
  });
});
