// unknown-pictogram (warning): `{pictogram=ID}` names a picture the lexicon does not have.
import type { List, ListItem } from 'mdast';
import { findPictogramAttribute, itemText } from '../pictogram-attribute.js';
import { reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const pictogramIds: Rule = (draft, context) => {
  const known = context.pictogramIds;
  if (!known) return;
  const listed = [...known].sort().join(', ');
  const check = (item: ListItem) => {
    const choice = findPictogramAttribute(itemText(item.children));
    if (choice && choice.id !== 'none' && !known.has(choice.id)) {
      reportWarning(
        draft.file,
        { id: 'unknown-pictogram', params: { id: choice.id, known: listed } },
        choice.position ?? item.position?.start,
        'unknown-pictogram',
      );
    }
    for (const child of item.children) if (child.type === 'list') child.children.forEach(check);
  };
  for (const section of draft.sections) {
    if (section.kind !== 'requirements' && section.kind !== 'steps') continue;
    const list = section.blocks.find((block): block is List => block.type === 'list');
    list?.children.forEach(check);
  }
};
