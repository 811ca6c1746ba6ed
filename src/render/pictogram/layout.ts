// The sheet's layout: A4 pages of positioned pieces, each with the role it plays
// for assistive technology (a figure with alt text, a heading, or decoration).
// Pure: the plan, the words and the loaded drawings and fonts in; pages out.
// Units are millimetres.

import { type Drawing, num, placeDrawing } from './drawing.js';
import type { Concept } from './lexicon.js';
import type { Plan, PlannedItem } from './plan.js';
import { type Face, type GlyphStore, shapeLine, wrapText } from './text-paths.js';

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

/** Drawing markup and text, in painting order. */
export type Part = string | TextRun;

export const PAGE = { width: 210, height: 297, margin: 10 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLUMNS = 4;
const GAP = 8;
const TILE_WIDTH = (CONTENT_WIDTH - (COLUMNS - 1) * GAP) / COLUMNS;
const PICTURE = 25;
const CAPTION = { size: 4.2, line: 4.8, lines: 3 };
const PICTURE_TOP = 3.5;
const TILE_HEIGHT = PICTURE_TOP + PICTURE + 2.5 + CAPTION.lines * CAPTION.line + 1.5;
const ROW_GAP = 6;
const FOOTER_HEIGHT = 8;
const INK = '#000';
const SOFT = '#595959';

export interface Piece {
  role: 'figure' | 'heading' | 'artifact';
  /** Figures: the full text the picture stands for. Headings: their text. */
  text?: string;
  level?: 1 | 2;
  parts: Part[];
}

export interface Sheet {
  pages: Piece[][];
}

export interface SheetWords {
  title: string;
  label: string;
  requirements: string;
  steps: string;
  cost: string;
  duration: string;
  product: string;
  costValue: string;
  durationValue: string;
  productValue: string;
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
interface Block {
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
  const text = new TextDrawer(new Map());
  const { plan, words, faces } = input;

  const blocks: Block[] = [];
  blocks.push(headerBlock(input, text));
  if (plan.requirements.length > 0) {
    blocks.push(headingBlock(words.requirements, text, faces.bold));
    blocks.push(...tileRows(plan.requirements, input, text, false, words.requirements));
  }
  if (plan.steps.length > 0) {
    blocks.push(headingBlock(words.steps, text, faces.bold));
    blocks.push(...tileRows(plan.steps, input, text, true, words.steps));
  }
  blocks.push(factsBlock(input, text));

  // Flow the blocks onto pages; a heading moves with the row after it.
  const pages: Piece[][] = [[]];
  const bottom = PAGE.height - PAGE.margin - FOOTER_HEIGHT;
  let y = PAGE.margin;
  let previousTop: number | undefined;
  for (const [i, block] of blocks.entries()) {
    const next = block.keepWithNext ? blocks[i + 1] : undefined;
    const needed = block.height + (next ? next.height : 0);
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
  const lines = text.wrap(words.title, faces.bold, titleSize, PAGE.width - PAGE.margin - x).slice(0, 3);
  const height = Math.max(size, 7 + lines.length * titleSize * 1.15) + 5;
  return {
    height,
    draw: (top) => {
      const pieces: Piece[] = [];
      if (plan.service) {
        pieces.push({
          role: 'figure',
          text: words.title,
          parts: [placeDrawing(input.drawing(plan.service), PAGE.margin, top, size)],
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

const HEADING_SIZE = 6.5;
const HEADING_HEIGHT = 10.5;

function headingBlock(title: string, text: TextDrawer, face: Face): Block {
  const size = HEADING_SIZE;
  return {
    height: HEADING_HEIGHT,
    keepWithNext: true,
    draw: (top) => [
      { role: 'heading', level: 2, text: title, parts: text.draw([title], face, size, PAGE.margin, top + 7, INK) },
    ],
  };
}

function tileRows(
  items: PlannedItem[],
  input: SheetInput,
  text: TextDrawer,
  numbered: boolean,
  heading: string,
): Block[] {
  const rows: PlannedItem[][] = [];
  for (let i = 0; i < items.length; i += COLUMNS) rows.push(items.slice(i, i + COLUMNS));
  return rows.map((row, rowIndex) => ({
    height: TILE_HEIGHT + ROW_GAP,
    row: true,
    // The list's heading again, in grey with an ellipsis; decoration only (the H2 stands once).
    continued: (top) => [
      {
        role: 'artifact',
        parts: text.draw([`${heading} …`], input.faces.bold, HEADING_SIZE, PAGE.margin, top + 7, SOFT),
      },
    ],
    draw: (top) =>
      row.flatMap((item, column) => {
        const x = PAGE.margin + column * (TILE_WIDTH + GAP);
        const pieces = [tile(item, x, top, input, text, numbered)];
        if (numbered && column < row.length - 1)
          pieces.push({ role: 'artifact', parts: [arrowRight(x + TILE_WIDTH, top)] });
        return pieces;
      }),
    joinsPrevious:
      numbered && rowIndex > 0
        ? (top, previousTop) => [{ role: 'artifact', parts: [rowConnector(previousTop, top)] }]
        : undefined,
  }));
}

function tile(
  item: PlannedItem,
  x: number,
  top: number,
  input: SheetInput,
  text: TextDrawer,
  numbered: boolean,
): Piece {
  const parts: Part[] = [
    `<rect x="${num(x)}" y="${num(top)}" width="${num(TILE_WIDTH)}" height="${num(TILE_HEIGHT)}" rx="3" fill="#fff" stroke="${INK}" stroke-width="0.6"/>`,
  ];
  const pictureX = x + (TILE_WIDTH - PICTURE) / 2;
  if (item.concept) {
    parts.push(placeDrawing(input.drawing(item.concept), pictureX, top + PICTURE_TOP, PICTURE));
  } else {
    // No picture: a neutral tile with the item's number, so the sheet keeps its order.
    parts.push(
      `<rect x="${num(pictureX)}" y="${num(top + PICTURE_TOP)}" width="${PICTURE}" height="${PICTURE}" rx="2" fill="#f2f2f2" stroke="${SOFT}" stroke-width="0.5" stroke-dasharray="2 1.5"/>`,
      ...text.drawCentred(
        String(item.number),
        input.faces.bold,
        14,
        pictureX + PICTURE / 2,
        top + PICTURE_TOP + PICTURE / 2 + 5,
        SOFT,
      ),
    );
  }
  if (numbered) parts.push(...badge(String(item.number), x, top, input.faces.bold, text));
  const shown = text.wrapAtMost(item.caption, input.faces.bold, CAPTION.size, TILE_WIDTH - 3, CAPTION.lines);
  const captionTop = top + PICTURE_TOP + PICTURE + 2.5 + CAPTION.size * 0.8;
  parts.push(
    ...text.drawCentredLines(
      shown,
      input.faces.bold,
      CAPTION.size,
      x + TILE_WIDTH / 2,
      captionTop,
      CAPTION.line / CAPTION.size,
    ),
  );
  return { role: 'figure', text: item.text, parts };
}

function badge(label: string, x: number, top: number, face: Face, text: TextDrawer): Part[] {
  const cx = x + 5.5;
  const cy = top + 5.5;
  return [
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="4.6" fill="${INK}"/>`,
    ...text.drawCentred(label, face, label.length > 1 ? 4.2 : 5, cx, cy + 1.7, '#fff'),
  ];
}

/** An arrow in the gap between two tiles of a row: the order of the steps. */
function arrowRight(tileRight: number, top: number): string {
  const y = top + PICTURE_TOP + PICTURE / 2;
  const x1 = tileRight + 1.2;
  const x2 = tileRight + GAP - 1.2;
  return `<path d="M${num(x1)} ${num(y)}H${num(x2 - 2.4)}" stroke="${INK}" stroke-width="1.2" fill="none"/><path d="M${num(x2)} ${num(y)}l-3 -2.4v4.8z" fill="${INK}"/>`;
}

/** From the end of one row of steps to the start of the next: right, down, back left, down. */
function rowConnector(previousTop: number, top: number): string {
  const right = PAGE.margin + CONTENT_WIDTH + 2.5;
  const fromY = previousTop + 4 + PICTURE / 2;
  const midY = top - ROW_GAP / 2;
  const left = PAGE.margin - 3;
  const toY = top + PICTURE_TOP + PICTURE / 2;
  return (
    `<path d="M${num(right - 2.5)} ${num(fromY)}H${num(right)}V${num(midY)}H${num(left)}V${num(toY)}H${num(PAGE.margin - 2.6)}" stroke="${SOFT}" stroke-width="0.7" fill="none" stroke-dasharray="1.6 1.2"/>` +
    `<path d="M${num(PAGE.margin + 0.2)} ${num(toY)}l-2.8 -2v4z" fill="${SOFT}"/>`
  );
}

function factsBlock(input: SheetInput, text: TextDrawer): Block {
  const { plan, words, faces } = input;
  const width = (CONTENT_WIDTH - 2 * GAP) / 3;
  const height = 50;
  const facts = [
    { label: words.cost, value: words.costValue, concept: plan.cost },
    { label: words.duration, value: words.durationValue, concept: plan.duration },
    { label: words.product, value: words.productValue, concept: plan.product },
  ];
  return {
    height: height + 2,
    draw: (top) =>
      facts.map((fact, i) => {
        const x = PAGE.margin + i * (width + GAP);
        const picture = 24;
        const shown = text.wrapAtMost(fact.value, faces.bold, 4.6, width - 6, 2);
        const parts: Part[] = [
          `<rect x="${num(x)}" y="${num(top)}" width="${num(width)}" height="${height}" rx="4" fill="#fff" stroke="${INK}" stroke-width="1.2"/>`,
          ...text.drawCentred(fact.label, faces.regular, 4.2, x + width / 2, top + 6.5, SOFT),
          fact.concept ? placeDrawing(input.drawing(fact.concept), x + (width - picture) / 2, top + 8.5, picture) : '',
          ...text.drawCentredLines(shown, faces.bold, 4.6, x + width / 2, top + 8.5 + picture + 5.5, 1.15),
        ];
        return { role: 'figure' as const, text: `${fact.label}: ${fact.value}`, parts };
      }),
  };
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

function rule(y: number, width: number): string {
  return `<path d="M${PAGE.margin} ${num(y)}H${PAGE.width - PAGE.margin}" stroke="${INK}" stroke-width="${width}"/>`;
}

/** Wraps and places lines of text, in millimetres (measured with the font that will draw them). */
class TextDrawer {
  constructor(private readonly glyphs: GlyphStore) {}

  wrap(value: string, face: Face, size: number, width: number): string[] {
    return wrapText(value, face, width / size, this.glyphs);
  }

  /** At most `max` lines; when text is cut, the last line ends in "…" and still fits. */
  wrapAtMost(value: string, face: Face, size: number, width: number, max: number): string[] {
    const lines = this.wrap(value, face, size, width);
    if (lines.length <= max) return lines;
    const kept = lines.slice(0, max);
    let last = `${kept[max - 1]} …`;
    while (shapeLine(last, face, this.glyphs).width * size > width && last.includes(' ', 0)) {
      const words = last.slice(0, -2).split(' ');
      if (words.length <= 1) break;
      last = `${words.slice(0, -1).join(' ')} …`;
    }
    kept[max - 1] = last;
    return kept;
  }

  draw(lines: string[], face: Face, size: number, x: number, baseline: number, fill: string, leading = 1.2): TextRun[] {
    return lines.map((line, i) => ({ text: line, face, size, x, baseline: baseline + i * size * leading, fill }));
  }

  drawCentred(value: string, face: Face, size: number, cx: number, baseline: number, fill: string): TextRun[] {
    const width = shapeLine(value, face, this.glyphs).width * size;
    return [{ text: value, face, size, x: cx - width / 2, baseline, fill }];
  }

  drawRight(value: string, face: Face, size: number, right: number, baseline: number, fill: string): TextRun[] {
    const width = shapeLine(value, face, this.glyphs).width * size;
    return [{ text: value, face, size, x: right - width, baseline, fill }];
  }

  drawCentredLines(
    lines: string[],
    face: Face,
    size: number,
    cx: number,
    baseline: number,
    leading: number,
  ): TextRun[] {
    return lines.flatMap((line, i) => this.drawCentred(line, face, size, cx, baseline + i * size * leading, INK));
  }
}
