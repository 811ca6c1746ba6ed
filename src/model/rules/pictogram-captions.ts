// pictogram-caption-empty (error): `{caption=""}` would leave a picture without words.
// item-attribute-invalid (error): a trailing `{pictogram=… caption="…"}` holds something
// else, which would be cut from the text unseen.
import type { List, ListItem } from 'mdast';
import { findItemAttributes, itemText } from '../pictogram-attribute.js';
import { reportError } from '../report.js';
import type { Rule } from './rule.js';

export const pictogramCaptions: Rule = (draft) => {
  const check = (item: ListItem) => {
    const attributes = findItemAttributes(itemText(item.children));
    const place = attributes?.position ?? item.position?.start;
    if (attributes?.caption !== undefined && attributes.caption === '') {
      reportError(draft.file, { id: 'pictogram-caption-empty' }, place, 'pictogram-caption-empty');
    }
    if (attributes && attributes.unknown.length > 0) {
      reportError(
        draft.file,
        { id: 'item-attribute-invalid', params: { text: attributes.unknown.join(' ') } },
        place,
        'item-attribute-invalid',
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
