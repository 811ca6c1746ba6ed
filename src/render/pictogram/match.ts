// Text → the best pictogram concept of the lexicon. Pure: the same lexicon and text
// always give the same concept.
import type { Concept, ConceptKind, Lexicon } from './lexicon.js';
import { type StemWord, stemmerFor } from './stem.js';

/** What the text is: requirements prefer things to bring, steps prefer actions. */
export type MatchRole = 'requirements' | 'steps' | 'title';

interface Word {
  raw: string;
  stem: string;
  /** Where the word starts and ends in the text. */
  start?: number;
  end?: number;
}

interface Trigger {
  concept: Concept;
  words: TriggerWord[];
  /** Triggers of the source language used on a translation count a little less. */
  penalty: number;
}

interface TriggerWord {
  raw: string;
  stem: string;
  exact: boolean;
}

export interface Matcher {
  lang: string;
  triggers: Trigger[];
  /** Per concept: the phrases in which its triggers do not count. */
  unless: Map<Concept, TriggerWord[][]>;
  stem: StemWord;
  concepts: ReadonlyMap<string, Concept>;
}

export interface Match {
  concept: Concept;
  score: number;
  /** Where the trigger stands in the text's words, and how many words it spans. */
  at: number;
  length: number;
  /** Every stretch of words where one of the concept's triggers stands. */
  spans: [number, number][];
  /** The match follows "dan", "atau", a comma…: one of a list of things. */
  listed: boolean;
}

const ROLE_BONUS: Record<MatchRole, Partial<Record<ConceptKind, number>>> = {
  requirements: { thing: 8 },
  steps: { action: 8 },
  title: { thing: 8, action: 2 },
};
/** Source-language words are also tried on other languages: Javanese texts keep many Indonesian terms. */
const SOURCE_LANGUAGE = 'id';
/** At most this many pictures for one item naming several documents. */
const MOST_DOCUMENTS = 3;
/** Words that join the documents of a list ("KK dan KTP-el", "SK serta ijazah"). */
const JOINERS = new Set(['dan', 'atau', 'serta', 'beserta', 'lan', 'utawi', 'sarta', 'kaliyan']);

/** Splits text into words: letters and digits, keeping hyphenated words (ktp-el, e-mail) whole. */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Whether the word at `at` follows a joiner or a comma: "KK dan KTP-el", "KK, KTP-el". */
function listed(text: string, tokens: readonly Word[], at: number): boolean {
  const before = tokens[at - 1];
  if (!before) return false;
  if (JOINERS.has(before.raw)) return true;
  return /[,;/]/.test(text.slice(before.end, tokens[at]?.start));
}

export function createMatcher(lexicon: Lexicon, lang: string): Matcher {
  const stem = stemmerFor(lang, lexicon);
  const phrase = (text: string): TriggerWord[] => {
    const exact = text.startsWith('=');
    return words(exact ? text.slice(1) : text).map((raw) => ({ raw, stem: stem(raw), exact }));
  };
  const sources = lang === SOURCE_LANGUAGE ? [lang] : [lang, SOURCE_LANGUAGE];
  const triggers: Trigger[] = [];
  const unless = new Map<Concept, TriggerWord[][]>();
  for (const concept of lexicon.concepts) {
    for (const source of sources) {
      for (const text of concept.triggers[source] ?? []) {
        const list = phrase(text);
        if (list.length > 0) triggers.push({ concept, words: list, penalty: source === lang ? 0 : 1 });
      }
    }
    const negatives = sources.flatMap((source) => concept.unless[source] ?? []).map(phrase);
    if (negatives.length > 0) unless.set(concept, negatives);
  }
  return { lang, triggers, unless, stem, concepts: new Map(lexicon.concepts.map((concept) => [concept.id, concept])) };
}

/**
 * Every concept whose trigger occurs in the text, best first. A match scores more when
 * its phrase is longer (so "surat keterangan dokter" beats "surat"), its kind suits the
 * role, and it stands earlier; a trigger inside one of its concept's `unless` phrases
 * does not count.
 */
