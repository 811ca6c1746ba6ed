// Which picture each requirement and step gets, the words it carries, and the coverage
// figure. Pure and shared: the sheet and catalog.json use the same plan, made from the
// outline's requirements and steps lists and its facts.
import type { Fact, ListItem, Outline } from '../../outline/types.js';
import { type DetailLine, itemTexts } from './item-text.js';
import type { Concept, Lexicon } from './lexicon.js';
import { createMatcher, type Matcher, matchText } from './match.js';
import { pictureNumber } from './picture-number.js';

export interface PlannedItem {
  section: 'requirements' | 'steps';
  /** The item's number in its list (an ordered list's own numbering). */
  number: number;
  item: ListItem;
  /** The item's own text (its first paragraph). */
  text: string;
  /** What stands under it: further paragraphs and sub-points. */
  details: DetailLine[];
  /** Everything the item says, on one line: the picture's description. */
  fullText: string;
  /** The writer's `{caption="…"}`. */
  caption?: string;
  /** undefined: no picture (a numbered tile instead). */
  concept?: Concept;
  /** The number the picture shows (photo size, days), when it carries one and the text gives it. */
  pictureNumber?: string;
  /** `writer`: chosen with {pictogram=…}; `none`: turned off by the writer. */
  source: 'lexicon' | 'writer' | 'none' | 'unmatched';
}

export interface PlannedFact {
  fact: Fact;
  concept?: Concept;
  pictureNumber?: string;
}

export interface Plan {
  service?: Concept;
  requirements: PlannedItem[];
  steps: PlannedItem[];
  /** The outline's facts, in its order. */
  facts: PlannedFact[];
  /** Items with a picture / items that should have one (0..1; 1 when every picture is turned off). */
  coverage: number;
}

const matchers = new WeakMap<Lexicon, Map<string, Matcher>>();

export function matcherFor(lexicon: Lexicon, lang: string): Matcher {
  const byLang = matchers.get(lexicon) ?? new Map<string, Matcher>();
  matchers.set(lexicon, byLang);
  const matcher = byLang.get(lang) ?? createMatcher(lexicon, lang);
  byLang.set(lang, matcher);
  return matcher;
}

export function planOutline(outline: Outline, lexicon: Lexicon): Plan {
  const matcher = matcherFor(lexicon, outline.lang);
  const dayWords = lexicon.dayWords[outline.lang] ?? lexicon.dayWords.id ?? [];
  const plan = (section: PlannedItem['section']) => {
    const list = outline.sections.find((candidate) => candidate.kind === section)?.list;
    if (!list) return [];
    return list.items.map((item, index) =>
      planItem(item, list.ordered ? list.start + index : index + 1, section, matcher, dayWords),
    );
  };
  const requirements = plan('requirements');
  const steps = plan('steps');
  const counted = [...requirements, ...steps].filter((entry) => entry.source !== 'none');
  const pictured = counted.filter((entry) => entry.concept).length;
  const concept = (id: string) => matcher.concepts.get(id);
  const factConcept = (fact: Fact): Concept | undefined => {
    if (fact.id === 'cost') {
      const match = matchText(matcher, fact.value, 'title')?.concept;
      return match?.id === 'free' ? match : concept('money');
    }
    if (fact.id === 'duration') return /\d/.test(fact.value) ? concept('calendar') : concept('duration');
    return matchText(matcher, fact.value, 'title')?.concept ?? concept('decree');
  };
  return {
    service: matchText(matcher, outline.title.text, 'title')?.concept,
    requirements,
    steps,
    facts: outline.facts.map((fact) => withNumber({ fact, concept: factConcept(fact) }, fact.value, dayWords)),
    coverage: counted.length === 0 ? 1 : pictured / counted.length,
  };
}

/** catalog.json's `pictogramCoverage`, rounded to three decimals. */
export function pictogramCoverage(outline: Outline, lexicon: Lexicon): number {
  return Math.round(planOutline(outline, lexicon).coverage * 1000) / 1000;
}

function planItem(
  item: ListItem,
  number: number,
  section: PlannedItem['section'],
  matcher: Matcher,
  dayWords: readonly string[],
): PlannedItem {
  const { text, details } = itemTexts(item);
  const fullText = [text, ...details.map((line) => line.text)].join(' ').trim();
  const base = { section, number, item, text, details, fullText, ...(item.caption ? { caption: item.caption } : {}) };
  const chosen = item.pictogram?.id;
  if (chosen === 'none') return { ...base, source: 'none' };
  const written = chosen === undefined ? undefined : matcher.concepts.get(chosen);
  if (written) return withNumber({ ...base, concept: written, source: 'writer' }, text, dayWords);
  const match = matchText(matcher, text, section);
  return match
    ? withNumber({ ...base, concept: match.concept, source: 'lexicon' }, text, dayWords)
    : { ...base, source: 'unmatched' };
}

/** The picture's number from the text it stands for, when its drawing carries one. */
function withNumber<Entry extends { concept?: Concept }>(
  entry: Entry,
  text: string,
  dayWords: readonly string[],
): Entry & { pictureNumber?: string } {
  const slot = entry.concept?.number;
  const number = slot ? pictureNumber(slot.shows, text, dayWords) : undefined;
  return number === undefined ? entry : { ...entry, pictureNumber: number };
}
