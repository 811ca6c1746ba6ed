// The sheet's measures (millimetres) and the small pieces every part of it uses.
import { num } from './drawing.js';
import type { Block } from './layout.js';
import { type Shape, shape } from './shape.js';
import { INK, type TextDrawer } from './text-drawer.js';
import type { Face } from './text-paths.js';

export const PAGE = { width: 210, height: 297, margin: 10 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const FOOTER_HEIGHT = 8;
export const HEADING_SIZE = 6.5;
export const HEADING_HEIGHT = 10.5;
/** Running text (the notice, the way to the rest, the full texts): 4.2 mm ≈ 12 pt. */
export const TEXT_SIZE = 4.2;
export const LEADING = 1.25;

export function rule(y: number, width: number): Shape {
  return shape('path', {
    d: `M${PAGE.margin} ${num(y)}H${PAGE.width - PAGE.margin}`,
    stroke: INK,
    'stroke-width': String(width),
  });
}

/** A heading that stays on the page of the block after it. */
export function headingBlock(title: string, text: TextDrawer, face: Face, level: 2 | 3): Block {
  const size = level === 2 ? HEADING_SIZE : 5.2;
  const lines = text.wrap(title, face, size, CONTENT_WIDTH);
  const height = (level === 2 ? HEADING_HEIGHT : 8.5) + (lines.length - 1) * size * 1.2;
  return {
    height,
    keepWithNext: true,
    draw: (top) => [
      { role: 'heading', level, text: title, parts: text.draw(lines, face, size, PAGE.margin, top + size + 0.5, INK) },
    ],
  };
}
