// Bold and italic in braille: the kursif sign (dots 46) before each emphasised word, 46-46
// and 46 around a passage of three words or more; the same cells on both engines, read
// back without the sign, kept with its word on paper.
import { describe, expect, it } from 'vitest';
import type { Outline } from '../src/outline/types.js';
import { layOut } from '../src/render/braille/braille-renderer.js';
import { EMPHASIS_BEGIN, EMPHASIS_END, emphasise, KURSIF, withoutSigns } from '../src/render/braille/emphasis.js';
import { loadEngine } from '../src/render/braille/engine.js';
import { inlineText, printBlocks } from '../src/render/braille/print-blocks.js';
import { NATIVE_INSTALLED, TABLE } from './support/braille.js';
import { check, renderContext, validProcedure } from './support/fixtures.js';

const OPTIONS = { addressLabel: 'alamat' };
const SIGN = '⠨';

/** `{…}` for emphasis in print, `⠨` for the kursif sign in the result: readable cases. */
const marked = (text: string) => text.replace(/\{/g, EMPHASIS_BEGIN).replace(/\}/g, EMPHASIS_END);
const shown = (text: string) => text.replaceAll(KURSIF, SIGN);

async function outlineOf(text: string): Promise<Outline> {
  const checked = await check({ 'id/cuti-tahunan.md': text });
  const procedure = checked[0]?.procedure;
  if (!procedure) throw new Error('procedure did not build');
  return (await renderContext(checked)).outline(procedure);
}

describe('kursif sign in the print text (emphasise)', () => {
  it.each([
    ['{gratis}', '⠨gratis'],
    ['{gratis}.', '⠨gratis.'],
    ['({gratis})', '(⠨gratis)'],
    ['{(gratis)}', '⠨(gratis)'],
    ['ber{status} PNS', '⠨berstatus PNS'],
    ['{dua kata}', '⠨dua ⠨kata'],
    ['{tiga kata ini}', '⠨⠨tiga kata ⠨ini'],
    ['{satu dua tiga empat}', '⠨⠨satu dua tiga ⠨empat'],
    ['{bold {miring} bold}', '⠨⠨bold miring ⠨bold'],
    ['{Rp 0,-}', '⠨Rp ⠨0,-'],
    ['{3 hari}', '⠨3 ⠨hari'],
    ['huruf {a}', 'huruf ⠨a'],
    ['{:} lalu', ': lalu'],
    ['a { b } c', 'a ⠨b c'],
    ['{a} {b} c', '⠨a ⠨b c'],
    ['{“Perlu dilengkapi”}', '⠨“Perlu ⠨dilengkapi”'],
    ['tanpa tanda', 'tanpa tanda'],
  ])('%s → %s', (print, expected) => {
    expect(shown(emphasise(marked(print)))).toBe(expected);
    expect(withoutSigns(emphasise(marked(print)))).toBe(withoutSigns(marked(print)).replace(/ +/g, ' ').trim());
  });
});

