// Shapes → PDF content-stream operators, with SVG's painting rules: fill black and no
// stroke unless set, painting properties inherited from groups, fill before stroke, a
// stroke 1 unit wide with butt caps, miter joins and a miter limit of 4.
import { type Format, pathOperators } from './path-data.js';
import type { Shape } from './shape.js';

interface Style {
  fill: string;
  stroke: string;
  'fill-rule': string;
  'stroke-width': string;
  'stroke-linecap': string;
  'stroke-linejoin': string;
  'stroke-miterlimit': string;
  'stroke-dasharray': string;
  'stroke-dashoffset': string;
}

const INITIAL: Style = {
  fill: '#000',
  stroke: 'none',
  'fill-rule': 'nonzero',
  'stroke-width': '1',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'stroke-miterlimit': '4',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0',
};

/** Attributes that say where a shape is, by element. */
const GEOMETRY: Readonly<Record<Shape['tag'], readonly string[]>> = {
  g: [],
  path: ['d'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
  circle: ['cx', 'cy', 'r'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  line: ['x1', 'y1', 'x2', 'y2'],
  polyline: ['points'],
  polygon: ['points'],
};

/** Three decimals: a thousandth of a drawing unit or millimetre is far below a printer dot. */
export const format: Format = (n) => {
  const rounded = Math.round(n * 1000) / 1000;
  return String(rounded === 0 ? 0 : rounded);
};

export function shapeOperators(shapes: readonly Shape[], inherited: Style = INITIAL): string {
  return shapes.map((node) => oneShape(node, inherited)).join('\n');
}

function oneShape(node: Shape, inherited: Style): string {
  const style: Style = { ...inherited };
  for (const [name, value] of Object.entries(node.attributes)) {
    if (name in INITIAL) style[name as keyof Style] = value;
    else if (name !== 'transform' && !GEOMETRY[node.tag].includes(name)) {
      throw new Error(`unsupported attribute ${name} on <${node.tag}> in a drawing`);
    }
  }
  const body = node.tag === 'g' ? shapeOperators(node.children ?? [], style) : paint(node, style);
  const transform = node.attributes.transform;
  return transform ? `q\n${transformOperator(transform)}\n${body}\nQ` : body;
}

function paint(node: Shape, style: Style): string {
  const path = outline(node);
  const fill = node.tag === 'line' ? undefined : color(style.fill);
  const width = Number(style['stroke-width']);
  const stroke = width > 0 ? color(style.stroke) : undefined;
  const operators: string[] = [];
  if (fill) operators.push(`${fill} rg`);
  if (stroke) operators.push(`${stroke} RG`, ...strokeOperators(style, width));
  operators.push(path);
  const evenOdd = style['fill-rule'] === 'evenodd' ? '*' : '';
  operators.push(fill && stroke ? `B${evenOdd}` : fill ? `f${evenOdd}` : stroke ? 'S' : 'n');
  return operators.join('\n');
}

function strokeOperators(style: Style, width: number): string[] {
  const caps: Record<string, number> = { butt: 0, round: 1, square: 2 };
  const joins: Record<string, number> = { miter: 0, round: 1, bevel: 2 };
  const cap = caps[style['stroke-linecap']];
  const join = joins[style['stroke-linejoin']];
  if (cap === undefined || join === undefined) throw new Error('unsupported line cap or join in a drawing');
  const dashes = style['stroke-dasharray'] === 'none' ? [] : numbers(style['stroke-dasharray']);
  // An odd list of dashes is repeated to make it even (SVG).
  const pattern = dashes.length % 2 === 1 ? [...dashes, ...dashes] : dashes;
  return [
    `${format(width)} w`,
    `${cap} J`,
    `${join} j`,
    `${format(Number(style['stroke-miterlimit']))} M`,
    `[${pattern.map(format).join(' ')}] ${format(Number(style['stroke-dashoffset']))} d`,
  ];
}

/** The shape's outline as path operators. */
function outline(node: Shape): string {
  const a = node.attributes;
  const n = (name: string) => Number(a[name] ?? 0);
  switch (node.tag) {
    case 'path':
      return pathOperators(a.d ?? '', format);
    case 'rect':
      return rectangle(n('x'), n('y'), n('width'), n('height'), a.rx, a.ry);
    case 'circle':
      return ellipse(n('cx'), n('cy'), n('r'), n('r'));
    case 'ellipse':
      return ellipse(n('cx'), n('cy'), n('rx'), n('ry'));
    case 'line':
      return `${format(n('x1'))} ${format(n('y1'))} m\n${format(n('x2'))} ${format(n('y2'))} l`;
    case 'polyline':
    case 'polygon': {
      const values = numbers(a.points ?? '');
      const points: string[] = [];
      for (let i = 0; i + 1 < values.length; i += 2) {
        points.push(`${format(values[i] ?? 0)} ${format(values[i + 1] ?? 0)} ${i === 0 ? 'm' : 'l'}`);
      }
      if (node.tag === 'polygon') points.push('h');
      return points.join('\n');
    }
    case 'g':
      return '';
  }
}

function rectangle(x: number, y: number, width: number, height: number, rxText?: string, ryText?: string): string {
  // A missing radius takes the other's value; each at most half the side (SVG).
  const rx = Math.min(Number(rxText ?? ryText ?? 0), width / 2);
  const ry = Math.min(Number(ryText ?? rxText ?? 0), height / 2);
  if (rx <= 0 || ry <= 0) return `${format(x)} ${format(y)} ${format(width)} ${format(height)} re`;
  const d =
    `M${x + rx} ${y}H${x + width - rx}A${rx} ${ry} 0 0 1 ${x + width} ${y + ry}V${y + height - ry}` +
    `A${rx} ${ry} 0 0 1 ${x + width - rx} ${y + height}H${x + rx}A${rx} ${ry} 0 0 1 ${x} ${y + height - ry}` +
    `V${y + ry}A${rx} ${ry} 0 0 1 ${x + rx} ${y}Z`;
  return pathOperators(d, format);
}

function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  // Four quarter arcs from the rightmost point, clockwise (y down), as SVG draws an ellipse.
  const quarter = (x: number, y: number) => `A${rx} ${ry} 0 0 1 ${x} ${y}`;
  const d = `M${cx + rx} ${cy}${quarter(cx, cy + ry)}${quarter(cx - rx, cy)}${quarter(cx, cy - ry)}${quarter(cx + rx, cy)}Z`;
  return pathOperators(d, format);
}

/** `#rgb`, `#rrggbb`, black or white as PDF colour components; `none`: no paint. */
function color(value: string): string | undefined {
  if (value === 'none') return undefined;
  const named: Record<string, string> = { black: '#000000', white: '#ffffff' };
  let hex = (named[value.toLowerCase()] ?? value).replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((digit) => digit + digit).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) throw new Error(`unsupported colour "${value}" in a drawing`);
  return [0, 2, 4].map((i) => format(Number.parseInt(hex.slice(i, i + 2), 16) / 255)).join(' ');
}

