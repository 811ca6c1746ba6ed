// The model's sanitised mdast → the outline's closed node types. Footnote references
// are numbered in reading order as they are met; their definitions are collected apart.
import type { FootnoteDefinition, List as MdastList, PhrasingContent, RootContent } from 'mdast';
import type { Block, Inline, List, ListItem } from './types.js';

/** Numbers footnotes by first reference, across the whole procedure. */
export class NoteNumbers {
  readonly numbers = new Map<string, number>();
  constructor(readonly definitions: ReadonlyMap<string, FootnoteDefinition>) {}

  numberOf(identifier: string): number {
    let number = this.numbers.get(identifier);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(identifier, number);
    }
    return number;
  }
}

/** Every footnote definition in the blocks, by identifier (the first one wins). */
export function collectDefinitions(blocks: readonly RootContent[], into: Map<string, FootnoteDefinition>): void {
  const stack = [...blocks];
  while (stack.length > 0) {
    const node = stack.pop() as RootContent;
    if (node.type === 'footnoteDefinition') {
      if (!into.has(node.identifier)) into.set(node.identifier, node);
    } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') {
      stack.push(...(node.children as RootContent[]));
    }
  }
}

export function toBlocks(nodes: readonly RootContent[], notes: NoteNumbers): Block[] {
  return nodes.flatMap((node) => toBlock(node, notes));
}

function toBlock(node: RootContent, notes: NoteNumbers): Block[] {
  const position = node.position;
  switch (node.type) {
    case 'paragraph': {
      const children = toInlines(node.children, notes);
      return children.length > 0 ? [{ type: 'paragraph', children, position }] : [];
    }
    case 'heading':
      return [
        { type: 'subheading', level: Math.max(1, node.depth - 2), content: toInlines(node.children, notes), position },
      ];
    case 'list':
      return [toList(node, notes)];
    case 'table': {
      const [header, ...rows] = node.children;
      const cells = (row: (typeof node.children)[number]) =>
        row.children.map((cell) => ({ content: toInlines(cell.children, notes), position: cell.position }));
      return [
        {
          type: 'table',
          align: node.align ?? [],
          header: header ? cells(header) : [],
          rows: rows.map(cells),
          position,
        },
      ];
    }
    case 'blockquote':
      return [{ type: 'quote', children: toBlocks(node.children, notes), position }];
    case 'code':
      return node.value.trim() === '' ? [] : [{ type: 'preformatted', lines: node.value.split('\n'), position }];
    // A rule between parts carries no words; definitions were resolved into their links
    // and footnote definitions are collected as notes; raw HTML never reaches the model.
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
    case 'html':
      return [];
    default:
      // Directives are plain text by now (model/sanitise); anything else new is kept as its text.
      return 'children' in node
        ? [{ type: 'paragraph', children: toInlines(node.children as PhrasingContent[], notes), position }]
        : [];
  }
}

export function toList(node: MdastList, notes: NoteNumbers): List {
  return {
    type: 'list',
    ordered: node.ordered === true,
    start: node.start ?? 1,
    items: node.children.map((item): ListItem => {
      const [first, ...rest] = item.children;
      const hasText = first?.type === 'paragraph';
      return {
        content: hasText ? toInlines(first.children, notes) : [],
        blocks: toBlocks(hasText ? rest : item.children, notes),
        position: item.position,
      };
    }),
    position: node.position,
  };
}

export function toInlines(nodes: readonly PhrasingContent[], notes: NoteNumbers): Inline[] {
  return nodes.flatMap((node) => toInline(node, notes));
}

function toInline(node: PhrasingContent, notes: NoteNumbers): Inline[] {
  const position = node.position;
  switch (node.type) {
    case 'text':
      return node.value === '' ? [] : [{ type: 'text', value: node.value, position }];
    case 'inlineCode':
      return [{ type: 'code', value: node.value, position }];
    case 'strong':
      return [{ type: 'strong', children: toInlines(node.children, notes), position }];
    case 'emphasis':
      return [{ type: 'emphasis', children: toInlines(node.children, notes), position }];
    case 'delete':
      return [{ type: 'delete', children: toInlines(node.children, notes), position }];
    case 'link':
      return [{ type: 'link', url: node.url, children: toInlines(node.children, notes), position }];
    case 'break':
      return [{ type: 'break', position }];
    case 'image':
    case 'imageReference':
      return node.alt ? [{ type: 'image', alt: node.alt, position }] : [];
    case 'footnoteReference':
      return notes.definitions.has(node.identifier)
        ? [{ type: 'noteRef', number: notes.numberOf(node.identifier), position }]
        : [{ type: 'text', value: `[^${node.label ?? node.identifier}]`, position }];
    case 'textDirective':
      // Only language phrases survive sanitising: the directive's name is the language.
      return [{ type: 'phrase', lang: node.name, children: toInlines(node.children, notes), position }];
    case 'linkReference':
      return toInlines(node.children, notes);
    case 'html':
      return [];
    default:
      return [];
  }
}
