// Outline blocks → tagged text on pages: paragraphs, sub-headings, lists (L/LI/Lbl/LBody),
// tables (Table/TR/TH/TD), quotes (BlockQuote) and preformatted lines. One handler per
// block type: a type without a handler does not compile.
import { type BlockHandlers, renderBlock } from '../../outline/handlers.js';
import type { Block, Inline, List } from '../../outline/types.js';
import { inlineRuns, lineRuns, type Run } from './inline.js';
import type { Pen, Tag, TextStyle } from './pen.js';

/** Where blocks go: the pen, their parent element and the column they fill. */
export interface Flow {
  pen: Pen;
  parent: Tag;
  x: number;
  width: number;
  /** How many lists this flow is inside (sub-lists get a dash). */
  depth: number;
  /** Draws what follows the current block, for a heading that must stay with it. */
  next: (pen: Pen) => void;
}

/** One entry of a printed list: an outline list item or a footnote. */
export interface Entry {
  /** The outline node the entry stands for: its measured height is remembered by it. */
  node: object;
  content: readonly Inline[];
  blocks: readonly Block[];
}

export function bodyStyle(pen: Pen, scale = 1): TextStyle {
  const size = pen.theme.body * scale;
  return { size, lineHeight: size * pen.theme.lineHeight, color: pen.colors.text };
}

export function smallStyle(pen: Pen): TextStyle {
  const size = pen.theme.small;
  return { size, lineHeight: size * 1.35, color: pen.colors.muted };
}

/** Runs of rich text with this edition's footnote marks. */
export function runs(pen: Pen, nodes: readonly Inline[]): Run[] {
  return inlineRuns(nodes, pen.theme.noteMarks);
}

/** A paragraph; never leaves a single line alone at a page's foot. */
export function paragraph(pen: Pen, parent: Tag, text: Run[], style = bodyStyle(pen), x = pen.left, width = pen.width) {
  const lines = pen.lines(text, style, width);
  pen.keepTogether(lines.length <= 3 ? lines.length * style.lineHeight : 2 * style.lineHeight, 2 * style.lineHeight);
  pen.flowLines(pen.tag(parent, 'P'), lines, style, x);
}

/**
 * A heading (H1 title, H2 section, H3… sub-headings), kept on the page with at least two
 * lines of what follows it.
 */
export function heading(
  pen: Pen,
  parent: Tag,
  level: number,
  text: Run[],
  next: (pen: Pen) => void,
  outline?: string,
  x = pen.left,
  width = pen.width,
): void {
  const size = level === 1 ? pen.theme.heading1 : level === 2 ? pen.theme.heading2 : pen.theme.heading3;
  const style: TextStyle = { size, lineHeight: size * 1.25, color: pen.colors.accent, strong: true };
  pen.space(level === 1 ? 0 : size * 0.9);
  const lines = pen.lines(text, style, width);
  const after = size * 0.35;
  // Never alone at a page's foot: keep with what its next content keeps together.
  const need = Math.min(pen.firstNeed(next), pen.pageHeight / 2);
  pen.ensure(lines.length * style.lineHeight + after + Math.max(need, bodyStyle(pen).lineHeight));
  if (outline && pen.doc) pen.doc.outline.addItem(outline);
  pen.flowLines(pen.tag(parent, `H${Math.min(level, 6)}`), lines, style, x);
  pen.space(after);
}

/** Blocks one under another, with a gap between them. */
export function blocks(flow: Omit<Flow, 'next'>, nodes: readonly Block[]): void {
  const gap = bodyStyle(flow.pen).size * 0.6;
  nodes.forEach((node, index) => {
    if (index > 0) flow.pen.space(gap);
    const next = (dry: Pen) => blocks({ ...flow, pen: dry, parent: undefined }, nodes.slice(index + 1));
    renderBlock(node, handlers, { ...flow, next });
  });
}

