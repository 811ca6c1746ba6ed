// The one plain-text reading of rich text. Editions differ only in how they treat links
// and note references, so those are arguments.
import { type InlineHandlers, renderInline } from './handlers.js';
import type { Inline } from './types.js';

export interface PlainTextOptions {
  /** `text`: a link reads as its text; `with-address`: "text (address)" unless they are the same. */
  links: 'text' | 'with-address';
  /** How a footnote reference reads, e.g. `[1]`; nothing by default. */
  noteRef?: (number: number) => string;
  /** How a phrase in another language reads, given its text; its text by default. */
  phrase?: (lang: string, text: string) => string;
}

const handlers: InlineHandlers<string, PlainTextOptions> = {
  text: (node) => node.value,
  code: (node) => node.value,
  strong: (node, options) => joined(node.children, options),
  emphasis: (node, options) => joined(node.children, options),
  delete: (node, options) => joined(node.children, options),
  phrase: (node, options) => {
    const text = joined(node.children, options);
    return options.phrase ? options.phrase(node.lang, text) : text;
  },
  break: () => ' ',
  image: (node) => node.alt,
  noteRef: (node, options) => options.noteRef?.(node.number) ?? '',
  link: (node, options) => {
    const text = joined(node.children, options).trim();
    if (options.links === 'text') return text;
    const address = displayAddress(node.url);
    return text === address || text === node.url || text.trim() === '' ? text || address : `${text} (${address})`;
  },
};

/** Inline content as one line of text: runs of white space are one space. */
export function plainText(nodes: readonly Inline[], options: PlainTextOptions): string {
  return joined(nodes, options).replace(/\s+/g, ' ').trim();
}

function joined(nodes: readonly Inline[], options: PlainTextOptions): string {
  return nodes.map((node) => renderInline(node, handlers, options)).join('');
}

/** `mailto:a@b.id` → `a@b.id`, `tel:+62…` → `+62…`: what a reader types or dials. */
export function displayAddress(url: string): string {
  return url.replace(/^(mailto|tel):/, '');
}
