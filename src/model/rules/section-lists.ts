// empty-list, empty-list-item, steps-not-numbered, extra-list (warning)
import type { List, ListItem } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { reportError, reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const sectionLists: Rule = (draft) => {
  for (const section of draft.sections) {
    if (section.kind !== 'requirements' && section.kind !== 'steps') continue;
    const lists = section.blocks.filter((block): block is List => block.type === 'list');
    const [list, ...extra] = lists;
    const name = section.heading;
    if (!list || list.children.length === 0) {
      reportError(
        draft.file,
        { id: `empty-list-${section.kind}`, params: { heading: name } },
        section.headingNode.position?.start,
        'empty-list',
      );
      continue;
    }
    if (section.kind === 'steps' && !list.ordered) {
      reportError(
        draft.file,
        { id: 'steps-not-numbered', params: { heading: name } },
        list.position?.start,
        'steps-not-numbered',
      );
    }
    for (const item of list.children) checkItem(draft.file, item, name);
    for (const other of extra) {
      reportWarning(
        draft.file,
        { id: `extra-list-${section.kind}`, params: { heading: name } },
        other.position?.start,
        'extra-list',
      );
    }
  }
};

function checkItem(file: Parameters<Rule>[0]['file'], item: ListItem, name: string): void {
  const first = item.children[0];
  if (first?.type === 'paragraph' && plainText(first).trim() !== '') return;
  reportError(file, { id: 'empty-list-item', params: { heading: name } }, item.position?.start, 'empty-list-item');
}