const handlers: BlockHandlers<void, Flow> = {
  paragraph: (node, { pen, parent, x, width }) =>
    paragraph(pen, parent, runs(pen, node.children), bodyStyle(pen), x, width),
  subheading: (node, { pen, parent, x, width, next }) =>
    heading(pen, parent, node.level + 2, runs(pen, node.content), next, undefined, x, width),
  list: (node, flow) => list(flow, entriesOf(node), labelsOf(node, flow.depth), node.ordered),
  table: (node, flow) => table(flow, node),
  quote: (node, flow) => {
    const { pen, x, width } = flow;
    const indent = bodyStyle(pen).size;
    const top = pen.y;
    blocks(
      { ...flow, parent: pen.tag(flow.parent, 'BlockQuote'), x: x + indent, width: width - indent },
      node.children,
    );
    if (pen.y > top) pen.artifact((doc) => doc.rect(x, top, 2, pen.y - top).fill(pen.colors.rule));
  },
  preformatted: (node, { pen, parent, x, width }) =>
    paragraph(pen, parent, lineRuns(node.lines, node.position), bodyStyle(pen), x, width),
};

function entriesOf(node: List): Entry[] {
  return node.items.map((item) => ({ node: item, content: item.content, blocks: item.blocks }));
}

/** The writer's numbers (from the list's start) or bullets: a dot, a dash in sub-lists. */
function labelsOf(node: List, depth: number): string[] {
  return node.items.map((_, index) => (node.ordered ? `${node.start + index}.` : depth === 0 ? '•' : '–'));
}

/** A list: each item kept on one page when it fits; the label sits on the item's first line. */
export function list(
  flow: Omit<Flow, 'next'>,
  entries: readonly Entry[],
  labels: readonly string[],
  ordered: boolean,
): void {
  const { pen, x, width, depth } = flow;
  const style = bodyStyle(pen);
  const labelStyle = { ...style, color: pen.colors.accent };
  const labelWidth = Math.max(
    style.size * 1.3,
    ...labels.map((label) => (pen.lines(labelRuns(label, ordered), style)[0]?.width ?? 0) + style.size * 0.6),
  );
  const element = pen.tag(flow.parent, 'L');
  if (element) {
    (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
      O: 'List',
      ListNumbering: ordered ? 'Decimal' : 'Disc',
    };
  }
  const bodyX = x + labelWidth;
  const bodyWidth = width - labelWidth;
  entries.forEach((entry, index) => {
    if (index > 0) pen.space(style.size * 0.35);
    // A short item stays whole; a long one keeps its own text together and may break
    // between its sub-points, so no page ends half empty. Both heights are measured once
    // per item and width (a nested list would otherwise be measured again at every level).
    const key = `${bodyWidth} ${depth}`;
    const height = pen.measure(
      (dry) => itemBody({ pen: dry, parent: undefined, x: dry.left, width: bodyWidth, depth }, entry),
      entry.node,
      `body ${key}`,
    );
    const own = pen.measure((dry) => ownText(dry, entry, bodyWidth), entry.node, `own ${key}`);
    const rest = height > own ? 2 * style.lineHeight : 0;
    pen.keepTogether(height <= pen.pageHeight / 4 ? height : own + rest, 2 * style.lineHeight);
    const item = pen.tag(element, 'LI');
    const top = pen.y;
    const labelLines = pen.lines(labelRuns(labels[index] ?? '', ordered), labelStyle);
    pen.drawLines(pen.tag(item, 'Lbl'), labelLines, labelStyle, x, () => top);
    itemBody({ pen, parent: pen.tag(item, 'LBody'), x: bodyX, width: bodyWidth, depth }, entry);
  });
}

function labelRuns(label: string, strong: boolean): Run[] {
  return [{ text: label, strong, emphasis: false, strike: false }];
}

function ownText(pen: Pen, entry: Entry, width: number): void {
  const style = bodyStyle(pen);
  if (entry.content.length > 0) pen.flowLines(undefined, pen.lines(runs(pen, entry.content), style, width), style);
}

function itemBody(flow: Omit<Flow, 'next'>, entry: Entry): void {
  const { pen, parent, x, width } = flow;
  const style = bodyStyle(pen);
  if (entry.content.length > 0) pen.flowLines(parent, pen.lines(runs(pen, entry.content), style, width), style, x);
  if (entry.blocks.length > 0) {
    if (entry.content.length > 0) pen.space(style.size * 0.4);
    blocks({ ...flow, depth: flow.depth + 1 }, entry.blocks);
  }
}

