// Outline blocks and inlines → sanitised HTML, one handler per node type. Every node
// is made here from typed data (no raw HTML exists in the outline); sanitising the
// result again is the second, independent line of defence.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { type BlockHandlers, type InlineHandlers, renderBlock, renderInline } from '../../outline/handlers.js';
import type { Block, Cell, Inline, List } from '../../outline/types.js';
import type { GlossaryUse } from './glossary.js';

export interface RichTextOptions {
  /** Added to every heading level (a fragment embedded under a site's own h1 uses 1). */
  headingShift: number;
  /** Accessible name of the scrollable box around each table. */
  tableLabel: string;
  /** Class names for particular lists (requirements and steps are styled as such). */
  listClass?: ReadonlyMap<List, string>;
  /** Counts references per note, so each reference gets its own id. */
  noteRefs: Map<number, number>;
  /** Starts every id (`pelita-<lang>-<slug>-`), so any number of fragments share one host page. */
  idPrefix: string;
  /** Abbreviations explained at first use, and those met so far on this page. */
  glossary?: GlossaryUse;
}

/** Ids of footnotes and of their references, the same on the page and in the fragment. */
export const noteId = (prefix: string, number: number) => `${prefix}fn-${number}`;
export const noteRefId = (prefix: string, number: number, nth = 1) =>
  `${prefix}fnref-${number}${nth > 1 ? `-${nth}` : ''}`;

const inlineHandlers: InlineHandlers<ElementContent, RichTextOptions> = {
  text: (node, options) => abbreviated(node.value, options.glossary),
  code: (node) => h('code', node.value),
  strong: (node, options) => h('strong', inlines(node.children, options)),
  emphasis: (node, options) => h('em', inlines(node.children, options)),
  delete: (node, options) => h('del', inlines(node.children, options)),
  link: (node, options) => h('a', { href: node.url }, inlines(node.children, options)),
  break: () => h('br'),
  phrase: (node, options) => h('span', { lang: node.lang }, inlines(node.children, options)),
  // A picture inside text is published as its description, as in every other edition.
  image: (node) => h('span', { className: ['pelita-image-alt'] }, node.alt),
  noteRef: (node, options) => {
    const nth = (options.noteRefs.get(node.number) ?? 0) + 1;
    options.noteRefs.set(node.number, nth);
    return h('sup', { className: ['pelita-noteref'] }, [
      h(
        'a',
        { href: `#${noteId(options.idPrefix, node.number)}`, id: noteRefId(options.idPrefix, node.number, nth) },
        String(node.number),
      ),
    ]);
  },
};

/** Text with `<abbr title>` around the first use on the page of each glossary term. */
function abbreviated(value: string, use: GlossaryUse | undefined): ElementContent {
  if (!use) return { type: 'text', value };
  const children: ElementContent[] = [];
  let from = 0;
  for (const match of value.matchAll(use.glossary.pattern)) {
    const term = match[0];
    if (use.seen.includes(term)) continue;
    use.seen.push(term);
    if (match.index > from) children.push({ type: 'text', value: value.slice(from, match.index) });
    children.push(h('abbr', { title: use.glossary.terms.get(term) }, term));
    from = match.index + term.length;
  }
  if (children.length === 0) return { type: 'text', value };
  if (from < value.length) children.push({ type: 'text', value: value.slice(from) });
  return h('span', children);
}

