// Inline content made ready for plainText in braille:
// - Braille writes "(" and ")" with one cell (2356), so "(www.lapor.go.id (https://…))"
//   reads as a run of identical cells. Before plainText adds "(address)" after a link,
//   the links that would nest or abut brackets get their address after a label instead:
//   "teks, alamat: …". A link whose text already is the address ("www.lapor.go.id" for
//   https://www.lapor.go.id/) gives it once, inside brackets or not.
// - Invisible format characters (soft hyphen, zero-width space, BOM) are dropped before
//   plainText, which would read some of them as spaces inside a word; so are Unicode
//   noncharacters, which the braille formatter keeps for its own marks.
// - Bold and italic (strong, emphasis, nested or not) are kept as marks around their
//   text, which emphasis.ts turns into the kursif sign.
import { type InlineHandlers, renderInline } from '../../outline/handlers.js';
import { displayAddress, plainText } from '../../outline/plain-text.js';
import type { Inline } from '../../outline/types.js';
import { EMPHASIS_BEGIN, EMPHASIS_END, NONCHARACTERS, withoutSigns } from './emphasis.js';

interface Scan {
  /** Brackets opened and not yet closed in the text read so far. */
  open: number;
  label: string;
}

export function printInlines(nodes: readonly Inline[], label: string): Inline[] {
  return rewrite(nodes, { open: 0, label });
}

function rewrite(nodes: readonly Inline[], scan: Scan): Inline[] {
  return nodes.flatMap((node) => renderInline(node, handlers, scan));
}

const handlers: InlineHandlers<Inline[], Scan> = {
  text: (node, scan) => read(node.value, scan, [{ ...node, value: visible(node.value) }]),
  code: (node, scan) => read(node.value, scan, [{ ...node, value: visible(node.value) }]),
  image: (node, scan) => read(node.alt, scan, [node]),
  break: (node) => [node],
  noteRef: (node) => [node],
  strong: (node, scan) => emphasised(node.children, scan),
  emphasis: (node, scan) => emphasised(node.children, scan),
  delete: (node, scan) => [{ ...node, children: rewrite(node.children, scan) }],
  phrase: (node, scan) => [{ ...node, children: rewrite(node.children, scan) }],
  link: (node, scan) => {
    const inside = scan.open > 0;
    const children = rewrite(node.children, scan);
    const text = withoutSigns(plainText(children, { links: 'text' }));
    // Text that is the address as a reader types it ("www.lapor.go.id") is printed once.
    if (text !== '' && sameAddress(text, node.url)) return children;
    if (!inside && !/[)\]]$/.test(text)) return [{ ...node, children }];
    const address = displayAddress(node.url);
    if (text === '') return [{ type: 'text', value: address, position: node.position }];
    return [...children, { type: 'text', value: `, ${scan.label}: ${address}`, position: node.position }];
  },
};

function visible(text: string): string {
  return text.replace(/\p{Cf}/gu, '').replace(NONCHARACTERS, '');
}

function emphasised(children: readonly Inline[], scan: Scan): Inline[] {
  return [{ type: 'text', value: EMPHASIS_BEGIN }, ...rewrite(children, scan), { type: 'text', value: EMPHASIS_END }];
}

function read(text: string, scan: Scan, result: Inline[]): Inline[] {
  for (const character of text) {
    if (character === '(' || character === '[') scan.open++;
    else if ((character === ')' || character === ']') && scan.open > 0) scan.open--;
  }
  return result;
}

/** "www.lapor.go.id" is the address https://www.lapor.go.id/ as a reader types it. */
function sameAddress(text: string, url: string): boolean {
  const bare = (value: string) =>
    displayAddress(value)
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return bare(text) === bare(url);
}
