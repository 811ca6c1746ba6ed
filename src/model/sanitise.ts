// Rich text made safe and self-contained for every renderer.
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { GetDefinition } from 'mdast-util-definitions';
import { SKIP, visit } from 'unist-util-visit';
import { isSafeUrl } from './safe-url.js';

/**
 * A copy of the blocks without raw HTML, with reference links resolved (definitions may
 * stand in another section) and unsafe links turned into their text.
 * The rules have already told the writer about raw HTML and unsafe links.
 */
export function sanitiseBlocks(blocks: RootContent[], definition: GetDefinition): RootContent[] {
  const root: Root = structuredClone({ type: 'root', children: blocks });
  visit(root, (node: Nodes, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (node.type === 'html') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'definition') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'linkReference') {
      const url = definition(node.identifier)?.url;
      const replacement: PhrasingContent[] =
        url !== undefined && isSafeUrl(url)
          ? [{ type: 'link', url, children: node.children, position: node.position }]
          : node.children;
      parent.children.splice(index, 1, ...replacement);
      return index;
    }
    if (node.type === 'imageReference') {
      const url = definition(node.identifier)?.url;
      parent.children.splice(index, 1, { type: 'image', url: url ?? '', alt: node.alt, position: node.position });
      return index;
    }
    if (node.type === 'link' && !isSafeUrl(node.url)) {
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    if (node.type === 'image' && !isSafeUrl(node.url)) {
      parent.children.splice(index, 1, { type: 'text', value: node.alt ?? '', position: node.position });
      return [SKIP, index];
    }
    return undefined;
  });
  return root.children;
}
