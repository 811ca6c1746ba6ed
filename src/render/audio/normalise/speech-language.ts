// The data that tells the normaliser and the synthesiser how one language is spoken
// (templates/speech/<lang>.yaml) and the shared abbreviation lexicon
// (templates/speech/lexicon.yaml). Reading checks the shape and names what is wrong.

export interface NumberWords {
  /** Words for 0–9. */
  units: string[];
  /** Unit words said before a multiplier when they differ (Javanese 3 → tigang). */
  linking: Record<number, string>;
  /** Pattern for 12–19 (`{unit}` is the unit word), e.g. `{unit} belas`. */
  teens: string;
  /** Pattern for whole tens 20–90 (`{unit}` is the linking word), e.g. `{unit} puluh`. */
  tens: string;
  /** Any number below 100 said another way (10 sepuluh, 11 sebelas, Javanese 25 selangkung). */
  exceptions: Record<number, string>;
  hundred: { one: string; many: string };
  /** Thousand, million, …, smallest first; `many` has `{n}`. */
  scales: { value: number; one: string; many: string }[];
  /** `one` is the first; `many` builds the others from the number word `{n}`. */
  ordinal: { one: string; many: string };
}

export const SPEECH_WORD_KEYS = [
  'decimal_point',
  'minus',
  'time',
  'to',
  'times',
  'percent',
  'currency',
  'dot',
  'at',
  'slash',
  'or',
  'and',
  'dash',
  'plus',
  'plus_minus',
  'at_least',
  'at_most',
  'more_than',
  'less_than',
  'per',
  'free',
] as const;
export type SpeechWordKey = (typeof SPEECH_WORD_KEYS)[number];

export interface SpeechLanguage {
  lang: string;
  /** eSpeak NG voice name. */
  voice: string;
  /** The language the voice speaks; differs from `lang` when no voice exists for it. */
  voiceLanguage: string;
  /** ISO 639-2 code for the ID3 language frame. */
  iso639_2: string;
  /** Speaking rate in words per minute. */
  rate: number;
  numbers: NumberWords;
  words: Record<SpeechWordKey, string>;
  /** Unit symbols said after a number (cm → sentimeter). */
  units: Record<string, string>;
  /** Words after which a number is read digit by digit (SMS ke 1708). */
  digitContexts: string[];
  /** Words after which a Roman numeral is a number (Kantor Regional I → satu). */
  romanContexts: string[];
  /** Letter names (A → a, B → be) for spelling an unknown upper-case abbreviation. */
  letters: Record<string, string>;
  /** Month names, January first (from templates/i18n). */
  months: string[];
}

/** Abbreviation → how it is said. */
export type Lexicon = ReadonlyMap<string, string>;

export function readSpeechLanguage(lang: string, data: unknown, months: string[]): SpeechLanguage {
  const where = `templates/speech/${lang}.yaml`;
  const record = asRecord(data, where);
  const numbers = asRecord(record.numbers, `${where} numbers`);
  const units = asStrings(numbers.units, `${where} numbers.units`);
  if (units.length !== 10) throw new Error(`${where} numbers.units must list the words for 0 to 9`);
  const words = asRecord(record.words, `${where} words`);
  const ordinal = asRecord(numbers.ordinal, `${where} numbers.ordinal`);
  const hundred = asRecord(numbers.hundred, `${where} numbers.hundred`);
  return {
    lang,
    voice: asString(record.voice, `${where} voice`),
    voiceLanguage: asString(record.voice_language, `${where} voice_language`),
    iso639_2: asString(record.iso639_2, `${where} iso639_2`),
    rate: typeof record.rate === 'number' ? record.rate : 150,
    numbers: {
      units,
      linking: numberKeyed(numbers.linking, `${where} numbers.linking`),
      teens: asString(numbers.teens, `${where} numbers.teens`),
      tens: asString(numbers.tens, `${where} numbers.tens`),
      exceptions: numberKeyed(numbers.exceptions, `${where} numbers.exceptions`),
      hundred: {
        one: asString(hundred.one, `${where} hundred.one`),
        many: asString(hundred.many, `${where} hundred.many`),
      },
      scales: (Array.isArray(numbers.scales) ? numbers.scales : []).map((scale, index) => {
        const s = asRecord(scale, `${where} numbers.scales[${index}]`);
        return {
          value: Number(s.value),
          one: asString(s.one, `${where} scale one`),
          many: asString(s.many, `${where} scale many`),
        };
      }),
      ordinal: {
        one: asString(ordinal.one, `${where} ordinal.one`),
        many: asString(ordinal.many, `${where} ordinal.many`),
      },
    },
    words: Object.fromEntries(
      SPEECH_WORD_KEYS.map((key) => [key, asString(words[key], `${where} words.${key}`)]),
    ) as Record<SpeechWordKey, string>,
    units: stringKeyed(record.units, `${where} units`),
    digitContexts: asStrings(record.digit_contexts ?? [], `${where} digit_contexts`),
    romanContexts: asStrings(record.roman_contexts ?? [], `${where} roman_contexts`),
    letters: stringKeyed(record.letters, `${where} letters`),
    months,
  };
}

export function readLexicon(data: unknown): Lexicon {
  return new Map(Object.entries(stringKeyed(data, 'templates/speech/lexicon.yaml')));
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where} must be a map`);
  return value as Record<string, unknown>;
}

function asString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where} must be a word`);
  return value;
}

function asStrings(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) throw new Error(`${where} must be a list`);
  return value.map((item) => asString(item, where));
}

function stringKeyed(value: unknown, where: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asRecord(value ?? {}, where)).map(([key, word]) => [key, asString(word, `${where} ${key}`)]),
  );
}

function numberKeyed(value: unknown, where: string): Record<number, string> {
  return Object.fromEntries(Object.entries(stringKeyed(value, where)).map(([key, word]) => [Number(key), word]));
}