const blockHandlers: BlockHandlers<Element, RichTextOptions> = {
  paragraph: (node, options) => h('p', inlines(node.children, options)),
  subheading: (node, options) =>
    h(`h${Math.min(6, node.level + 2 + options.headingShift)}`, inlines(node.content, options)),
  list: (node, options) => {
    const className = options.listClass?.get(node);
    const items = node.items.map((item) =>
      h('li', [...inlines(item.content, options), ...lines(blocks(item.blocks, options), item.blocks.length > 0)]),
    );
    const classes = className ? [className] : undefined;
    return node.ordered
      ? h('ol', { className: classes, start: node.start === 1 ? undefined : node.start }, lines(items))
      : h('ul', { className: classes }, lines(items));
  },
  table: (node, options) => {
    const align = (column: number) => node.align[column] ?? undefined;
    const row = (cells: readonly Cell[], tag: 'th' | 'td') =>
      h('tr', lines(cells.map((cell, column) => h(tag, { align: align(column) }, inlines(cell.content, options)))));
    const table = h(
      'table',
      lines([
        h('thead', lines([row(node.header, 'th')])),
        h('tbody', lines(node.rows.map((cells) => row(cells, 'td')))),
      ]),
    );
    // Wide tables scroll inside a focusable, named box so the page reflows at 320 px.
    return h('div', { className: ['pelita-table'], role: 'region', tabIndex: 0, ariaLabel: options.tableLabel }, [
      table,
    ]);
  },
  quote: (node, options) => h('blockquote', lines(blocks(node.children, options))),
  preformatted: (node) => h('pre', h('code', node.lines.join('\n'))),
};

function inlines(nodes: readonly Inline[], options: RichTextOptions): ElementContent[] {
  return nodes.map((node) => renderInline(node, inlineHandlers, options));
}

function blocks(nodes: readonly Block[], options: RichTextOptions): Element[] {
  return nodes.map((node) => renderBlock(node, blockHandlers, options));
}

/** One element per line of HTML source, so the files read and diff well. */
function lines(elements: readonly ElementContent[], around = true): ElementContent[] {
  const newline = (): ElementContent => ({ type: 'text', value: '\n' });
  const joined = elements.flatMap((element, index) => (index === 0 ? [element] : [newline(), element]));
  return around && elements.length > 0 ? [newline(), ...joined, newline()] : joined;
}

/**
 * What Pelita's own markup needs beyond GitHub's schema: its classes, the table box, list
 * starts and the ids of footnotes. Ids are Pelita's, never the writer's, so they are not
 * prefixed again (the prefix broke the links to footnotes).
 */
const schema: Schema = {
  ...defaultSchema,
  clobber: [],
  // Telephone links are how a citizen calls the office from a phone.
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel'] },
  attributes: {
    ...defaultSchema.attributes,
    div: [...allowed('div'), 'className', 'role', 'tabIndex', 'ariaLabel'],
    ol: [...allowed('ol'), 'className', 'start'],
    ul: [...allowed('ul'), 'className'],
    li: [...allowed('li'), 'id'],
    span: [...allowed('span'), 'className', 'lang'],
    sup: [...allowed('sup'), 'className'],
    a: [...allowed('a'), 'id', 'className', 'ariaLabel'],
    abbr: ['title'],
  },
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr'],
};

/** GitHub's attributes for an element, less its narrower class rules (Pelita sets its own classes). */
function allowed(tagName: string) {
  return (defaultSchema.attributes?.[tagName] ?? []).filter(
    (definition) => (Array.isArray(definition) ? definition[0] : definition) !== 'className',
  );
}

export function blocksToHtml(nodes: readonly Block[], options: RichTextOptions): string {
  const root: HastRoot = { type: 'root', children: lines(blocks(nodes, options), false) };
  return toHtml(sanitize(root, schema));
}

/** Footnotes as a numbered list, each with a link back to its first reference. */
export function notesToHtml(
  notes: readonly { number: number; blocks: Block[] }[],
  backLabel: (number: number) => string,
  options: RichTextOptions,
): string {
  const list = h(
    'ol',
    { className: ['pelita-notes-list'] },
    lines(
      notes.map((note) => {
        const back = h(
          'a',
          {
            href: `#${noteRefId(options.idPrefix, note.number)}`,
            className: ['pelita-noteback'],
            ariaLabel: backLabel(note.number),
          },
          '↩',
        );
        const parts = blocks(note.blocks, options);
        // The way back ends the note's last paragraph, as readers expect, not a line of its own.
        const last = parts.at(-1);
        if (last?.tagName === 'p') last.children.push({ type: 'text', value: ' ' }, back);
        else parts.push(h('p', [back]));
        return h('li', { id: noteId(options.idPrefix, note.number) }, lines(parts, false));
      }),
    ),
  );
  return toHtml(sanitize({ type: 'root', children: [list] }, schema));
}
