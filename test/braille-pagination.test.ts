// Pagination is pure code on cells; with a pass-through "table" (print characters as
// cells, a space as the blank cell) its goldens read as plain text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GEOMETRY, readGeometry } from '../src/render/braille/geometry.js';
import { type CellBlock, type Geometry, type Page, paginate, shorten } from '../src/render/braille/paginate.js';
import { toProofText } from '../src/render/braille/serialise.js';
import { expectGolden, FIXTURES } from './support/fixtures.js';

const GOLDEN = join(FIXTURES, 'braille', 'pagination');

const DOCUMENT: CellBlock[] = [
  { kind: 'title', cells: 'Cuti Tahunan Pegawai Negeri Sipil' },
  { kind: 'paragraph', cells: 'Layanan bagi PNS yang ingin mengambil cuti tahunan dengan tetap menerima penghasilan.' },
  { kind: 'item', level: 0, cells: 'Biaya: Gratis' },
  { kind: 'heading', cells: 'Persyaratan' },
  { kind: 'item', level: 0, cells: '- Formulir permohonan yang telah diisi dan ditandatangani, memuat:' },
  { kind: 'item', level: 1, cells: '- alamat selama cuti;' },
  { kind: 'item', level: 1, cells: '- pertimbangan atasan langsung secara terus-menerus-tanpa-henti.' },
  { kind: 'heading', cells: 'Prosedur' },
  {
    kind: 'item',
    level: 0,
    cells: '1. Isi formulir di https://bkpsdm.sukamaju.example/layanan/formulir/ lalu kirim.',
    addresses: [3],
  },
  { kind: 'item', level: 0, cells: '2. Serahkan.' },
  { kind: 'heading', cells: 'Catatan' },
  { kind: 'paragraph', cells: 'Supercalifragilisticexpialidocious-nya adalah kata yang sangat panjang.' },
];

const SMALL: Geometry = { cols: 24, rows: 9, pageNumber: 'bottom' };

function passThrough(blocks: CellBlock[], geometry: Geometry) {
  return paginate(blocks, {
    geometry,
    blank: ' ',
    hyphen: '-',
    breakAfter: ['/', '.'],
    breakBefore: ['@'],
    continuation: '⠐',
    indicators: [],
    punctuation: [',', ';', ':', '.', '-'],
    runningHead: blocks[0]?.cells ?? '',
    pageNumber: (page) => `#${page}`,
  });
}

function expectWithin(pages: Page[], geometry: Geometry) {
  for (const page of pages) {
    expect(page.lines.length).toBeLessThanOrEqual(geometry.rows);
    for (const line of page.lines) expect([...line].length).toBeLessThanOrEqual(geometry.cols);
  }
}

