// Both liblouis engines give the same cells for Pelita's table on the whole corpus
// (sample content + fixtures), and back-translation gives the print text back.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../src/render/braille/engine.js';
import { knownCharacters } from '../src/render/braille/tables.js';
import { replaceUnknown } from '../src/render/braille/unknown-characters.js';
import { corpusTexts, NATIVE_INSTALLED, TABLE } from './support/braille.js';

let texts: string[];
let embeddedCells: string[];

beforeAll(async () => {
  const known = knownCharacters(TABLE);
  texts = (await corpusTexts()).map((text) => replaceUnknown(text, known).text);
  embeddedCells = await (await loadEngine('embedded')).translate(texts, TABLE);
});

/**
 * What back-translation cannot give back, by design of the braille code: capitals
 * (3.2 reads them back as small letters), digits after a hyphen or point inside a word
 * (read as the letters a–j they share cells with), the thousands point (dot 2, the
 * comma's cell), and signs that share one cell: ( ), “ ” ", × ?.
 */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[0-9]/g, (digit) => 'jabcdefghi'[Number(digit)] ?? digit)
    .replace(/[()]/g, '(')
    .replace(/[“”"]/g, '"')
    .replace(/[’]/g, "'")
    .replace(/[—–]/g, '–')
    .replace(/…/g, '...')
    .replace(/×/g, '?')
    .replace(/(?<=[a-j])[.,](?=[a-j])/g, ',');
}

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

  it('back-translate to the print text (embedded)', async () => {
    const back = await (await loadEngine('embedded')).backTranslate(embeddedCells, TABLE);
    const differences = texts.flatMap((text, index) =>
      comparable(back[index] ?? '') === comparable(text) ? [] : [`${text}\n${back[index]}`],
    );
    expect(differences).toEqual([]);
  });

  it.skipIf(!NATIVE_INSTALLED)('back-translate to the print text (native)', async () => {
    const back = await (await loadEngine('native')).backTranslate(embeddedCells, TABLE);
    const differences = texts.flatMap((text, index) =>
      comparable(back[index] ?? '') === comparable(text) ? [] : [`${text}\n${back[index]}`],
    );
    expect(differences).toEqual([]);
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
