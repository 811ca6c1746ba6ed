// `pelita verify`: reads every written edition back, with readers that share nothing with
// the code that wrote it (an HTML parser, pdf.js, liblouis back-translation, an XML
// parser, an unzip of its own), and proves that each carries every text of the procedure's outline.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Words } from '../i18n/words.js';
import type { Site } from '../model/site.js';
import type { Outline } from '../outline/types.js';
import type { Lexicon, SpeechLanguage } from '../render/audio/normalise/speech-language.js';
import { missingFrom } from './compare.js';
import { type ExpectedText, expectedTexts, PARTS, type Part } from './expected-texts.js';

// Each edition's reader (and the Braille and speech rules) loads when a file of its edition
// is read: verifying an edit of the HTML alone loads the HTML parser, not pdf.js or liblouis.
const htmlText = async (text: string) => (await import('./read-html.js')).htmlText(text);
const pdfText = async (bytes: Uint8Array, options?: { figures?: boolean }) =>
  (await import('./read-pdf.js')).pdfText(bytes, options);
const svgTexts = async (text: string) => (await import('./read-svg.js')).svgTexts(text);
const talkingBookText = async (bytes: Uint8Array) => (await import('./read-talking-book.js')).talkingBookText(bytes);

export interface VerifyContext {
  outDir: string;
  site: Site;
  words: ReadonlyMap<string, Words>;
}

/** How one edition is read back, and which parts of the outline it claims to carry. */
interface EditionReader {
  edition: string;
  /** File name inside `<lang>/<slug>/`. */
  file: string;
  parts: readonly Part[];
  /** Its text as a reader gets it. */
  read(bytes: Uint8Array, outline: Outline, context: VerifyContext): Promise<string>;
  /** How an expected text reads in this edition (the spoken form, for audio). */
  expect?(text: ExpectedText, outline: Outline, context: VerifyContext): Promise<string>;
}

/** The picture-language sheet shows the title, the facts, the notice and each requirement and step; it points to the page for the rest. */
const PICTURE_PARTS: readonly Part[] = ['title', 'facts', 'notice', 'items'];

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export const EDITION_READERS: readonly EditionReader[] = [
  { edition: 'html', file: 'index.html', parts: PARTS, read: async (bytes) => htmlText(utf8(bytes)) },
  { edition: 'fragment', file: 'fragment.html', parts: PARTS, read: async (bytes) => htmlText(utf8(bytes)) },
  { edition: 'leaflet', file: 'leaflet.pdf', parts: PARTS, read: (bytes) => pdfText(bytes) },
  { edition: 'large-print', file: 'large-print.pdf', parts: PARTS, read: (bytes) => pdfText(bytes) },
  { edition: 'braille', file: 'braille.pef', parts: PARTS, read: brailleText },
  { edition: 'audio', file: 'audio.txt', parts: PARTS, read: async (bytes) => utf8(bytes), expect: spokenForm },
  // Its text in normal spelling, less any sentence the overlay cannot play (src/verify/read-talking-book.ts).
  { edition: 'talking-book', file: 'talking-book.epub', parts: PARTS, read: async (bytes) => talkingBookText(bytes) },
  { edition: 'pictogram', file: 'pictograms.svg', parts: PICTURE_PARTS, read: async (bytes) => svgTexts(utf8(bytes)) },
  {
    edition: 'pictogram-pdf',
    file: 'pictograms.pdf',
    parts: PICTURE_PARTS,
    // Headings and notices are real text; each picture carries its words as its alternative text.
    read: (bytes) => pdfText(bytes, { figures: true }),
  },
];

export interface EditionResult {
  edition: string;
  /** Path of the file, relative to the output folder. */
  path: string;
  expected: number;
  found: number;
  missing: ExpectedText[];
}

/** Every edition of one procedure that is in the output folder, checked against its outline. */
export async function verifyProcedure(
  outline: Outline,
  context: VerifyContext,
  paths?: ReadonlySet<string>,
): Promise<EditionResult[]> {
  const texts = expectedTexts(outline);
  const results: EditionResult[] = [];
  for (const reader of EDITION_READERS) {
    const path = `${outline.lang}/${outline.slug}/${reader.file}`;
    if (paths && !paths.has(path)) continue;
    const bytes = await readFile(join(context.outDir, path)).catch(() => undefined);
    if (!bytes) continue;
    const claimed = texts.filter((text) => reader.parts.includes(text.part));
    const forms = await Promise.all(
      claimed.map(async (text) => ({ text, form: (await reader.expect?.(text, outline, context)) ?? text.text })),
    );
    const edition = await reader.read(new Uint8Array(bytes), outline, context);
    const missing = missingFrom(edition, forms, (item) => item.form).map((item) => item.text);
    results.push({
      edition: reader.edition,
      path,
      expected: claimed.length,
      found: claimed.length - missing.length,
      missing,
    });
  }
  return results;
}

