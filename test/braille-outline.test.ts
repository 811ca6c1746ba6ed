// The braille edition reads the outline, and nothing else about the content: every
// block in reading order, list numbers, headings by level, note marks and notes, the
// translation notice, links without nested parentheses. Golden proofs of the shared
// corpus (id, jv) sit beside it.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../src/outline/plain-text.js';
import type { Block, Inline, Outline } from '../src/outline/types.js';
import { brailleRenderer } from '../src/render/braille/braille-renderer.js';
import { withoutSigns } from '../src/render/braille/emphasis.js';
import { loadEngine } from '../src/render/braille/engine.js';
import { type PrintBlock, printBlocks } from '../src/render/braille/print-blocks.js';
import type { Artifact, ProcedureRun, RenderContext } from '../src/render/types.js';
import { NATIVE_INSTALLED, TABLE } from './support/braille.js';
import { tempDir } from './support/cli.js';
import { CORPUS, CORPUS_SOURCES, checkCorpus, corpusName } from './support/corpus.js';
import { check, expectGolden, REPO, renderContext, validProcedure } from './support/fixtures.js';

const SCHEMA = [join(REPO, '..', 'shared'), join(REPO, '..', '..', 'shared')]
  .map((dir) => join(dir, 'pef', 'pef-2008-1.rng'))
  .find((path) => existsSync(path));

const OPTIONS = { addressLabel: 'alamat' };

/** Renders from the outline alone: the run carries no model. */
async function render(outline: Outline, context: RenderContext, warnings: string[] = []): Promise<Artifact[]> {
  const run = { earlier: [], warn: (reason: string) => warnings.push(reason) } as unknown as ProcedureRun;
  return (await brailleRenderer.renderProcedure?.(outline, context, run)) ?? [];
}

const file = (artifacts: Artifact[], name: string) =>
  artifacts.find((artifact) => artifact.path.endsWith(`/${name}`))?.data.toString() ?? '';

async function outlineOf(text: string): Promise<{ outline: Outline; context: RenderContext }> {
  const checked = await check({ 'id/cuti-tahunan.md': text });
  const procedure = checked[0]?.procedure;
  if (!procedure) throw new Error('procedure did not build');
  const context = await renderContext(checked);
  return { outline: context.outline(procedure), context };
}

const texts = (blocks: PrintBlock[]) => blocks.map((block) => block.text);

