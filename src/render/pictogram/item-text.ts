// A list item's words as the sheet carries them: its own text, and what stands under it
// (further paragraphs, sub-points, tables…) as lines, so no part of an item is lost.
import { type BlockHandlers, renderBlock } from '../../outline/handlers.js';
import { plainText } from '../../outline/plain-text.js';
import type { Block, Inline, ListItem } from '../../outline/types.js';

/** A printed sheet cannot be clicked: a link reads as its text and its address. */
function sheetText(nodes: readonly Inline[]): string {
  return plainText(nodes, { links: 'with-address' });
}

/** One line under an item; `indent` counts the sub-list levels above it. */
export interface DetailLine {
  text: string;
  indent: number;
}

const handlers: BlockHandlers<DetailLine[], number> = {
  paragraph: (node, indent) => [{ text: sheetText(node.children), indent }],
  subheading: (node, indent) => [{ text: sheetText(node.content), indent }],
  preformatted: (node, indent) => node.lines.map((line) => ({ text: line.trim(), indent })),
  quote: (node, indent) => node.children.flatMap((child) => renderBlock(child, handlers, indent)),
  list: (node, indent) =>
    node.items.flatMap((item, index) => {
      const mark = node.ordered ? `${node.start + index}.` : '–';
      return [{ text: `${mark} ${sheetText(item.content)}`, indent }, ...blockLines(item.blocks, indent + 1)];
    }),
  // A table read row by row with its column headers, as the audio edition reads it.
  table: (node, indent) =>
    node.rows.map((row) => ({
      text: row
        .map((cell, i) => {
          const header = node.header[i] ? sheetText(node.header[i].content) : '';
          const value = sheetText(cell.content);
          return header ? `${header}: ${value}` : value;
        })
        .join('; '),
      indent,
    })),
};

function blockLines(blocks: readonly Block[], indent = 0): DetailLine[] {
  return blocks.flatMap((block) => renderBlock(block, handlers, indent)).filter((line) => line.text !== '');
}

/** The item's own text and the lines under it. */
export function itemTexts(item: ListItem): { text: string; details: DetailLine[] } {
  return { text: sheetText(item.content), details: blockLines(item.blocks) };
}
