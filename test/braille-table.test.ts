// Pelita's Indonesian braille table: the YAML cases on both engines (lou_checkyaml on
// the native one), the characters it knows, and braille page numbers.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankCells, loadEngine } from '../src/render/braille/engine.js';
import { nativeEngine } from '../src/render/braille/native-engine.js';
import { brailleNumeral } from '../src/render/braille/numerals.js';
import { timeRanges } from '../src/render/braille/print-blocks.js';
import { charactersDefinedIn, knownCharacters, PELITA_TABLES_DIR, tableFor } from '../src/render/braille/tables.js';
import { characterRules, replaceUnknown } from '../src/render/braille/unknown-characters.js';
import { NATIVE_INSTALLED, TABLE, TABLE_BACKWARD_YAML, TABLE_YAML, tableCases } from './support/braille.js';

const cases = tableCases();
const backwardCases = tableCases(TABLE_BACKWARD_YAML);
const TABLE_PATH = { ...process.env, LOUIS_TABLEPATH: `${PELITA_TABLES_DIR},/usr/share/liblouis/tables` };

describe('Indonesian braille table (YAML cases)', () => {
  it('has at least 60 cases, among them the rules of issue #3', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const byInput = new Map(cases);
    // The examples the issue spells out, cell by cell.
    expect(byInput.get('Rp 15.000')).toBe('⠠⠗⠏⠀⠼⠁⠑⠂⠚⠚⠚');
    expect(byInput.get('2,5')).toBe('⠼⠃⠨⠑');
    expect(byInput.get('17-08-2024')).toBe('⠼⠁⠛⠤⠚⠓⠤⠃⠚⠃⠙');
    expect(byInput.get('PNS')).toBe('⠠⠠⠏⠝⠎');
    expect(byInput.get('A')).toBe('⠠⠁');
    expect(byInput.get('tunggu...')).toBe('⠞⠥⠝⠛⠛⠥⠄⠄⠄');
    expect(byInput.get('catatan*')).toBe('⠉⠁⠞⠁⠞⠁⠝⠔⠔');
    expect(byInput.get('a = b')).toBe('⠁⠀⠒⠒⠀⠃');
  });

  it('gives every case on the embedded engine (liblouis 3.2)', async () => {
    const engine = await loadEngine('embedded');
    const actual = await engine.translate(
      cases.map(([input]) => input),
      TABLE,
    );
    expect(actual.map((cells, index) => [cases[index]?.[0], cells])).toEqual(cases);
  });

  it.skipIf(!NATIVE_INSTALLED)('gives every case on the native engine, run by lou_checkyaml', () => {
    const result = spawnSync('lou_checkyaml', [TABLE_YAML], { encoding: 'utf8', env: TABLE_PATH });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`SUCCESS (${cases.length} tests, 0 failures)`);
    expect(result.status).toBe(0);
  });

  it('reads every back-translation case on the embedded engine (liblouis 3.2: capitals as small letters)', async () => {
    expect(backwardCases.length).toBeGreaterThanOrEqual(30);
    expect(backwardCases.filter(([cells]) => cells.includes('⠨')).length).toBeGreaterThanOrEqual(15);
    const engine = await loadEngine('embedded');
    const actual = await engine.backTranslate(
      backwardCases.map(([cells]) => cells),
      TABLE,
    );
    expect(actual.map((print, index) => [backwardCases[index]?.[0], print.toLowerCase()])).toEqual(
      backwardCases.map(([cells, print]) => [cells, print.toLowerCase()]),
    );
  });

  it.skipIf(!NATIVE_INSTALLED)('reads every back-translation case on the native engine, run by lou_checkyaml', () => {
    const result = spawnSync('lou_checkyaml', [TABLE_BACKWARD_YAML], { encoding: 'utf8', env: TABLE_PATH });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`SUCCESS (${backwardCases.length} tests, 0 failures)`);
    expect(result.status).toBe(0);
  });

  it.skipIf(!NATIVE_INSTALLED)("passes lou_checktable with the native engine's table list", () => {
    const list = ['unicode.dis', TABLE, 'capitals.uti', 'numbers.uti'].join(',');
    const result = spawnSync('lou_checktable', [list], { encoding: 'utf8', env: TABLE_PATH });
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('No errors found.');
    expect(result.status).toBe(0);
  });

  it('reads a capital straight after a number as a letter on liblouis 3.2 too, up to three points in the number', async () => {
    const engine = await loadEngine('embedded');
    const print = ['12A', 'SP4N-LAPOR!', 'Rp 50.000/Hari', '2024-B', '1.500.000B', 'No. 12B, RT 02/RW 05'];
    const back = await engine.backTranslate(await engine.translate(print, TABLE), TABLE);
    expect(back).toEqual(print.map((text) => text.toLowerCase()));
    // Known limit, embedded engine only (verify uses the native one when installed): with
    // four or more points, slashes or hyphens inside the number, 3.2 reads the letter as a digit.
    const [limit] = await engine.backTranslate(await engine.translate(['1.2.3.4.5A'], TABLE), TABLE);
    expect(limit).toBe('1.2.3.4.51');
  });

  it('writes page numbers in the same numerals as the table', async () => {
    const engine = await loadEngine('embedded');
    const numbers = [1, 2, 9, 10, 11, 20, 99, 100, 105, 1234];
    expect(numbers.map(brailleNumeral)).toEqual(await engine.translate(numbers.map(String), TABLE));
  });
});

