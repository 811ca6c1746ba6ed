// Text → the best pictogram concept of the lexicon. Pure: the same lexicon and text
// always give the same concept.
import type { Concept, ConceptKind, Lexicon } from './lexicon.js';
import { type StemWord, stemmerFor } from './stem.js';

/** What the text is: requirements prefer things to bring, steps prefer actions. */
export type MatchRole = 'requirements' | 'steps' | 'title';

interface Word {
  raw: string;
  stem: string;
}

interface Trigger {
  concept: Concept;
  words: { raw: string; stem: string; exact: boolean }[];
  /** Triggers of the source language used on a translation count a little less. */
  penalty: number;
}

export interface Matcher {
  lang: string;
  triggers: Trigger[];
  stem: StemWord;
  concepts: ReadonlyMap<string, Concept>;
}

export interface Match {
  concept: Concept;
  score: number;
}

const ROLE_BONUS: Record<MatchRole, Partial<Record<ConceptKind, number>>> = {
  requirements: { thing: 8 },
  steps: { action: 8 },
  title: { thing: 8, action: 2 },
};
/** Source-language words are also tried on other languages: Javanese texts keep many Indonesian terms. */
const SOURCE_LANGUAGE = 'id';

/** Splits text into words: letters and digits, keeping hyphenated words (ktp-el, e-mail) whole. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
}

export function createMatcher(lexicon: Lexicon, lang: string): Matcher {
  const stem = stemmerFor(lang, lexicon);
  const triggers: Trigger[] = [];
  for (const concept of lexicon.concepts) {
    const sources = lang === SOURCE_LANGUAGE ? [lang] : [lang, SOURCE_LANGUAGE];
    for (const source of sources) {
      for (const phrase of concept.triggers[source] ?? []) {
        const exact = phrase.startsWith('=');
        const list = words(exact ? phrase.slice(1) : phrase).map((raw) => ({ raw, stem: stem(raw), exact }));
        if (list.length > 0) triggers.push({ concept, words: list, penalty: source === lang ? 0 : 1 });
      }
    }
  }
  return { lang, triggers, stem, concepts: new Map(lexicon.concepts.map((concept) => [concept.id, concept])) };
}

/**
 * The best concept for a text, or undefined when no trigger occurs. A match scores
 * more when its phrase is longer, its kind suits the role, and it stands earlier.
 */
export function matchText(matcher: Matcher, text: string, role: MatchRole): Match | undefined {
  const tokens: Word[] = words(text).map((raw) => ({ raw, stem: matcher.stem(raw) }));
  let best: Match | undefined;
  for (const trigger of matcher.triggers) {
    const at = findPhrase(tokens, trigger);
    if (at < 0) continue;
    const { concept } = trigger;
    const score =
      10 +
      3 * (trigger.words.length - 1) +
      (ROLE_BONUS[role][concept.kind] ?? 0) +
      concept.weight -
      trigger.penalty -
      0.3 * Math.min(at, 20);
    // Ties go to the concept listed first in the lexicon (triggers are in lexicon order).
    if (!best || score > best.score) best = { concept, score };
  }
  return best;
}

function findPhrase(tokens: readonly Word[], trigger: Trigger): number {
  const n = trigger.words.length;
  for (let start = 0; start + n <= tokens.length; start++) {
    if (trigger.words.every((word, i) => sameWord(tokens[start + i] ?? { raw: '', stem: '' }, word))) return start;
  }
  return -1;
}

function sameWord(token: Word, word: Trigger['words'][number]): boolean {
  if (token.raw === word.raw || token.raw.startsWith(`${word.raw}-`)) return true;
  return !word.exact && token.stem === word.stem;
}
