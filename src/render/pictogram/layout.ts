// The sheet's layout: A4 pages of positioned pieces, each with the role it plays
// for assistive technology (a figure with its caption and full text, a heading, a
// paragraph, or decoration). Pure: the plan, the words and the loaded drawings and
// fonts in; pages out. Units are millimetres.
import type { Drawing, PlacedDrawing } from './drawing.js';
import { factsBlock } from './facts.js';
import {
  CONTENT_WIDTH,
  FOOTER_HEIGHT,
  HEADING_HEIGHT,
  headingBlock,
  LEADING,
  PAGE,
  rule,
  TEXT_SIZE,
} from './geometry.js';
import type { Concept } from './lexicon.js';
import type { Plan, PlannedItem } from './plan.js';
import { itemRows } from './rows.js';
import { type Shape, shape } from './shape.js';
import { INK, SOFT, TextDrawer } from './text-drawer.js';
import type { Face } from './text-paths.js';

/** One line of text at a place; the SVG draws it as outlines, the PDF as real text. */
export interface TextRun {
  text: string;
  face: Face;
  /** Font size (em) in millimetres. */
  size: number;
  x: number;
  baseline: number;
  fill: string;
}

/** Shapes, drawings and text, in painting order. */
export type Part = Shape | PlacedDrawing | TextRun;

export function isTextRun(part: Part): part is TextRun {
  return 'text' in part;
}

export interface Piece {
  /** `figure`: a picture; `text`: words to read (a paragraph); `artifact`: decoration. */
  role: 'figure' | 'heading' | 'text' | 'artifact';
  /** Figures: the caption the tile shows. Headings and text: their words. */
  text?: string;
  /** Figures: everything the picture stands for (the PDF's alt text, the SVG's <desc>). */
  description?: string;
  level?: 1 | 2 | 3;
  parts: Part[];
}

export interface Sheet {
  pages: Piece[][];
}

export interface SheetWords {
  title: string;
  label: string;
  /** Heading of the conditions to meet ("Syarat"). */
  conditions: string;
  requirements: string;
  steps: string;
  /** How the parts the sheet does not show are reached (the web page's address). */
  rest: string;
  /** The translation notice, when the procedure has one. */
  notice?: string;
  credits: string;
  page: (n: number, of: number) => string;
}

export interface SheetInput {
  plan: Plan;
  words: SheetWords;
  faces: { bold: Face; regular: Face };
  drawing: (concept: Concept) => Drawing;
}

/** A block of the flow: its height and a function that draws it at a given top. */
export interface Block {
  height: number;
  draw: (top: number) => Piece[];
  /** Keep on the page of the next block (headings). */
  keepWithNext?: boolean;
  /** A row of tiles: the next row of the same list may join it. */
  row?: boolean;
  /** Drawn above a row that starts a new page, so the reader knows which list goes on. */
  continued?: (top: number) => Piece[];
  /** Draws a connector from the previous row when both stand on the same page. */
  joinsPrevious?: (top: number, previousTop: number) => Piece[];
}

export function layoutSheet(input: SheetInput): Sheet {
  const text = new TextDrawer();
  const { plan, words, faces } = input;

  // The facts a reader decides on come first; then what one must be, what to bring, what to do.
  const blocks: Block[] = [headerBlock(input, text), ...infoBlocks(input, text)];
  if (plan.facts.length > 0) blocks.push(factsBlock(input, text));
  const lists: { items: PlannedItem[]; heading: string }[] = [
    { items: plan.requirements.filter((item) => item.condition), heading: words.conditions },
    { items: plan.requirements.filter((item) => !item.condition), heading: words.requirements },
    { items: plan.steps, heading: words.steps },
  ];
  for (const list of lists) {
    if (list.items.length === 0) continue;
    blocks.push(headingBlock(list.heading, text, faces.bold, 2));
    blocks.push(...itemRows(list.items, input, text, list.heading));
  }

  // Flow the blocks onto pages; a heading moves with the block after it.
  const pages: Piece[][] = [[]];
  const bottom = PAGE.height - PAGE.margin - FOOTER_HEIGHT;
  let y = PAGE.margin;
  let previousTop: number | undefined;
  for (const [i, block] of blocks.entries()) {
    // A heading needs room for itself, the headings under it and the first block they head.
    let needed = block.height;
    for (let j = i; blocks[j]?.keepWithNext && j + 1 < blocks.length; j++) needed += blocks[j + 1]?.height ?? 0;
    if (y + needed > bottom && y > PAGE.margin + 1) {
      pages.push([]);
      y = PAGE.margin;
      previousTop = undefined;
      if (block.continued) {
        pages[pages.length - 1]?.push(...block.continued(y));
        y += HEADING_HEIGHT;
      }
    }
    const page = pages[pages.length - 1] ?? [];
    if (block.joinsPrevious && previousTop !== undefined) page.push(...block.joinsPrevious(y, previousTop));
    page.push(...block.draw(y));
    previousTop = block.row ? y : undefined;
    y += block.height;
  }
  pages.forEach((page, index) => {
    page.push(footer(input, text, index + 1, pages.length));
  });
  return { pages };
}

