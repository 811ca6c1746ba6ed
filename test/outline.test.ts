// The outline: one reading of a procedure for every edition.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../src/outline/plain-text.js';
import type { Outline } from '../src/outline/types.js';
import { CORPUS, CORPUS_SOURCES, checkCorpus, corpusName } from './support/corpus.js';
import { check, expectGolden, messageLines, renderContext, validProcedure } from './support/fixtures.js';

async function outlineOf(text: string, source = 'id/cuti-tahunan.md'): Promise<Outline> {
  const checked = await check({ [source]: text });
  const procedure = checked[0]?.procedure;
  if (!procedure) throw new Error(`did not build: ${messageLines(checked[0]!).join(', ')}`);
  return (await renderContext(checked)).outline(procedure);
}

describe('golden corpus', async () => {
  const checked = await checkCorpus();
  const context = await renderContext(checked);
  for (const source of CORPUS_SOURCES) {
    const doc = checked.find((candidate) => candidate.source === source)!;
    it(`${source} is valid`, () => {
      expect(messageLines(doc).filter((line) => line.includes('error'))).toEqual([]);
    });
    it(`${source} outline`, () => {
      const outline = context.outline(doc.procedure!);
      expectGolden(
        join(CORPUS, `${corpusName(source)}.outline.json`),
        `${JSON.stringify(outline, (key, value) => (key === 'position' ? undefined : value), 2)}\n`,
      );
    });
  }
});

describe('outline', () => {
  it('puts sections in one reading order: requirements, steps, own sections, complaints, legal basis, notes', async () => {
    const outline = await outlineOf(
      validProcedure((text) =>
        text
          .replace(
            '## Pengaduan',
            '## Catatan\n\nSebuah catatan.\n\n## Dasar Hukum\n\n- PP 11/2017\n\n## Jadwal\n\nSenin.\n\n## Pengaduan',
          )
          .replace('## Persyaratan', '## Prosedur0'),
      ).replace('## Prosedur0', '## Persyaratan'),
    );
    expect(outline.sections.map((section) => section.kind)).toEqual([
      'requirements',
      'steps',
      'free',
      'complaints',
      'legalBasis',
      'notes',
    ]);
    expect(outline.sections.map((section) => section.title)).toEqual([
      'Persyaratan',
      'Prosedur',
      'Jadwal',
      'Pengaduan',
      'Dasar hukum',
      'Catatan',
    ]);
  });

  it("uses the site's complaint channels when the procedure has none", async () => {
    const outline = await outlineOf(validProcedure((text) => text.replace(/## Pengaduan[\s\S]*$/, '')));
    const complaints = outline.sections.find((section) => section.kind === 'complaints')!;
    expect(complaints.origin).toBe('site');
    expect(complaints.blocks.map((block) => block.type)).toEqual(['paragraph', 'list']);
  });

  it('keeps the numbering of an ordered requirements list, with its start', async () => {
    const outline = await outlineOf(
      validProcedure((text) =>
        text.replace('- Formulir permohonan cuti\n- Fotokopi SK pangkat terakhir', '3. Formulir\n4. Fotokopi SK'),
      ),
    );
    const list = outline.sections[0]?.list;
    expect(list).toMatchObject({ ordered: true, start: 3 });
    expect(outline.sections[0]?.blocks).toContain(list);
  });

  it('numbers footnotes by first reference and keeps notes nobody refers to', async () => {
    const outline = await outlineOf(
      validProcedure((text) =>
        text
          .replace('Pengantar singkat.', 'Pengantar[^b] singkat[^a].')
          .replace(
            '- Loket pengaduan',
            '- Loket pengaduan\n\n[^a]: Catatan A.\n\n[^b]: Catatan B.\n\n[^c]: Catatan C.',
          ),
      ),
    );
    const texts = outline.notes.map((note) => [
      note.number,
      note.blocks[0]?.type === 'paragraph' && plainText(note.blocks[0].children, { links: 'text' }),
    ]);
    expect(texts).toEqual([
      [1, 'Catatan B.'],
      [2, 'Catatan A.'],
      [3, 'Catatan C.'],
    ]);
    const intro = outline.introduction[0];
    expect(intro?.type === 'paragraph' && intro.children.filter((node) => node.type === 'noteRef')).toEqual([
      expect.objectContaining({ number: 1 }),
      expect.objectContaining({ number: 2 }),
    ]);
  });

  it('carries the translation notice on a translation that may be out of date', async () => {
    const checked = await check({
      'id/cuti-tahunan.md': validProcedure(),
      'jv/cuti-tahunan.md': validProcedure((text) =>
        text
          .replace('## Persyaratan', '## Syarat')
          .replace('## Prosedur', '## Tata Cara')
          .replace('## Pengaduan', '## Pangaduan'),
      ),
    });
    const context = await renderContext(checked);
    const jv = checked.find((doc) => doc.source === 'jv/cuti-tahunan.md')!.procedure!;
    expect(context.outline(jv).notice).toMatchObject({
      originalDir: 'id/cuti-tahunan',
      originalUrl: 'https://bkpsdm.uji.example/layanan/id/cuti-tahunan/index.html',
      originalLanguageName: 'Bahasa Indonesia',
    });
    const id = checked.find((doc) => doc.source === 'id/cuti-tahunan.md')!.procedure!;
    expect(context.outline(id).notice).toBeUndefined();
  });
});

describe('plain text', () => {
  const link = (url: string, text: string) => ({
    type: 'link' as const,
    url,
    children: [{ type: 'text' as const, value: text }],
  });
  it('reads a link as its text, or with its address once', () => {
    const nodes = [
      { type: 'text' as const, value: 'Lihat ' },
      link('https://a.example/x', 'laman resmi'),
      { type: 'text' as const, value: '.' },
    ];
    expect(plainText(nodes, { links: 'text' })).toBe('Lihat laman resmi.');
    expect(plainText(nodes, { links: 'with-address' })).toBe('Lihat laman resmi (https://a.example/x).');
    expect(plainText([link('mailto:a@b.id', 'a@b.id')], { links: 'with-address' })).toBe('a@b.id');
  });
  it('keeps spaces around marked-up words and reads note references as asked', () => {
    const nodes = [
      { type: 'text' as const, value: 'Bawa ' },
      { type: 'strong' as const, children: [{ type: 'text' as const, value: 'KTP-el' }] },
      { type: 'noteRef' as const, number: 2 },
      { type: 'break' as const },
      { type: 'phrase' as const, lang: 'jv', children: [{ type: 'text' as const, value: 'asli' }] },
    ];
    expect(plainText(nodes, { links: 'text' })).toBe('Bawa KTP-el asli');
    expect(plainText(nodes, { links: 'text', noteRef: (n) => `[${n}]` })).toBe('Bawa KTP-el[2] asli');
  });
});
