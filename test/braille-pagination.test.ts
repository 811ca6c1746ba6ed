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
  { kind: 'item', level: 0, cells: '1. Isi formulir di https://bkpsdm.sukamaju.example/layanan/formulir/ lalu kirim.' },
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
    breakAfter: ['/'],
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
    // The web address and the long word do not fit 22 cells: cut, and reported.
    expect(overlong).toEqual([8, 11]);
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

  it('keeps every word, in order, split only after a hyphen or a slash', () => {
    const { pages, overlong } = passThrough(DOCUMENT, DEFAULT_GEOMETRY);
    expect(overlong).toEqual([]);
    const lines = pages.flatMap((page, index) => page.lines.slice(index > 0 ? 1 : 0, -1)).map((line) => line.trim());
    // A line that ends inside a word (after a hyphen or slash that is not a list marker) continues it.
    const rejoined = lines
      .filter((line) => line !== '')
      .reduce((text, line) => (/\S[-/]$/.test(text) ? `${text}${line}` : `${text} ${line}`), '')
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