export function matchAll(matcher: Matcher, text: string, role: MatchRole): Match[] {
  const tokens: Word[] = [...text.toLowerCase().matchAll(WORD)].map((m) => ({
    raw: m[0],
    stem: matcher.stem(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const index = indexWords(tokens);
  const best = new Map<Concept, Match>();
  const spans = new Map<Concept, [number, number][]>();
  const excluded = new Map<Concept, [number, number][]>();
  const spansOf = (concept: Concept) => {
    let spans = excluded.get(concept);
    if (!spans) {
      spans = (matcher.unless.get(concept) ?? []).flatMap((negative) =>
        findAll(tokens, index, negative).map((at): [number, number] => [at, at + negative.length]),
      );
      excluded.set(concept, spans);
    }
    return spans;
  };
  for (const trigger of matcher.triggers) {
    const { concept } = trigger;
    const n = trigger.words.length;
    const found = findAll(tokens, index, trigger.words).filter(
      (start) => !spansOf(concept).some(([from, to]) => start >= from && start + n <= to),
    );
    const at = found[0];
    if (at === undefined) continue;
    const conceptSpans = spans.get(concept) ?? [];
    conceptSpans.push(...found.map((start): [number, number] => [start, start + n]));
    spans.set(concept, conceptSpans);
    const score =
      10 +
      3 * (n - 1) +
      (ROLE_BONUS[role][concept.kind] ?? 0) +
      concept.weight -
      trigger.penalty -
      0.3 * Math.min(at, 20);
    // Ties go to the concept listed first in the lexicon (triggers are in lexicon order).
    const known = best.get(concept);
    if (!known || score > known.score)
      best.set(concept, { concept, score, at, length: n, spans: conceptSpans, listed: listed(text, tokens, at) });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** The best concept for a text, or undefined when no trigger occurs. */
export function matchText(matcher: Matcher, text: string, role: MatchRole): Match | undefined {
  return matchAll(matcher, text, role)[0];
}

/**
 * The pictures of an item: its best concept and, when that is a document, the other
 * documents it names elsewhere in the text ("KK dan KTP-el"), in the order written.
 * A phrase covering another's words wins over it ("surat keterangan dokter", not "surat").
 */
export function matchPictures(matcher: Matcher, text: string, role: MatchRole): Match[] {
  const all = matchAll(matcher, text, role);
  const first = all[0];
  if (!first) return [];
  if (!first.concept.document) return [first];
  const chosen = [first];
  for (const match of all) {
    if (chosen.length >= MOST_DOCUMENTS) break;
    // Only documents named as one of a list: "KK tempat bayi didaftarkan" is one document.
    if (!match.concept.document || match.concept.generic || !(match.listed || first.listed)) continue;
    if (chosen.some((other) => overlaps(other, match) || other.concept.art === match.concept.art)) continue;
    chosen.push(match);
  }
  return chosen.sort((a, b) => a.at - b.at);
}

/** Whether the match stands inside any stretch of the other's triggers ("akta" in "akta perkawinan"). */
function overlaps(other: Match, match: Match): boolean {
  const [from, to] = [match.at, match.at + match.length];
  return other.spans.some(([start, end]) => from < end && start < to);
}

/**
 * Where each word form stands in the text: by the word as written, by each part of it
 * before a hyphen ("ktp" of "ktp-el") and by its stem. A lexicon has hundreds of triggers
 * and an item a few dozen words: a trigger is tried only where its first word stands.
 */
interface WordIndex {
  written: Map<string, number[]>;
  stems: Map<string, number[]>;
}

function indexWords(tokens: readonly Word[]): WordIndex {
  const written = new Map<string, number[]>();
  const stems = new Map<string, number[]>();
  // Each token adds a key once to each map (its parts before a hyphen differ), so the lists stay in order.
  const add = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  for (const [at, token] of tokens.entries()) {
    add(written, token.raw, at);
    // `sameWord` also takes a token that starts with the word and a hyphen.
    for (let hyphen = token.raw.indexOf('-'); hyphen > 0; hyphen = token.raw.indexOf('-', hyphen + 1))
      add(written, token.raw.slice(0, hyphen), at);
    add(stems, token.stem, at);
  }
  return { written, stems };
}

/** Every place where the phrase stands in the text, in order. */
function findAll(tokens: readonly Word[], index: WordIndex, phrase: readonly TriggerWord[]): number[] {
  const first = phrase[0];
  if (!first) return [];
  const byWriting = index.written.get(first.raw) ?? [];
  const byStem = first.exact ? [] : (index.stems.get(first.stem) ?? []);
  const starts = byStem.length === 0 ? byWriting : [...new Set([...byWriting, ...byStem])].sort((a, b) => a - b);
  return starts.filter(
    (start) =>
      start + phrase.length <= tokens.length &&
      phrase.every((word, i) => sameWord(tokens[start + i] ?? { raw: '', stem: '' }, word)),
  );
}

function sameWord(token: Word, word: TriggerWord): boolean {
  if (token.raw === word.raw || token.raw.startsWith(`${word.raw}-`)) return true;
  return !word.exact && token.stem === word.stem;
}
