// Tiles: one picture with its words per requirement and step, four to a row, and the
// three fact tiles. A tile grows with its caption; a row is as tall as its tallest tile.
import { type Drawing, num, placeDrawing } from './drawing.js';
import { hasFullText } from './full-texts.js';
import { CONTENT_WIDTH, HEADING_SIZE, PAGE } from './geometry.js';
import type { Block, Part, Piece, SheetInput } from './layout.js';
import type { Concept } from './lexicon.js';
import type { PlannedItem } from './plan.js';
import { INK, SOFT, type TextDrawer } from './text-drawer.js';
import type { Face } from './text-paths.js';

const COLUMNS = 4;
const GAP = 8;
const TILE_WIDTH = (CONTENT_WIDTH - (COLUMNS - 1) * GAP) / COLUMNS;
const PICTURE = 25;
const PICTURE_TOP = 3.5;
/**
 * Caption sizes tried in turn: 4.2 mm (≈ 12 pt), then 3.9 mm (≈ 11 pt), the smallest
 * Pelita prints a caption in. Past `MAX_LINES` at 11 pt the caption is shortened and
 * the whole text goes to the sheet's full-text list.
 */
const CAPTION_SIZES = [4.2, 3.9] as const;
const MAX_LINES = 9;
const LINE = 1.15;
const MORE_SIZE = 3.6;
const ROW_GAP = 6;

interface Caption {
  /** What the tile says, as one text (its <title>). */
  text: string;
  lines: string[];
  size: number;
  shortened: boolean;
}

/** The tile's caption: the writer's, or the item's whole text, wrapped; shortened only when too long. */
function fitCaption(item: PlannedItem, text: TextDrawer, face: Face): Caption {
  const value = item.caption ?? item.text;
  const width = TILE_WIDTH - 3;
  for (const size of CAPTION_SIZES) {
    const lines = text.wrap(value, face, size, width);
    if (lines.length <= MAX_LINES) return { text: value, lines, size, shortened: false };
  }
  const size = CAPTION_SIZES[0];
  return { ...text.shorten(value, face, size, width, MAX_LINES), size, shortened: true };
}

export function tileRows(
  items: PlannedItem[],
  input: SheetInput,
  text: TextDrawer,
  numbered: boolean,
  heading: string,
): { blocks: Block[]; shortened: PlannedItem[] } {
  const captions = new Map(items.map((item) => [item, fitCaption(item, text, input.faces.bold)]));
  const shortened = items.filter((item) => captions.get(item)?.shortened);
  const height = (item: PlannedItem) => {
    const caption = captions.get(item) as Caption;
    const more = hasFullText(item, shortened) ? MORE_SIZE * 1.4 : 0;
    return PICTURE_TOP + PICTURE + 2.5 + caption.lines.length * caption.size * LINE + more + 2;
  };
  const rows: PlannedItem[][] = [];
  for (let i = 0; i < items.length; i += COLUMNS) rows.push(items.slice(i, i + COLUMNS));
  const blocks = rows.map((row, rowIndex): Block => {
    const rowHeight = Math.max(...row.map(height));
    return {
      height: rowHeight + ROW_GAP,
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
          const caption = captions.get(item) as Caption;
          const more = hasFullText(item, shortened);
          const pieces = [tile(item, caption, more, x, top, rowHeight, input, text, numbered)];
          if (numbered && column < row.length - 1)
            pieces.push({ role: 'artifact', parts: [arrowRight(x + TILE_WIDTH, top)] });
          return pieces;
        }),
      joinsPrevious:
        numbered && rowIndex > 0
          ? (top, previousTop) => [{ role: 'artifact', parts: [rowConnector(previousTop, top)] }]
          : undefined,
    };
  });
  return { blocks, shortened };
}

