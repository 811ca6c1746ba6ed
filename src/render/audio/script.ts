// The spoken script: written for the ear, and saying everything the page says, in the
// page's reading order (the outline's): the opening (title, office, translation notice,
// summary, unit, facts), the introduction, every section with every block in it, the
// footnotes and the date of the last review. Every fixed word comes from templates/i18n;
// every paragraph is then normalised so no digit, symbol or abbreviation is left to the
// synthesiser. One paragraph per part of the procedure: the voice pauses between them.
import type { Term } from '../../i18n/terms.js';
import type { Words } from '../../i18n/words.js';
import { type BlockHandlers, renderBlock } from '../../outline/handlers.js';
import { plainText } from '../../outline/plain-text.js';
import type { Block, Fact, Inline, List, ListItem, Outline, Section, Table } from '../../outline/types.js';
import { normaliseForSpeech } from './normalise/normalise.js';
import { spellOrdinal } from './normalise/number-words.js';
import type { Lexicon, SpeechLanguage } from './normalise/speech-language.js';
import { splitSentences } from './sentences.js';

export interface ScriptInput {
  outline: Outline;
  /** Words of the outline's language. */
  words: Words;
  speech: SpeechLanguage;
  lexicon: Lexicon;
  /** The speech rules of another language, for phrases marked in it (`:id[…]` inside Javanese). */
  speechOf?: (lang: string) => SpeechLanguage | undefined;
}

/** What the block handlers need: the words, and whether the block leads into a list. */
interface Speaking {
  say(term: Term, values?: Record<string, string>): string;
  speech: SpeechLanguage;
  /** The block is followed by a list, so a closing ":" stays (the list continues the sentence). */
  leadsIntoList: boolean;
}

/** How a fact of the front matter is said ("Biaya: gratis."); the term's slot is the fact's id. */
const FACT_TERMS: Record<Fact['id'], Term> = {
  duration: 'audio_duration',
  cost: 'audio_cost',
  product: 'audio_product',
};

/**
 * Sections whose list the listener hears introduced by a sentence of ours when the writer
 * wrote none ("Yang perlu Anda bawa:"), and the requirements and steps, whose items are
 * counted ("pertama, …", "Langkah kedua: …").
 */
const SECTION_SPEECH: Partial<Record<Section['kind'], { leadIn: Term; item?: Term; lowerFirst?: boolean }>> = {
  requirements: { leadIn: 'audio_requirements', item: 'audio_requirement', lowerFirst: true },
  steps: { leadIn: 'audio_steps', item: 'audio_step' },
  complaints: { leadIn: 'audio_complaints' },
};

/**
 * A part of the script spoken on its own (see make-mp3.ts): the opening, the introduction,
 * each section, and each step of the steps section. Its start in the MP3 is an exact sample
 * offset, so it can be a chapter and a caption.
 */
export interface ScriptSegment {
  /** The chapter this segment opens, in the page's words; none when it goes on the previous one. */
  chapter?: string;
  /** The pause before it: a section's is longer than an item's (a step's). */
  pause: 'section' | 'item';
  /** What the voice says (normalised): its sentences' spoken text, joined. */
  spoken: string;
  /** The same in normal spelling, as the writer wrote it: captions and the clean transcript. */
  written: string;
  /**
   * Its sentences, split before normalisation (sentences.ts), so each spoken sentence is
   * the written one said aloud: each is spoken on its own and timed (captions, talking book).
   */
  sentences: ScriptSentence[];
}

export interface ScriptSentence {
  /** What the voice says (normalised). */
  spoken: string;
  /** The same in normal spelling. */
  written: string;
}

/** The script as paragraphs, before normalisation (the words a writer wrote). */
export function scriptParagraphs(input: ScriptInput): string[] {
  return markedSegments(input).map((segment) => written(segment.sentences.join(' ')));
}

/** The script in segments, each spoken and written. */
export function scriptSegments(input: ScriptInput): ScriptSegment[] {
  return markedSegments(input).flatMap(({ chapter, pause, sentences: parts }) => {
    const sentences = parts
      .flatMap((part) => splitSentences(part, input.lexicon))
      .map((text) => ({ spoken: normaliseParagraph(text, input), written: written(text).replace(/\s+/g, ' ').trim() }))
      // A sentence of nothing the voice says (an emoji alone) is left out of both.
      .filter((sentence) => sentence.spoken !== '' && /[\p{L}\p{N}]/u.test(sentence.spoken));
    if (sentences.length === 0) return [];
    // A title may keep a space the page does not show ("Catatan ").
    const title = chapter?.trim();
    return [
      {
        ...(title ? { chapter: title } : {}),
        pause,
        spoken: sentences.map((sentence) => sentence.spoken).join(' '),
        written: sentences.map((sentence) => sentence.written).join(' '),
        sentences,
      },
    ];
  });
}

