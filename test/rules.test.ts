// One test per validation rule: the smallest document that breaks it, and where
// the message points. Plus: a valid document has no messages at all.
import { describe, expect, it } from 'vitest';
import { check, messageLines, validProcedure } from './support/fixtures.js';

async function messagesFor(source: string, text: string | Uint8Array, extra: Record<string, string> = {}) {
  const docs = await check({ 'id/cuti-tahunan.md': validProcedure(), ...extra, [source]: text });
  const doc = docs.find((d) => d.source === source);
  if (!doc) throw new Error('document not checked');
  return { lines: messageLines(doc), doc };
}

describe('a valid procedure', () => {
  it('has no messages and becomes a procedure', async () => {
    const { lines, doc } = await messagesFor('id/cuti-tahunan.md', validProcedure());
    expect(lines).toEqual([]);
    expect(doc.procedure?.meta.title).toBe('Cuti Tahunan');
  });
});

const cases: {
  rule: string;
  source?: string;
  text: string | Uint8Array;
  expected: string;
  extra?: Record<string, string>;
}[] = [
  {
    rule: 'missing-front-matter',
    text: '## Persyaratan\n\n- a\n\n## Prosedur\n\n1. b\n',
    expected: '1:1 error missing-front-matter',
  },
  {
    rule: 'invalid-yaml',
    text: validProcedure((t) => t.replace('cost: Gratis', 'cost: "Gratis')),
    expected: '5:7 error invalid-yaml',
  },
  {
    rule: 'front-matter-not-map',
    text: validProcedure((t) => t.replace(/^---\n[\s\S]*?\n---/, '---\n- just a list\n---')),
    expected: '1:1 error front-matter-not-map',
  },
  {
    rule: 'missing-cost',
    text: validProcedure((t) => t.replace('cost: Gratis\n', '')),
    expected: '1:1 error missing-cost',
  },
  {
    rule: 'missing-title (empty)',
    text: validProcedure((t) => t.replace('title: Cuti Tahunan', 'title: ""')),
    expected: '2:8 error missing-title',
  },
  {
    rule: 'wrong-type',
    text: validProcedure((t) => t.replace('product: Surat Izin Cuti Tahunan', 'product:\n  - Surat\n  - Izin')),
    expected: '7:3 error wrong-type',
  },
  {
    rule: 'invalid-date (impossible)',
    text: validProcedure((t) => t.replace('2025-09-15', '2025-02-30')),
    expected: '7:10 error invalid-date',
  },
  {
    rule: 'invalid-date (format)',
    text: validProcedure((t) => t.replace('2025-09-15', '15/09/2025')),
    expected: '7:10 error invalid-date',
  },
  {
    rule: 'unknown-key',
    text: validProcedure((t) => t.replace('unit:', 'unti:')),
    expected: '8:7 warning unknown-key',
  },
  {
    rule: 'long-summary',
    text: validProcedure((t) =>
      t.replace('summary: Layanan cuti tahunan bagi PNS.', `summary: ${'kata '.repeat(41).trim()}`),
    ),
    expected: '3:10 warning long-summary',
  },
  {
    rule: 'missing-requirements',
    text: validProcedure((t) =>
      t.replace('## Persyaratan\n\n- Formulir permohonan cuti\n- Fotokopi SK pangkat terakhir\n\n', ''),
    ),
    expected: '21:1 error missing-requirements',
  },
  {
    rule: 'missing-steps',
    text: validProcedure((t) => t.replace('## Prosedur\n\n1. Isi formulir.\n2. Serahkan ke loket.\n\n', '')),
    expected: '21:1 error missing-steps',
  },
  {
    rule: 'empty-list',
    text: validProcedure((t) =>
      t.replace('- Formulir permohonan cuti\n- Fotokopi SK pangkat terakhir\n', 'Tidak ada.\n'),
    ),
    expected: '13:1 error empty-list',
  },
  {
    rule: 'empty-list-item',
    text: validProcedure((t) => t.replace('- Fotokopi SK pangkat terakhir', '-')),
    expected: '16:1 error empty-list-item',
  },
  {
    rule: 'steps-not-numbered',
    text: validProcedure((t) => t.replace('1. Isi formulir.\n2. Serahkan', '- Isi formulir.\n- Serahkan')),
    expected: '20:1 error steps-not-numbered',
  },
  {
    rule: 'extra-list',
    text: validProcedure((t) => t.replace('2. Serahkan ke loket.\n', '2. Serahkan ke loket.\n\nCatatan:\n\n- lain\n')),
    expected: '25:1 warning extra-list',
  },
  {
    rule: 'duplicate-section',
    text: validProcedure((t) => `${t}\n## Persyaratan\n\n- lagi\n`),
    expected: '27:1 error duplicate-section',
  },
  {
    rule: 'heading-level',
    text: validProcedure((t) => `${t}\n# Lain-lain\n\nTeks.\n`),
    expected: '27:1 warning heading-level',
  },
  { rule: 'invalid-slug', source: 'id/Cuti_Tahunan.md', text: validProcedure(), expected: '1:1 error invalid-slug' },
  {
    rule: 'unknown-language',
    source: 'fr/cuti-tahunan.md',
    text: validProcedure(),
    expected: '1:1 error unknown-language',
  },
  {
    rule: 'orphan-translation',
    source: 'jv/cuti-hamil.md',
    text: validProcedure(),
    expected: '1:1 error orphan-translation',
  },
  {
    rule: 'invalid-utf8',
    text: Buffer.concat([
      Buffer.from(validProcedure().slice(0, 30)),
      Buffer.from([0xe9]),
      Buffer.from(validProcedure().slice(30)),
    ]),
    expected: '3:7 error invalid-utf8',
  },
  {
    rule: 'raw-html',
    text: validProcedure((t) => t.replace('Pengantar singkat.', 'Pengantar <b>singkat</b>.')),
    expected: '11:11 warning raw-html',
  },
  {
    rule: 'unsafe-link',
    text: validProcedure((t) => t.replace('Pengantar singkat.', '[klik](javascript:alert(1))')),
    expected: '11:1 warning unsafe-link',
  },
];