/** A table: header row tagged TH (column scope), rows never split across pages. */
function table(flow: Flow, node: Extract<Block, { type: 'table' }>): void {
  const { pen, x, width } = flow;
  const style = bodyStyle(pen, pen.theme.tableScale);
  const pad = style.size * 0.45;
  const rows = [node.header, ...node.rows].filter((row) => row.length > 0);
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const cellRuns = rows.map((row) => row.map((cell) => runs(pen, cell.content)));
  const hasHeader = node.header.length > 0;
  // As HTML tables lay out: each column at least its longest word (so no word is cut); when
  // every text fits on one line, columns share the width in proportion to their texts;
  // otherwise the width left after the words goes to the columns with longer texts.
  const widest = (column: number, measure: (runs: Run[], strong: boolean) => number) =>
    Math.max(
      style.size * 2,
      ...cellRuns.map((row, rowIndex) => (row[column] ? measure(row[column], hasHeader && rowIndex === 0) : 0)),
    ) +
    2 * pad +
    1; // breaking measures without kerning: a point of slack
  const oneLine = (text: Run[], strong: boolean) => pen.lines(text, { ...style, strong }, 1e6)[0]?.width ?? 0;
  const longestWord = (text: Run[], strong: boolean) =>
    Math.max(
      0,
      ...text
        .flatMap((part) => part.text.split(/\s+/))
        .map((word) => oneLine([{ text: word, strong, emphasis: false, strike: false }], strong)),
    );
  const minimum = Array.from({ length: columns }, (_, column) => widest(column, longestWord));
  const natural = Array.from({ length: columns }, (_, column) => widest(column, oneLine));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const [least, most] = [sum(minimum), sum(natural)];
  const widths =
    most <= width
      ? natural.map((value) => (value * width) / most)
      : least < width
        ? minimum.map((value, column) => value + (((natural[column] ?? 0) - value) * (width - least)) / (most - least))
        : minimum.map((value) => (value * width) / least);
  const lefts = widths.map((_, column) => x + widths.slice(0, column).reduce((sum, value) => sum + value, 0));

  const element = pen.tag(flow.parent, 'Table');
  let headerRow: { lines: ReturnType<Pen['lines']>[]; height: number } | undefined;
  const laid = cellRuns.map((row, rowIndex) => {
    const cellStyle = { ...style, strong: hasHeader && rowIndex === 0 };
    const cellLines = Array.from({ length: columns }, (_, column) =>
      pen.lines(row[column] ?? [], cellStyle, (widths[column] ?? 0) - 2 * pad),
    );
    return { cellLines, height: Math.max(...cellLines.map((lines) => lines.length * style.lineHeight)) + 2 * pad };
  });
  laid.forEach(({ cellLines, height }, rowIndex) => {
    const header = hasHeader && rowIndex === 0;
    const cellStyle = { ...style, strong: header };
    const page = pen.page;
    // The header row never stays alone at a page's foot: it goes with the first row.
    pen.ensure(header ? height + (laid[1]?.height ?? 0) : height);
    if (!header && pen.page !== page && headerRow) {
      // The header row again at the top of the new page, as a running artifact.
      const repeat = headerRow;
      const top = pen.y;
      pen.artifact((doc) => {
        doc.rect(x, top, width, repeat.height).fill(pen.colors.band);
        repeat.lines.forEach((lines, column) => {
          pen.drawLines(
            undefined,
            lines,
            { ...style, strong: true },
            (lefts[column] ?? x) + pad,
            (index) => top + pad + index * style.lineHeight,
          );
        });
        doc.lineWidth(0.75).strokeColor(pen.colors.muted);
        for (const [column, left] of lefts.entries()) doc.rect(left, top, widths[column] ?? 0, repeat.height).stroke();
      }, 'Pagination');
      pen.y = top + repeat.height;
    }
    const top = pen.y;
    if (header) headerRow = { lines: cellLines, height };
    if (header) pen.artifact((doc) => doc.rect(x, top, width, height).fill(pen.colors.band));
    const rowTag = pen.tag(element, 'TR');
    cellLines.forEach((lines, column) => {
      const cell = pen.tag(rowTag, header ? 'TH' : 'TD', header ? { scope: 'Column' } : {});
      pen.drawLines(
        cell,
        lines,
        cellStyle,
        (lefts[column] ?? x) + pad,
        (index) => top + pad + index * style.lineHeight,
        { width: (widths[column] ?? 0) - 2 * pad, mode: node.align[column] ?? 'left' },
      );
    });
    pen.artifact((doc) => {
      doc.lineWidth(0.75).strokeColor(pen.colors.muted);
      for (const [column, left] of lefts.entries()) doc.rect(left, top, widths[column] ?? 0, height).stroke();
    });
    pen.y = top + height;
  });
}
