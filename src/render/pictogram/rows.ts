// Easy-read rows: one row per requirement or step, its picture(s) on the left and its
// whole text on the right, wrapped and never cut, at 5.2 mm (≈ 15 pt) — easy-read
// guidance asks for 14 pt or more. Steps carry a filled number and an arrow down to
// the next step; a "Jika …" row is set in from the left with a dashed bar, as a case
// that applies only sometimes.
import { num, viewBoxOf } from './drawing.js';
import { CONTENT_WIDTH, HEADING_SIZE, PAGE } from './geometry.js';
import type { Block, Part, Piece, SheetInput } from './layout.js';
import type { Concept } from './lexicon.js';
import type { Picture, PlannedItem } from './plan.js';
import { shape } from './shape.js';
import { INK, SOFT, type TextDrawer } from './text-drawer.js';

/** Item text: 5.2 mm ≈ 14.7 pt; lines under it 5 mm ≈ 14.2 pt (never below 14 pt). */
export const ROW_TEXT = 5.2;
export const DETAIL_TEXT = 5;
const LINE = 1.25;
const PICTURE = 22;
const MARKER = 12;
const PICTURE_GAP = 2;
/** Several pictures stand two to a line, smaller. */
const SMALL_PICTURE = 15.5;
const BRANCH_INDENT = 8;
const PAD = 3;
const ROW_GAP = 4;

/** What the row shows: the writer's caption in bold, then the item's whole text. */
function rowLines(item: PlannedItem, input: SheetInput, text: TextDrawer, width: number) {
  const { bold, regular } = input.faces;
  const lines: { text: string; bold: boolean; size: number; indent: number }[] = [];
  const head = item.caption && item.caption !== item.text ? [item.caption, item.text] : [item.text];
  head.forEach((value, i) => {
    for (const line of text.wrap(value, i === 0 ? bold : regular, ROW_TEXT, width))
      lines.push({ text: line, bold: i === 0, size: ROW_TEXT, indent: 0 });
  });
  for (const detail of item.details) {
    const indent = 5 * (detail.indent + 1);
    for (const line of text.wrap(detail.text, regular, DETAIL_TEXT, width - indent))
      lines.push({ text: line, bold: false, size: DETAIL_TEXT, indent });
  }
  return lines;
}

export function itemRows(items: PlannedItem[], input: SheetInput, text: TextDrawer, heading: string): Block[] {
  const numbered = items[0]?.section === 'steps';
  // One column of pictures for the whole list, as wide as its item with the most: the texts line up.
  const most = Math.max(1, ...items.map((item) => item.pictures.length));
  const column = most === 1 ? PICTURE : 2 * SMALL_PICTURE + PICTURE_GAP;
  return items.map((item, index): Block => {
    const left = PAGE.margin + (item.branch ? BRANCH_INDENT : 0) + (numbered ? MARKER + 2 : 0);
    const textX = left + PAD + column + 4;
    const width = PAGE.margin + CONTENT_WIDTH - textX - PAD;
    const lines = rowLines(item, input, text, width);
    const textHeight = lines.reduce((sum, line) => sum + line.size * LINE, 0);
    const height = Math.max(picturesHeight(item.pictures.length), textHeight) + 2 * PAD;
    const last = index === items.length - 1;
    return {
      height: height + ROW_GAP,
      row: true,
      continued: (top) => [
        {
          role: 'artifact',
          parts: text.draw([`${heading} …`], input.faces.bold, HEADING_SIZE, PAGE.margin, top + 7, SOFT),
        },
      ],
      draw: (top) => {
        const parts: Part[] = [];
        const boxX = left;
        const boxWidth = PAGE.margin + CONTENT_WIDTH - boxX;
        parts.push(
          shape('rect', {
            x: num(boxX),
            y: num(top),
            width: num(boxWidth),
            height: num(height),
            rx: '3',
            fill: '#fff',
            stroke: INK,
            'stroke-width': '0.6',
          }),
        );
        if (item.branch)
          parts.push(
            shape('path', {
              d: `M${num(PAGE.margin + 2)} ${num(top)}V${num(top + height)}`,
              stroke: SOFT,
              'stroke-width': '1.6',
              'stroke-dasharray': '2.5 1.5',
            }),
          );
        const picturesTop = top + (height - picturesHeight(item.pictures.length)) / 2;
        parts.push(...pictures(item, input, left + PAD - 1, picturesTop, text));
        let baseline = top + PAD + (lines[0]?.size ?? ROW_TEXT) * 0.85;
        for (const line of lines) {
          parts.push(
            ...text.draw(
              [line.text],
              line.bold ? input.faces.bold : input.faces.regular,
              line.size,
              textX + line.indent,
              baseline,
              INK,
            ),
          );
          baseline += line.size * LINE;
        }
        const pieces: Piece[] = [
          { role: 'figure', text: item.caption ?? item.text, description: item.fullText, parts },
        ];
        if (numbered) pieces.push({ role: 'artifact', parts: marker(item, top, height, last, text, input) });
        return pieces;
      },
    };
  });
}