function tile(
  item: PlannedItem,
  caption: Caption,
  more: boolean,
  x: number,
  top: number,
  height: number,
  input: SheetInput,
  text: TextDrawer,
  numbered: boolean,
): Piece {
  const { bold, regular } = input.faces;
  const parts: Part[] = [
    `<rect x="${num(x)}" y="${num(top)}" width="${num(TILE_WIDTH)}" height="${num(height)}" rx="3" fill="#fff" stroke="${INK}" stroke-width="0.6"/>`,
  ];
  const pictureX = x + (TILE_WIDTH - PICTURE) / 2;
  const pictureY = top + PICTURE_TOP;
  if (item.concept) {
    parts.push(...picture(input, item.concept, item.pictureNumber, pictureX, pictureY, PICTURE, text));
  } else {
    // No picture: a neutral tile with the item's number, so the sheet keeps its order.
    parts.push(
      `<rect x="${num(pictureX)}" y="${num(pictureY)}" width="${PICTURE}" height="${PICTURE}" rx="2" fill="#f2f2f2" stroke="${SOFT}" stroke-width="0.5" stroke-dasharray="2 1.5"/>`,
      ...text.drawCentred(String(item.number), bold, 14, pictureX + PICTURE / 2, pictureY + PICTURE / 2 + 5, SOFT),
    );
  }
  // Steps in black (their order matters), requirements outlined: the full-text list uses the same numbers.
  parts.push(...badge(String(item.number), x, top, bold, text, numbered));
  const captionTop = pictureY + PICTURE + 2.5 + caption.size * 0.8;
  const cx = x + TILE_WIDTH / 2;
  parts.push(...text.drawCentredLines(caption.lines, bold, caption.size, cx, captionTop, LINE));
  if (more) {
    const baseline = captionTop + caption.lines.length * caption.size * LINE + 0.6;
    parts.push(...text.drawCentred(input.words.more, regular, MORE_SIZE, cx, baseline, SOFT));
  }
  return { role: 'figure', text: caption.text, description: item.fullText, parts };
}

/** The drawing, and the number it carries written over it (or none). */
function picture(
  input: SheetInput,
  concept: Concept,
  number: string | undefined,
  x: number,
  y: number,
  size: number,
  text: TextDrawer,
): Part[] {
  const drawing = input.drawing(concept);
  const parts: Part[] = [placeDrawing(drawing, x, y, size)];
  const slot = concept.number;
  if (slot && number !== undefined) {
    const scale = size / drawingWidth(drawing);
    const width = text.width(number, input.faces.bold, slot.size * scale);
    const fontSize = slot.size * scale * Math.min(1, (slot.width * scale) / width);
    parts.push(
      ...text.drawCentred(number, input.faces.bold, fontSize, x + slot.x * scale, y + slot.baseline * scale, INK),
    );
  }
  return parts;
}

function drawingWidth(drawing: Drawing): number {
  return Number(drawing.viewBox.split(/[\s,]+/)[2]) || 72;
}

function badge(label: string, x: number, top: number, face: Face, text: TextDrawer, filled: boolean): Part[] {
  const cx = x + 5.5;
  const cy = top + 5.5;
  const fill = filled ? INK : '#fff';
  return [
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="4.6" fill="${fill}" stroke="${INK}" stroke-width="0.6"/>`,
    ...text.drawCentred(label, face, label.length > 1 ? 4.2 : 5, cx, cy + 1.7, filled ? '#fff' : INK),
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

/** Cost, time and product: label, picture and the whole value, as tall as the longest value needs. */
export function factsBlock(input: SheetInput, text: TextDrawer): Block {
  const { plan, faces } = input;
  const width = (CONTENT_WIDTH - 2 * GAP) / 3;
  const pictureSize = 24;
  const valueSize = 4.6;
  const facts = plan.facts.map((planned) => ({
    ...planned,
    lines: text.wrap(planned.fact.value, faces.bold, valueSize, width - 6),
  }));
  const longest = Math.max(1, ...facts.map((fact) => fact.lines.length));
  const height = 8.5 + pictureSize + 5.5 + (longest - 1) * valueSize * 1.15 + 4;
  return {
    height: height + 2,
    draw: (top) =>
      facts.map((entry, i) => {
        const x = PAGE.margin + i * (width + GAP);
        const { fact } = entry;
        const parts: Part[] = [
          `<rect x="${num(x)}" y="${num(top)}" width="${num(width)}" height="${num(height)}" rx="4" fill="#fff" stroke="${INK}" stroke-width="1.2"/>`,
          ...text.drawCentred(fact.label, faces.regular, 4.2, x + width / 2, top + 6.5, SOFT),
          ...(entry.concept
            ? picture(
                input,
                entry.concept,
                entry.pictureNumber,
                x + (width - pictureSize) / 2,
                top + 8.5,
                pictureSize,
                text,
              )
            : []),
          ...text.drawCentredLines(
            entry.lines,
            faces.bold,
            valueSize,
            x + width / 2,
            top + 8.5 + pictureSize + 5.5,
            1.15,
          ),
        ];
        const whole = `${fact.label}: ${fact.value}`;
        return { role: 'figure' as const, text: whole, description: whole, parts };
      }),
  };
}
