// Rich text made safe and self-contained for every renderer.
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { GetDefinition } from 'mdast-util-definitions';
import type { TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import { isSafeUrl } from './safe-url.js';

export interface SanitiseContext {
  /** Link definitions of the whole document. */
  definition: GetDefinition;
  /** The text the blocks were parsed from (positions point into it). */
  source: string;
}

/** `:jv[matur nuwun]` marks a phrase in another language: directive name = language code. */
export function isLanguagePhrase(node: TextDirective): boolean {
  return /^[a-z]{2,3}$/.test(node.name) && node.children.length > 0;
}

/**
 * A copy of the blocks without raw HTML, with reference links resolved (definitions may
 * stand in another section), unsafe links turned into their text, and directives other
 * than language phrases put back as the text the writer typed (`:smile:` stays `:smile:`).
 * The rules have already told the writer about raw HTML and unsafe links.
 */
export function sanitiseBlocks(blocks: RootContent[], { definition, source }: SanitiseContext): RootContent[] {
  const root: Root = structuredClone({ type: 'root', children: blocks });
  const typed = (node: Nodes) => source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  visit(root, (node: Nodes, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (node.type === 'textDirective' && isLanguagePhrase(node)) {
      node.attributes = {};
      return undefined;
    }
    if (node.type === 'textDirective') {
      parent.children.splice(index, 1, { type: 'text', value: typed(node), position: node.position });
      return [SKIP, index + 1];
    }
    if (node.type === 'leafDirective' || node.type === 'containerDirective') {
      const text: PhrasingContent = { type: 'text', value: typed(node), position: node.position };
      parent.children.splice(index, 1, { type: 'paragraph', children: [text], position: node.position });
      return [SKIP, index + 1];
    }
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
