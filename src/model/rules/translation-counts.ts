// translation-item-count (warning): a translation with fewer or more requirements or
// steps than the original has probably lost or added one.
import type { List } from 'mdast';
import { reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const translationCounts: Rule = (draft, { sources }) => {
  const source = sources.get(draft.slug);
  if (!source || draft.lang === source.procedure.lang) return;
  for (const kind of ['requirements', 'steps'] as const) {
    const section = draft.sections.find((candidate) => candidate.kind === kind);
    const list = section?.blocks.find((block): block is List => block.type === 'list');
    if (!section || !list) continue;
    const expected = source.procedure[kind].items.length;
    if (list.children.length === expected) continue;
    reportWarning(
      draft.file,
      {
        id: `translation-item-count-${kind}`,
        params: { count: list.children.length, heading: section.heading, original: source.path, expected },
      },
      list.position?.start,
      'translation-item-count',
    );
  }
};
