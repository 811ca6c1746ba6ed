// raw-html (warning): HTML in Markdown is never published; tell the writer it was dropped.
import { visit } from 'unist-util-visit';
import { reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const rawHtml: Rule = (draft) => {
  visit(draft.root, 'html', (node) => {
    const snippet = node.value.trim().slice(0, 40);
    reportWarning(draft.file, { id: 'raw-html', params: { snippet } }, node.position, 'raw-html');
  });
};
