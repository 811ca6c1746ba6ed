// What the formatter must know about the print words of a block before wrapping its
// cells: which spaces never break (a number and its unit, "Rp" and its amount;
// templates/braille/unbreakable.yaml) and which words are web or e-mail addresses
// (broken only at allowed points). Words are counted on the print text's spaces; the
// renderer uses them only when the cells have as many words (see layOut).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { BRAILLE_TEMPLATES_DIR } from './tables.js';

export interface WordMarks {
  /** Indices i whose space before word i + 1 never breaks. */
  glue: number[];
  /** Indices of the words that are addresses. */
  addresses: number[];
}

interface Unbreakable {
  /** Words an amount or a number follows ("Rp 50.000", "Pasal 5"). */
  before_number: string[];
  /** Units a number goes before ("3 cm", "2 jam"). */
  units: string[];
}

let lists: Record<string, Unbreakable> | undefined;

function unbreakable(lang: string): Unbreakable {
  lists ??= parse(readFileSync(`${BRAILLE_TEMPLATES_DIR}unbreakable.yaml`, 'utf8')) as Record<string, Unbreakable>;
  const found = lists[lang] ?? lists.id;
  if (!found) throw new Error('templates/braille/unbreakable.yaml has no list for "id"');
  return found;
}

/** A number as print writes it: "3", "±3", "1.500.000,-", "4×6", "(0282)", "12a". */
const NUMBER = /^[(±~]?\d[\d.,:×x/–-]*[a-z]?\)?(,-)?[.,;:)]?$/i;
/** A web address or an e-mail address, with the brackets or punctuation around it. */
const ADDRESS =
  /^[("“‘]*(?:[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+|[^\s@()]+@[^\s@]+\.[a-z]{2,}\S*|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*)$/i;

export function wordMarks(text: string, lang: string): WordMarks {
  const { before_number: before, units } = unbreakable(lang);
  const bare = (word: string) => word.toLowerCase().replace(/^[("“‘]+|[)"”’.,;:!?]+$/g, '');
  const words = text.split(' ').filter((word) => word !== '');
  const glue: number[] = [];
  const addresses: number[] = [];
  words.forEach((word, index) => {
    if (ADDRESS.test(word)) addresses.push(index);
    const next = words[index + 1];
    if (next === undefined) return;
    const number = NUMBER.test(word) && !/[.,;:)]$/.test(word.replace(/,-$/, ''));
    const joins =
      (number && (units.includes(bare(next)) || units.includes(next.toLowerCase()))) ||
      (/^\(\d+\)$/.test(word) && /^\d/.test(next)) ||
      (/^\d{3,4}$/.test(word) && /^\d{3,4}[.,;)]?$/.test(next)) ||
      ((before.includes(word.toLowerCase()) || before.includes(bare(word))) && /^[±~]?\d/.test(next));
    if (joins) glue.push(index);
  });
  return { glue, addresses };
}
