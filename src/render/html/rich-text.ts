// Model rich text (mdast) → sanitised HTML. Raw HTML was already dropped by the
// model; sanitising here again is the second, independent line of defence.
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { List, ListItem, RootContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { type State, toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { Item } from '../../model/types.js';

export interface RichTextOptions {
  /** Added to every heading level (a fragment embedded under a site's own h1 uses 1). */
  headingShift: number;
  /** Accessible name of the scrollable box around each table. */
  tableLabel: string;
}

export function blocksToHtml(blocks: RootContent[], options: RichTextOptions): string {
  return render({ type: 'root', children: blocks }, options);
}

/** Items as one list: `<ol>` for steps, `<ul>` otherwise, with sub-points nested. */
export function itemsToHtml(items: Item[], ordered: boolean, className: string, options: RichTextOptions): string {
  const list = toMdastList(items, ordered);
  const hast = convert(list, options);
  const root = hast.type === 'root' ? hast.children.find((node) => node.type === 'element') : hast;
  if (root?.type === 'element') root.properties.className = [className];
  return toHtml(hast);
}

function toMdastList(items: Item[], ordered: boolean): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map(
      (item): ListItem => ({
        type: 'listItem',
        spread: false,
        children: [
          { type: 'paragraph', children: item.content },
          ...(item.details as ListItem['children']),
          ...(item.subItems.length > 0 ? [toMdastList(item.subItems, false)] : []),
        ],
      }),
    ),
  };
}

function render(node: Parameters<typeof toHast>[0], options: RichTextOptions): string {
  return toHtml(convert(node, options));
}

function convert(node: Parameters<typeof toHast>[0], options: RichTextOptions): HastNodes {
  const clean = sanitize(toHast(node, { handlers: { textDirective: languagePhrase } }), defaultSchema) as
    | HastRoot
    | Element;
  shiftHeadings(clean, options.headingShift);
  wrapTables(clean, options.tableLabel);
  return clean;
}

/** `:jv[matur nuwun]` → `<span lang="jv">matur nuwun</span>` (the model keeps only language phrases). */
function languagePhrase(state: State, node: TextDirective): Element {
  return { type: 'element', tagName: 'span', properties: { lang: node.name }, children: state.all(node) };
}

function shiftHeadings(tree: HastNodes, shift: number): void {
  if (shift === 0) return;
  visit(tree, 'element', (element: Element) => {
    const match = /^h([1-6])$/.exec(element.tagName);
    if (match) element.tagName = `h${Math.min(6, Number(match[1]) + shift)}`;
  });
}

/** Wide tables scroll inside a focusable, named box so the page reflows at 320 px. */
function wrapTables(tree: HastNodes, label: string): void {
  visit(tree, 'element', (element: Element, index, parent) => {
    if (element.tagName !== 'table' || !parent || index === undefined) return;
    parent.children[index] = h('div', { className: ['pelita-table'], role: 'region', tabIndex: 0, ariaLabel: label }, [
      element,
    ]);
    return 'skip';
  });
}
