// The outline → the print text of the braille edition, as blocks in the outline's
// reading order: title page (title, summary, translation notice, facts), introduction,
// every section under its title, then the footnotes. Tables become one line per cell,
// "header: value"; quotes and preformatted lines are displayed (blocked, set apart).
import type { Position } from 'unist';
import type { Words } from '../../i18n/words.js';
import { type BlockHandlers, renderBlock } from '../../outline/handlers.js';
import { plainText } from '../../outline/plain-text.js';
import type { Block, Inline, Outline } from '../../outline/types.js';
import { emphasise, withoutSigns } from './emphasis.js';
import type { BlockKind } from './paginate.js';
import { printInlines } from './print-inlines.js';

export interface PrintBlock {
  kind: BlockKind;
  text: string;
  /** Items: nesting depth; subheadings: level under the section title; displayed: depth. */
  level?: number;
  /** Displayed blocks of one quote or one preformatted block share a group (set apart together). */
  group?: number;
  /** The blocks of one table row share a value: kept on one page where they fit. */
  together?: number;
  position?: Position;
}

export interface PrintOptions {
  /** The word before a link's address where parentheses would nest ("Alamat"). */
  addressLabel: string;
}

interface Context {
  level: number;
  /** Inside a quote: paragraphs are displayed. */
  displayed: boolean;
  options: PrintOptions;
  groups: { next: number; current?: number };
  rows: { next: number };
}

/** The words print blocks use: a link's address label inside a sentence ("…, alamat: https://…"). */
export function printOptions(words: Words): PrintOptions {
  const label = words.terms.address;
  return { addressLabel: label.charAt(0).toLocaleLowerCase(words.lang) + label.slice(1) };
}

/** A note reference in the text and the mark before the note itself: the same number. */
export const noteMark = (number: number): string => `[${number}]`;

export function printBlocks(outline: Outline, options: PrintOptions): PrintBlock[] {
  const context: Context = { level: 0, displayed: false, options, groups: { next: 0 }, rows: { next: 0 } };
  const text = (nodes: readonly Inline[]) => inlineText(nodes, options);
  const fact = (label: string, value: string, position?: Position): PrintBlock => ({
    kind: 'item',
    text: `${label}: ${value}`,
    level: 0,
    position,
  });
  const { notice } = outline;
  const blocks: PrintBlock[] = [
    { kind: 'title', text: outline.title.text, position: outline.title.position },
    { kind: 'paragraph', text: outline.summary.text, position: outline.summary.position },
    ...(notice
      ? [
          {
            kind: 'paragraph' as const,
            text: `${notice.text} ${notice.linkText} (${notice.originalLanguageName}): ${notice.originalUrl}`,
          },
        ]
      : []),
    ...outline.facts.map((item) => fact(item.label, item.value, item.position)),
    ...(outline.unit ? [fact(outline.unit.label, outline.unit.text, outline.unit.position)] : []),
    fact(outline.updated.label, outline.updated.text, outline.updated.position),
    ...blocksOf(outline.introduction, context),
  ];
  for (const section of outline.sections) {
    blocks.push({ kind: 'heading', text: section.title, position: section.position });
    blocks.push(...blocksOf(section.blocks, context));
  }
  if (outline.notes.length > 0) {
    blocks.push({ kind: 'heading', text: outline.notesTitle });
    for (const note of outline.notes) {
      // The note's first paragraph follows its mark; anything more hangs under it.
      const [first, ...rest] = note.blocks;
      const lead = first?.type === 'paragraph' ? first : undefined;
      blocks.push({
        kind: 'item',
        text: `${noteMark(note.number)} ${lead ? text(lead.children) : ''}`,
        level: 0,
        position: note.position,
      });
      blocks.push(...blocksOf(lead ? rest : note.blocks, { ...context, level: 1 }));
    }
  }
  return blocks
    .map((block) => ({ ...block, text: emphasise(normalise(block.text)) }))
    .filter((block) => withoutSigns(block.text) !== '');
}

