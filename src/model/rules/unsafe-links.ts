// unsafe-link (warning): only http(s), mailto and tel links are published as links.
import type { Definition, Image, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { reportWarning } from '../report.js';
import { isSafeUrl } from '../safe-url.js';
import type { Rule } from './rule.js';

export const unsafeLinks: Rule = (draft) => {
  visit(draft.root, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const { url } = node as Link | Image | Definition;
    if (isSafeUrl(url)) return;
    reportWarning(draft.file, { id: 'unsafe-link', params: { url: url.slice(0, 60) } }, node.position, 'unsafe-link');
  });
};
