// Braille cells → pages. Pure and table-independent: it only knows which cell is blank
// and which is a hyphen, so tests run it on print characters (a pass-through "table").

export interface Geometry {
  /** Cells per line. */
  cols: number;
  /** Lines per page. */
  rows: number;
  /** Where the braille page number stands: right end of the first or of the last line. */
  pageNumber: 'top' | 'bottom';
}

/**
 * How a block is set, after BANA *Braille Formats* where the Indonesian material is
 * silent: the title and section headings centred, subheadings in cell 5 (level 1) or
 * cell 7 (deeper), paragraphs in cell 3, items with a hanging indent, displayed
 * material (quotes, preformatted lines) blocked in cell 3 with a blank line around it.
 */
export type BlockKind = 'title' | 'heading' | 'subheading' | 'paragraph' | 'item' | 'displayed';

/** One block of braille: its cells (words separated by blank cells) and how to set it. */
export interface CellBlock {
  kind: BlockKind;
  cells: string;
  /** Items and displayed blocks: nesting depth (0 = top level); subheadings: their level (1, 2 …). */
  level?: number;
  /** Displayed blocks with the same group are one display: no blank line between them. */
  group?: number;
}

export interface Page {
  lines: string[];
  /** Indices of the blocks that have lines on this page (for the proof). */
  blocks: number[];
}

export interface PaginateOptions {
  geometry: Geometry;
  /** The blank cell (U+2800 in braille, a space for pass-through tests). */
  blank: string;
  /** A cell after which a long word may break (the hyphen). */
  hyphen: string;
  /** Cells after which a word longer than a line may break (the slash of an address). */
  breakAfter: readonly string[];
  /** The running head on pages after the first (the title). */
  runningHead: string;
  /** A page number in cells, e.g. ⠼⠁⠃ for 12. */
  pageNumber: (page: number) => string;
}

export interface Pagination {
  pages: Page[];
  /** Blocks with a word longer than a line, cut where it had to be. */
  overlong: number[];
}

/** Blank cells between text and the page number on the same line. */
const NUMBER_GAP = 3;
/** Cells of indent per list level, and the extra indent of run-over lines. */
const INDENT = 2;
/** Paragraphs start in cell 3 (two blank cells), run-over lines in cell 1. */
const PARAGRAPH_INDENT = 2;
/** Subheadings start in cell 5, deeper ones in cell 7 (BANA cell-5 and cell-7 headings). */
const SUBHEADING_INDENT = 4;

interface LaidBlock {
  index: number;
  lines: string[];
  blankBefore: boolean;
  keepWithNext: boolean;
}

export function paginate(blocks: readonly CellBlock[], options: PaginateOptions): Pagination {
  const { geometry } = options;
  if (geometry.cols < 12 || geometry.rows < 4) throw new Error('braille page geometry is too small');
  const overlong: number[] = [];
  const laid = blocks.map((block, index): LaidBlock => {
    const { lines, cut } = layBlock(block, options);
    if (cut) overlong.push(index);
    return {
      index,
      lines,
      blankBefore: blankBefore(block, blocks[index - 1]),
      keepWithNext: block.kind === 'heading' || block.kind === 'subheading' || block.kind === 'title',
    };
  });

  const pages: Page[] = [];
  let page: Page = { lines: [], blocks: [] };
  const bodyRows = (pageIndex: number) =>
    geometry.rows -
    (pageIndex > 0 || geometry.pageNumber === 'top' ? 1 : 0) -
    (geometry.pageNumber === 'bottom' ? 1 : 0);
  const room = () => bodyRows(pages.length) - page.lines.length;
  const newPage = () => {
    pages.push(page);
    page = { lines: [], blocks: [] };
  };

  laid.forEach((block, position) => {
    const blank = block.blankBefore && page.lines.length > 0 ? 1 : 0;
    // A heading stays with the first two lines of what follows it.
    const next = laid[position + 1];
    const keep = block.keepWithNext && next ? Math.min(2, next.lines.length) + (next.blankBefore ? 1 : 0) : 0;
    const fitsNextPage = block.lines.length + keep <= bodyRows(pages.length + 1);
    if (page.lines.length > 0 && fitsNextPage) {
      // Headings move whole with what they keep; other blocks leave no single line behind.
      const needed = block.keepWithNext ? blank + block.lines.length + keep : Math.min(2, block.lines.length);
      if (needed > room()) newPage();
    }
    if (block.blankBefore && page.lines.length > 0) page.lines.push('');
    for (const line of block.lines) {
      if (room() <= 0) newPage();
      if (!page.blocks.includes(block.index)) page.blocks.push(block.index);
      page.lines.push(line);
    }
  });
  if (page.lines.length > 0 || pages.length === 0) pages.push(page);

  return { pages: pages.map((body, index) => frame(body, index, options)), overlong };
}

/** Headings are set apart above; a display (quote, preformatted lines) above and below, but not from its heading. */
function blankBefore(block: CellBlock, previous: CellBlock | undefined): boolean {
  if (block.kind === 'heading' || block.kind === 'subheading') return true;
  if (!previous || previous.kind === 'title' || previous.kind === 'heading' || previous.kind === 'subheading')
    return false;
  const display = (other: CellBlock) => (other.kind === 'displayed' ? (other.group ?? -1) : undefined);
  return display(block) !== display(previous);
}

