// Rich text blocks (mdast) → tagged text on pages: paragraphs, headings, lists
// (L/LI/Lbl/LBody), GFM tables (Table/TR/TH/TD), quotes and rules.
import type { List, PhrasingContent, RootContent, Table } from 'mdast';
import type { Position } from 'unist';
import type { Item } from '../../model/types.js';
import { phrasingRuns, plainRuns, type Run } from './inline.js';
import type { Pen, Tag, TextStyle } from './pen.js';

/** One list item, from the model (requirements, steps) or from Markdown lists. */
export interface ListEntry {
  content?: PhrasingContent[];
  blocks: RootContent[];
  subItems: ListEntry[];
  position?: Position;
}

export function bodyStyle(pen: Pen, scale = 1): TextStyle {
  const size = pen.theme.body * scale;
  return { size, lineHeight: size * pen.theme.lineHeight, color: pen.colors.text };
}

export function smallStyle(pen: Pen): TextStyle {
  const size = pen.theme.small;
  return { size, lineHeight: size * 1.35, color: pen.colors.muted };
}

/** A paragraph; never leaves a single line alone at a page's foot. */
export function paragraph(pen: Pen, parent: Tag, runs: Run[], style = bodyStyle(pen), x = pen.left, width = pen.width) {
  const lines = pen.lines(runs, style, width);
  pen.keepTogether(lines.length <= 3 ? lines.length * style.lineHeight : 2 * style.lineHeight, 2 * style.lineHeight);
  pen.flowLines(pen.tag(parent, 'P'), lines, style, x);
}

/** A heading, kept on the page with at least two lines of what follows it. */
export function heading(
  pen: Pen,
  parent: Tag,
  level: 1 | 2 | 3,
  runs: Run[],
  next: (pen: Pen) => void,
  outline?: string,
): void {
  const size = level === 1 ? pen.theme.heading1 : level === 2 ? pen.theme.heading2 : pen.theme.heading3;
  const style: TextStyle = { size, lineHeight: size * 1.25, color: pen.colors.accent, strong: true };
  pen.space(level === 1 ? 0 : size * 0.9);
  const lines = pen.lines(runs, style);
  const after = size * 0.35;
  // Never alone at a page's foot: keep with what its next content keeps together.
  const need = Math.min(pen.firstNeed(next), pen.pageHeight / 2);
  pen.ensure(lines.length * style.lineHeight + after + Math.max(need, bodyStyle(pen).lineHeight));
  if (outline && pen.doc) pen.doc.outline.addItem(outline);
  pen.flowLines(pen.tag(parent, `H${level}`), lines, style);
  pen.space(after);
}

export function blocks(pen: Pen, parent: Tag, nodes: readonly RootContent[], x = pen.left, width = pen.width): void {
  const gap = bodyStyle(pen).size * 0.6;
  nodes.forEach((node, index) => {
    if (index > 0) pen.space(gap);
    block(pen, parent, node, x, width, (dry) => blocks(dry, undefined, nodes.slice(index + 1), x, width));
  });
}

function block(pen: Pen, parent: Tag, node: RootContent, x: number, width: number, next: (pen: Pen) => void): void {
  switch (node.type) {
    case 'paragraph':
      paragraph(pen, parent, phrasingRuns(node.children), bodyStyle(pen), x, width);
      return;
    case 'heading':
      heading(pen, parent, 3, phrasingRuns(node.children), next);
      return;
    case 'list':
      list(pen, parent, listEntries(node), node.ordered === true, node.start ?? 1, x, width, 0);
      return;
    case 'table':
      table(pen, parent, node, x, width);
      return;
    case 'blockquote': {
      const indent = bodyStyle(pen).size;
      const quote = pen.tag(parent, 'BlockQuote');
      const top = pen.y;
      blocks(pen, quote, node.children, x + indent, width - indent);
      if (pen.y > top) pen.artifact((doc) => doc.rect(x, top, 2, pen.y - top).fill(pen.colors.rule));
      return;
    }
    case 'code':
      paragraph(pen, parent, plainRuns(node.value, false, node.position), bodyStyle(pen), x, width);
      return;
    case 'thematicBreak': {
      const top = pen.take(bodyStyle(pen).lineHeight);
      pen.artifact((doc) => doc.rect(x, top + bodyStyle(pen).lineHeight / 2, width, 0.75).fill(pen.colors.rule));
      return;
    }
    case 'definition':
      return; // link definitions are resolved into their links by the model
    default:
      pen.warn(
        `This part (${node.type}) cannot be printed in the PDF editions and is left out there.`,
        node.position,
        'pdf-block-skipped',
      );
  }
}

/** Model items (requirements, steps) as list entries. */
export function itemEntries(items: readonly Item[]): ListEntry[] {
  return items.map((item) => ({
    content: item.content,
    blocks: item.details,
    subItems: itemEntries(item.subItems),
    position: item.position,
  }));
}

function listEntries(node: List): ListEntry[] {
  return node.children.map((item) => {
    const [first, ...rest] = item.children;
    return first?.type === 'paragraph'
      ? { content: first.children, blocks: rest, subItems: [], position: item.position }
      : { blocks: item.children, subItems: [], position: item.position };
  });
}