describe('tables per language (templates/braille/languages.yaml)', () => {
  it('writes Indonesian, Javanese and Sundanese with the Indonesian table', () => {
    expect(['id', 'jv', 'su', 'en'].map(tableFor)).toEqual([TABLE, TABLE, TABLE, TABLE]);
  });

  it('turns the blank cell liblouis 3.2 writes as a space (or no-break space) into U+2800', () => {
    expect(blankCells('⠁ ⠃\u00a0⠉')).toBe('⠁⠀⠃⠀⠉');
  });
});

describe('characters the table knows', () => {
  it('reads single-character definitions, capitals included', () => {
    const known = knownCharacters(TABLE);
    for (const character of 'aZé0.,;:?!()-/\'"“”…–—*=%@ ') expect(known.has(character), character).toBe(true);
    for (const character of ['😀', 'ꦲ', 'ب', '✓', '\n']) expect(known.has(character), character).toBe(false);
  });

  it('understands escapes and skips multi-character rules', () => {
    const known = charactersDefinedIn('space \\s 0\nsign \\x00b1 235-36\nalways ... 3-3-3\nnoback sign \\x2801 1\n');
    expect([...known].sort()).toEqual([' ', '±', '⠁'].sort());
  });

  it("drops emoji, writes another script as one transcriber's note per run, and names each once", () => {
    const known = knownCharacters(TABLE);
    const result = replaceUnknown('a😀b😀 ꦲꦏ꧀ ꦱꦸ c👍🏽 🇮🇩.', known, characterRules('id'));
    expect(result.text).toBe('ab [teks dalam aksara Jawa] c.');
    expect(result.emoji).toEqual(['😀', '👍🏽', '🇮🇩']);
    expect(result.scripts).toEqual(['Jawa']);
    const arabic = replaceUnknown('Bismillah: بسم الله, lalu ꦲ', known, characterRules('jv'));
    expect(arabic.text).toBe('Bismillah: [seratan mawi aksara Arab], lalu [seratan mawi aksara Jawa]');
  });

  it('writes ≥ and ≤ as words, drops other unknown signs, and leaves known text untouched', () => {
    const known = knownCharacters(TABLE);
    const rules = characterRules('id');
    expect(replaceUnknown('usia ≥18 tahun, nilai ≤ 3', known, rules).text).toBe(
      'usia lebih dari atau sama dengan 18 tahun, nilai kurang dari atau sama dengan 3',
    );
    const check = replaceUnknown('Lengkap ✓ .', known, rules);
    expect([check.text, check.unknown]).toEqual(['Lengkap.', ['✓']]);
    expect(replaceUnknown('a  :  b', known, rules).text).toBe('a  :  b');
  });

  it('writes a character in its compatibility form when the table knows that form (1 m² as 1 m2)', () => {
    const known = knownCharacters(TABLE);
    const result = replaceUnknown('papan 1 m², ruang 2 m³, ﬁle, ７ hari', known, characterRules('id'));
    expect(result.text).toBe('papan 1 m2, ruang 2 m3, file, 7 hari');
    expect(result.compatible).toEqual(['²', '³', 'ﬁ', '７']);
    expect(result.unknown).toEqual([]);
  });

  it('has no placeholder cell: the table defines no U+FFFD', () => {
    expect(knownCharacters(TABLE).has('\ufffd')).toBe(false);
  });
});

describe('time ranges', () => {
  it('writes a hyphen between two times as the en dash, and leaves dates and numbers alone', async () => {
    expect(timeRanges('Senin 08.00-15.00 WIB, Jumat 7:30 - 11:00')).toBe('Senin 08.00–15.00 WIB, Jumat 7:30–11:00');
    for (const text of ['17-08-2024', '0812-0000-1708', 'Rp 1.500.000-2.000.000', '2.50-3.00.1']) {
      expect(timeRanges(text)).toBe(text);
    }
    const engine = await loadEngine('embedded');
    const [hyphen, dash] = await engine.translate([timeRanges('08.00-15.00'), '08.00–15.00'], TABLE);
    expect(hyphen).toBe(dash);
  });
});

describe('native engine', () => {
  it('says how to install it when lou_translate is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = join(PELITA_TABLES_DIR, 'no-such-folder');
    try {
      expect(() => nativeEngine()).toThrow(/liblouis-bin and liblouis-data.*--braille-engine embedded/);
    } finally {
      process.env.PATH = path;
    }
  });
});
