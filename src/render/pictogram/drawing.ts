// A drawing file → markup that can be nested many times in one sheet: ids and
// titles dropped (they would repeat), Tabler's `currentColor` made black.
export interface Drawing {
  viewBox: string;
  /** Attributes of the root <svg> that its children inherit (Tabler's stroke settings). */
  inherited: string;
  body: string;
}

const INHERITED = ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin'];

export function readDrawing(source: string): Drawing {
  const root = /<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(source);
  if (!root) throw new Error('not an SVG drawing');
  const attributes = root[1] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];
  const inherited = INHERITED.flatMap((name) => {
    const value = attribute(name);
    if (value === undefined) return [];
    // Tabler's 2-unit strokes on a 24-unit grid look twice as heavy as OpenMoji's: thin them.
    if (name === 'stroke-width' && value === '2') return ['stroke-width="1.5"'];
    return [`${name}="${value === 'currentColor' ? '#000' : value}"`];
  }).join(' ');
  const body = (root[2] ?? '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/\s(id|class)="[^"]*"/g, '')
    .replace(/currentColor/g, '#000')
    .replace(/>\s+</g, '><')
    .trim();
  return { viewBox: attribute('viewBox') ?? '0 0 72 72', inherited, body };
}

/** The drawing placed in a square box. */
export function placeDrawing(drawing: Drawing, x: number, y: number, size: number): string {
  const group = drawing.inherited ? `<g ${drawing.inherited}>${drawing.body}</g>` : drawing.body;
  return `<svg x="${num(x)}" y="${num(y)}" width="${num(size)}" height="${num(size)}" viewBox="${drawing.viewBox}">${group}</svg>`;
}

export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