/** The step's number in a filled circle, and an arrow down to the next step. */
function marker(item: PlannedItem, top: number, height: number, last: boolean, text: TextDrawer, input: SheetInput) {
  const cx = PAGE.margin + (item.branch ? BRANCH_INDENT : 0) + MARKER / 2;
  const cy = top + MARKER / 2 + 1;
  const label = String(item.number);
  const parts: Part[] = [
    shape('circle', { cx: num(cx), cy: num(cy), r: String(MARKER / 2), fill: INK }),
    ...text.drawCentred(label, input.faces.bold, label.length > 1 ? 6 : 7, cx, cy + 2.5, '#fff'),
  ];
  if (!last) {
    const from = cy + MARKER / 2 + 1;
    const to = top + height + ROW_GAP;
    parts.push(
      shape('path', { d: `M${num(cx)} ${num(from)}V${num(to - 2.6)}`, stroke: INK, 'stroke-width': '1.2' }),
      shape('path', { d: `M${num(cx)} ${num(to)}l-2.2 -3h4.4z`, fill: INK }),
    );
  }
  return parts;
}

/** One picture, or one per document the item names, side by side; none: a dashed box with the number. */
function pictures(item: PlannedItem, input: SheetInput, x: number, y: number, text: TextDrawer): Part[] {
  if (item.pictures.length === 0) {
    return [
      shape('rect', {
        x: num(x),
        y: num(y),
        width: String(PICTURE),
        height: String(PICTURE),
        rx: '2',
        fill: '#f2f2f2',
        stroke: SOFT,
        'stroke-width': '0.5',
        'stroke-dasharray': '2 1.5',
      }),
      ...text.drawCentred(String(item.number), input.faces.bold, 12, x + PICTURE / 2, y + PICTURE / 2 + 4, SOFT),
    ];
  }
  if (item.pictures.length === 1) {
    const [only] = item.pictures as [Picture];
    return drawPicture(input, only.concept, only.number, x, y, PICTURE, text);
  }
  const step = SMALL_PICTURE + PICTURE_GAP;
  return item.pictures.flatMap((entry: Picture, i) =>
    drawPicture(
      input,
      entry.concept,
      entry.number,
      x + (i % 2) * step,
      y + Math.floor(i / 2) * step,
      SMALL_PICTURE,
      text,
    ),
  );
}

/** How tall the pictures of an item stand: one large, or two to a line. */
function picturesHeight(count: number): number {
  if (count <= 1) return PICTURE;
  const lines = Math.ceil(count / 2);
  return lines * SMALL_PICTURE + (lines - 1) * PICTURE_GAP;
}

/** The drawing, and the number it carries written over it (or none). */
export function drawPicture(
  input: Pick<SheetInput, 'drawing' | 'faces'>,
  concept: Concept,
  number: string | undefined,
  x: number,
  y: number,
  size: number,
  text: TextDrawer,
): Part[] {
  const drawing = input.drawing(concept);
  const parts: Part[] = [{ drawing, x, y, size }];
  const slot = concept.number;
  if (slot && number !== undefined) {
    const scale = size / viewBoxOf(drawing)[2];
    const width = text.width(number, input.faces.bold, slot.size * scale);
    const fontSize = slot.size * scale * Math.min(1, (slot.width * scale) / width);
    parts.push(
      ...text.drawCentred(number, input.faces.bold, fontSize, x + slot.x * scale, y + slot.baseline * scale, INK),
    );
  }
  return parts;
}
