// Outline → laid-out sheet: the plan, the words of its language and the drawings.
import type { Words } from '../../i18n/words.js';
import type { Outline } from '../../outline/types.js';
import type { Drawing } from './drawing.js';
import { layoutSheet, type Sheet, type SheetWords } from './layout.js';
import type { Concept, Lexicon } from './lexicon.js';
import { type Plan, planOutline } from './plan.js';
import type { Faces } from './resources.js';

export interface SheetResources {
  lexicon: Lexicon;
  faces: Faces;
  /** The drawing `set:name`. */
  drawing: (art: string) => Drawing;
}

/** "Gambar: OpenMoji (CC BY-SA 4.0, openmoji.org) · Tabler Icons (MIT, tabler.io/icons) · …" for the sets in use. */
export function credits(lexicon: Lexicon, plan: Plan, words: Words): string {
  const used = new Set(
    [
      plan.service,
      ...plan.facts.map((fact) => fact.concept),
      ...[...plan.requirements, ...plan.steps].flatMap((e) => e.pictures.map((picture) => picture.concept)),
    ]
      .filter((concept): concept is Concept => concept !== undefined)
      .map((concept) => concept.art.split(':')[0]),
  );
  const sets = lexicon.sets.filter((set) => used.has(set.id));
  const list = sets
    .map((set) => `${set.name} (${[set.licence, set.url.replace(/^https?:\/\//, '')].filter(Boolean).join(', ')})`)
    .join(' · ');
  return `${words.terms.pictogram_credits}: ${list}`;
}

/** The words the sheet prints besides the outline's own. */
function sheetWords(outline: Outline, words: Words, creditLine: string): SheetWords {
  const { terms } = words;
  const notice = outline.notice;
  return {
    title: outline.title.text,
    label: terms.pictogram_sheet,
    conditions: terms.pictogram_conditions,
    requirements: terms.pictogram_bring,
    steps: terms.pictogram_steps,
    rest: terms.pictogram_rest.replace('{url}', outline.url),
    ...(notice ? { notice: `${notice.text} ${notice.linkText}: ${notice.originalUrl}` } : {}),
    credits: creditLine,
    page: (n, of) => `${terms.pictogram_page} ${n}/${of}`,
  };
}

export function buildSheet(
  outline: Outline,
  words: Words,
  resources: SheetResources,
): { sheet: Sheet; plan: Plan; credits: string; words: SheetWords; drawing: (concept: Concept) => Drawing } {
  const plan = planOutline(outline, resources.lexicon);
  const drawing = (concept: Concept) => resources.drawing(concept.art);
  const creditLine = credits(resources.lexicon, plan, words);
  const printed = sheetWords(outline, words, creditLine);
  const sheet = layoutSheet({ plan, faces: resources.faces, drawing, words: printed });
  return { sheet, plan, credits: creditLine, words: printed, drawing };
}
