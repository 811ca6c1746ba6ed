// Procedure → the print text of the braille edition, as blocks in reading order
// (the same order as the HTML page). Tables become one line per cell: "header: value".
import type { PhrasingContent, RootContent, Table } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { Position } from 'unist';
import type { Words } from '../../i18n/words.js';
import { formatDate } from '../../i18n/words.js';
import type { Item, ListSection, Procedure, Section } from '../../model/types.js';
import type { BlockKind } from './paginate.js';

export interface PrintBlock {
  kind: BlockKind;
  text: string;
  level?: number;
  position?: Position;
}

export function printBlocks(procedure: Procedure, words: Words, siteComplaints: PhrasingContent[][]): PrintBlock[] {
  const { meta, metaPositions } = procedure;
  const terms = words.terms;
  const blocks: PrintBlock[] = [{ kind: 'title', text: meta.title, position: metaPositions.title }];
  blocks.push({ kind: 'paragraph', text: meta.summary, position: metaPositions.summary });
  const fact = (label: string, value: string, position?: Position): PrintBlock => ({
    kind: 'item',
    text: `${label}: ${value}`,
    level: 0,
    position,
  });
  blocks.push(
    fact(terms.duration, meta.duration, metaPositions.duration),
    fact(terms.cost, meta.cost, metaPositions.cost),
    fact(terms.product, meta.product, metaPositions.product),
  );
  if (meta.unit) blocks.push(fact(terms.unit, meta.unit, metaPositions.unit));
  blocks.push(fact(terms.updated, formatDate(meta.updated, words), metaPositions.updated));
  blocks.push(...richBlocks(procedure.introduction, 0));

  const heading = (text: string, position?: Position): PrintBlock => ({ kind: 'heading', text, position });
  const listSection = (title: string, section: ListSection, ordered: boolean) => [
    heading(title, section.position),
    ...richBlocks(section.before, 0),
    ...itemBlocks(section.items, ordered, 0),
    ...richBlocks(section.after, 0),
  ];
  const section = (title: string, value: Section | undefined) =>
    value ? [heading(title, value.position), ...richBlocks(value.blocks, 0)] : [];

  // The same order as the HTML page: the six components of UU 25/2009 art. 21 first.
  blocks.push(...listSection(terms.requirements, procedure.requirements, false));
  blocks.push(...listSection(terms.steps, procedure.steps, true));
  if (procedure.complaints) {
    blocks.push(...section(terms.complaints, procedure.complaints));
  } else if (siteComplaints.length > 0) {
    blocks.push(heading(terms.complaints), { kind: 'paragraph', text: terms.complaints_default });
    blocks.push(...siteComplaints.map((content) => ({ kind: 'item' as const, text: inline(content), level: 0 })));
  }
  for (const free of procedure.freeSections) blocks.push(...section(free.heading, free));
  blocks.push(...section(terms.legal_basis, procedure.legalBasis));
  blocks.push(...section(terms.notes, procedure.notes));
  return blocks.map((block) => ({ ...block, text: normalise(block.text) })).filter((block) => block.text !== '');
}

function itemBlocks(items: Item[], ordered: boolean, level: number): PrintBlock[] {
  return items.flatMap((item, index) => [
    {
      kind: 'item' as const,
      text: `${ordered ? `${index + 1}.` : '-'} ${inline(item.content)}`,
      level,
      position: item.position,
    },
    ...richBlocks(item.details, level + 1),
    ...itemBlocks(item.subItems, false, level + 1),
  ]);
}

/** Block-level rich text. `level` > 0 indents paragraphs inside list items. */
function richBlocks(nodes: RootContent[], level: number): PrintBlock[] {
  return nodes.flatMap((node): PrintBlock[] => {
    const position = node.position;
    switch (node.type) {
      case 'heading':
        return [{ kind: 'heading', text: inline(node.children), position }];
      case 'paragraph':
        return [
          level > 0
            ? { kind: 'item', text: inline(node.children), level, position }
            : { kind: 'paragraph', text: inline(node.children), position },
        ];
      case 'list':
        return node.children.flatMap((item, index) => {
          const [first, ...rest] = item.children;
          const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '-';
          const text = first?.type === 'paragraph' ? inline(first.children) : '';
          return [
            { kind: 'item' as const, text: `${marker} ${text}`, level, position: item.position },
            ...richBlocks(first?.type === 'paragraph' ? rest : item.children, level + 1),
          ];
        });
      case 'table':
        return tableBlocks(node, level);
      case 'blockquote':
        return richBlocks(node.children, level);
      case 'code':
        return node.value.split('\n').map((line) => ({ kind: 'item' as const, text: line, level, position }));
      case 'thematicBreak':
      case 'html':
      case 'definition':
        return [];
      default:
        return [{ kind: 'paragraph', text: normalise(plainText(node)), position }];
    }
  });
}

/** Each body row: its first cell as an item, the others under it, each as "header: value". */
function tableBlocks(table: Table, level: number): PrintBlock[] {
  const [header, ...rows] = table.children;
  const headers = header?.children.map((cell) => inline(cell.children)) ?? [];
  return rows.flatMap((row) =>
    row.children.map((cell, column) => {
      const label = headers[column] ?? '';
      const value = inline(cell.children);
      return {
        kind: 'item' as const,
        text: label ? `${label}: ${value}` : value,
        level: column === 0 ? level : level + 1,
        position: cell.position ?? row.position,
      };
    }),
  );
}

/** Phrasing content as plain text; a link keeps its address after the text when it differs. */
export function inline(nodes: PhrasingContent[]): string {
  const parts = nodes.map((node): string => {
    switch (node.type) {
      case 'link': {
        const text = inline(node.children);
        const url = node.url.replace(/^(mailto|tel):/, '');
        return text === url || text === node.url ? text : `${text} (${url})`;
      }
      case 'image':
        return node.alt ?? '';
      case 'break':
        return ' ';
      case 'text':
      case 'inlineCode':
        return node.value;
      default:
        return 'children' in node ? inline(node.children as PhrasingContent[]) : '';
    }
  });
  return normalise(parts.join(''));
}

/**
 * One line of text: liblouis gets no line breaks, runs of spaces are one space, and
 * invisible format characters (soft hyphen, zero-width space) are dropped.
 */
function normalise(text: string): string {
  return text
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