/**
 * The finished script (audio.txt): normalised paragraphs separated by blank lines, one per
 * part of the procedure; the steps run on in their section's paragraph.
 */
export function speechScript(input: ScriptInput): string {
  return `${joinSegments(scriptSegments(input), 'spoken')}\n`;
}

/** Segments as text: a blank line before each section, a space before an item. */
export function joinSegments(segments: readonly ScriptSegment[], text: 'spoken' | 'written'): string {
  return segments
    .map((segment, index) => (index === 0 ? '' : segment.pause === 'section' ? '\n\n' : ' ') + segment[text])
    .join('');
}

function written(marked: string): string {
  return marked.replace(PHRASE_MARK, '$2');
}

// A phrase in another language is marked in the paragraph with private-use characters,
// so each run is normalised by its own language's rules (Indonesian amounts inside Javanese).
const PHRASE_START = '\uE000';
const PHRASE_TEXT = '\uE001';
const PHRASE_END = '\uE002';
const PHRASE_MARK = /\uE000([^\uE001]*)\uE001([^\uE002]*)\uE002/gu;

/** Marks a phrase in another language, for `normaliseParagraph` (a `plainText` phrase option). */
export function markPhrase(lang: string, text: string): string {
  return `${PHRASE_START}${lang}${PHRASE_TEXT}${text}${PHRASE_END}`;
}

/** Normalises a paragraph, each marked phrase by its own language's rules. */
export function normaliseParagraph(
  paragraph: string,
  { speech, lexicon, speechOf }: Pick<ScriptInput, 'speech' | 'lexicon' | 'speechOf'>,
): string {
  let out = '';
  let last = 0;
  const say = (text: string, language: SpeechLanguage) => {
    // The normaliser trims; the spaces around a phrase are kept.
    const said = normaliseForSpeech(text, language, lexicon);
    return said === ''
      ? text.replace(/\S+/g, '')
      : `${/^\s/.test(text) ? ' ' : ''}${said}${/\s$/.test(text) ? ' ' : ''}`;
  };
  for (const match of paragraph.matchAll(PHRASE_MARK)) {
    out += say(paragraph.slice(last, match.index), speech);
    const lang = match[1] ?? '';
    out += say(match[2] ?? '', (lang === speech.lang ? speech : speechOf?.(lang)) ?? speech);
    last = match.index + match[0].length;
  }
  out += say(paragraph.slice(last), speech);
  return out
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim();
}

interface MarkedSegment {
  chapter?: string;
  pause: ScriptSegment['pause'];
  sentences: string[];
}

// Put between the sentences of a counted steps list: each step becomes a segment of its own.
const STEP_BREAK = '\uE003';

function markedSegments({ outline, words, speech }: ScriptInput): MarkedSegment[] {
  const speaking: Speaking = {
    say: (term, values = {}) => fillTerm(words.terms[term], values),
    speech,
    leadsIntoList: false,
  };
  const { say } = speaking;
  const segments: MarkedSegment[] = [];
  segments.push({
    chapter: outline.title.text,
    pause: 'section',
    sentences: [
      say('audio_intro', { title: clause(outline.title.text), office: outline.office.name }),
      ...notice(outline),
      sentence(outline.summary.text),
      ...(outline.unit ? [`${outline.unit.label}: ${clause(outline.unit.text)}.`] : []),
      ...outline.facts.map((fact) => say(FACT_TERMS[fact.id], { [fact.id]: clause(fact.value) })),
    ],
  });
  segments.push({ pause: 'section', sentences: blocks(outline.introduction, speaking) });
  for (const section of outline.sections) segments.push(...sectionSegments(section, speaking));
  if (outline.notes.length > 0) {
    segments.push({
      chapter: outline.notesTitle,
      pause: 'section',
      sentences: [
        sentence(outline.notesTitle),
        ...outline.notes.flatMap((note) => [
          say('audio_note', { number: String(note.number) }),
          ...blocks(note.blocks, speaking),
        ]),
      ],
    });
  }
  segments.push({ pause: 'section', sentences: [`${outline.updated.label}: ${outline.updated.text}.`] });
  return segments
    .map((segment) => ({ ...segment, sentences: segment.sentences.filter(Boolean) }))
    .filter((segment) => segment.sentences.length > 0);
}

