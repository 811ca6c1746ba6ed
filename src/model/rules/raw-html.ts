// raw-html (warning): HTML in Markdown is never published; tell the writer it was dropped.
import { visit } from 'unist-util-visit';
import { reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const rawHtml: Rule = (draft) => {
  visit(draft.root, 'html', (node) => {
    const snippet = node.value.trim().slice(0, 40);
    reportWarning(
      draft.file,
      `HTML code is not published and was left out: "${snippet}". Write it with Markdown instead (for example **bold**, [link](https://…), lists with "- ").`,
      node.position,
      'raw-html',
    );
  });
};