/** An SVG transform list as one `cm` operator. */
export function transformOperator(list: string): string {
  let matrix = [1, 0, 0, 1, 0, 0];
  for (const [, name = '', args = ''] of list.matchAll(/([a-z]+)\s*\(([^)]*)\)/gi)) {
    const v = numbers(args);
    const [p = 0, q = 0, r = 0] = v;
    let next: number[];
    if (name === 'matrix' && v.length === 6) next = v;
    else if (name === 'translate') next = [1, 0, 0, 1, p, q];
    else if (name === 'scale') next = [p, 0, 0, v.length > 1 ? q : p, 0, 0];
    else if (name === 'rotate') {
      const angle = (p * Math.PI) / 180;
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      next = [cos, sin, -sin, cos, q - cos * q + sin * r, r - sin * q - cos * r];
    } else throw new Error(`unsupported transform "${name}" in a drawing`);
    matrix = multiply(matrix, next);
  }
  return `${matrix.map((n) => String(Math.round(n * 1e5) / 1e5 || 0)).join(' ')} cm`;
}

/** The transform `a` followed by `b` (b applied first to a point, as SVG lists them). */
function multiply(a: number[], b: number[]): number[] {
  const [a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0] = a;
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0] = b;
  return [
    a0 * b0 + a2 * b1,
    a1 * b0 + a3 * b1,
    a0 * b2 + a2 * b3,
    a1 * b2 + a3 * b3,
    a0 * b4 + a2 * b5 + a4,
    a1 * b4 + a3 * b5 + a5,
  ];
}

function numbers(text: string): number[] {
  return (text.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? []).map(Number);
}
