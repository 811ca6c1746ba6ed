// Inline rich text (mdast phrasing) → styled runs of plain text, the input of line breaking.
import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';

export interface Run {
  text: string;
  strong: boolean;
  emphasis: boolean;
  strike: boolean;
  link?: string;
  /** Where the text comes from, for warnings about characters no font has. */
  position?: Position;
}

interface Style {
  strong: boolean;
  emphasis: boolean;
  strike: boolean;
  link?: string;
}

const PLAIN: Style = { strong: false, emphasis: false, strike: false };

/** Plain text as one run (front-matter values, UI words). */
export function plainRuns(text: string, strong = false, position?: Position): Run[] {
  return [{ text, strong, emphasis: false, strike: false, position }];
}

const memo = new WeakMap<readonly PhrasingContent[], Run[]>();

/** Runs of rich text; the same nodes give the same array, so line breaks can be cached. */
export function phrasingRuns(nodes: readonly PhrasingContent[], style: Style = PLAIN): Run[] {
  if (style !== PLAIN) return nodes.flatMap((node) => nodeRuns(node, style));
  let runs = memo.get(nodes);
  if (!runs) {
    runs = nodes.flatMap((node) => nodeRuns(node, style));
    memo.set(nodes, runs);
  }
  return runs;
}

function nodeRuns(node: PhrasingContent, style: Style): Run[] {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return [{ text: node.value, ...style, position: node.position }];
    case 'strong':
      return phrasingRuns(node.children, { ...style, strong: true });
    case 'emphasis':
      return phrasingRuns(node.children, { ...style, emphasis: true });
    case 'delete':
      return phrasingRuns(node.children, { ...style, strike: true });
    case 'link':
      return phrasingRuns(node.children, { ...style, link: node.url });
    case 'linkReference':
      return phrasingRuns(node.children, style);
    case 'break':
      return [{ text: '\n', ...style, position: node.position }];
    case 'image':
    case 'imageReference':
      // Pictures inside text are not printed; their description is.
      return node.alt ? [{ text: node.alt, ...style, position: node.position }] : [];
    case 'footnoteReference':
      return [{ text: `[${node.label ?? node.identifier}]`, ...style, position: node.position }];
    default:
      return [];
  }
}