/**
 * A section as segments: one, or for the steps one for the title and lead-in and then one
 * per step (chapter "Langkah 2"); what follows the last step goes on in that step's chapter.
 */
function sectionSegments(section: Section, speaking: Speaking): MarkedSegment[] {
  const parts: string[][] = [[]];
  for (const said of sectionSentences(section, speaking)) {
    if (said === STEP_BREAK) parts.push([]);
    else parts[parts.length - 1]?.push(said);
  }
  return parts.map((sentences, index) =>
    index === 0
      ? { chapter: section.title, pause: 'section', sentences }
      : { chapter: speaking.say('audio_chapter_step', { number: String(index) }), pause: 'item', sentences },
  );
}

export function fillTerm(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

/** A translation that may be out of date says so at once, and where the original is. */
function notice({ notice }: Outline): string[] {
  if (!notice) return [];
  // The folder's address is the page's too, and shorter to listen to than ".../index.html".
  const address = notice.originalUrl.replace(/\/index\.html$/, '');
  return [sentence(notice.text), `${notice.linkText}, ${notice.originalLanguageName}: ${address}.`];
}

/** A section: its title as a spoken heading, then every block in the writer's order. */
function sectionSentences(section: Section, speaking: Speaking): string[] {
  const said = SECTION_SPEECH[section.kind];
  // The list our lead-in introduces: the requirements' or steps' own list, or a list that
  // opens the section (complaint channels).
  const first = section.blocks[0];
  const list = section.list ?? (first?.type === 'list' ? first : undefined);
  const before = list ? section.blocks[section.blocks.indexOf(list) - 1] : undefined;
  // A paragraph of the writer's that ends "…:" right before the list is its lead-in
  // ("Siapkan berkas berikut:"); ours would only repeat it.
  const writerLeadsIn = before?.type === 'paragraph' && /:$/.test(spoken(before.children, []));
  const leadIn = said && !writerLeadsIn ? [speaking.say(said.leadIn)] : [];
  return [
    sentence(section.title),
    ...blocks(section.blocks, speaking, (block) => {
      if (block !== list) return undefined;
      const items = said?.item
        ? countedList(list, said.item, said.lowerFirst === true, speaking, section.kind === 'steps')
        : renderBlock(list, blockHandlers, { ...speaking, leadsIntoList: false });
      return [...leadIn, ...items];
    }),
  ];
}

/** The requirements or steps list: each item counted, with its further blocks after it. */
function countedList(
  list: List,
  term: Term,
  lowerFirstLetter: boolean,
  speaking: Speaking,
  segmented: boolean,
): string[] {
  return list.items.flatMap((item, index) => {
    const ordinal = spellOrdinal((list.ordered ? list.start : 1) + index, speaking.speech.numbers);
    const said = itemSentences(item, speaking, true, (text) =>
      speaking.say(term, { ordinal, text: lowerFirstLetter ? lowerFirst(text) : text }),
    );
    return segmented ? [STEP_BREAK, ...said] : said;
  });
}

/**
 * Blocks in order, each through its handler; `special` may say one block its own way
 * (the counted list of requirements and steps).
 */
function blocks(
  nodes: readonly Block[],
  speaking: Speaking,
  special: (block: Block) => string[] | undefined = () => undefined,
): string[] {
  return nodes.flatMap((block, index) => {
    const context = { ...speaking, leadsIntoList: nodes[index + 1]?.type === 'list' };
    return special(block) ?? renderBlock(block, blockHandlers, context);
  });
}

const blockHandlers: BlockHandlers<string[], Speaking> = {
  paragraph: (node, speaking) =>
    withNoteRefs(speaking, (refs) => [sentence(spoken(node.children, refs), speaking.leadsIntoList)]),
  subheading: (node, speaking) => withNoteRefs(speaking, (refs) => [sentence(spoken(node.content, refs))]),
  quote: (node, speaking) => blocks(node.children, speaking),
  // Each line is said as a line: a form's lines, an address, a letter's subject.
  preformatted: (node) => node.lines.map((line) => sentence(line.replace(/\s+/g, ' '))).filter(Boolean),
  list: (node, speaking) =>
    node.items.flatMap((item, index) => itemSentences(item, speaking, index === node.items.length - 1)),
  table: (node, speaking) => tableSentences(node, speaking),
};

/**
 * An item, then its further blocks and sub-lists. An item that the writer joined to the
 * next with "; atau" or ";" runs on into it: "lampirkan juga: fotokopi akta cerai; atau
 * fotokopi akta kematian …".
 */
function itemSentences(
  item: ListItem,
  speaking: Speaking,
  last: boolean,
  wrap: (text: string) => string = (text) => text,
): string[] {
  const leadsIntoList = item.blocks[0]?.type === 'list';
  const own = withNoteRefs(speaking, (refs) => {
    const text = spoken(item.content, refs);
    const runsOn = !last && item.blocks.length === 0 && refs.length === 0 && /[;,:]\s*\p{L}*$/u.test(text);
    return [text === '' ? '' : wrap(runsOn ? text : sentence(text, leadsIntoList))];
  });
  return [...own, ...blocks(item.blocks, speaking)].filter(Boolean);
}

/**
 * A table row by row, each cell with its column's header, as one would read it out:
 * "Pemeriksaan berkas: lama 1 hari, penanggung jawab Petugas loket." The columns are named
 * first, so the first column's header is heard too.
 */
function tableSentences(table: Table, speaking: Speaking): string[] {
  const headerRefs: number[] = [];
  const headers = table.header.map((cell) => spoken(cell.content, headerRefs));
  const named = headers.filter(Boolean);
  const intro =
    named.length > 0
      ? [speaking.say('audio_table', { rows: String(table.rows.length), columns: named.join(', ') })]
      : [];
  const rows = table.rows.flatMap((row) =>
    withNoteRefs(speaking, (refs) => {
      // A cell with no word or number ("—", "-") stands for "none": the pair is left out.
      const [first = '', ...rest] = row.map((cell) => {
        const value = spoken(cell.content, refs);
        return /[\p{L}\p{N}]/u.test(value) ? value : '';
      });
      const pairs = rest
        .map((value, index) => {
          const header = headers[index + 1];
          return value === '' ? '' : header ? `${lowerFirst(header)} ${clause(value)}` : clause(value);
        })
        .filter(Boolean);
      if (pairs.length === 0) return [sentence(first)];
      return [sentence(first === '' ? pairs.join(', ') : `${clause(first)}: ${pairs.join(', ')}`)];
    }),
  );
  return [...intro, ...noteRefSentences(headerRefs, speaking), ...rows].filter(Boolean);
}

/**
 * Inline text as the listener hears it: a link is read as its text (its address only when
 * the text is the address); emphasis, struck text and code are read as words like the rest.
 * A phrase in another language (`:id[…]`) is marked, to be normalised by its own rules.
 */
function spoken(inlines: readonly Inline[], refs: number[]): string {
  return plainText(inlines, {
    links: 'text',
    phrase: markPhrase,
    noteRef: (number) => {
      refs.push(number);
      return '';
    },
  });
}

/**
 * Footnote references are not said inside a sentence (a number there would break it for
 * the ear); after the block that holds them the listener hears "Lihat catatan kaki
 * nomor 1.", and the notes themselves are read after the last section.
 */
function withNoteRefs(speaking: Speaking, make: (refs: number[]) => string[]): string[] {
  const refs: number[] = [];
  const sentences = make(refs);
  return [...sentences, ...noteRefSentences(refs, speaking)];
}

function noteRefSentences(refs: readonly number[], speaking: Speaking): string[] {
  return [...new Set(refs)].map((number) => speaking.say('audio_note_ref', { number: String(number) }));
}

/**
 * "Formulir laporan" → "formulir laporan" after "pertama,"; acronyms (SK, KTP-el) keep their
 * case, and so does a name of capitalised words ("Kartu Keluarga", "Data Perorangan Calon
 * Penerima Pensiun"): lowering only its first word made "kartu Keluarga".
 */
export function lowerFirst(text: string): string {
  if (!/^\p{Lu}\p{Ll}/u.test(text)) return text;
  const next = /^\S+\s+["'“‘(]?(\S+)/u.exec(text)?.[1] ?? '';
  if (/^\p{Lu}\p{Ll}/u.test(next)) return text;
  return text[0]?.toLowerCase() + text.slice(1);
}

/** Ends the text with a full stop (a pause for the listener) unless it already ends a clause. */
function sentence(text: string, keepColon = false): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/[.!?]$/.test(trimmed) || (keepColon && /[:;]$/.test(trimmed))) return trimmed;
  if (/[:;,]$/.test(trimmed)) return `${trimmed.slice(0, -1)}.`;
  return `${trimmed}.`;
}

/** A value inside a sentence: no full stop of its own, but an abbreviation keeps its dots ("A.Md."). */
function clause(text: string): string {
  const trimmed = text.trim();
  return /(?:^|\s)\S*\.\S+\.$/u.test(trimmed) ? trimmed : trimmed.replace(/[.]+$/, '');
}
