// Indonesian (and Javanese) text normalisation for speech: digits, money, times, dates,
// units, URLs, symbols and abbreviations become the words a person would say, so the
// script has no digit or symbol left for the synthesiser to guess at.
// Each pass is one regular-expression rewrite; their order matters and is explained.
import { spellDigits, spellInteger, spellNumber, spellOrdinal } from './number-words.js';
import type { Lexicon, SpeechLanguage } from './speech-language.js';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** A number as Indonesians write it: 1.500.000 or 1500000, with an optional decimal part. */
const NUMBER = '(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?';
const DASH = '[–—-]';

export function normaliseForSpeech(text: string, language: SpeechLanguage, lexicon: Lexicon): string {
  const { words, numbers } = language;
  const number = (written: string) => spellNumber(written, numbers, words.decimal_point);
  const digitGroups = (written: string) =>
    written
      .split(/\D+/)
      .filter(Boolean)
      .map((group) => spellDigits(group, numbers))
      .join(', ');
  const clock = (hour: string, minute: string) => {
    const spoken = spellInteger(Number(hour), numbers);
    return Number(minute) === 0 ? spoken : `${spoken} ${spellInteger(Number(minute), numbers)}`;
  };
  const date = (day: string, month: string, year: string) => {
    const name = language.months[Number(month) - 1];
    return name && Number(day) >= 1 && Number(day) <= 31
      ? `${spellInteger(Number(day), numbers)} ${name} ${spellInteger(Number(year), numbers)}`
      : undefined;
  };
  const re = (source: string) => new RegExp(source, 'gu');
  let out = text.normalize('NFC');

  // 0. Emoji are pictures, not words: never said ("✅" is not "tanda centang putih tebal").
  out = out.replace(EMOJI, '');

  // 1. Addresses first: they hold dots, slashes and digits that later passes would misread.
  out = out.replace(re(`[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+`), (email) => {
    const [local = '', domain = ''] = email.split('@');
    return `${speakAddressPart(local, language, lexicon)} ${words.at} ${speakAddressPart(domain, language, lexicon)}`;
  });
  out = out.replace(
    re(
      `(?:https?:\\/\\/|www\\.)[^\\s<>"]+|${NOT_WORD_BEFORE}[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:go\\.id|co\\.id|ac\\.id|or\\.id|id|com|org|net|example)(?:\\/[^\\s<>"]*)?${NOT_WORD_AFTER}`,
    ),
    (url) => {
      const trailing = /[.,;:!?)]+$/.exec(url)?.[0] ?? '';
      return speakUrl(url.slice(0, url.length - trailing.length), language, lexicon) + trailing;
    },
  );

  // Nothing to pay is said so ("gratis"), once even when the writer added "(gratis)".
  out = out.replace(
    re(
      `Rp\\.?\\s?0(?:,-|,00)?(?![\\p{N}]|[.,]\\p{N})(?:\\s*\\(\\s*(?:gratis|tanpa biaya|${escapeRegExp(words.free)})\\s*\\))?`,
    ),
    words.free,
  );

  // 2. "2 (dua) lembar": the writer already spelled the number; say it once.
  out = out.replace(re(`${NOT_WORD_BEFORE}\\d+\\s*\\(([\\p{L}\\s]+)\\)`), '$1');

  // 3. Phone numbers, short codes and ids are read digit by digit.
  for (const context of language.digitContexts) {
    out = out.replace(
      re(`(${escapeRegExp(context)}:?\\s+)(\\+?\\d[\\d\\s-]*\\d|\\d)`),
      (_, before: string, digits: string) => {
        return before + digitGroups(digits);
      },
    );
  }
  // A number with an area code, "(0282) 542 123", or grouped by spaces or dashes,
  // "0812 3456 7890", is a phone number, not an amount: digit by digit, group by group.
  out = out.replace(
    re(
      `\\(0\\d{1,4}\\)\\s?\\d+(?:[ -]\\d+)*|\\+62[\\d\\s-]*\\d|${NOT_WORD_BEFORE}0\\d{2,4}(?:[ -]\\d{2,5})+${NOT_WORD_AFTER}`,
    ),
    digitGroups,
  );

  // 4. Money: Rp 50.000,- → lima puluh ribu rupiah; "Rp 4.500.000/semester" is "per semester".
  out = out.replace(
    re(`Rp\\.?\\s?(${NUMBER})(?:,-)?(\\s?\\/\\s?(?=\\p{L}))?`),
    (_, amount: string, per?: string) => `${number(amount)} ${words.currency}${per ? ` ${words.per} ` : ''}`,
  );

  // 5. Dates: 2024-10-01, 17-08-2025, 17/08/2025 (before ranges, which also use dashes).
  out = out.replace(
    re(`${NOT_WORD_BEFORE}(\\d{4})-(\\d{2})-(\\d{2})${NOT_WORD_AFTER}`),
    (all, y, m, d) => date(d, m, y) ?? all,
  );
  out = out.replace(
    re(`${NOT_WORD_BEFORE}(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})${NOT_WORD_AFTER}`),
    (all, d, m, y) => date(d, m, y) ?? all,
  );

  // 6. Times: 08.00–15.00 → pukul delapan sampai pukul lima belas; 12.00 WIB; pukul 9.30.
  const time = `(\\d{1,2})[.:]([0-5]\\d)`;
  const timeWord = `(?:(?:${escapeRegExp(words.time)}|pukul|jam)\\s+)?`;
  out = out.replace(
    re(
      `${NOT_WORD_BEFORE}${timeWord}${time}\\s*(?:${DASH}|s\\.d\\.|${escapeRegExp(words.to)})\\s*${timeWord}${time}${NOT_WORD_AFTER}`,
    ),
    (_, h1, m1, h2, m2) => `${words.time} ${clock(h1, m1)} ${words.to} ${words.time} ${clock(h2, m2)}`,
  );
  out = out.replace(
    re(
      `${NOT_WORD_BEFORE}(?:(?:${escapeRegExp(words.time)}|pukul|jam)\\s+${time}|${time}(?=\\s*(?:WIB|WITA|WIT)${NOT_WORD_AFTER}))${NOT_WORD_AFTER}`,
    ),
    (_, h1, m1, h2, m2) => `${words.time} ${h1 ? clock(h1, m1) : clock(h2, m2)}`,
  );

  // 7. Ordinals: ke-3 → ketiga.
  out = out.replace(re(`${NOT_WORD_BEFORE}ke-(\\d+)${NOT_WORD_AFTER}`), (_, n) => spellOrdinal(Number(n), numbers));

  // 8. Symbols next to numbers: units, percent, ×, ranges.
  const unitNames = Object.keys(language.units).sort((a, b) => b.length - a.length);
  if (unitNames.length > 0) {
    out = out.replace(
      re(`(\\d)\\s?(${unitNames.map(escapeRegExp).join('|')})${NOT_WORD_AFTER}`),
      (_, digit, unit: string) => `${digit} ${language.units[unit]}`,
    );
  }
  out = out.replace(re(`(\\d)\\s?%`), `$1 ${words.percent}`);
  out = out.replace(re(`(\\d)\\s?[×x]\\s?(?=\\d)`), `$1 ${words.times} `);
  out = out.replace(re(`(\\d)\\s?${DASH}\\s?(?=\\d)`), `$1 ${words.to} `);
  out = out.replace(re(`[±]\\s?`), `${words.plus_minus} `);
  out = out.replace(re(`[≥]\\s?`), `${words.at_least} `);
  out = out.replace(re(`[≤]\\s?`), `${words.at_most} `);
  out = out.replace(re(`(?<=\\s|^)>\\s?(?=\\d)`), `${words.more_than} `);
  out = out.replace(re(`(?<=\\s|^)<\\s?(?=\\d)`), `${words.less_than} `);

  // An amount per something: 10.000/lembar (a slash before a lower-case word; 12/KEP is a code).
  out = out.replace(re(`(\\d)\\s?\\/\\s?(?=\\p{Ll})`), `$1 ${words.per} `);

  // Any other slash next to a number is part of a code: 12/KEP/2024, RT 03/RW 05.
  out = out.replace(
    re(`(${NOT_WORD_BEFORE}\\d+)\\s?\\/\\s?|\\s?\\/\\s?(?=\\d+${NOT_WORD_AFTER})`),
    (_, before?: string) => `${before ?? ''} ${words.slash} `,
  );

  // Roman numerals after Regional, Golongan, Tahap … are numbers: Golongan III/a → tiga a.
  out = replaceRomanNumerals(out, language, (value, letter) =>
    [spellInteger(value, numbers), letter ? (language.letters[letter.toUpperCase()] ?? letter) : '']
      .filter(Boolean)
      .join(' '),
  );

  // A dot between digits that groups no thousands is part of a code or a clause: F-1.03, 3.2.1.
  out = out.replace(re(`(?<=\\d)\\.(?=\\d)(?!\\d{3}(?!\\d))`), ` ${words.dot} `);

  // 9. Every number left: 1.500.000, 2,5, 14; long unformatted numbers and leading zeros are codes.
  out = out.replace(re(`${NOT_WORD_BEFORE}-?${NUMBER}${NOT_WORD_AFTER}`), (written) => {
    const negative = written.startsWith('-') && written.length > 1;
    const body = negative ? written.slice(1) : written;
    const digits = body.split(',')[0] ?? '';
    const isCode = (/^0\d/.test(digits) || /^\d{5,}$/.test(digits)) && !body.includes(',');
    const spoken = isCode ? spellDigits(body, numbers) : number(body);
    return negative ? `${words.minus} ${spoken}` : spoken;
  });

  // 10. Abbreviations from the lexicon (after numbers: keys such as DP3 keep their digits);
  // an upper-case word it does not know is spelt, letter by letter (the build warns of it).
  out = applyLexicon(out, lexicon);
  const known = knownWords(lexicon, language);
  out = out.replace(ABBREVIATION, (word) =>
    known.has(word) ? word : [...word].map((char) => language.letters[char] ?? spellDigits(char, numbers)).join(' '),
  );

  // 11. Symbols between words, and any digit still inside a word (A4 → A empat).
  out = out.replace(re(`\\s*&\\s*`), ` ${words.and} `);
  out = out.replace(re(`\\s?\\+\\s?`), ` ${words.plus} `);
  // A slash between words, or before a quoted word, is an alternative: B / "Baik Sekali".
  out = out.replace(re(`(?<=[\\p{L}"”’)])\\s*\\/\\s*(?=[\\p{L}"“‘(])`), ` ${words.or} `);
  out = out.replace(re(`\\s?\\/\\s?`), ` ${words.slash} `);
  out = out.replace(re(`(?<=[\\p{L}])–(?=[\\p{L}])`), ` ${words.to} `);
  out = out.replace(re(`\\s+[–—]\\s+`), ', ');
  out = out.replace(re(`%`), ` ${words.percent}`);
  out = out.replace(re(`\\d+`), (digits) => ` ${spellDigits(digits, numbers)} `);
  return out
    .replace(/[ \t]+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim();
}