describe('golden corpus (braille proof)', async () => {
  const checked = await checkCorpus();
  const context = await renderContext(checked);
  for (const source of CORPUS_SOURCES) {
    const procedure = checked.find((doc) => doc.source === source)?.procedure;
    it(`${source}: braille.txt`, async () => {
      if (!procedure) throw new Error(`${source} did not build`);
      const artifacts = await render(context.outline(procedure), context);
      expectGolden(join(CORPUS, `${corpusName(source)}.braille.txt`), file(artifacts, 'braille.txt'));
    });

    it(`${source}: every block of the outline, in reading order`, () => {
      if (!procedure) throw new Error(`${source} did not build`);
      const outline = context.outline(procedure);
      const print = printBlocks(outline, OPTIONS)
        .map((block) => withoutSigns(block.text))
        .join('\n');
      // Each paragraph, item, cell and line, as its text without link addresses, in order.
      const expected: string[] = [];
      // Links carry their address in braille: their text and the text around them are compared apart.
      const text = (nodes: readonly Inline[]): string[] => {
        const parts: string[] = [];
        let run: Inline[] = [];
        const flush = () => parts.push(plainText(run, { links: 'text', noteRef: (number) => `[${number}]` }));
        for (const node of nodes) {
          if (node.type !== 'link') run.push(node);
          else {
            flush();
            run = [...node.children];
            flush();
            run = [];
          }
        }
        flush();
        return parts.filter((part) => part !== '');
      };
      const walk = (blocks: readonly Block[]) => {
        for (const block of blocks) {
          if (block.type === 'paragraph') expected.push(...text(block.children));
          if (block.type === 'subheading') expected.push(...text(block.content));
          if (block.type === 'preformatted') expected.push(...block.lines);
          if (block.type === 'quote') walk(block.children);
          if (block.type === 'table') {
            for (const row of block.rows) expected.push(...row.flatMap((cell) => text(cell.content)));
          }
          if (block.type === 'list') {
            for (const item of block.items) {
              expected.push(...text(item.content));
              walk(item.blocks);
            }
          }
        }
      };
      walk(outline.introduction);
      for (const section of outline.sections) {
        expected.push(section.title);
        walk(section.blocks);
      }
      expected.push(outline.notesTitle);
      for (const note of outline.notes) walk(note.blocks);
      let from = 0;
      for (const part of expected) {
        const at = print.indexOf(part, from);
        expect(at, `"${part}" missing or out of order`).toBeGreaterThanOrEqual(0);
        from = at;
      }
    });
  }

  it.skipIf(!SCHEMA)('writes PEF that validates against the PEF 1.0 schema', async () => {
    const dir = tempDir('pelita-braille-corpus-');
    const paths: string[] = [];
    for (const doc of checked) {
      if (!doc.procedure) continue;
      const path = join(dir, `${doc.procedure.lang}.pef`);
      writeFileSync(path, file(await render(context.outline(doc.procedure), context), 'braille.pef'));
      paths.push(path);
    }
    const result = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA ?? '', ...paths], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  });

  it.skipIf(!NATIVE_INSTALLED)('gives the same files with the native engine', async () => {
    const native = { ...context, settings: { ...context.settings, brailleEngine: 'native' as const } };
    for (const doc of checked) {
      if (!doc.procedure) continue;
      const outline = context.outline(doc.procedure);
      const [embedded, nativeFiles] = [await render(outline, context), await render(outline, native)];
      expect(nativeFiles.map((artifact) => artifact.data.toString())).toEqual(
        embedded.map((artifact) => artifact.data.toString()),
      );
    }
  });

  it.skipIf(!NATIVE_INSTALLED)('reads back the title page, the notes and the notice (native)', async () => {
    const jv = checked.find((doc) => doc.source === 'jv/data-penelitian.md')?.procedure;
    if (!jv) throw new Error('jv corpus did not build');
    const blocks = printBlocks(context.outline(jv), OPTIONS);
    const engine = await loadEngine('native');
    const back = await engine.backTranslate(await engine.translate(texts(blocks), TABLE), TABLE);
    expect(back.slice(0, 3).join('\n')).toContain('https://bkpsdm.uji.example/layanan/id/data-penelitian/index.html');
    expect(back.join('\n')).toContain('Ragad/tarif: Rp 0,-');
    expect(back.at(-1)).toMatch(/^\[1\] Data pribadi/);
  });
});