describe('pagination (pass-through table)', () => {
  it('sets a small page with the number at the bottom', () => {
    const { pages, overlong } = passThrough(DOCUMENT, SMALL);
    expectWithin(pages, SMALL);
    // The web address breaks at its slashes and periods with the continuation sign; the
    // long word does not fit 22 cells: cut, and reported.
    expect(overlong).toEqual([11]);
    expectGolden(join(GOLDEN, 'bottom-24x9.txt'), toProofText(pages));
  });

  it('sets the same page with the number at the top, beside the running head', () => {
    const geometry: Geometry = { ...SMALL, pageNumber: 'top' };
    const { pages } = passThrough(DOCUMENT, geometry);
    expectWithin(pages, geometry);
    expectGolden(join(GOLDEN, 'top-24x9.txt'), toProofText(pages));
  });

  it('sets the default A4 page, 40 × 28', () => {
    const { pages } = passThrough(DOCUMENT, DEFAULT_GEOMETRY);
    expectWithin(pages, DEFAULT_GEOMETRY);
    expectGolden(join(GOLDEN, 'default-a4-40x28.txt'), toProofText(pages));
  });

  it('never leaves a heading as the last line of a page', () => {
    for (const rows of [6, 7, 8, 9, 10, 11, 12]) {
      const geometry: Geometry = { cols: 24, rows, pageNumber: 'bottom' };
      const { pages } = passThrough(DOCUMENT, geometry);
      expectWithin(pages, geometry);
      const headings = DOCUMENT.filter((block) => block.kind === 'heading').map((block) => block.cells);
      for (const page of pages) {
        const body = page.lines.slice(0, -1).filter((line) => line.trim() !== '');
        const last = body.at(-1)?.trim() ?? '';
        expect(headings, `rows ${rows}: ${page.lines.join('|')}`).not.toContain(last);
      }
    }
  });

  it('keeps every word, in order, split only after a hyphen or in an address with the continuation sign', () => {
    const { pages, overlong } = passThrough(DOCUMENT, DEFAULT_GEOMETRY);
    expect(overlong).toEqual([]);
    const lines = pages.flatMap((page, index) => page.lines.slice(index > 0 ? 1 : 0, -1)).map((line) => line.trim());
    // A line that ends inside a word (after a hyphen that is not a list marker, or in the
    // continuation sign) continues it.
    const rejoined = lines
      .filter((line) => line !== '')
      .reduce((text, line) => {
        if (text.endsWith('⠐')) return `${text.slice(0, -1)}${line}`;
        return /\S-$/.test(text) ? `${text}${line}` : `${text} ${line}`;
      }, '')
      .trim();
    const original = DOCUMENT.map((block) => block.cells).join(' ');
    expect(rejoined).toBe(original);
  });

  it('sets subheadings in cell 5 and cell 7, and displays blocked in cell 3 with a blank line around each', () => {
    const geometry: Geometry = { cols: 30, rows: 25, pageNumber: 'bottom' };
    const { pages } = passThrough(
      [
        { kind: 'heading', cells: 'Jadwal' },
        { kind: 'subheading', level: 1, cells: 'Hari kerja dan jam pelayanan loket' },
        { kind: 'paragraph', cells: 'Senin sampai Kamis.' },
        { kind: 'subheading', level: 2, cells: 'Jumat' },
        { kind: 'displayed', level: 0, group: 0, cells: 'baris satu' },
        { kind: 'displayed', level: 0, group: 0, cells: 'baris dua' },
        { kind: 'displayed', level: 0, group: 1, cells: 'Kutipan yang cukup panjang untuk dua baris.' },
        { kind: 'item', level: 0, cells: '1. Langkah' },
      ],
      geometry,
    );
    expect(pages[0]?.lines.slice(0, 14)).toEqual([
      '            Jadwal',
      '',
      '    Hari kerja dan jam',
      '    pelayanan loket',
      '  Senin sampai Kamis.',
      '',
      '      Jumat',
      '  baris satu',
      '  baris dua',
      '',
      '  Kutipan yang cukup panjang',
      '  untuk dua baris.',
      '',
      '1. Langkah',
    ]);
  });

  it('shortens the running head to whole words', () => {
    expect(shorten('Cuti Tahunan Pegawai Negeri Sipil', 20, ' ')).toBe('Cuti Tahunan Pegawai');
    expect(shorten('Pendek', 20, ' ')).toBe('Pendek');
    expect(shorten('Supercalifragilistic', 5, ' ')).toBe('Super');
  });

  it('ends a shortened running head in no comma, colon or dash', () => {
    const punctuation = [',', ';', ':', '.', '-'];
    expect(shorten('Izin Belajar: Jenjang D-III, S-1, dan S-2', 28, ' ', punctuation)).toBe(
      'Izin Belajar: Jenjang D-III',
    );
    expect(shorten('Izin Belajar: Jenjang D-III', 20, ' ', punctuation)).toBe('Izin Belajar');
    expect(shorten('Paspor - Penggantian Karena Hilang', 12, ' ', punctuation)).toBe('Paspor');
  });

  const lay = (block: CellBlock, cols = 20) =>
    (passThrough([block], { cols, rows: 25, pageNumber: 'bottom' }).pages[0]?.lines.slice(0, -1) ?? []).filter(
      (line) => line !== '',
    );

  it('never breaks inside "S-1", "KTP-el" or "D-III", but does inside "terus-menerus"', () => {
    for (const word of ['S-1', 'KTP-el', 'D-III', 'e-KTP']) {
      for (let cut = 1; cut < word.length; cut++) {
        const lines = lay({ kind: 'paragraph', cells: `${'x'.repeat(18 - cut - 2)} ${word}` });
        expect(
          lines.some((line) => line.split(' ').includes(word)),
          `${word}: ${lines.join('|')}`,
        ).toBe(true);
      }
    }
    expect(lay({ kind: 'paragraph', cells: 'Bekerja secara terus-menerus' })).toEqual([
      '  Bekerja secara',
      'terus-menerus',
    ]);
    expect(lay({ kind: 'paragraph', cells: 'Bekerja secara terus-menerus' }, 23)).toEqual([
      '  Bekerja secara terus-',
      'menerus',
    ]);
  });

  it('keeps a number with its unit and "Rp" with its amount on one line', () => {
    const cells = 'Biaya cetak Rp 50.000 per lembar ukuran 4×6 cm selama 2 jam';
    const words = cells.split(' ');
    const glue = [words.indexOf('Rp'), words.indexOf('4×6'), words.indexOf('2')];
    const glued = lay({ kind: 'paragraph', cells, glue }, 16);
    expect(glued).toContain('Rp 50.000 per');
    expect(glued.some((line) => line.endsWith('4×6 cm') || line.startsWith('4×6 cm'))).toBe(true);
    expect(glued.some((line) => line.includes('2 jam'))).toBe(true);
    // Without the marks the same text parts them.
    const loose = lay({ kind: 'paragraph', cells }, 16);
    expect(loose.some((line) => line.endsWith('Rp'))).toBe(true);
    // Longer than a line, glued words part rather than being cut.
    const long = lay({ kind: 'paragraph', cells: 'a bbbbbbbbbb cccccccccc', glue: [0, 1] }, 14);
    expect(long.map((line) => line.trim())).toEqual(['a bbbbbbbbbb', 'cccccccccc']);
  });

  it('breaks an address longer than a line only after / or . or before @, with the continuation sign', () => {
    const block: CellBlock = {
      kind: 'paragraph',
      cells: 'Kirim ke layanan.pengaduan@bkpsdm.sukamaju.example hari ini',
      addresses: [2],
    };
    expect(lay(block, 24)).toEqual(['  Kirim ke layanan.⠐', 'pengaduan@bkpsdm.⠐', 'sukamaju.example hari', 'ini']);
    expect(lay(block, 16)).toEqual([
      '  Kirim ke',
      'layanan.⠐',
      'pengaduan⠐',
      '@bkpsdm.⠐',
      'sukamaju.example',
      'hari ini',
    ]);
    const url = lay({ kind: 'item', level: 0, cells: '- https://www.lapor.go.id/instansi/bkpsdm', addresses: [1] }, 20);
    expect(url).toEqual(['- https://www.⠐', '  lapor.go.id/⠐', '  instansi/bkpsdm']);
    // Shorter than a line: the address moves to the next line whole, and never breaks at its hyphen.
    expect(lay({ kind: 'paragraph', cells: 'Lapor di https://lapor.go.id hari ini', addresses: [2] }, 24)).toEqual([
      '  Lapor di',
      'https://lapor.go.id hari',
      'ini',
    ]);
    expect(
      lay({ kind: 'paragraph', cells: 'Daftar di https://e-layanan.example.go.id/daftar', addresses: [2] }, 24),
    ).toEqual(['  Daftar di https://⠐', 'e-layanan.example.go.⠐', 'id/daftar']);
    // Not an address: the same long word moves to the next line whole.
    const word = lay({ kind: 'paragraph', cells: 'Kirim ke layanan.pengaduan hari ini' }, 24);
    expect(word).toEqual(['  Kirim ke', 'layanan.pengaduan hari', 'ini']);
  });

  it('keeps the lines of one table row on one page where they fit', () => {
    const rows: CellBlock[] = [];
    for (let row = 0; row < 4; row++) {
      rows.push({ kind: 'item', level: 0, together: row, cells: `Hari: H${row}` });
      rows.push({ kind: 'item', level: 1, together: row, cells: `Jam: 08.00–15.00 dan 16.00–20.00 W${row}` });
    }
    const geometry: Geometry = { cols: 20, rows: 8, pageNumber: 'bottom' };
    const { pages } = passThrough([{ kind: 'paragraph', cells: 'Jadwal:' }, ...rows], geometry);
    for (const page of pages) {
      const body = page.lines.join('|');
      for (let row = 0; row < 4; row++) {
        expect(body.includes(`H${row}`), `row ${row} split: ${body}`).toBe(body.includes(`W${row}`));
      }
    }
    // Without the rows marked, some row is split across pages at this size.
    const loose = passThrough(
      [{ kind: 'paragraph', cells: 'Jadwal:' }, ...rows.map(({ together: _, ...block }) => block)],
      geometry,
    ).pages;
    expect(
      loose.some((page) => {
        const body = page.lines.join('|');
        return [0, 1, 2, 3].some((row) => body.includes(`H${row}`) !== body.includes(`W${row}`));
      }),
    ).toBe(true);
  });
});

describe('page geometry (templates/braille/geometry.yaml)', () => {
  const yaml = 'use: default\npresets:\n  default: {cols: 40, rows: 25}\n  a4: {cols: 40, rows: 28, pageNumber: top}\n';

  it('uses the preset the file names, with defaults for what it leaves out', () => {
    expect(readGeometry(yaml)).toEqual({ cols: 40, rows: 25, pageNumber: 'bottom' });
    expect(readGeometry(yaml, 'a4')).toEqual({ cols: 40, rows: 28, pageNumber: 'top' });
  });

  it('refuses unknown presets and impossible pages', () => {
    expect(() => readGeometry(yaml, 'letter')).toThrow(/no preset "letter"/);
    expect(() => readGeometry('use: x\npresets:\n  x: {cols: 3}\n')).toThrow(/cols ≥ 12/);
  });
});
