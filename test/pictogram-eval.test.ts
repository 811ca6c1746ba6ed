// The pictogram matcher on texts it was not written for: 295 requirement and step texts
// of other public services (population registry, licensing, health, education, social
// aid), labelled by hand with the right concepts (test/fixtures/pictogram-eval). A
// picture that is wrong misleads a reader who cannot check it against the words, so
// precision on specific matches is the bar; recall is reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matchPictures } from '../src/render/pictogram/match.js';
import { matcherFor } from '../src/render/pictogram/plan.js';
import { loadLexicon } from '../src/render/pictogram/resources.js';
import { REPO } from './support/fixtures.js';

interface Service {
  service: string;
  items: [string, string, string[]][];
}

const lexicon = loadLexicon();
const matcher = matcherFor(lexicon, 'id');
/** `items.yaml` guided the lexicon; `held-out.yaml` was labelled after and never did. */
const SETS = ['items', 'held-out'] as const;
const items = SETS.flatMap((set) =>
  (parse(readFileSync(join(REPO, `test/fixtures/pictogram-eval/${set}.yaml`), 'utf8')) as Service[]).flatMap((entry) =>
    entry.items.map(([role, text, labels]) => ({
      set,
      service: entry.service,
      role: role === 's' ? ('steps' as const) : ('requirements' as const),
      text,
      labels,
    })),
  ),
);
const generic = new Set(lexicon.concepts.filter((concept) => concept.generic).map((concept) => concept.id));
/** Two concepts drawn with the same picture (money, pay) show the reader the same thing. */
const art = new Map(lexicon.concepts.map((concept) => [concept.id, concept.art]));
const samePicture = (labels: readonly string[], id: string) => labels.some((label) => art.get(label) === art.get(id));

/** What the sheet would show for each item, and whether it is right. */
function evaluate() {
  return items.map((item) => {
    const shown = matchPictures(matcher, item.text, item.role).map((match) => match.concept.id);
    const specific = shown.filter((id) => !generic.has(id));
    return {
      ...item,
      shown,
      specific: specific.length > 0,
      // Every specific picture the row shows is one of the right ones.
      right: specific.length > 0 && specific.every((id) => samePicture(item.labels, id)),
      // The item has a right picture that is specific: what recall counts.
      findable: item.labels.some((id) => !generic.has(id)),
      firstRight: specific[0] !== undefined && samePicture(item.labels, specific[0]),
    };
  });
}

describe('the pictogram evaluation set', () => {
  it('holds at least 150 hand-labelled texts, each label a concept of the lexicon', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    const known = new Set(lexicon.concepts.map((concept) => concept.id));
    expect(items.flatMap((item) => item.labels.filter((id) => !known.has(id)))).toEqual([]);
  });

  it('is right on at least 90% of its specific matches, and reports recall', () => {
    const results = evaluate();
    const figures = (subset: typeof results) => {
      const specific = subset.filter((result) => result.specific);
      const findable = subset.filter((result) => result.findable);
      return {
        texts: subset.length,
        specific: specific.length,
        precision: specific.filter((result) => result.right).length / specific.length,
        recall: findable.filter((result) => result.specific && result.firstRight).length / findable.length,
        generic: subset.filter((result) => !result.specific && result.shown.length > 0).length,
        none: subset.filter((result) => result.shown.length === 0).length,
      };
    };
    const percent = (n: number) => `${(100 * n).toFixed(1)}%`;
    for (const [name, subset] of [
      ...SETS.map((set) => [set, results.filter((result) => result.set === set)] as const),
      ['all', results] as const,
    ]) {
      const f = figures(subset);
      console.log(
        `pictogram eval ${name}: ${f.texts} texts, ${f.specific} specific (precision ${percent(f.precision)}), ` +
          `recall ${percent(f.recall)}, generic ${f.generic}, none ${f.none}`,
      );
    }
    for (const miss of results.filter((result) => result.specific && !result.right))
      console.log(
        `  wrong (${miss.set}): "${miss.text}" → ${miss.shown.join('+')} (right: ${miss.labels.join(', ') || '—'})`,
      );
    expect(figures(results).precision).toBeGreaterThanOrEqual(0.9);
    expect(figures(results.filter((result) => result.set === 'held-out')).precision).toBeGreaterThanOrEqual(0.85);
  });
});