describe('print blocks from the outline', () => {
  it('keeps the print numbers of an ordered requirements list, from its start', async () => {
    const { outline } = await outlineOf(
      validProcedure((text) =>
        text.replace('- Formulir permohonan cuti\n- Fotokopi SK pangkat terakhir', '3. Formulir\n4. Fotokopi SK'),
      ),
    );
    const print = texts(printBlocks(outline, OPTIONS));
    expect(print).toContain('3. Formulir');
    expect(print).toContain('4. Fotokopi SK');
    expect(print).toContain('- Loket pengaduan');
  });

  it('takes title, facts, unit and date from the outline alone', async () => {
    const { outline, context } = await outlineOf(validProcedure());
    const changed: Outline = {
      ...outline,
      title: { text: 'Judul Lain' },
      facts: outline.facts.map((fact) => ({ ...fact, value: `${fact.value} (uji)` })),
      unit: { text: 'Unit Uji', label: 'Unit' },
      updated: { ...outline.updated, text: '1 Januari 2030' },
      sections: outline.sections.map((section) => ({ ...section, title: `${section.title} Uji` })),
    };
    const print = texts(printBlocks(changed, OPTIONS));
    expect(print.slice(0, 7)).toEqual([
      'Judul Lain',
      'Layanan cuti tahunan bagi PNS.',
      'Jangka waktu penyelesaian: 3 hari kerja (uji)',
      'Biaya/tarif: Gratis (uji)',
      'Produk layanan: Surat Izin Cuti Tahunan (uji)',
      'Unit: Unit Uji',
      'Terakhir diperbarui: 1 Januari 2030',
    ]);
    expect(print).toContain('Persyaratan Uji');
    const pef = file(await render(changed, context), 'braille.pef');
    expect(pef).toContain('<dc:title>Judul Lain</dc:title>');
  });

  it('sets section headings, subheadings and deeper subheadings apart', async () => {
    const { outline, context } = await outlineOf(
      validProcedure((text) =>
        text.replace(
          '## Pengaduan',
          '## Jadwal\n\n### Hari kerja\n\nSenin sampai Kamis.\n\n#### Jumat\n\nSampai pukul 11.00.\n\n## Pengaduan',
        ),
      ),
    );
    const blocks = printBlocks(outline, OPTIONS);
    expect(blocks.find((block) => block.text === 'Jadwal')?.kind).toBe('heading');
    expect(blocks.find((block) => block.text === 'Hari kerja')).toMatchObject({ kind: 'subheading', level: 1 });
    expect(blocks.find((block) => block.text === 'Jumat')).toMatchObject({ kind: 'subheading', level: 2 });
    const lines = file(await render(outline, context), 'braille.txt').split('\n');
    const line = async (text: string) => {
      const [cells] = await (await loadEngine('embedded')).translate([text], TABLE);
      return lines.find((candidate) => candidate.replace(/^⠀+/, '') === cells);
    };
    // Centred, cell 5, cell 7.
    expect((await line('Jadwal'))?.startsWith('⠀'.repeat(10))).toBe(true);
    expect(await line('Hari kerja')).toMatch(/^⠀{4}⠠⠓/);
    expect(await line('Jumat')).toMatch(/^⠀{6}⠠⠚/);
  });

  it('marks note references and prints the notes at the end under their title, with the same numbers', async () => {
    const { outline } = await outlineOf(
      validProcedure((text) =>
        text
          .replace('Pengantar singkat.', 'Pengantar singkat[^a] dan lanjutan[^b].')
          .concat('\n[^a]: Catatan pertama.\n[^b]: Catatan kedua.\n'),
      ),
    );
    const print = texts(printBlocks(outline, OPTIONS));
    expect(print).toContain('Pengantar singkat[1] dan lanjutan[2].');
    expect(print.slice(-3)).toEqual(['Catatan kaki', '[1] Catatan pertama.', '[2] Catatan kedua.']);
  });

  it('prints the translation notice on the title page, with the address of the original', async () => {
    const checked = await checkCorpus();
    const context = await renderContext(checked);
    const jv = checked.find((doc) => doc.source === 'jv/data-penelitian.md')?.procedure;
    if (!jv) throw new Error('jv corpus did not build');
    const print = texts(printBlocks(context.outline(jv), OPTIONS));
    expect(print[2]).toMatch(/^Terjemahan punika .* Waos versi aslinipun \(Bahasa Indonesia\): https:\/\/\S+\/id\//);
    const id = checked.find((doc) => doc.source === 'id/data-penelitian.md')?.procedure;
    expect(texts(printBlocks(context.outline(id!), OPTIONS))[2]).toMatch(/^Jangka waktu/);
  });

  it('keeps phrases in another language, tables row by row and preformatted lines one by one', async () => {
    const { outline } = await outlineOf(
      validProcedure((text) =>
        text.replace(
          '## Pengaduan',
          '## Jadwal\n\nDisebut :jv[layanan cuti] di daerah.\n\n| Hari | Jam |\n| --- | --- |\n| Senin | 08.00–15.00 |\n\n```\nbaris satu\nbaris dua\n```\n\n> Kutipan penting.\n\n## Pengaduan',
        ),
      ),
    );
    const blocks = printBlocks(outline, OPTIONS);
    const print = texts(blocks);
    expect(print).toContain('Disebut layanan cuti di daerah.');
    expect(blocks.filter((block) => block.text.startsWith('Hari: ') || block.text.startsWith('Jam: '))).toEqual([
      expect.objectContaining({ text: 'Hari: Senin', level: 0 }),
      expect.objectContaining({ text: 'Jam: 08.00–15.00', level: 1 }),
    ]);
    const displayed = blocks.filter((block) => block.kind === 'displayed');
    expect(displayed.map((block) => block.text)).toEqual(['baris satu', 'baris dua', 'Kutipan penting.']);
    // One display per code block and per quote: set apart from each other.
    expect(new Set(displayed.map((block) => block.group)).size).toBe(2);
  });
});

describe('links in braille', () => {
  const linkText = async (markdown: string) => {
    const { outline } = await outlineOf(validProcedure((text) => text.replace('Pengantar singkat.', markdown)));
    return texts(printBlocks(outline, OPTIONS))[7];
  };

  it('give their address once in parentheses, as plainText does', async () => {
    expect(await linkText('Unduh [formulir](https://bkpsdm.uji.example/formulir).')).toBe(
      'Unduh formulir (https://bkpsdm.uji.example/formulir).',
    );
  });

  it('never nest parentheses inside parentheses', async () => {
    expect(await linkText('Lapor daring (lihat [laman LAPOR](https://www.lapor.go.id)).')).toBe(
      'Lapor daring (lihat laman LAPOR, alamat: https://www.lapor.go.id).',
    );
    expect(await linkText('Lapor daring ([www.lapor.go.id](https://www.lapor.go.id)).')).toBe(
      'Lapor daring (www.lapor.go.id).',
    );
    expect(await linkText('Datang ke [Kantor (pusat)](https://uji.example/kantor).')).toBe(
      'Datang ke Kantor (pusat), alamat: https://uji.example/kantor.',
    );
  });

  it('print an address once when the text is the address as a reader types it', async () => {
    expect(
      await linkText('Lapor di [www.lapor.go.id](https://www.lapor.go.id/) atau [SP4N](https://sp4n.example).'),
    ).toBe('Lapor di www.lapor.go.id atau SP4N (https://sp4n.example).');
    expect(await linkText('Surel [pengaduan@dukcapil.example](mailto:pengaduan@dukcapil.example).')).toBe(
      'Surel pengaduan@dukcapil.example.',
    );
  });

  it('leave no run of parenthesis cells in the braille', async () => {
    const { outline, context } = await outlineOf(
      validProcedure((text) =>
        text.replace('Pengantar singkat.', 'Lapor daring ([www.lapor.go.id](https://www.lapor.go.id)).'),
      ),
    );
    expect(file(await render(outline, context), 'braille.txt')).not.toMatch(/⠶⠶/);
  });
});

describe('braille lines of a procedure the tests never saw', () => {
  it('keep S-1, units and amounts whole, trim the running head, and read back whole', async () => {
    const { outline, context } = await outlineOf(
      validProcedure((text) =>
        text
          .replace(
            'title: Cuti Tahunan',
            'title: "Izin Belajar: Jenjang D-III, S-1, dan S-2 bagi Pegawai Negeri Sipil"',
          )
          .replace(
            'Pengantar singkat.',
            Array.from(
              { length: 6 },
              (_, n) =>
                `Pegawai lulusan S-1 membawa pas foto 4×6 cm sebanyak ${n + 2} lembar, membayar Rp 50.000 per berkas, menunggu ${n + 1} jam di loket KTP-el, lalu mengunggah berkas ke https://simpeg.bkpsdm.sukamaju.example/izin-belajar/unggah/berkas.`,
            ).join('\n\n'),
          ),
      ),
    );
    const proof = file(await render(outline, context), 'braille.txt');
    const engine = await loadEngine('embedded');
    const pages = proof
      .split(/\n?--- \d+ ---\n/)
      .filter((page) => page !== '')
      .map((page) => page.replace(/\n+$/, ''));
    const lines = pages.flatMap((page) => page.split('\n'));
    const back = await engine.backTranslate(
      lines.map((line) => line.replace(/^⠀+/, '')),
      TABLE,
    );
    const read = back.map((line) => line.trim());
    // No line ends inside a unit or a hyphenated abbreviation.
    for (const line of read) {
      expect(line, line).not.toMatch(/(\bRp|\b4×6|\bS-|\bKTP-)$/);
      expect(line, line).not.toMatch(/^(cm|lembar|jam|50\.000|el)\b/);
    }
    // The running head on the pages after the first: whole words, no trailing comma.
    expect(pages.length).toBeGreaterThan(1);
    const heads = await engine.backTranslate(
      pages.slice(1).map((page) => page.split('\n')[0] ?? ''),
      TABLE,
    );
    for (const head of heads) expect(head.toLowerCase()).toBe('izin belajar: jenjang d-iii');
    // The address breaks with dot 5 at the line end; joined, it reads back whole.
    // Body rows only, as a reader goes on from page to page (running head and page number left out).
    const body = pages
      .flatMap((page, index) => page.split('\n').slice(index > 0 ? 1 : 0, -1))
      .filter((line) => line !== '');
    const continued = body.filter((line) => line.endsWith('⠐'));
    expect(continued.length).toBeGreaterThanOrEqual(6);
    const joined = body.reduce(
      (text, line) => (text.endsWith('⠐') ? text.slice(0, -1) + line.replace(/^⠀+/, '') : `${text}\n${line}`),
      '',
    );
    const [again] = await engine.backTranslate([joined.replace(/\n/g, '⠀')], TABLE);
    expect(again?.match(/https:\/\/simpeg\.bkpsdm\.sukamaju\.example\/izin-belajar\/unggah\/berkas/g)).toHaveLength(6);
  });
});
