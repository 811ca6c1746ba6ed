// Emphasis in braille: bold and italic both become the kursif sign, dots 46 (source S3 of
// templates/braille/tables/id-id-g1.utb): 46 before each emphasised word; a passage of
// three words or more takes 46-46 before its first word and 46 before its last.
//
// How: print-inlines marks where emphasis begins and ends in the print text; emphasise()
// turns the marks into one sign character per word, which the table maps to dots 46
// (`noback sign \xfdd2 46`) and back-translation drops (its `nofor pass2` rules). The
// formatter decides where each sign goes rather than liblouis because Debian's
// `lou_translate` takes no typeforms, and liblouis 3.2 and 3.24 place emphasis indicators
// by different rules; with one sign character both engines give the same cells by
// construction. Inserting cells after translation would need the print-to-braille
// positions, which `lou_translate` does not report. The marks are Unicode noncharacters,
// which Unicode reserves for a program's own use; print-inlines drops any in the writer's
// text, so no writer's character can become a sign.
//
// The sign stays with its word on paper: it is written without a blank before the
// word's first cell, and pagination breaks lines only at blanks (or inside a word
// longer than a line).

/** Where emphasis (strong or emphasis) begins in the print text. */
export const EMPHASIS_BEGIN = '\ufdd0';
/** Where it ends. */
export const EMPHASIS_END = '\ufdd1';
/** The kursif sign, dots 46, as the table reads it. */
export const KURSIF = '\ufdd2';

const MARKS = /[\ufdd0\ufdd1]/;
/** Every noncharacter: none may come from the writer's text. */
export const NONCHARACTERS = /\p{Noncharacter_Code_Point}/gu;
/** Print before a sign that back-translation still reads as "before a word": opening brackets and quotes. */
const OPENING = /^[([“‘"']*$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Three words or more are a passage (S3). */
const PASSAGE = 3;

/** The print text without kursif signs or emphasis marks (for the proof page and word checks). */
export function withoutSigns(text: string): string {
  return text.replace(/[\ufdd0-\ufdd2]/g, '');
}

/**
 * Print text with emphasis marks → print text with kursif signs, one space between
 * words. A word is emphasised when a letter or digit of it is: "**gratis**." is the
 * word "gratis." (the sign before it), "**:**" alone is no word. The sign stands where
 * the emphasis begins when only opening brackets or quotes come before it in the word
 * ("(**gratis**)" → "(⠨gratis)"), else before the whole word ("ber**status**").
 */
export function emphasise(text: string): string {
  if (!MARKS.test(text)) return text;
  const characters: string[] = [];
  const emphasised: boolean[] = [];
  let depth = 0;
  for (const character of text) {
    if (character === EMPHASIS_BEGIN) depth++;
    else if (character === EMPHASIS_END) depth = Math.max(0, depth - 1);
    // A mark between two spaces leaves them both: one space between words.
    else if (character !== ' ' || (characters.length > 0 && characters.at(-1) !== ' ')) {
      characters.push(character);
      emphasised.push(depth > 0);
    }
  }
  while (characters.at(-1) === ' ') {
    characters.pop();
    emphasised.pop();
  }

  // The sign's place in every emphasised word, by word, in order.
  const places: (number | undefined)[] = [];
  for (let start = 0; start < characters.length; ) {
    let end = start;
    while (end < characters.length && characters[end] !== ' ') end++;
    let place: number | undefined;
    for (let index = start; index < end; index++) {
      if (emphasised[index] && LETTER_OR_DIGIT.test(characters[index] ?? '')) {
        const first = emphasised.indexOf(true, start);
        place = OPENING.test(characters.slice(start, first).join('')) ? first : start;
        break;
      }
    }
    places.push(place);
    start = end + 1;
  }

  // Runs of emphasised words: each word signed, or a passage signed at both ends.
  const signs = new Map<number, string>();
  for (let word = 0; word < places.length; ) {
    if (places[word] === undefined) {
      word++;
      continue;
    }
    let last = word;
    while (places[last + 1] !== undefined) last++;
    const run = places.slice(word, last + 1) as number[];
    if (run.length >= PASSAGE) {
      signs.set(run[0] as number, KURSIF + KURSIF);
      signs.set(run.at(-1) as number, KURSIF);
    } else for (const place of run) signs.set(place, KURSIF);
    word = last + 1;
  }
  return characters.map((character, index) => (signs.get(index) ?? '') + character).join('');
}