/** Whole-word replacement, longest key first; a suffix such as -nya stays attached. */
export function applyLexicon(text: string, lexicon: Lexicon): string {
  const keys = [...lexicon.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (keys.length === 0) return text;
  const pattern = new RegExp(`${NOT_WORD_BEFORE}(?:${keys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(pattern, (key) => lexicon.get(key) ?? key);
}

/** Upper-case words that look like abbreviations and are not in the lexicon, in order of appearance. */
export function unknownAbbreviations(text: string, lexicon: Lexicon, language: SpeechLanguage): string[] {
  const known = knownWords(lexicon, language);
  const found = new Set<string>();
  // Roman numerals after their context words are numbers, not abbreviations.
  for (const match of replaceRomanNumerals(text, language, () => '').matchAll(ABBREVIATION)) {
    const word = match[0];
    if (!known.has(word)) found.add(word);
  }
  return [...found];
}

/** An upper-case word of two or more characters: KUA, QR2. */
const ABBREVIATION = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9]+(?![\p{L}\p{N}])/gu;

/** Pictographs and what builds them (skin tones, joiners, keycaps, flags); © and ® too. */
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** The lexicon's keys, and their parts (LAPOR is known through SP4N-LAPOR!), and unit symbols. */
function knownWords(lexicon: Lexicon, language: SpeechLanguage): Set<string> {
  return new Set(
    [...lexicon.keys(), ...Object.keys(language.units)].flatMap((key) => [key, ...key.split(/[^\p{L}\p{N}]+/u)]),
  );
}

/** "Regional IV", "Golongan III/a": `say` gets the numeral's value and the letter after a slash. */
function replaceRomanNumerals(
  text: string,
  language: SpeechLanguage,
  say: (value: number, letter: string | undefined) => string,
): string {
  if (language.romanContexts.length === 0) return text;
  const contexts = language.romanContexts.map(escapeRegExp).join('|');
  const pattern = new RegExp(
    `(${NOT_WORD_BEFORE}(?:${contexts})\\s+)([IVXLCDM]+)(?:\\/([a-eA-E]))?(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return text.replace(pattern, (all, before: string, numeral: string, letter?: string) => {
    const value = romanValue(numeral);
    return value === undefined ? all : `${before}${say(value, letter)}`;
  });
}

/** The value of a well-formed Roman numeral (IV, not IIII), or undefined. */
export function romanValue(numeral: string): number | undefined {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let index = 0; index < numeral.length; index++) {
    const value = values[numeral[index] as string] ?? 0;
    const next = values[numeral[index + 1] as string] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && toRoman(total) === numeral ? total : undefined;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

function speakUrl(url: string, language: SpeechLanguage, lexicon: Lexicon): string {
  const bare = url.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  const [host = '', ...path] = bare.split('/');
  return [speakAddressPart(host, language, lexicon), ...path.map((part) => speakAddressPart(part, language, lexicon))]
    .filter(Boolean)
    .join(` ${language.words.slash} `);
}

/** One host or path part: labels joined by "titik", hyphens by "strip", known abbreviations said. */
function speakAddressPart(part: string, language: SpeechLanguage, lexicon: Lexicon): string {
  const { words, numbers } = language;
  const label = (text: string) => {
    if (text === 'www') return 'we we we';
    const known = lexicon.get(text.toUpperCase()) ?? lexicon.get(text);
    if (known) return known;
    return text.replace(/\d+/g, (digits) => ` ${spellDigits(digits, numbers)} `).trim();
  };
  return part
    .split('.')
    .filter(Boolean)
    .map((piece) => piece.split(/[-_]/).map(label).join(` ${words.dash} `))
    .join(` ${words.dot} `);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