/** A list: each item kept on one page when it fits; the label sits on the item's first line. */
export function list(
  pen: Pen,
  parent: Tag,
  entries: readonly ListEntry[],
  ordered: boolean,
  start: number,
  x = pen.left,
  width = pen.width,
  depth = 0,
): void {
  const style = bodyStyle(pen);
  const labels = entries.map((_, index) => (ordered ? `${start + index}.` : depth === 0 ? '•' : '–'));
  const labelWidth = Math.max(
    style.size * 1.3,
    ...labels.map((label) => (pen.lines(plainRuns(label, ordered), style)[0]?.width ?? 0) + style.size * 0.6),
  );
  const element = pen.tag(parent, 'L');
  if (element) {
    (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
      O: 'List',
      ListNumbering: ordered ? 'Decimal' : 'Disc',
    };
  }
  entries.forEach((entry, index) => {
    if (index > 0) pen.space(style.size * 0.35);
    const bodyX = x + labelWidth;
    const bodyWidth = width - labelWidth;
    // A short item stays whole; a long one keeps its own text together and may break
    // between its sub-points, so no page ends half empty.
    const height = pen.measure((dry) => itemBody(dry, undefined, entry, dry.left + labelWidth, bodyWidth, depth));
    const own = pen.measure((dry) => ownText(dry, entry, bodyWidth));
    const rest = height > own ? 2 * style.lineHeight : 0;
    pen.keepTogether(height <= pen.pageHeight / 4 ? height : own + rest, 2 * style.lineHeight);
    const item = pen.tag(element, 'LI');
    const top = pen.y;
    const labelLines = pen.lines(plainRuns(labels[index] ?? '', ordered), { ...style, color: pen.colors.accent });
    pen.drawLines(pen.tag(item, 'Lbl'), labelLines, { ...style, color: pen.colors.accent }, x, () => top);
    itemBody(pen, pen.tag(item, 'LBody'), entry, bodyX, bodyWidth, depth);
  });
}

function ownText(pen: Pen, entry: ListEntry, width: number): void {
  const style = bodyStyle(pen);
  if (entry.content) pen.flowLines(undefined, pen.lines(phrasingRuns(entry.content), style, width), style);
}

function itemBody(pen: Pen, body: Tag, entry: ListEntry, x: number, width: number, depth: number): void {
  const style = bodyStyle(pen);
  if (entry.content) pen.flowLines(body, pen.lines(phrasingRuns(entry.content), style, width), style, x);
  if (entry.blocks.length > 0) {
    if (entry.content) pen.space(style.size * 0.4);
    blocks(pen, body, entry.blocks, x, width);
  }
  if (entry.subItems.length > 0) {
    pen.space(style.size * 0.3);
    list(pen, body, entry.subItems, false, 1, x, width, depth + 1);
  }
}

/** A GFM table: header row tagged TH (column scope), rows never split across pages. */
function table(pen: Pen, parent: Tag, node: Table, x: number, width: number): void {
  const style = bodyStyle(pen, pen.theme.tableScale);
  const pad = style.size * 0.45;
  const columns = Math.max(...node.children.map((row) => row.children.length));
  const cellRuns = node.children.map((row) => row.children.map((cell) => phrasingRuns(cell.children)));
  // Columns share the width in proportion to their longest text, none narrower than a sixth.
  const natural = Array.from({ length: columns }, (_, column) =>
    Math.max(
      style.size * 3,
      ...cellRuns.map((row, rowIndex) =>
        row[column] ? (pen.lines(row[column], { ...style, strong: rowIndex === 0 }, 1e6)[0]?.width ?? 0) : 0,
      ),
    ),
  );
  const floor = width / columns / 2;
  const total = natural.reduce((sum, value) => sum + value, 0);
  const shares = natural.map((value) => Math.max(floor, (value / total) * width));
  const scale = width / shares.reduce((sum, value) => sum + value, 0);
  const widths = shares.map((value) => value * scale);
  const lefts = widths.map((_, column) => x + widths.slice(0, column).reduce((sum, value) => sum + value, 0));

  const element = pen.tag(parent, 'Table');
  let headerRow: { lines: ReturnType<Pen['lines']>[]; height: number } | undefined;
  cellRuns.forEach((row, rowIndex) => {
    const header = rowIndex === 0;
    const cellStyle = { ...style, strong: header };
    const cellLines = Array.from({ length: columns }, (_, column) =>
      pen.lines(row[column] ?? [], cellStyle, (widths[column] ?? 0) - 2 * pad),
    );
    const height = Math.max(...cellLines.map((lines) => lines.length * style.lineHeight)) + 2 * pad;
    const page = pen.page;
    pen.ensure(height);
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
        { width: (widths[column] ?? 0) - 2 * pad, mode: node.align?.[column] ?? 'left' },
      );
    });
    pen.artifact((doc) => {
      doc.lineWidth(0.75).strokeColor(pen.colors.muted);
      for (const [column, left] of lefts.entries()) doc.rect(left, top, widths[column] ?? 0, height).stroke();
    });
    pen.y = top + height;
  });
}
