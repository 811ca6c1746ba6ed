// A drawing file → markup that can be nested many times in one sheet (ids and titles
// dropped, as they would repeat; Tabler's `currentColor` made black), and the same
// drawing as shapes for the PDF. Read once per file and thread (resources.ts).
import { parseShapes, type Shape } from './shape.js';

export interface Drawing {
  viewBox: string;
  /** Attributes of the root <svg> that its children inherit (Tabler's stroke settings). */
  inherited: Readonly<Record<string, string>>;
  body: string;
  /** The body as shapes, in a group with the inherited attributes when there are any. */
  shapes: readonly Shape[];
}

/** A drawing placed in a square box on the sheet (millimetres). */
export interface PlacedDrawing {
  drawing: Drawing;
  x: number;
  y: number;
  size: number;
}

const INHERITED = ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin'];

export function readDrawing(source: string): Drawing {
  const root = /<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(source);
  if (!root) throw new Error('not an SVG drawing');
  const attributes = root[1] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];
  const inherited: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = attribute(name);
    if (value === undefined) continue;
    // Tabler's 2-unit strokes on a 24-unit grid look twice as heavy as OpenMoji's: thin them.
    if (name === 'stroke-width' && value === '2') inherited[name] = '1.5';
    else inherited[name] = value === 'currentColor' ? '#000' : value;
  }
  const body = (root[2] ?? '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/\s(id|class)="[^"]*"/g, '')
    .replace(/currentColor/g, '#000')
    .replace(/>\s+</g, '><')
    .trim();
  const children = parseShapes(body);
  const shapes =
    Object.keys(inherited).length > 0 ? [{ tag: 'g' as const, attributes: inherited, children }] : children;
  return { viewBox: attribute('viewBox') ?? '0 0 72 72', inherited, body, shapes };
}

/** The drawing placed in its square box, as SVG markup. */
export function placeDrawing({ drawing, x, y, size }: PlacedDrawing): string {
  const inherited = Object.entries(drawing.inherited)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  const group = inherited ? `<g ${inherited}>${drawing.body}</g>` : drawing.body;
  return `<svg x="${num(x)}" y="${num(y)}" width="${num(size)}" height="${num(size)}" viewBox="${drawing.viewBox}">${group}</svg>`;
}

/** The viewBox as numbers: x, y, width, height. */
export function viewBoxOf(drawing: Drawing): [number, number, number, number] {
  const [x = 0, y = 0, width = 72, height = 72] = drawing.viewBox.split(/[\s,]+/).map(Number);
  return [x, y, width || 72, height || 72];
}

export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