/** Adds the running head and the page number, and pads nothing: lines end at their last cell. */
function frame(body: Page, index: number, options: PaginateOptions): Page {
  const { geometry, blank } = options;
  const number = options.pageNumber(index + 1);
  const lines = body.lines.map((line) => line.replace(new RegExp(`${escapeRegExp(blank)}+$`, 'u'), ''));
  const withNumber = (text: string) => {
    const gap = geometry.cols - cellCount(text) - cellCount(number);
    return `${text}${blank.repeat(Math.max(gap, 0))}${number}`;
  };
  if (geometry.pageNumber === 'top') {
    const head = index > 0 ? shorten(options.runningHead, geometry.cols - cellCount(number) - NUMBER_GAP, blank) : '';
    lines.unshift(withNumber(head));
  } else {
    if (index > 0) lines.unshift(shorten(options.runningHead, geometry.cols, blank));
    const rows = geometry.rows;
    while (lines.length < rows - 1) lines.push('');
    lines.push(withNumber(''));
  }
  return { lines, blocks: body.blocks };
}

/** A block's lines: words kept whole, hanging indents, titles and headings centred. */
function layBlock(block: CellBlock, options: PaginateOptions): { lines: string[]; cut: boolean } {
  const { cols } = options.geometry;
  const { blank } = options;
  const level = block.level ?? 0;
  const [first, rest] = indents(block.kind, level);
  const centred = block.kind === 'title' || block.kind === 'heading';
  const words = block.cells.split(blank).filter((word) => word !== '');
  const lines: string[] = [];
  let cut = false;
  let line: string[] = [];
  let used = 0;
  const indentOf = () => (lines.length === 0 ? first : rest);
  const flush = () => {
    const text = line.join(blank);
    const indent = centred ? Math.floor((cols - cellCount(text)) / 2) : indentOf();
    lines.push(blank.repeat(Math.max(0, indent)) + text);
    line = [];
    used = 0;
  };
  for (let word of words) {
    for (;;) {
      const width = cols - indentOf();
      const need = cellCount(word) + (line.length > 0 ? 1 : 0);
      if (used + need <= width) {
        line.push(word);
        used += need;
        break;
      }
      // The word does not fit: break after a hyphen inside it if that part fits, else move on.
      const free = width - used - (line.length > 0 ? 1 : 0);
      const head = splitAfterHyphen(word, free, options.hyphen);
      if (head) {
        line.push(head);
        word = [...word].slice(cellCount(head)).join('');
        flush();
        continue;
      }
      if (line.length > 0) {
        flush();
        continue;
      }
      // Longer than a whole line: break after a slash (web addresses), else cut it
      // where the line ends (reported by the caller).
      const cells = [...word];
      const soft = splitAfter(word, width, options.breakAfter);
      const end = soft ? cellCount(soft) : width;
      if (!soft) cut = true;
      line.push(cells.slice(0, end).join(''));
      word = cells.slice(end).join('');
      flush();
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return { lines, cut };
}

/** Blank cells before a block's first line and before its run-over lines. */
function indents(kind: BlockKind, level: number): [number, number] {
  switch (kind) {
    case 'item':
      return [level * INDENT, level * INDENT + INDENT];
    case 'paragraph':
      return [PARAGRAPH_INDENT, 0];
    case 'displayed':
      return [level * INDENT + PARAGRAPH_INDENT, level * INDENT + PARAGRAPH_INDENT];
    case 'subheading': {
      const cell = level <= 1 ? SUBHEADING_INDENT : SUBHEADING_INDENT + INDENT;
      return [cell, cell];
    }
    case 'title':
    case 'heading':
      return [0, 0];
  }
}

/** The longest start of `word`, ending in a single hyphen cell, that fits in `free` cells. */
function splitAfterHyphen(word: string, free: number, hyphen: string): string | undefined {
  const cells = [...word];
  for (let end = Math.min(free, cells.length - 1); end > 1; end--) {
    if (cells[end - 1] === hyphen && cells[end - 2] !== hyphen && cells[end] !== hyphen) {
      return cells.slice(0, end).join('');
    }
  }
  return undefined;
}

/** The longest start of `word` that ends in one of `cells` and fits in `free` cells. */
function splitAfter(word: string, free: number, breakCells: readonly string[]): string | undefined {
  const cells = [...word];
  for (let end = Math.min(free, cells.length - 1); end > 1; end--) {
    if (breakCells.includes(cells[end - 1] ?? '') && !breakCells.includes(cells[end] ?? '')) {
      return cells.slice(0, end).join('');
    }
  }
  return undefined;
}

/** Shortens a running head to whole words within `width` cells. */
export function shorten(text: string, width: number, blank: string): string {
  if (cellCount(text) <= width) return text;
  const words = text.split(blank);
  let result = '';
  for (const word of words) {
    const candidate = result === '' ? word : `${result}${blank}${word}`;
    if (cellCount(candidate) > width) break;
    result = candidate;
  }
  return result === '' ? [...text].slice(0, width).join('') : result;
}

export function cellCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
