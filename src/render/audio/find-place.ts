// Where a word the script says first appears in the outline, so a warning points at the
// line to look at. Searched in the script's order, with the script's reading of links.
import type { Position } from 'unist';
import { type BlockHandlers, renderBlock } from '../../outline/handlers.js';
import { plainText } from '../../outline/plain-text.js';
import type { Block, Inline, Outline } from '../../outline/types.js';

type Has = (text: string) => boolean;

export function findPlace(outline: Outline, word: string): Position | undefined {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
  const has: Has = (text) => pattern.test(text);
  const lines = [
    outline.title,
    outline.summary,
    outline.unit,
    ...outline.facts.map((fact) => ({ ...fact, text: fact.value })),
  ];
  for (const line of lines) if (line && has(line.text)) return line.position;
  const inIntroduction = inBlocks(outline.introduction, has);
  if (inIntroduction) return inIntroduction;
  for (const section of outline.sections) {
    if (section.origin === 'document' && has(section.title)) return section.position;
    const found = inBlocks(section.blocks, has);
    if (found) return found;
  }
  for (const note of outline.notes) {
    const found = inBlocks(note.blocks, has);
    if (found) return found;
  }
  return undefined;
}

function inBlocks(blocks: readonly Block[], has: Has): Position | undefined {
  for (const block of blocks) {
    const found = renderBlock(block, handlers, has);
    if (found) return found;
  }
  return undefined;
}

const text = (inlines: readonly Inline[]) => plainText(inlines, { links: 'text' });

const handlers: BlockHandlers<Position | undefined, Has> = {
  paragraph: (node, has) => (has(text(node.children)) ? node.position : undefined),
  subheading: (node, has) => (has(text(node.content)) ? node.position : undefined),
  preformatted: (node, has) => (node.lines.some(has) ? node.position : undefined),
  quote: (node, has) => inBlocks(node.children, has),
  list: (node, has) => {
    for (const item of node.items) {
      if (has(text(item.content))) return item.position;
      const found = inBlocks(item.blocks, has);
      if (found) return found;
    }
    return undefined;
  },
  table: (node, has) => {
    for (const cell of [...node.header, ...node.rows.flat()]) {
      if (has(text(cell.content))) return cell.position ?? node.position;
    }
    return undefined;
  },
};