describe('emphasis from the outline', () => {
  const DOCUMENT = validProcedure((text) =>
    text
      .replace(
        'Pengantar singkat.',
        'Biaya layanan **gratis**. Berkas diterima *paling lambat **3 hari** kerja* sebelum tanggal cuti. ' +
          'Bayar **Rp 0,-** di loket, isi kolom **a** dan unduh [**formulir**](https://bkpsdm.example.go.id/formulir).',
      )
      .replace('- Formulir permohonan cuti', '- Formulir **yang telah ditandatangani atasan langsung**')
      .replace('## Prosedur', '| **Berkas** | Jumlah |\n| --- | --- |\n| SK pangkat | **2 lembar** |\n\n## Prosedur'),
  );

  it('signs emphasised words in paragraphs, items, table cells and link text, not table headers', async () => {
    const texts = printBlocks(await outlineOf(DOCUMENT), OPTIONS).map((block) => shown(block.text));
    expect(texts).toContain(
      'Biaya layanan ⠨gratis. Berkas diterima ⠨⠨paling lambat 3 hari ⠨kerja sebelum tanggal cuti. ' +
        'Bayar ⠨Rp ⠨0,- di loket, isi kolom ⠨a dan unduh ⠨formulir (https://bkpsdm.example.go.id/formulir).',
    );
    expect(texts).toContain('- Formulir ⠨⠨yang telah ditandatangani atasan ⠨langsung');
    expect(texts).toContain('Berkas: SK pangkat');
    expect(texts).toContain('Jumlah: ⠨2 ⠨lembar');
    expect(texts.join('\n')).not.toMatch(/[\ufdd0\ufdd1]/);
  });

  it('gives the same cells on both engines and reads them back without the sign', async () => {
    const texts = printBlocks(await outlineOf(DOCUMENT), OPTIONS).map((block) => block.text);
    const embedded = await loadEngine('embedded');
    const cells = await embedded.translate(texts, TABLE);
    const paragraph = cells.find((line) => line.includes('⠨⠛⠗⠁⠞⠊⠎⠲')) ?? '';
    // Kursif before the number sign, and before each of "Rp" and "0,-".
    expect(paragraph).toContain('⠨⠨⠏⠁⠇⠊⠝⠛⠀⠇⠁⠍⠃⠁⠞⠀⠼⠉⠀⠓⠁⠗⠊⠀⠨⠅⠑⠗⠚⠁');
    expect(paragraph).toContain('⠨⠠⠗⠏⠀⠨⠼⠚⠂⠤');
    expect(paragraph).toContain('⠅⠕⠇⠕⠍⠀⠨⠁⠀');
    const back = await embedded.backTranslate(cells, TABLE);
    expect(back.map((text) => text.toLowerCase())).toEqual(texts.map((text) => withoutSigns(text).toLowerCase()));
    if (NATIVE_INSTALLED) {
      const native = await loadEngine('native');
      expect(await native.translate(texts, TABLE)).toEqual(cells);
      expect(await native.backTranslate(cells, TABLE)).toEqual(texts.map(withoutSigns));
    }
  });

  it('keeps the sign with its word when a passage breaks across lines and pages', async () => {
    const passage = Array.from({ length: 30 }, (_, index) => `kata${'abcdefghij'[index % 10]}`).join(' ');
    const outline = await outlineOf(validProcedure((text) => text.replace('Pengantar singkat.', `**${passage}**`)));
    const blocks = printBlocks(outline, OPTIONS);
    const cells = await (await loadEngine('embedded')).translate(
      blocks.map((block) => block.text),
      TABLE,
    );
    const { pages } = layOut(blocks, cells, { cols: 16, rows: 6, pageNumber: 'bottom' }, 'id');
    const lines = pages.flatMap((page) => page.lines);
    const signed = lines.filter((line) => line.includes(SIGN));
    // 46-46 before the first word and 46 before the last ("kataj"), on different pages.
    expect(signed).toHaveLength(2);
    expect(signed[0]).toMatch(/(^|\u2800)⠨⠨⠅⠁⠞⠁⠁(\u2800|$)/);
    expect(signed[1]).toMatch(/(^|\u2800)⠨⠅⠁⠞⠁⠚(\u2800|$)/);
    for (const line of lines) expect(line.replace(/\u2800+$/, '')).not.toMatch(/⠨$/);
    const pageOf = (line: string | undefined) => pages.findIndex((page) => page.lines.includes(line ?? ''));
    expect(pageOf(signed[0])).toBeLessThan(pageOf(signed[1]));
  });

  it('shows the print without signs on the proof page', async () => {
    const checked = await check({ 'id/cuti-tahunan.md': DOCUMENT });
    const context = await renderContext(checked);
    const procedure = checked[0]?.procedure;
    if (!procedure) throw new Error('procedure did not build');
    const { brailleRenderer } = await import('../src/render/braille/braille-renderer.js');
    const run = { earlier: [], warn: () => undefined } as never;
    const artifacts = (await brailleRenderer.renderProcedure?.(context.outline(procedure), context, run)) ?? [];
    const proof = artifacts.find((artifact) => artifact.path.endsWith('/braille.html'))?.data.toString() ?? '';
    expect(proof).toContain('Biaya layanan gratis.');
    expect(proof).not.toMatch(/[\ufdd0-\ufdd2]/);
    const pef = artifacts.find((artifact) => artifact.path.endsWith('/braille.pef'))?.data.toString() ?? '';
    expect(pef).toContain('⠨⠛⠗⠁⠞⠊⠎⠲');
  });

  it("drops a noncharacter from the writer's text, so it never becomes a sign", () => {
    const text = inlineText([{ type: 'text', value: `Pengantar${KURSIF} singkat${EMPHASIS_BEGIN}.\ufffe` }], OPTIONS);
    expect(text).toBe('Pengantar singkat.');
  });
});
