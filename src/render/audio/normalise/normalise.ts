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
  out = out.replace(
    re(`\\(0\\d{1,4}\\)\\s?\\d[\\d-]*\\d|\\+62[\\d\\s-]*\\d|${NOT_WORD_BEFORE}0\\d{2,4}(?:-\\d{2,5})+`),
    digitGroups,
  );

  // 4. Money: Rp 50.000,- → lima puluh ribu rupiah.
  out = out.replace(re(`Rp\\.?\\s?(${NUMBER})(?:,-)?`), (_, amount: string) => `${number(amount)} ${words.currency}`);

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

  // 9. Every number left: 1.500.000, 2,5, 14; long unformatted numbers and leading zeros are codes.
  out = out.replace(re(`${NOT_WORD_BEFORE}-?${NUMBER}${NOT_WORD_AFTER}`), (written) => {
    const negative = written.startsWith('-') && written.length > 1;
    const body = negative ? written.slice(1) : written;
    const digits = body.split(',')[0] ?? '';
    const isCode = (/^0\d/.test(digits) || /^\d{5,}$/.test(digits)) && !body.includes(',');
    const spoken = isCode ? spellDigits(body, numbers) : number(body);
    return negative ? `${words.minus} ${spoken}` : spoken;
  });

  // 10. Abbreviations from the lexicon (after numbers: keys such as DP3 keep their digits).
  out = applyLexicon(out, lexicon);

  // 11. Symbols between words, and any digit still inside a word (A4 → A empat).
  out = out.replace(re(`\\s*&\\s*`), ` ${words.and} `);
  out = out.replace(re(`\\s?\\+\\s?`), ` ${words.plus} `);
  out = out.replace(re(`(?<=[\\p{L}])\\s?\\/\\s?(?=[\\p{L}])`), ` ${words.or} `);
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
  // Parts of known keys count too: LAPOR is known through SP4N-LAPOR!.
  const known = new Set(
    [...lexicon.keys(), ...Object.keys(language.units)].flatMap((key) => [key, ...key.split(/[^\p{L}\p{N}]+/u)]),
  );
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])[A-Z][A-Z0-9]+(?![\p{L}\p{N}])/gu)) {
    const word = match[0];
    if (!known.has(word)) found.add(word);
  }
  return [...found];
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