function blocksOf(nodes: readonly Block[], context: Context): PrintBlock[] {
  return nodes.flatMap((node) => renderBlock(node, handlers, context));
}

const handlers: BlockHandlers<PrintBlock[], Context> = {
  paragraph: (node, context) => {
    const text = inlineText(node.children, context.options);
    if (context.displayed) return [displayed(text, context, node.position)];
    return [
      context.level > 0
        ? { kind: 'item', text, level: context.level, position: node.position }
        : { kind: 'paragraph', text, position: node.position },
    ];
  },
  // Print numbering is kept: an ordered list reads "1." "2." … from its start number.
  list: (node, context) =>
    node.items.flatMap((item, index) => [
      {
        kind: 'item' as const,
        text: `${node.ordered ? `${node.start + index}.` : '-'} ${inlineText(item.content, context.options)}`,
        level: context.level,
        position: item.position ?? node.position,
      },
      ...blocksOf(item.blocks, { ...context, level: context.level + 1, displayed: false }),
    ]),
  // Row by row: the first cell as an item, the others under it, each as "header: value".
  // A header's own bold is the table's styling, not emphasis: it would sign every row.
  table: (node, context) => {
    const headers = node.header.map((cell) => withoutSigns(inlineText(cell.content, context.options)));
    return node.rows.flatMap((row) => {
      const together = context.rows.next++;
      return row.flatMap((cell, column): PrintBlock[] => {
        const value = inlineText(cell.content, context.options);
        if (value === '' && column > 0) return [];
        const label = headers[column] ?? '';
        return [
          {
            kind: 'item',
            text: label ? `${label}: ${value}` : value,
            level: column === 0 ? context.level : context.level + 1,
            together,
            position: cell.position ?? node.position,
          },
        ];
      });
    });
  },
  quote: (node, context) => {
    const inner = { ...context, displayed: true };
    if (!context.displayed) inner.groups.current = inner.groups.next++;
    return blocksOf(node.children, inner);
  },
  subheading: (node, context) => [
    { kind: 'subheading', text: inlineText(node.content, context.options), level: node.level, position: node.position },
  ],
  // Line by line, as written: one displayed block per line.
  preformatted: (node, context) => {
    if (!context.displayed) context.groups.current = context.groups.next++;
    return node.lines.map((line) => displayed(line, context, node.position));
  },
};

function displayed(text: string, context: Context, position?: Position): PrintBlock {
  return { kind: 'displayed', text, level: context.level, group: context.groups.current, position };
}

/** Inline content as braille print text: links with their address (never in nested parentheses), note marks. */
export function inlineText(nodes: readonly Inline[], options: PrintOptions): string {
  return plainText(printInlines(nodes, options.addressLabel), { links: 'with-address', noteRef: noteMark });
}

/**
 * One line of text: liblouis gets no line breaks, runs of spaces are one space, and
 * invisible format characters (soft hyphen, zero-width space) are dropped. Emphasis
 * marks stay, for emphasise().
 */
function normalise(text: string): string {
  return timeRanges(
    text
      .replace(/\p{Cf}/gu, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/**
 * A hyphen between two times ("08.00-15.00") is a range: written with the en dash, as
 * "08.00–15.00", so both forms braille alike (36-36, the second time with its own number
 * sign). Dates (17-08-2024) keep their hyphen.
 */
export function timeRanges(text: string): string {
  // Emphasis marks may stand next to the hyphen ("**08.00**-15.00"): they are kept.
  return text.replace(
    /(?<![\d.:])(\d{1,2}[.:]\d\d)([\ufdd0\ufdd1]*) ?- ?([\ufdd0\ufdd1]*)(?=\d{1,2}[.:]\d\d(?![\d.:]))/g,
    '$1$2–$3',
  );
}