function headerBlock(input: SheetInput, text: TextDrawer): Block {
  const { plan, words, faces } = input;
  const size = 32;
  const titleSize = 8;
  const x = PAGE.margin + size + 6;
  // Every line of the title: a long name of a service is still its name.
  const lines = text.wrap(words.title, faces.bold, titleSize, PAGE.width - PAGE.margin - x);
  const height = Math.max(size, 7 + lines.length * titleSize * 1.15) + 5;
  return {
    height,
    draw: (top) => {
      const pieces: Piece[] = [];
      if (plan.service) {
        pieces.push({
          role: 'figure',
          text: words.title,
          description: words.title,
          parts: [{ drawing: input.drawing(plan.service), x: PAGE.margin, y: top, size }],
        });
      }
      pieces.push({ role: 'artifact', parts: text.draw([words.label], faces.regular, 4.2, x, top + 4.5, SOFT) });
      pieces.push({
        role: 'heading',
        level: 1,
        text: words.title,
        parts: text.draw(lines, faces.bold, titleSize, x, top + 6 + titleSize, INK, 1.15),
      });
      pieces.push({ role: 'artifact', parts: [rule(top + height - 3, 0.8)] });
      return pieces;
    },
  };
}

/** The translation notice (boxed) and the way to what the sheet does not show. */
function infoBlocks(input: SheetInput, text: TextDrawer): Block[] {
  const { words, faces } = input;
  const leading = LEADING;
  const blocks: Block[] = [];
  if (words.notice) {
    const notice = words.notice;
    const lines = text.wrap(notice, faces.bold, TEXT_SIZE, CONTENT_WIDTH - 8);
    const height = lines.length * TEXT_SIZE * leading + 5;
    blocks.push({
      height: height + 3,
      draw: (top) => [
        {
          role: 'artifact',
          parts: [
            shape('rect', {
              x: String(PAGE.margin),
              y: String(top),
              width: String(CONTENT_WIDTH),
              height: String(height),
              rx: '2',
              fill: '#fff4d6',
              stroke: INK,
              'stroke-width': '0.6',
            }),
          ],
        },
        {
          role: 'text',
          text: notice,
          parts: text.draw(lines, faces.bold, TEXT_SIZE, PAGE.margin + 4, top + 2.5 + TEXT_SIZE, INK, leading),
        },
      ],
    });
  }
  const lines = text.wrap(words.rest, faces.regular, TEXT_SIZE, CONTENT_WIDTH);
  blocks.push({
    height: lines.length * TEXT_SIZE * leading + 2,
    draw: (top) => [
      {
        role: 'text',
        text: words.rest,
        parts: text.draw(lines, faces.regular, TEXT_SIZE, PAGE.margin, top + TEXT_SIZE, INK, leading),
      },
    ],
  });
  return blocks;
}

function footer(input: SheetInput, text: TextDrawer, page: number, pages: number): Piece {
  const y = PAGE.height - PAGE.margin;
  const credits = text.wrap(input.words.credits, input.faces.regular, 2.8, CONTENT_WIDTH - 20).slice(0, 2);
  return {
    role: 'artifact',
    parts: [
      rule(y - 7.5, 0.3),
      ...text.draw(credits, input.faces.regular, 2.8, PAGE.margin, y - 3.5, SOFT, 1.25),
      ...(pages > 1
        ? text.drawRight(
            input.words.page(page, pages),
            input.faces.regular,
            3.2,
            PAGE.width - PAGE.margin,
            y - 3.5,
            SOFT,
          )
        : []),
    ],
  };
}
