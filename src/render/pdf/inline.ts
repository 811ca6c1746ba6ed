// Outline inlines → styled runs of plain text, the input of line breaking. One handler
// per inline type: a type without a handler does not compile.
import type { Position } from 'unist';
import { type InlineHandlers, renderInline } from '../../outline/handlers.js';
import { plainText } from '../../outline/plain-text.js';
import type { Inline, Link } from '../../outline/types.js';

export interface Run {
  /** The text; `\n` alone is a line break the writer asked for. */
  text: string;
  strong: boolean;
  emphasis: boolean;
  strike: boolean;
  /** Address of a PDF link annotation (only addresses a PDF reader can follow). */
  link?: string;
  /** BCP 47 tag of a phrase in another language than the document's. */
  lang?: string;
  /** Where the text comes from, for warnings about characters no font has. */
  position?: Position;
}

/** How a footnote reference prints: `¹` (small type) or `[1]` (large print). */
export type NoteMarks = 'superscript' | 'brackets';

interface Style {
  strong: boolean;
  emphasis: boolean;
  strike: boolean;
  link?: string;
  lang?: string;
  marks: NoteMarks;
}

/** A line break inside a paragraph (Markdown's two spaces or backslash at a line's end). */
export const LINE_BREAK = '\n';

/** Plain text as one run (front-matter values, UI words); white space reads as one space. */
export function plainRuns(text: string, strong = false, position?: Position): Run[] {
  return [{ text: text.replace(/\s*\n\s*/g, ' '), strong, emphasis: false, strike: false, position }];
}

/** Preformatted lines, each on its own line. */
export function lineRuns(lines: readonly string[], position?: Position): Run[] {
  return lines.flatMap((line, index) => [
    ...(index > 0 ? [{ text: LINE_BREAK, strong: false, emphasis: false, strike: false, position }] : []),
    ...plainRuns(line, false, position),
  ]);
}

/** The mark of footnote `number`, the same in the text and in the notes part's label. */
export function noteMark(number: number, marks: NoteMarks): string {
  return marks === 'superscript'
    ? [...String(number)].map((digit) => SUPERSCRIPT[Number(digit)]).join('')
    : `[${number}]`;
}

/** The label of note `number` in the notes part. */
export function noteLabel(number: number, marks: NoteMarks): string {
  return marks === 'superscript' ? `${number}.` : `[${number}]`;
}

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** Addresses a PDF reader can open; others print as text only. */
const FOLLOWABLE = /^(https?:|mailto:|tel:)/i;

const handlers: InlineHandlers<Run[], Style> = {
  // A newline inside text is Markdown's soft break: a space, as in HTML.
  text: (node, style) => [run(node.value.replace(/\s*\n\s*/g, ' '), style, node.position)],
  code: (node, style) => [run(node.value.replace(/\s*\n\s*/g, ' '), style, node.position)],
  strong: (node, style) => runsOf(node.children, { ...style, strong: true }),
  emphasis: (node, style) => runsOf(node.children, { ...style, emphasis: true }),
  delete: (node, style) => runsOf(node.children, { ...style, strike: true }),
  phrase: (node, style) => runsOf(node.children, { ...style, lang: languageTag(node.lang) }),
  break: (node, style) => [run(LINE_BREAK, style, node.position)],
  // Pictures inside text are not printed; their description is.
  image: (node, style) => (node.alt ? [run(node.alt, style, node.position)] : []),
  noteRef: (node, style) => [run(noteMark(node.number, style.marks), style, node.position)],
  link: (node, style) => {
    const linked = { ...style, ...(FOLLOWABLE.test(node.url) ? { link: node.url } : {}) };
    const text = runsOf(node.children, linked);
    // Paper cannot be clicked: the address is printed after the text unless the text is it.
    const address = printedAddress(node);
    return address ? [...text, run(address, linked, node.position)] : text;
  },
};

/** " (address)" when the one plain-text policy reads the link with its address, else "". */
function printedAddress(node: Link): string {
  const withAddress = plainText([node], { links: 'with-address' });
  const text = plainText([node], { links: 'text' });
  return withAddress.startsWith(text) ? withAddress.slice(text.length) : '';
}

function run(text: string, style: Style, position: Position | undefined): Run {
  const result: Run = { text, strong: style.strong, emphasis: style.emphasis, strike: style.strike, position };
  if (style.link) result.link = style.link;
  if (style.lang) result.lang = style.lang;
  return result;
}

function runsOf(nodes: readonly Inline[], style: Style): Run[] {
  return nodes.flatMap((node) => renderInline(node, handlers, style));
}

const memo = new WeakMap<readonly Inline[], Map<NoteMarks, Run[]>>();

/** Runs of rich text; the same nodes give the same array, so line breaks can be cached. */
export function inlineRuns(nodes: readonly Inline[], marks: NoteMarks): Run[] {
  let byMarks = memo.get(nodes);
  if (!byMarks) {
    byMarks = new Map();
    memo.set(nodes, byMarks);
  }
  let runs = byMarks.get(marks);
  if (!runs) {
    runs = runsOf(nodes, { strong: false, emphasis: false, strike: false, marks });
    byMarks.set(marks, runs);
  }
  return runs;
}

/** BCP 47 tags for the PDF catalog, XMP and phrases: `id` → `id-ID`. */
const LANGUAGE_TAGS: Record<string, string> = { id: 'id-ID', jv: 'jv-ID', en: 'en' };

export function languageTag(lang: string): string {
  return LANGUAGE_TAGS[lang] ?? lang;
}
