// The sheet's shapes and drawings as PDF operators (pictograms.pdf draws them without an
// SVG reader): path data, SVG's painting defaults and inheritance, the drawing files.
import { describe, expect, it } from 'vitest';
import { readDrawing } from '../src/render/pictogram/drawing.js';
import { pathOperators } from '../src/render/pictogram/path-data.js';
import { loadDrawing, loadLexicon } from '../src/render/pictogram/resources.js';
import { parseShapes, shape, shapeMarkup } from '../src/render/pictogram/shape.js';
import { format, shapeOperators } from '../src/render/pictogram/shape-operators.js';

const ops = (d: string) => pathOperators(d, format).split('\n');
/** The end point of each curve or line, in order. */
const ends = (d: string) =>
  ops(d)
    .filter((op) => / [lc]$/.test(op))
    .map((op) => op.split(' ').slice(-3, -1).map(Number));

describe('path data', () => {
  it('makes relative commands absolute and repeats a command over its extra numbers (after M: lines)', () => {
    expect(ops('M10 10l5 0 0 5h-5z')).toEqual(['10 10 m', '15 10 l', '15 15 l', '10 15 l', 'h']);
    expect(ops('M1 2 3 4V8H0')).toEqual(['1 2 m', '3 4 l', '3 8 l', '0 8 l']);
    expect(ops('m1 1 2 2z m1 0 h1')).toEqual(['1 1 m', '3 3 l', 'h', '2 1 m', '3 1 l']);
  });

  it('reflects the control point for S and turns quadratic curves into cubic ones', () => {
    expect(ops('M0 0C0 10 10 10 10 0S20 -10 20 0')[2]).toBe('10 -10 20 -10 20 0 c');
    expect(ops('M0 0Q10 10 20 0')[1]).toBe('6.667 6.667 13.333 6.667 20 0 c');
    expect(ops('M0 0Q10 10 20 0T40 0')[2]).toBe('26.667 -6.667 33.333 -6.667 40 0 c');
  });

  it('draws an arc through the points of its circle, with flags written without spaces', () => {
    // From (0,0) to (10,0) around (5,0), sweeping through (5,-5) (y points down).
    expect(ends('M0 0A5 5 0 0 1 10 0')).toEqual([
      [5, -5],
      [10, 0],
    ]);
    expect(ends('M0 0A5 5 0 0 0 10 0')).toEqual([
      [5, 5],
      [10, 0],
    ]);
    expect(ops('M0 0a5 5 0 0110 0')).toEqual(ops('M0 0a5 5 0 0 1 10 0'));
    // The large arc of a circle through (0,0) and (5,5) (radius 5) goes the long way round.
    expect(ends('M0 0A5 5 0 1 1 5 5')).toHaveLength(3);
    // Radii too small are scaled up until the arc reaches its end.
    expect(ends('M0 0A1 1 0 0 1 10 0')).toEqual([
      [5, -5],
      [10, 0],
    ]);
  });

  it('refuses what it cannot read', () => {
    expect(() => ops('M0 0L5')).toThrow('missed param');
    expect(() => ops('M0 0X5 5')).toThrow('bad command X');
    expect(() => ops('L1 1')).toThrow('bad path data');
  });
});

