// Which picture each requirement and step gets, its short caption, and the
// coverage figure. Pure and shared: the sheet and catalog.json use the same plan.
import type { PhrasingContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { Item, Procedure } from '../../model/types.js';
import type { Concept, Lexicon } from './lexicon.js';
import { createMatcher, type Matcher, matchText } from './match.js';

export interface PlannedItem {
  section: 'requirements' | 'steps';
  /** 1-based number within its section. */
  number: number;
  item: Item;
  /** The item's full text: the picture's alt text. */
  text: string;
  /** The first clause, at most eight words. */
  caption: string;
  /** undefined: no picture (a numbered tile instead). */
  concept?: Concept;
  /** `writer`: chosen with {pictogram=…}; `none`: turned off by the writer. */
  source: 'lexicon' | 'writer' | 'none' | 'unmatched';
}

export interface Plan {
  service?: Concept;
  requirements: PlannedItem[];
  steps: PlannedItem[];
  cost: Concept | undefined;
  duration: Concept | undefined;
  product: Concept | undefined;
  /** Items with a picture / items that should have one (0..1; 1 when every picture is turned off). */
  coverage: number;
}

const MAX_CAPTION_WORDS = 8;
const matchers = new WeakMap<Lexicon, Map<string, Matcher>>();

export function matcherFor(lexicon: Lexicon, lang: string): Matcher {
  const byLang = matchers.get(lexicon) ?? new Map<string, Matcher>();
  matchers.set(lexicon, byLang);
  const matcher = byLang.get(lang) ?? createMatcher(lexicon, lang);
  byLang.set(lang, matcher);
  return matcher;
}

export function planProcedure(procedure: Procedure, lexicon: Lexicon): Plan {
  const matcher = matcherFor(lexicon, procedure.lang);
  const plan = (section: PlannedItem['section']) =>
    procedure[section].items.map((item, index) => planItem(item, index + 1, section, matcher));
  const requirements = plan('requirements');
  const steps = plan('steps');
  const counted = [...requirements, ...steps].filter((entry) => entry.source !== 'none');
  const pictured = counted.filter((entry) => entry.concept).length;
  const { meta } = procedure;
  const concept = (id: string) => matcher.concepts.get(id);
  const costMatch = matchText(matcher, meta.cost, 'title')?.concept;
  return {
    service: matchText(matcher, meta.title, 'title')?.concept,
    requirements,
    steps,
    cost: costMatch?.id === 'free' ? costMatch : concept('money'),
    duration: /\d/.test(meta.duration) ? concept('calendar') : concept('duration'),
    product: matchText(matcher, meta.product, 'title')?.concept ?? concept('decree'),
    coverage: counted.length === 0 ? 1 : pictured / counted.length,
  };
}

/** catalog.json's `pictogramCoverage`, rounded to three decimals. */
export function pictogramCoverage(procedure: Procedure, lexicon: Lexicon): number {
  return Math.round(planProcedure(procedure, lexicon).coverage * 1000) / 1000;
}

function planItem(item: Item, number: number, section: PlannedItem['section'], matcher: Matcher): PlannedItem {
  const text = phrasingText(item.content).replace(/\s+/g, ' ').trim();
  const base = { section, number, item, text, caption: shortCaption(text) };
  const chosen = item.pictogram?.id;
  if (chosen === 'none') return { ...base, source: 'none' };
  const written = chosen === undefined ? undefined : matcher.concepts.get(chosen);
  if (written) return { ...base, concept: written, source: 'writer' };
  const match = matchText(matcher, text, section);
  return match ? { ...base, concept: match.concept, source: 'lexicon' } : { ...base, source: 'unmatched' };
}

/** The first clause (up to `.`, `,`, `;`, `:` or a bracket), cut to eight words with "…". */
export function shortCaption(text: string): string {
  const clause = text.split(/[.;:!?](?:\s|$)|,\s|\s[(–—-]\s?|\(/)[0]?.trim() || text;
  const list = clause.split(/\s+/).filter(Boolean);
  return list.length <= MAX_CAPTION_WORDS ? list.join(' ') : `${list.slice(0, MAX_CAPTION_WORDS).join(' ')} …`;
}

function phrasingText(nodes: PhrasingContent[]): string {
  return plainText({ type: 'paragraph', children: nodes });
}
