// SVG path data → PDF path operators (m, l, c, h). svgpath (fontello) reads the data and
// makes it absolute, with S/T written out and arcs as cubic Béziers of at most 90°; only
// what PDF lacks is left here: H/V as lines, quadratic curves as cubic ones. pdfkit's own
// `doc.path()` is not used: it draws quadratic curves with the `v` operator, which is a
// different curve (pdfkit issue #550), and it writes into the page, not a drawing's form.
import svgpath from 'svgpath';

export type Format = (n: number) => string;

export function pathOperators(d: string, f: Format): string {
  const path = svgpath(d);
  // svgpath keeps what it read before an error and says why in `err` (not in its types).
  const { err } = path as unknown as { err: string };
  if (err) throw new Error(`bad path data "${d.slice(0, 40)}": ${err}`);
  const out: string[] = [];
  const point = (x: number, y: number) => `${f(x)} ${f(y)}`;
  // `x`, `y`: the current point before the segment.
  path
    .abs()
    .unshort()
    .unarc()
    .iterate((segment, _index, x, y) => {
      switch (segment[0]) {
        case 'M':
          out.push(`${point(segment[1], segment[2])} m`);
          break;
        case 'L':
          out.push(`${point(segment[1], segment[2])} l`);
          break;
        case 'H':
          out.push(`${point(segment[1], y)} l`);
          break;
        case 'V':
          out.push(`${point(x, segment[1])} l`);
          break;
        case 'C': {
          const [, x1, y1, x2, y2, x3, y3] = segment;
          out.push(`${point(x1, y1)} ${point(x2, y2)} ${point(x3, y3)} c`);
          break;
        }
        case 'Q': {
          // The cubic curve with the same shape: controls ⅔ of the way to the quadratic's.
          const [, qx, qy, ex, ey] = segment;
          const third = (from: number, to: number) => from + (2 / 3) * (to - from);
          out.push(`${point(third(x, qx), third(y, qy))} ${point(third(ex, qx), third(ey, qy))} ${point(ex, ey)} c`);
          break;
        }
        case 'Z':
        case 'z':
          out.push('h');
          break;
        default:
          // abs(), unshort() and unarc() leave none of the other commands.
          throw new Error(`unexpected path command ${segment[0]}`);
      }
    });
  return out.join('\n');
}
