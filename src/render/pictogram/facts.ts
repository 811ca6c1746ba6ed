// The three facts a reader decides on — cost, time, product — first on the sheet, as
// large tiles: label, picture (the money tile with the sum, the calendar with the days)
// and the whole value, as tall as the longest value needs.
import { num } from './drawing.js';
import { CONTENT_WIDTH, PAGE } from './geometry.js';
import type { Block, Part, SheetInput } from './layout.js';
import { drawPicture } from './rows.js';
import { shape } from './shape.js';
import { INK, SOFT, type TextDrawer } from './text-drawer.js';

const GAP = 6;
const PICTURE = 30;
const LABEL = 5;
/** The value: 5.6 mm ≈ 16 pt. */
const VALUE = 5.6;
const LINE = 1.2;

export function factsBlock(input: SheetInput, text: TextDrawer): Block {
  const { plan, faces } = input;
  const width = (CONTENT_WIDTH - 2 * GAP) / 3;
  const facts = plan.facts.map((planned) => ({
    ...planned,
    lines: text.wrap(planned.fact.value, faces.bold, VALUE, width - 6),
  }));
  // A long label ("Jangka waktu penyelesaian") is set smaller to stay inside its tile.
  const labelSize = (label: string) => LABEL * Math.min(1, (width - 5) / text.width(label, faces.bold, LABEL));
  const longest = Math.max(1, ...facts.map((fact) => fact.lines.length));
  const pictureTop = 10;
  const valueTop = pictureTop + PICTURE + 4 + VALUE * 0.8;
  const height = valueTop + (longest - 1) * VALUE * LINE + 4;
  return {
    height: height + 5,
    draw: (top) =>
      facts.map((entry, i) => {
        const x = PAGE.margin + i * (width + GAP);
        const { fact } = entry;
        const parts: Part[] = [
          shape('rect', {
            x: num(x),
            y: num(top),
            width: num(width),
            height: num(height),
            rx: '4',
            fill: '#fff',
            stroke: INK,
            'stroke-width': '1.2',
          }),
          ...text.drawCentred(fact.label, faces.bold, labelSize(fact.label), x + width / 2, top + 7, SOFT),
          ...(entry.concept
            ? drawPicture(
                input,
                entry.concept,
                entry.pictureNumber,
                x + (width - PICTURE) / 2,
                top + pictureTop,
                PICTURE,
                text,
              )
            : []),
          ...text.drawCentredLines(entry.lines, faces.bold, VALUE, x + width / 2, top + valueTop, LINE),
        ];
        const whole = `${fact.label}: ${fact.value}`;
        return { role: 'figure' as const, text: whole, description: whole, parts };
      }),
  };
}
