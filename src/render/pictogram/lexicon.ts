// The pictogram lexicon (templates/pictograms/lexicon.yaml) as typed data, read
// from already-parsed YAML so tests can feed their own.

/** A set of drawings: credited on every sheet. */
export interface ArtSet {
  id: string;
  name: string;
  licence: string;
  url: string;
}

/** Steers the choice when an item names several concepts. */
export type ConceptKind = 'thing' | 'action' | 'person' | 'place' | 'time';

export interface Concept {
  id: string;
  /** `set:name`, e.g. `openmoji:1FAAA`, `tabler:rubber-stamp`, `own:kk`. */
  art: string;
  kind: ConceptKind;
  weight: number;
  /** Trigger words and phrases per language, as written in the lexicon. */
  triggers: Record<string, string[]>;
  /** The picture carries a number the sheet writes from the text (never one of its own). */
  number?: NumberSlot;
  /**
   * Phrases, per language, in which this concept's triggers do not count: "daftar" is
   * a register, but not in "daftar susunan keluarga" (a list of the family).
   */
  unless: Record<string, string[]>;
  /** A picture that says "a document" or "a card" but not which one: counted as a generic match. */
  generic: boolean;
  /** A document a citizen brings: an item naming several of them shows a picture for each. */
  document: boolean;
}

/** Where a picture's number stands, in the drawing's units. */
export interface NumberSlot {
  /** `size`: a photo size such as 4×6; `days`: a number of days; `amount`: a sum in rupiah. */
  shows: 'size' | 'days' | 'amount';
  /** Centre of the number. */
  x: number;
  baseline: number;
  /** Font size, lowered when the number is wider than `width`. */
  size: number;
  width: number;
}

export interface Lexicon {
  openmojiStyle: 'color' | 'black';
  sets: ArtSet[];
  concepts: Concept[];
  /** Extra root words for a language's stemmer. */
  roots: Record<string, string[]>;
  /** Affixes stripped before comparing words, per language (for languages without a stemmer). */
  affixes: Record<string, { prefixes: string[]; suffixes: string[] }>;
  /** Words for "day" after a number, per language. */
  dayWords: Record<string, string[]>;
  /** Openings of a requirement that is a condition to meet, not a thing to bring ("Berstatus", "Telah"). */
  conditionOpenings: Record<string, string[]>;
  /** Openings of a branch: what applies only in one case ("Jika", "Apabila"). */
  branchOpenings: Record<string, string[]>;
}

const KINDS: readonly ConceptKind[] = ['thing', 'action', 'person', 'place', 'time'];
const NOT_LANGUAGES = new Set(['art', 'kind', 'weight', 'number', 'unless', 'generic', 'document']);

/** Reads the parsed lexicon; throws on a malformed file (it ships with Pelita, so that is a bug). */
export function readLexicon(data: unknown): Lexicon {
  const record = asRecord(data, 'lexicon');
  const sets = Object.entries(asRecord(record.sets, 'sets')).map(([id, value]) => {
    const set = asRecord(value, `sets.${id}`);
    return { id, name: String(set.name), licence: String(set.licence), url: String(set.url) };
  });
  const concepts = Object.entries(asRecord(record.concepts, 'concepts')).map(([id, value]): Concept => {
    const entry = asRecord(value, `concepts.${id}`);
    const kind = String(entry.kind) as ConceptKind;
    if (!KINDS.includes(kind)) throw new Error(`lexicon: concept "${id}" has unknown kind "${kind}"`);
    const art = String(entry.art);
    if (!sets.some((set) => art.startsWith(`${set.id}:`)))
      throw new Error(`lexicon: concept "${id}": unknown set in "${art}"`);
    const triggers: Record<string, string[]> = {};
    for (const [key, list] of Object.entries(entry)) {
      if (!NOT_LANGUAGES.has(key)) triggers[key] = asList(list, `concepts.${id}.${key}`);
    }
    const number = entry.number === undefined ? undefined : numberSlot(entry.number, `concepts.${id}.number`);
    const unless = Object.fromEntries(
      Object.entries(asRecord(entry.unless ?? {}, `concepts.${id}.unless`)).map(([lang, list]) => [
        lang,
        asList(list, `concepts.${id}.unless.${lang}`),
      ]),
    );
    return {
      id,
      art,
      kind,
      weight: Number(entry.weight ?? 0),
      triggers,
      unless,
      generic: entry.generic === true,
      document: entry.document === true,
      ...(number ? { number } : {}),
    };
  });
  const roots = Object.fromEntries(
    Object.entries(asRecord(record.roots ?? {}, 'roots')).map(([lang, list]) => [lang, asList(list, `roots.${lang}`)]),
  );
  const affixes = Object.fromEntries(
    Object.entries(asRecord(record.affixes ?? {}, 'affixes')).map(([lang, value]) => {
      const entry = asRecord(value, `affixes.${lang}`);
      return [
        lang,
        { prefixes: asList(entry.prefixes ?? [], 'prefixes'), suffixes: asList(entry.suffixes ?? [], 'suffixes') },
      ];
    }),
  );
  const dayWords = Object.fromEntries(
    Object.entries(asRecord(record.day_words ?? {}, 'day_words')).map(([lang, list]) => [
      lang,
      asList(list, `day_words.${lang}`),
    ]),
  );
  const perLanguage = (key: string) =>
    Object.fromEntries(
      Object.entries(asRecord(record[key] ?? {}, key)).map(([lang, list]) => [lang, asList(list, `${key}.${lang}`)]),
    );
  const openmojiStyle = record.openmoji_style === 'black' ? 'black' : 'color';
  return {
    openmojiStyle,
    sets,
    concepts,
    roots,
    affixes,
    dayWords,
    conditionOpenings: perLanguage('condition_openings'),
    branchOpenings: perLanguage('branch_openings'),
  };
}

function numberSlot(value: unknown, where: string): NumberSlot {
  const entry = asRecord(value, where);
  const shows = String(entry.shows);
  if (shows !== 'size' && shows !== 'days' && shows !== 'amount')
    throw new Error(`lexicon: ${where}.shows must be "size", "days" or "amount"`);
  const measure = (key: string) => {
    const n = Number(entry[key]);
    if (!Number.isFinite(n)) throw new Error(`lexicon: ${where}.${key} must be a number`);
    return n;
  };
  return { shows, x: measure('x'), baseline: measure('baseline'), size: measure('size'), width: measure('width') };
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`lexicon: ${where} must be a map`);
  return value as Record<string, unknown>;
}

function asList(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) throw new Error(`lexicon: ${where} must be a list`);
  return value.map(String);
}
