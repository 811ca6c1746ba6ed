// Which picture each requirement and step gets, the words it carries, and the coverage
// figure. Pure and shared: the sheet and catalog.json use the same plan, made from the
// outline's requirements and steps lists and its facts.
import type { Fact, ListItem, Outline } from '../../outline/types.js';
import { type DetailLine, itemTexts } from './item-text.js';
import type { Concept, Lexicon } from './lexicon.js';
import { createMatcher, type Matcher, matchPictures, matchText, words } from './match.js';
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
  /** undefined: no picture (a numbered tile instead). The first of `pictures`. */
  concept?: Concept;
  /** The number the picture shows (photo size, days), when it carries one and the text gives it. */
  pictureNumber?: string;
  /** Every picture of the item: one, or one per document it names ("KK dan KTP-el"). */
  pictures: Picture[];
  /** `writer`: chosen with {pictogram=…}; `none`: turned off by the writer. */
  source: 'lexicon' | 'writer' | 'none' | 'unmatched';
  /** How well the picture says what the item says (a writer's choice counts as specific). */
  match: MatchQuality;
  /** Requirements: a condition the citizen meets ("Berstatus PNS …"), not something to bring. */
  condition: boolean;
  /** "Jika …": what applies only in one case. */
  branch: boolean;
}

export interface Picture {
  concept: Concept;
  number?: string;
}

/** `generic`: a blank document or card that does not say which; `none`: no picture. */
export type MatchQuality = 'specific' | 'generic' | 'none' | 'off';

export interface CoverageSplit {
  specific: number;
  generic: number;
  none: number;
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
  /** How many items have a specific, a generic or no picture (those turned off not counted). */
  split: CoverageSplit;
}

/** At most this many pictures for one item: more would crowd out its words. */
const MOST_PICTURES = 3;

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
  const openings = lexicon.conditionOpenings[outline.lang] ?? lexicon.conditionOpenings.id ?? [];
  const branchWords = lexicon.branchOpenings[outline.lang] ?? lexicon.branchOpenings.id ?? [];
  const dayWords = lexicon.dayWords[outline.lang] ?? lexicon.dayWords.id ?? [];
  const plan = (section: PlannedItem['section']) => {
    const list = outline.sections.find((candidate) => candidate.kind === section)?.list;
    if (!list) return [];
    return list.items.map((item, index) =>
      planItem(item, list.ordered ? list.start + index : index + 1, section, matcher, {
        dayWords,
        openings,
        branchWords,
      }),
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
    split: {
      specific: counted.filter((entry) => entry.match === 'specific').length,
      generic: counted.filter((entry) => entry.match === 'generic').length,
      none: counted.filter((entry) => entry.match === 'none').length,
    },
  };
}

/**
 * catalog.json's `pictogramCoverage` (rounded to three decimals) and `pictogramMatches`
 * (items with a specific, a generic or no picture), from one plan of the sheet.
 */
export function pictogramFigures(outline: Outline, lexicon: Lexicon): { coverage: number; split: CoverageSplit } {
  const { coverage, split } = planOutline(outline, lexicon);
  return { coverage: Math.round(coverage * 1000) / 1000, split };
}

interface ItemWords {
  dayWords: readonly string[];
  openings: readonly string[];
  branchWords: readonly string[];
}

function planItem(
  item: ListItem,
  number: number,
  section: PlannedItem['section'],
  matcher: Matcher,
  lists: ItemWords,
): PlannedItem {
  const { text, details } = itemTexts(item);
  const fullText = [text, ...details.map((line) => line.text)].join(' ').trim();
  const condition = section === 'requirements' && startsWithAny(text, lists.openings, matcher);
  const base = {
    section,
    number,
    item,
    text,
    details,
    fullText,
    condition,
    branch: startsWithAny(text, lists.branchWords, matcher),
    ...(item.caption ? { caption: item.caption } : {}),
  };
  const chosen = item.pictogram?.id;
  if (chosen === 'none') return { ...base, pictures: [], source: 'none', match: 'off' };
  const written = chosen === undefined ? undefined : matcher.concepts.get(chosen);
  const pictures = written ? [written] : lexiconPictures(matcher, text, details, section);
  if (pictures.length === 0) return { ...base, pictures: [], source: 'unmatched', match: 'none' };
  const drawn = pictures.map((concept) => withNumber({ concept }, text, lists.dayWords));
  const first = drawn[0] as Picture & { pictureNumber?: string };
  return {
    ...base,
    concept: first.concept,
    ...(first.pictureNumber !== undefined ? { pictureNumber: first.pictureNumber } : {}),
    pictures: drawn.map((picture) => ({
      concept: picture.concept,
      ...(picture.pictureNumber !== undefined ? { number: picture.pictureNumber } : {}),
    })),
    source: written ? 'writer' : 'lexicon',
    match: written || pictures.some((concept) => !concept.generic) ? 'specific' : 'generic',
  };
}

/**
 * The item's own text decides; only when that names no document of its own ("Dokumen
 * keluarga:" over "– fotokopi buku nikah …", "– fotokopi KK dan KTP-el") do the lines
 * under it: the document each line names, one picture per line, in order.
 */
function lexiconPictures(
  matcher: Matcher,
  text: string,
  details: readonly DetailLine[],
  section: PlannedItem['section'],
) {
  const own = matchPictures(matcher, text, section).map((match) => match.concept);
  if (own.some((concept) => !concept.generic) || details.length === 0) return own;
  const under: Concept[] = [];
  for (const line of details) {
    const found = matchPictures(matcher, line.text, section)[0]?.concept;
    if (found?.document && !found.generic && !under.some((other) => other.art === found.art)) under.push(found);
  }
  return under.length > 0 ? under.slice(0, MOST_PICTURES) : own;
}

/** Whether the text opens with one of the words or phrases (compared by stem: "Memiliki", "memiliki"). */
function startsWithAny(text: string, openings: readonly string[], matcher: Matcher): boolean {
  const head = words(text)
    .slice(0, 4)
    .map((word) => matcher.stem(word));
  return openings.some((opening) => {
    const list = words(opening).map((word) => matcher.stem(word));
    return list.length > 0 && list.every((word, i) => head[i] === word);
  });
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