/** catalog.json's entry for the procedure, every string in it. */
export function verifyCatalogEntry(outline: Outline, catalog: unknown, path = 'catalog.json'): EditionResult {
  const texts = expectedTexts(outline);
  const entry = findEntry(catalog, outline);
  const strings: string[] = [];
  const stack: unknown[] = entry === undefined ? [] : [entry];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) stack.push(...[...value].reverse());
    else if (value && typeof value === 'object') {
      // Node types and language codes are structure, not text.
      const fields = Object.entries(value).filter(([key]) => key !== 'type' && key !== 'lang');
      stack.push(...fields.map(([, field]) => field).reverse());
    }
  }
  const missing = missingFrom(strings.join(' '), texts, (text) => text.text);
  return { edition: 'catalog', path, expected: texts.length, found: texts.length - missing.length, missing };
}

function findEntry(catalog: unknown, outline: Outline): unknown {
  const languages = (catalog as { languages?: { lang?: string; procedures?: { slug?: string }[] }[] })?.languages;
  return languages
    ?.find((language) => language.lang === outline.lang)
    ?.procedures?.find((procedure) => procedure.slug === outline.slug);
}

async function brailleText(bytes: Uint8Array, outline: Outline, context: VerifyContext): Promise<string> {
  const [{ pefBodyRows }, { loadGeometry }, { tableFor }] = await Promise.all([
    import('./read-braille.js'),
    import('../render/braille/geometry.js'),
    import('../render/braille/tables.js'),
  ]);
  const rows = pefBodyRows(utf8(bytes), loadGeometry(context.site.braille));
  const engine = await backTranslator();
  const table = context.site.brailleTables[outline.lang] ?? tableFor(outline.lang);
  return (await engine.backTranslate(rows, table)).join(' ');
}

/**
 * Debian's liblouis when it is installed: its back-translation (3.24, with numbers.uti)
 * reads numbers and capitals after digits whole, where the embedded 3.2 misreads some.
 */
async function backTranslator() {
  const { loadEngine } = await import('../render/braille/engine.js');
  return loadEngine('native').catch(() => loadEngine('embedded'));
}

/** Each language's speech rules, read once per set of words (the normaliser runs once per text). */
const speechLanguages = new WeakMap<Words, Promise<{ language: SpeechLanguage; lexicon: Lexicon } | undefined>>();

function speechRules(lang: string, context: VerifyContext) {
  const words = context.words.get(lang);
  if (!words) return Promise.resolve(undefined);
  let speech = speechLanguages.get(words);
  if (!speech) {
    speech = (async () => {
      const [{ loadSpeechData }, { readSpeechLanguage }] = await Promise.all([
        import('../render/audio/speech-data.js'),
        import('../render/audio/normalise/speech-language.js'),
      ]);
      const data = await loadSpeechData();
      const speechData = data.languages.get(lang);
      if (speechData === undefined) return undefined;
      return { language: readSpeechLanguage(lang, speechData, words.months), lexicon: data.lexicon };
    })();
    speechLanguages.set(words, speech);
  }
  return speech;
}

/** The text as the script says it; a phrase in another language (`:id[…]`) by that language's rules. */
async function spokenForm(expected: ExpectedText, outline: Outline, context: VerifyContext): Promise<string> {
  const rules = await speechRules(outline.lang, context);
  if (!rules) return expected.text;
  const [{ normaliseForSpeech }, { markPhrase, normaliseParagraph }] = await Promise.all([
    import('../render/audio/normalise/normalise.js'),
    import('../render/audio/script.js'),
  ]);
  const phrases = expected.phrases ?? [];
  if (phrases.length === 0) return normaliseForSpeech(expected.text, rules.language, rules.lexicon);
  const others = new Map<string, SpeechLanguage>();
  for (const { lang } of phrases) {
    const other = await speechRules(lang, context);
    if (other) others.set(lang, other.language);
  }
  let marked = expected.text;
  for (const phrase of phrases) marked = marked.replace(phrase.text, markPhrase(phrase.lang, phrase.text));
  return normaliseParagraph(marked, {
    speech: rules.language,
    lexicon: rules.lexicon,
    speechOf: (lang) => others.get(lang),
  });
}
