// Both liblouis engines give the same cells for Pelita's table on the whole corpus
// (sample content, fixtures and the golden corpus), and back-translation gives the
// print text back: every number exactly, on the native engine that verification uses.
import { beforeAll, describe, expect, it } from 'vitest';
import { KURSIF, withoutSigns } from '../src/render/braille/emphasis.js';
import { loadEngine } from '../src/render/braille/engine.js';
import { knownCharacters } from '../src/render/braille/tables.js';
import { characterRules, replaceUnknown } from '../src/render/braille/unknown-characters.js';
import { corpusTexts, NATIVE_INSTALLED, TABLE } from './support/braille.js';

let texts: string[];
let embeddedCells: string[];

beforeAll(async () => {
  const known = knownCharacters(TABLE);
  texts = (await corpusTexts()).map((text) => replaceUnknown(text, known, characterRules('id')).text);
  embeddedCells = await (await loadEngine('embedded')).translate(texts, TABLE);
});

/**
 * What back-translation cannot give back, by design of the braille code: capitals
 * (3.2 reads them back as small letters) and signs that share one cell: “ ” ",
 * × ?, — –, … and three periods; straight single quotes come back curly. The kursif
 * sign (bold, italic) reads back as nothing. Digits, letters after digits and every
 * other sign are compared exactly.
 */
