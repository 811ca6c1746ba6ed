// What an edition must carry: every text of the outline, each with its source line.
// Paragraphs are cut into sentences, and note references and links cut sentences, so a
// page break, a note mark or a printed address never hides a whole paragraph.
import type { Position } from 'unist';
import { plainText } from '../outline/plain-text.js';
import type { Block, Inline, Outline } from '../outline/types.js';

/** The parts of an outline; an edition declares which it carries. */
export const PARTS = [
  'title',
  'summary',
  'facts',
  'unit',
  'notice',
  'introduction',
  'items',
  'sections',
  'notes',
] as const;
export type Part = (typeof PARTS)[number];

export interface ExpectedText {
  part: Part;
  text: string;
  position?: Position;
  /** Phrases in another language inside the text (`:id[…]`), which the voice reads by their language's rules. */
  phrases?: { lang: string; text: string }[];
}

export function expectedTexts(outline: Outline): ExpectedText[] {
  const texts: ExpectedText[] = [];
  const add = (part: Part, text: string, position?: Position, phrases: ExpectedText['phrases'] = []) => {
    for (const sentence of sentences(text)) {
      const inside = phrases.filter((phrase) => phrase.text !== '' && sentence.includes(phrase.text));
      texts.push({ part, text: sentence, position, ...(inside.length > 0 ? { phrases: inside } : {}) });
    }
  };
  add('title', outline.title.text, outline.title.position);
  add('summary', outline.summary.text, outline.summary.position);
  for (const fact of outline.facts) add('facts', fact.value, fact.position);
  if (outline.unit) add('unit', outline.unit.text, outline.unit.position);
  if (outline.notice) add('notice', outline.notice.text);
  blocksTexts(outline.introduction, 'introduction', add);
  for (const section of outline.sections) {
    add('sections', section.title, section.position);
    for (const block of section.blocks) {
      if (block === section.list) {
        // Requirements and steps: each item's own text is what a picture sheet shows too.
        for (const item of block.items) {
          inlineTexts(item.content, item.position, (text, position, phrases) => add('items', text, position, phrases));
          blocksTexts(item.blocks, 'sections', add);
        }
      } else {
        blocksTexts([block], 'sections', add);
      }
    }
  }
  for (const note of outline.notes) blocksTexts(note.blocks, 'notes', add);
  return texts;
}

type Add = (part: Part, text: string, position?: Position, phrases?: ExpectedText['phrases']) => void;

function blocksTexts(blocks: readonly Block[], part: Part, add: Add): void {
  const stack = [...blocks].reverse();
  while (stack.length > 0) {
    const block = stack.pop() as Block;
    const inline = (nodes: readonly Inline[], position = block.position) =>
      inlineTexts(nodes, position, (text, at, phrases) => add(part, text, at, phrases));
    switch (block.type) {
      case 'paragraph':
        inline(block.children);
        break;
      case 'subheading':
        inline(block.content);
        break;
      case 'preformatted':
        for (const line of block.lines) add(part, line, block.position);
        break;
      case 'quote':
        stack.push(...[...block.children].reverse());
        break;
      case 'table':
        for (const cell of [...block.header, ...block.rows.flat()])
          inline(cell.content, cell.position ?? block.position);
        break;
      case 'list':
        for (const item of [...block.items].reverse()) {
          stack.push(...[...item.blocks].reverse());
          stack.push({ type: 'paragraph', children: item.content, position: item.position });
        }
        break;
    }
  }
}

/**
 * Text between note references and links, each piece on its own: editions mark notes
 * their own way, and some print a link's address after its text.
 */
function inlineTexts(
  nodes: readonly Inline[],
  position: Position | undefined,
  add: (text: string, at?: Position, phrases?: ExpectedText['phrases']) => void,
) {
  let run: Inline[] = [];
  const flush = () => {
    const phrases: NonNullable<ExpectedText['phrases']> = [];
    const text = plainText(run, {
      links: 'text',
      phrase: (lang, inner) => {
        phrases.push({ lang, text: inner.replace(/\s+/g, ' ').trim() });
        return inner;
      },
    });
    if (text !== '') add(text, run.find((node) => node.position)?.position ?? position, phrases);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'noteRef') flush();
    else if (node.type === 'link') {
      flush();
      run.push(node);
      flush();
    } else run.push(node);
  }
  flush();
}

/** Sentences: a full stop, question or exclamation mark followed by a space ends one. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=\S)/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}
