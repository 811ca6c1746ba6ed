// SVG path data → PDF path operators (m, l, c, h): relative commands made absolute,
// H/V as lines, quadratic curves and elliptical arcs as cubic Béziers (as SVG 1.1's
// implementation notes F.6 describe), so a viewer draws the same outline as resvg.

export type Format = (n: number) => string;

const ARGUMENTS: Readonly<Record<string, number>> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

export function pathOperators(d: string, f: Format): string {
  const out: string[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  // The last control point, for S and T (reflected when the previous command was alike).
  let control: { x: number; y: number; kind: 'c' | 'q' } | undefined;
  const curve = (x1: number, y1: number, x2: number, y2: number, x3: number, y3: number) =>
    out.push(`${f(x1)} ${f(y1)} ${f(x2)} ${f(y2)} ${f(x3)} ${f(y3)} c`);
  const quadratic = (qx: number, qy: number, ex: number, ey: number) => {
    curve(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey), ex, ey);
    control = { x: qx, y: qy, kind: 'q' };
  };
  const reflected = (kind: 'c' | 'q') =>
    control?.kind === kind ? { x: 2 * x - control.x, y: 2 * y - control.y } : { x, y };

  for (const [command, args] of commands(d)) {
    const lower = command.toLowerCase();
    const relative = command === lower && lower !== 'z';
    const dx = relative ? x : 0;
    const dy = relative ? y : 0;
    const n = (i: number) => args[i] ?? 0;
    let nextControl: typeof control;
    switch (lower) {
      case 'm':
        x = n(0) + dx;
        y = n(1) + dy;
        startX = x;
        startY = y;
        out.push(`${f(x)} ${f(y)} m`);
        break;
      case 'l':
        x = n(0) + dx;
        y = n(1) + dy;
        out.push(`${f(x)} ${f(y)} l`);
        break;
      case 'h':
        x = n(0) + dx;
        out.push(`${f(x)} ${f(y)} l`);
        break;
      case 'v':
        y = n(0) + dy;
        out.push(`${f(x)} ${f(y)} l`);
        break;
      case 'c':
        curve(n(0) + dx, n(1) + dy, n(2) + dx, n(3) + dy, n(4) + dx, n(5) + dy);
        nextControl = { x: n(2) + dx, y: n(3) + dy, kind: 'c' };
        x = n(4) + dx;
        y = n(5) + dy;
        break;
      case 's': {
        const first = reflected('c');
        curve(first.x, first.y, n(0) + dx, n(1) + dy, n(2) + dx, n(3) + dy);
        nextControl = { x: n(0) + dx, y: n(1) + dy, kind: 'c' };
        x = n(2) + dx;
        y = n(3) + dy;
        break;
      }
      case 'q':
        quadratic(n(0) + dx, n(1) + dy, n(2) + dx, n(3) + dy);
        nextControl = control;
        x = n(2) + dx;
        y = n(3) + dy;
        break;
      case 't': {
        const q = reflected('q');
        quadratic(q.x, q.y, n(0) + dx, n(1) + dy);
        nextControl = control;
        x = n(0) + dx;
        y = n(1) + dy;
        break;
      }
      case 'a': {
        const ex = n(5) + dx;
        const ey = n(6) + dy;
        for (const c of arcCurves(x, y, n(0), n(1), n(2), n(3) !== 0, n(4) !== 0, ex, ey)) curve(...c);
        x = ex;
        y = ey;
        break;
      }
      case 'z':
        out.push('h');
        x = startX;
        y = startY;
        break;
    }
    control = nextControl;
  }
  return out.join('\n');
}

/** The path's commands with their arguments; a command's arguments may repeat it (after M: L). */
function* commands(d: string): Generator<[string, number[]]> {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  let i = 0;
  while (i < tokens.length) {
    const command = tokens[i++] ?? '';
    const count = ARGUMENTS[command.toLowerCase()];
    if (count === undefined) throw new Error(`bad path data near "${command}"`);
    if (count === 0) {
      yield [command, []];
      continue;
    }
    let repeat = command;
    do {
      const args: number[] = [];
      for (let k = 0; k < count; k++) {
        const token = tokens[i];
        if (token === undefined || /[a-zA-Z]/.test(token))
          throw new Error(`path data: ${command} needs ${count} numbers`);
        // An arc's flags may stand without a separator ("a2 2 0 011 1").
        if (command.toLowerCase() === 'a' && (k === 3 || k === 4) && /^[01]\d/.test(token)) {
          args.push(Number(token[0]));
          tokens[i] = token.slice(1);
          continue;
        }
        args.push(Number(token));
        i++;
      }
      yield [repeat, args];
      if (repeat === 'M') repeat = 'L';
      if (repeat === 'm') repeat = 'l';
    } while (i < tokens.length && !/[a-zA-Z]/.test(tokens[i] ?? ''));
  }
}

type Cubic = [number, number, number, number, number, number];

/** An elliptical arc from (x1, y1) to (x2, y2) as cubic Béziers of at most 90° each. */
export function arcCurves(
  x1: number,
  y1: number,
  rxIn: number,
  ryIn: number,
  angle: number,
  large: boolean,
  sweep: boolean,
  x2: number,
  y2: number,
): Cubic[] {
  if (x1 === x2 && y1 === y2) return [];
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0) return [[x1, y1, x2, y2, x2, y2]];
  const phi = (angle * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const hx = (x1 - x2) / 2;
  const hy = (y1 - y2) / 2;
  const px = cos * hx + sin * hy;
  const py = -sin * hx + cos * hy;
  const lambda = (px * px) / (rx * rx) + (py * py) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const numerator = rx * rx * ry * ry - rx * rx * py * py - ry * ry * px * px;
  const root = Math.sqrt(Math.max(0, numerator / (rx * rx * py * py + ry * ry * px * px)));
  const sign = large === sweep ? -1 : 1;
  const cxp = (sign * root * rx * py) / ry;
  const cyp = (-sign * root * ry * px) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const vectorAngle = (ux: number, uy: number, vx: number, vy: number) =>
    Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const start = vectorAngle(1, 0, (px - cxp) / rx, (py - cyp) / ry);
  let delta = vectorAngle((px - cxp) / rx, (py - cyp) / ry, (-px - cxp) / rx, (-py - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const segments = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
  const step = delta / segments;
  const k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number) => {
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    return { x: cx + cos * ex - sin * ey, y: cy + sin * ex + cos * ey };
  };
  const tangent = (t: number) => {
    const ex = -rx * Math.sin(t);
    const ey = ry * Math.cos(t);
    return { x: cos * ex - sin * ey, y: sin * ex + cos * ey };
  };
  const curves: Cubic[] = [];
  for (let i = 0; i < segments; i++) {
    const a = start + i * step;
    const b = a + step;
    const p0 = point(a);
    const p3 = i === segments - 1 ? { x: x2, y: y2 } : point(b);
    const d0 = tangent(a);
    const d3 = tangent(b);
    curves.push([p0.x + k * d0.x, p0.y + k * d0.y, p3.x - k * d3.x, p3.y - k * d3.y, p3.x, p3.y]);
  }
  return curves;
}