describe('validation rules', () => {
  for (const { rule, source = 'id/cuti-besar.md', text, expected, extra } of cases) {
    it(rule, async () => {
      const { lines, doc } = await messagesFor(source, text, extra);
      expect(lines).toContain(expected);
      if (expected.includes(' error ')) expect(doc.procedure).toBeUndefined();
      else expect(doc.procedure).toBeDefined();
    });
  }

  it('missing-complaints warns only when neither the document nor site.yaml names a channel', async () => {
    const noComplaints = validProcedure((t) => t.replace('## Pengaduan\n\n- Loket pengaduan\n', ''));
    const siteWithout = (await import('node:fs'))
      .readFileSync(new URL('./fixtures/site.yaml', import.meta.url), 'utf8')
      .replace(/complaints:[\s\S]*$/, '');
    const [withSite] = await check({ 'id/cuti-tahunan.md': noComplaints });
    expect(messageLines(withSite!)).toEqual([]);
    const [without] = await check({ 'id/cuti-tahunan.md': noComplaints }, siteWithout);
    expect(messageLines(without!)).toEqual(['23:1 warning missing-complaints']);
    expect(without!.procedure).toBeDefined();
  });

  it('says in plain words what is wrong and how to fix it', async () => {
    const { doc } = await messagesFor(
      'id/cuti-besar.md',
      validProcedure((t) => t.replace('cost: Gratis\n', '')),
    );
    const [message] = doc.file.messages;
    expect(message?.reason).toBe(
      'The required front-matter key "cost" is missing (the fee, "biaya/tarif" in UU 25/2009 art. 21). Add a line `cost: …` to the front matter.',
    );
  });

  it('reports every problem of a document, not just the first', async () => {
    const text = validProcedure((t) =>
      t.replace('cost: Gratis\n', '').replace('2025-09-15', '2025-13-01').replace('1. Isi', '- Isi'),
    );
    const { lines } = await messagesFor('id/cuti-besar.md', text);
    expect(lines.map((line) => line.split(' ').at(-1))).toEqual(
      expect.arrayContaining(['missing-cost', 'invalid-date', 'steps-not-numbered']),
    );
  });
});
