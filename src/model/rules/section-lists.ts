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
    const name = `"## ${section.heading}"`;
    if (!list || list.children.length === 0) {
      reportError(
        draft.file,
        section.kind === 'steps'
          ? `The ${name} section has no steps. Write each step on its own line starting with "1.", "2." and so on.`
          : `The ${name} section has no requirements. Write each requirement on its own line starting with "- ".`,
        section.headingNode.position?.start,
        'empty-list',
      );
      continue;
    }
    if (section.kind === 'steps' && !list.ordered) {
      reportError(
        draft.file,
        `The steps under ${name} are a bulleted list, but steps must be numbered so readers can follow their order. Start each step with "1.", "2." and so on (sub-points under a step may stay bulleted).`,
        list.position?.start,
        'steps-not-numbered',
      );
    }
    for (const item of list.children) checkItem(draft.file, item, name);
    for (const other of extra) {
      reportWarning(
        draft.file,
        `The ${name} section has a second list; only the first counts as its ${section.kind === 'steps' ? 'steps' : 'requirements'}. Merge the lists, or move this one to a section of its own.`,
        other.position?.start,
        'extra-list',
      );
    }
  }
};

function checkItem(file: Parameters<Rule>[0]['file'], item: ListItem, name: string): void {
  const first = item.children[0];
  if (first?.type === 'paragraph' && plainText(first).trim() !== '') return;
  reportError(
    file,
    `An item of the ${name} list has no text. Write the text right after the "-" or number, or delete the empty line.`,
    item.position?.start,
    'empty-list-item',
  );
}