function comparable(text: string): string {
  return withoutSigns(text)
    .toLowerCase()
    .replace(/[“”"]/g, '"')
    .replace(/[—–]/g, '–')
    .replace(/…/g, '...')
    .replace(/×/g, '?')
    .replace(/\+/g, '!');
}

/** Capitals and quotes as comparable() reads them, and the apostrophe inside a word. */
function sameSigns(text: string): string {
  return comparable(text)
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '’')
    .replace(/'/g, '’')
    .replace(/(?<=^|\s)’/g, '‘');
}

/** liblouis 3.2 does not end a number inside a word ("SP4N-LAPOR" reads back "sp4n-l1por"): digits compared as the letters they share cells with. */
function comparableOn32(text: string): string {
  return sameSigns(text).replace(/[0-9]/g, (digit) => 'jabcdefghi'[Number(digit)] ?? digit);
}

/** Every number as printed, in order, with the letters that follow it: "1.", "12a", "1.500.000", "08.00", "3cm". */
function numbers(text: string): string[] {
  return text.match(/\d+(?:[.,:/-]\d+)*\p{L}*/gu) ?? [];
}

/** Tricky print the tests never took from the content: letters after digits, money, times, quotes, signs. */
const TRICKY = [
  'Pasal 12a',
  'Pasal 5b ayat (2)',
  '3cm',
  '3 cm',
  '2jam',
  'Rp 50.000/hari',
  'Rp 1.500.000,-',
  'Rp 0,-',
  '(0282) 534 767',
  '08.00–15.00 WIB',
  '±3 hari',
  '‘Perlu dilengkapi’',
  'Jum’at',
  'pas foto 4×6 cm',
  'ukuran 1,5cm',
  'nomor 10:30a',
  'S-1 dan KTP-el',
  '17-08-2024',
  '17/08/2024',
  'ke-2',
  '2,5%',
  'a = b',
  'catatan*',
  'pengaduan@dukcapil.example.go.id',
  'nama_pengguna & sandi #12',
  // Emphasis as the formatter writes it (emphasis.ts): the kursif sign before each word,
  // doubled before a passage of three words or more and again before its last word.
  `Biaya ${KURSIF}gratis.`,
  `${KURSIF}Rp ${KURSIF}0,-`,
  `${KURSIF}3 ${KURSIF}hari kerja`,
  `${KURSIF}Pasal ${KURSIF}12a`,
  `huruf ${KURSIF}a dan ${KURSIF}b`,
  `(${KURSIF}gratis)`,
  `‘${KURSIF}Perlu dilengkapi’`,
  `${KURSIF}“Perlu ${KURSIF}dilengkapi”`,
  `${KURSIF}${KURSIF}paling lambat 3 hari ${KURSIF}kerja.`,
  `${KURSIF}${KURSIF}SURAT IZIN ${KURSIF}USAHA`,
  `1. ${KURSIF}Surat pengantar`,
  `${KURSIF}08.00–15.00 ${KURSIF}WIB`,
  `[${KURSIF}catatan]`,
  `unduh ${KURSIF}formulir (https://bkpsdm.example.go.id/formulir)`,
  `${KURSIF}±3 ${KURSIF}hari`,
  `${KURSIF}12A`,
];

describe('braille engines on the corpus', () => {
  it('translate every block of the corpus into braille cells only', () => {
    expect(texts.length).toBeGreaterThan(500);
    for (const cells of embeddedCells) expect(cells).toMatch(/^[\u2800-\u283f]*$/);
  });

  it.skipIf(!NATIVE_INSTALLED)('give identical cells (embedded liblouis 3.2, native 3.24)', async () => {
    const native = await loadEngine('native');
    expect(native.version).toMatch(/^3\./);
    const nativeCells = await native.translate(texts, TABLE);
    const differences = texts.filter((_, index) => nativeCells[index] !== embeddedCells[index]);
    expect(differences).toEqual([]);
  });

  it.skipIf(!NATIVE_INSTALLED)(
    'native: one lou_translate answers batch after batch, also several at once',
    async () => {
      const native = await loadEngine('native');
      const whole = await native.translate(texts, TABLE);
      const batches = Array.from({ length: 7 }, (_, index) => texts.filter((_, at) => at % 7 === index));
      const atOnce = await Promise.all(batches.map((batch) => native.translate(batch, TABLE)));
      for (const [index, batch] of batches.entries())
        expect(atOnce[index]).toEqual(batch.map((text) => whole[texts.indexOf(text)]));
      // A line liblouis reads in parts is refused, as before; the next batch is still right.
      await expect(native.translate(['kata '.repeat(1000)], TABLE)).rejects.toThrow(/returned \d+ lines for 1/);
      expect(await native.translate(texts.slice(0, 20), TABLE)).toEqual(whole.slice(0, 20));
    },
  );

  it('back-translate to the print text (embedded, letters a–j and digits alike)', async () => {
    const back = await (await loadEngine('embedded')).backTranslate(embeddedCells, TABLE);
    const differences = texts.flatMap((text, index) =>
      comparableOn32(back[index] ?? '') === comparableOn32(text) ? [] : [`${text}\n${back[index]}`],
    );
    expect(differences).toEqual([]);
  });

  describe.skipIf(!NATIVE_INSTALLED)('back-translation with the native engine (strict)', () => {
    let back: string[];
    beforeAll(async () => {
      back = await (await loadEngine('native')).backTranslate(embeddedCells, TABLE);
    });

    it('gives the print text back, every digit, letter and sign', () => {
      const differences = texts.flatMap((text, index) =>
        sameSigns(back[index] ?? '') === sameSigns(text) ? [] : [`${text}\n${back[index]}`],
      );
      expect(differences).toEqual([]);
    });

    it('gives every number, letter-number token and list number back exactly', () => {
      expect(texts.filter((text) => /\d\p{L}/u.test(text)).length).toBeGreaterThan(0);
      const differences = texts.flatMap((text, index) => {
        const read = back[index] ?? '';
        return numbers(read).join(' ') === numbers(text).join(' ') &&
          /^\d+\./.exec(read)?.[0] === /^\d+\./.exec(text)?.[0]
          ? []
          : [`${text}\n${read}`];
      });
      expect(differences).toEqual([]);
    });
  });

  it.skipIf(!NATIVE_INSTALLED)('read tricky print back exactly, the same cells on both engines (native)', async () => {
    const native = await loadEngine('native');
    const cells = await native.translate(TRICKY, TABLE);
    expect(await (await loadEngine('embedded')).translate(TRICKY, TABLE)).toEqual(cells);
    const read = await native.backTranslate(cells, TABLE);
    expect(read.map(sameSigns)).toEqual(TRICKY.map(sameSigns));
    expect(read.map(numbers)).toEqual(TRICKY.map(numbers));
    // The kursif sign is read back as nothing, not as a stray character.
    const emphasised = TRICKY.flatMap((text, index) =>
      text.includes(KURSIF) ? [[withoutSigns(text), read[index]]] : [],
    );
    expect(emphasised.length).toBeGreaterThanOrEqual(15);
    for (const [print, back] of emphasised) expect(back?.replace(/“|”/g, '"')).toBe(print?.replace(/“|”/g, '"'));
    for (const cell of cells) expect(cell).not.toMatch(/⠸⠿/);
  });

  it.skipIf(!NATIVE_INSTALLED)('read back dates, times, money and thousands as printed (native)', async () => {
    const print = [
      'Rp 1.500.000,-',
      'Rp 0,-',
      '08.00–15.00 WIB',
      '08.00-15.00',
      '12.00',
      '2,5%',
      '17-08-2024',
      '17/08/2024',
      'pukul 10:30',
      'Nomor 12/2017',
      '(0282) 534 767',
      '1. Surat',
      'S-1',
      'ke-2',
    ];
    const native = await loadEngine('native');
    const read = await native.backTranslate(await native.translate(print, TABLE), TABLE);
    expect(read.map(numbers)).toEqual(print.map(numbers));
    expect(read.slice(0, 6)).toEqual(print.slice(0, 6));
  });

  it('grow the output buffer when braille is longer than twice the print, and keep blank cells', async () => {
    const engine = await loadEngine('embedded');
    // An ellipsis is three cells: the first output buffer (twice the input) is too small.
    const [ellipses] = await engine.translate(['…'.repeat(20_000)], TABLE);
    expect(ellipses).toBe('⠄'.repeat(60_000));
    const [money] = await engine.translate(['Rp 15.000 '.repeat(3000).trim()], TABLE);
    expect(money).toBe(Array(3000).fill('⠠⠗⠏⠀⠼⠁⠑⠂⠚⠚⠚').join('⠀'));
  });
});
