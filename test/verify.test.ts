// `pelita verify`: every edition read back, independently of its writer, must carry the
// whole outline; an edition altered after the build is caught, with edition, line and text.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparable, missingFrom } from '../src/verify/compare.js';
import { expectedTexts } from '../src/verify/expected-texts.js';
import { contentFolder, flatMessages, pelita, tempDir } from './support/cli.js';
import { checkCorpus } from './support/corpus.js';
import { renderContext, validProcedure } from './support/fixtures.js';

describe('comparing texts', () => {
  it('ignores white space, case, quotes, dashes, brackets and emoji, never digits', () => {
    expect(comparable('“Rp 1.500.000,-” (KTP‑el) ✍️')).toBe(comparable('rp 1.500.000, "(ktpel)"'));
    expect(comparable('kepega-\nwaian')).toBe(comparable('kepegawaian'));
    expect(comparable('Pasal 12a')).not.toBe(comparable('Pasal 121'));
    expect(comparable('(0282) 534 767')).not.toBe(comparable('(0282) 534 768'));
  });
  it('finds a text that ends in other punctuation, and misses a changed number', () => {
    const texts = [{ text: 'tanggal mulai cuti;' }, { text: 'Rp 50.000/hari' }];
    expect(missingFrom('… tanggal mulai cuti. Biaya Rp 50.000/8ari', texts, (text) => text.text)).toEqual([texts[1]]);
  });
});

describe('expected texts', async () => {
  const checked = await checkCorpus();
  const context = await renderContext(checked);
  const outline = context.outline(checked[0]!.procedure!);
  const texts = expectedTexts(outline);
  it('cut paragraphs into sentences, and at note references and links', () => {
    const intro = texts.filter((text) => text.part === 'introduction').map((text) => text.text);
    expect(intro).toEqual([
      'Data yang diberikan hanya data agregat, misalnya jumlah pegawai per golongan.',
      'Data pribadi pegawai tidak diberikan',
      'Sebutan setempat untuk layanan ini adalah panyuwunan data.',
    ]);
    expect(texts.map((text) => text.text)).toContain('data@bkpsdm.uji.example');
  });
  it('cover every part of the outline, with source lines', () => {
    const parts = new Set(texts.map((text) => text.part));
    expect([...parts].sort()).toEqual([
      'facts',
      'introduction',
      'items',
      'notes',
      'sections',
      'summary',
      'title',
      'unit',
    ]);
    expect(texts.find((text) => text.text.startsWith('Proposal penelitian'))?.position?.start.line).toBe(18);
    expect(texts.map((text) => text.text)).toEqual(
      expect.arrayContaining(['Penyiapan data', '5 hari', 'Perihal: Permohonan Data Kepegawaian untuk Penelitian']),
    );
  });
});

describe('pelita verify on a built site', () => {
  const procedure = validProcedure((text) =>
    text
      .replace(
        'Pengantar singkat.',
        'Pengantar singkat[^1].\n\n| Tahap | Lama |\n| --- | --- |\n| Verifikasi | 2 hari |',
      )
      .replace('- Loket pengaduan', '- Loket pengaduan\n\n[^1]: Catatan kaki uji.'),
  );
  let content: string;
  let out: string;
  beforeAll(() => {
    content = contentFolder({ 'id/cuti-tahunan.md': procedure });
    out = tempDir('pelita-verify-');
    const build = pelita(['build', '--content', content, '--out', out]);
    expect(build.stderr).toMatch(/^braille: (\d+)\/\1 texts$/m);
    expect(build.status, build.stderr).toBe(0);
  });

  it('prints one fidelity line per edition and records it in catalog.json', () => {
    const result = pelita(['verify', '--content', content, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    for (const edition of ['html', 'fragment', 'leaflet', 'large-print', 'braille', 'audio', 'pictogram', 'catalog']) {
      expect(result.stderr).toMatch(new RegExp(`^${edition}: (\\d+)/\\1 texts$`, 'm'));
    }
    const catalog = JSON.parse(readFileSync(join(out, 'catalog/id/1.json'), 'utf8'));
    const entry = catalog.procedures[0];
    expect(entry.fidelity.braille.found).toBe(entry.fidelity.braille.expected);
    expect(entry.fidelity.braille.expected).toBeGreaterThan(10);
  });

  it('fails when a line is removed from the spoken script, naming the edition, the line and the text', () => {
    const path = join(out, 'id/cuti-tahunan/audio.txt');
    const script = readFileSync(path, 'utf8');
    writeFileSync(path, script.replace(/[^\n]*ke loket[^\n]*/i, ''));
    const result = pelita(['verify', '--content', content, '--out', out]);
    writeFileSync(path, script);
    expect(result.status).toBe(1);
    expect(flatMessages(result.stderr)).toMatch(
      /cuti-tahunan\.md:\d+:\d+ +error +The audio edition \(id\/cuti-tahunan\/audio\.txt\) does not carry this text: "Serahkan ke loket/,
    );
  });

  it('fails when a step is removed from the braille', () => {
    const path = join(out, 'id/cuti-tahunan/braille.pef');
    const pef = readFileSync(path, 'utf8');
    // The step "Serahkan ke loket." is the row that starts with the braille number 2.
    const altered = pef.replace(/<row>⠼⠃⠲[^<]*<\/row>/, '<row></row>');
    expect(altered).not.toBe(pef);
    writeFileSync(path, altered);
    const result = pelita(['verify', '--content', content, '--out', out]);
    writeFileSync(path, pef);
    expect(result.status).toBe(1);
    expect(flatMessages(result.stderr)).toMatch(
      /cuti-tahunan\.md:25:\d+ +error +The braille edition \(id\/cuti-tahunan\/braille\.pef\) does not carry this text: "Serahkan ke loket/,
    );
  });

  it('fails when a footnote is cut from the leaflet', () => {
    const result = pelita([
      'verify',
      '--content',
      contentFolder({
        'id/cuti-tahunan.md': procedure.replace('[^1]: Catatan kaki uji.', '[^1]: Catatan kaki yang lain.'),
      }),
      '--out',
      out,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /The leaflet edition \(id\/cuti-tahunan\/leaflet\.pdf\) does not carry this text: "Catatan kaki yang lain\."/,
    );
  });
});
