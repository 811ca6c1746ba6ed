// Procedure → laid-out sheet: the plan, the words of its language and the drawings.
import type { Words } from '../../i18n/words.js';
import type { Procedure } from '../../model/types.js';
import { type Drawing, readDrawing } from './drawing.js';
import { layoutSheet, type Sheet } from './layout.js';
import type { Concept, Lexicon } from './lexicon.js';
import { type Plan, planProcedure, shortCaption } from './plan.js';
import type { Faces } from './resources.js';

export interface SheetResources {
  lexicon: Lexicon;
  faces: Faces;
  /** The SVG source of a drawing `set:name`. */
  drawingSource: (art: string) => string;
}

/** "Gambar: OpenMoji (CC BY-SA 4.0, openmoji.org) · Tabler Icons (MIT, tabler.io/icons) · …" for the sets in use. */
export function credits(lexicon: Lexicon, plan: Plan, words: Words): string {
  const used = new Set(
    [
      plan.service,
      plan.cost,
      plan.duration,
      plan.product,
      ...[...plan.requirements, ...plan.steps].map((e) => e.concept),
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

export function buildSheet(
  procedure: Procedure,
  words: Words,
  resources: SheetResources,
): { sheet: Sheet; plan: Plan; credits: string } {
  const plan = planProcedure(procedure, resources.lexicon);
  const drawings = new Map<string, Drawing>();
  const drawing = (concept: Concept) => {
    const found = drawings.get(concept.art) ?? readDrawing(resources.drawingSource(concept.art));
    drawings.set(concept.art, found);
    return found;
  };
  const { meta } = procedure;
  const { terms } = words;
  const creditLine = credits(resources.lexicon, plan, words);
  const sheet = layoutSheet({
    plan,
    faces: resources.faces,
    drawing,
    words: {
      title: meta.title,
      label: terms.pictogram_sheet,
      requirements: terms.pictogram_bring,
      steps: terms.pictogram_steps,
      cost: terms.cost,
      duration: terms.duration,
      product: terms.product,
      costValue: shortCaption(meta.cost),
      durationValue: shortCaption(meta.duration),
      productValue: shortCaption(meta.product),
      credits: creditLine,
      page: (n, of) => `${terms.pictogram_page} ${n}/${of}`,
    },
  });
  return { sheet, plan, credits: creditLine };
}