describe('shapes', () => {
  it('reads a drawing into shapes and writes them back as the same markup', () => {
    const markup =
      '<g fill="#fff" stroke="#000"><rect x="1" y="2" width="3" height="4" rx="1"/><line x1="0" y1="0" x2="5" y2="5"/></g><path d="M0 0h1"/>';
    const shapes = parseShapes(`<title>Kartu</title>${markup}`);
    expect(shapes.map((node) => node.tag)).toEqual(['g', 'path']);
    expect(shapes[0]?.children?.map((node) => node.attributes)).toEqual([
      { x: '1', y: '2', width: '3', height: '4', rx: '1' },
      { x1: '0', y1: '0', x2: '5', y2: '5' },
    ]);
    expect(shapes.map(shapeMarkup).join('')).toBe(markup);
  });

  it('refuses markup it does not draw, instead of leaving it out', () => {
    expect(() => parseShapes('<text x="1">KTP</text>')).toThrow('unsupported <text>');
    expect(() => parseShapes('<g><path d="M0 0"/>')).toThrow('unclosed');
    expect(() => parseShapes('<g></path>')).toThrow('unbalanced');
    expect(() => shapeOperators([shape('rect', { width: '1', height: '1', opacity: '0.5' })])).toThrow(
      'unsupported attribute opacity',
    );
  });

  it("paints as SVG does: black fill and no stroke by default, a group's settings inherited", () => {
    expect(shapeOperators([shape('rect', { x: '1', y: '2', width: '3', height: '4' })])).toBe(
      '0 0 0 rg\n1 2 3 4 re\nf',
    );
    expect(shapeOperators([shape('circle', { cx: '0', cy: '0', r: '1', fill: 'none' })])).toMatch(/\nn$/);
    const group = {
      tag: 'g' as const,
      attributes: { fill: 'none', stroke: '#fff', 'stroke-width': '2', 'stroke-linecap': 'round' },
      children: [shape('line', { x1: '0', y1: '0', x2: '5', y2: '0', 'stroke-dasharray': '1.5' })],
    };
    expect(shapeOperators([group]).split('\n')).toEqual([
      '1 1 1 RG',
      '2 w',
      '1 J',
      '0 j',
      '4 M',
      '[1.5 1.5] 0 d',
      '0 0 m',
      '5 0 l',
      'S',
    ]);
    const moved = shapeOperators([shape('path', { d: 'M0 0h1', transform: 'translate(2 3) scale(4)' })]);
    expect(moved.split('\n').slice(0, 2)).toEqual(['q', '4 0 0 4 2 3 cm']);
    expect(moved.endsWith('\nQ')).toBe(true);
  });

  it('rounds the corners of a rectangle with arcs, each radius at most half its side', () => {
    const rounded = shapeOperators([shape('rect', { x: '0', y: '0', width: '10', height: '4', rx: '3' })]);
    // rx 3 and ry (missing: rx) clamped to 2: the first straight edge runs from x 3 to 7.
    expect(rounded.split('\n').slice(1, 3)).toEqual(['3 0 m', '7 0 l']);
    expect(rounded.split('\n').filter((op) => op.endsWith(' c'))).toHaveLength(4);
  });

  it('draws a circle or ellipse as four quarter curves through its extreme points, clockwise', () => {
    const outline = shapeOperators([shape('ellipse', { cx: '10', cy: '5', rx: '4', ry: '2' })]).split('\n');
    expect(outline[1]).toBe('14 5 m');
    const curves = outline.filter((op) => op.endsWith(' c'));
    expect(curves.map((op) => op.split(' ').slice(-3, -1).map(Number))).toEqual([
      [10, 7],
      [6, 5],
      [10, 3],
      [14, 5],
    ]);
    // A quarter of a circle of radius 4: control points 4 × 0.5523 from the ends (κ).
    const [first] = shapeOperators([shape('circle', { cx: '0', cy: '0', r: '4' })])
      .split('\n')
      .filter((op) => op.endsWith(' c'));
    expect(first?.split(' ').slice(0, 4).map(Number)).toEqual([4, 2.209, 2.209, 4]);
  });

  it('draws each quadratic curve as the cubic curve with the same points', () => {
    // A point of the quadratic at t = ½ is ¼ P0 + ½ Q + ¼ P3; the cubic's is ⅛ (P0 + 3 C1 + 3 C2 + P3).
    const [, curve] = ops('M0 0Q10 20 30 0');
    const [c1x = 0, c1y = 0, c2x = 0, c2y = 0, x = 0, y = 0] = curve?.split(' ').slice(0, 6).map(Number) ?? [];
    expect([x, y]).toEqual([30, 0]);
    expect((3 * c1x + 3 * c2x + x) / 8).toBeCloseTo(10 / 2 + 30 / 4, 2);
    expect((3 * c1y + 3 * c2y + y) / 8).toBeCloseTo(20 / 2, 2);
  });

  it('reads and draws every drawing of the lexicon', () => {
    const lexicon = loadLexicon();
    const arts = [...new Set(lexicon.concepts.map((concept) => concept.art))];
    expect(arts.length).toBeGreaterThan(40);
    for (const art of arts) {
      const drawing = loadDrawing(art, lexicon.openmojiStyle);
      const operators = shapeOperators(drawing.shapes);
      // Some outline, then paint (fill, stroke or both).
      expect(operators, art).toMatch(/ (re|c|l|m)\n(h\n)?(f|S|B)\*?(\n|$)/);
    }
  });

  it("keeps Tabler's stroke settings on the root as a group around the drawing", () => {
    const drawing = readDrawing(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M1 1h2"/></svg>',
    );
    expect(drawing.shapes).toEqual([
      {
        tag: 'g',
        attributes: { fill: 'none', stroke: '#000', 'stroke-width': '1.5' },
        children: [{ tag: 'path', attributes: { d: 'M1 1h2' }, children: [] }],
      },
    ]);
    expect(shapeOperators(drawing.shapes)).toBe('0 0 0 RG\n1.5 w\n0 J\n0 j\n4 M\n[] 0 d\n1 1 m\n3 1 l\nS');
  });
});
