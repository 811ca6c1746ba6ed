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
  /** Blocks with the same value (the lines of one table row) stay on one page where they fit. */
  together?: number;
  /** Word indices i whose blank before word i + 1 never breaks ("3 cm", "Rp 50.000"). */
  glue?: readonly number[];
  /** Word indices of web and e-mail addresses: broken at allowed points with the continuation sign. */
  addresses?: readonly number[];
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
  /** Cells after which an address may break (the slash and the period). */
  breakAfter: readonly string[];
  /** Cells before which an address may break (the at sign). */
  breakBefore: readonly string[];
  /** The sign at the end of a line whose address goes on on the next line. */
  continuation: string;
  /** Indicator cells (capital, number, letter sign) that do not count as a part's letters. */
  indicators: readonly string[];
  /** Punctuation cells a shortened running head does not end in. */
  punctuation: readonly string[];
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
/**
 * A word breaks after its hyphen only when each part keeps this many letters: "terus-/menerus"
 * may break, "S-1", "KTP-el" and "D-III" stay whole.
 */
const HYPHEN_PART = 3;

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

  // The lines that must start a page together from `position`: a whole table row, else
  // (blank lines inside the row included) the first two lines of the block.
  const start = (position: number): number => {
    const block = laid[position];
    if (!block) return 0;
    const group = blocks[position]?.together;
    if (group === undefined || blocks[position - 1]?.together === group) return Math.min(2, block.lines.length);
    let lines = block.lines.length;
    for (let next = position + 1; blocks[next]?.together === group; next++) {
      lines += (laid[next]?.blankBefore ? 1 : 0) + (laid[next]?.lines.length ?? 0);
    }
    return lines;
  };

  laid.forEach((block, position) => {
    const blank = block.blankBefore && page.lines.length > 0 ? 1 : 0;
    // A heading stays with what must start a page after it.
    const next = laid[position + 1];
    const keep = block.keepWithNext && next ? start(position + 1) + (next.blankBefore ? 1 : 0) : 0;
    const own = block.keepWithNext ? block.lines.length + keep : start(position);
    if (page.lines.length > 0 && own <= bodyRows(pages.length + 1)) {
      // Headings move whole with what they keep; table rows move whole; other blocks leave no single line behind.
      if (blank * (block.keepWithNext ? 1 : 0) + own > room()) newPage();
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
    const head =
      index > 0
        ? shorten(options.runningHead, geometry.cols - cellCount(number) - NUMBER_GAP, blank, options.punctuation)
        : '';
    lines.unshift(withNumber(head));
  } else {
    if (index > 0) lines.unshift(shorten(options.runningHead, geometry.cols, blank, options.punctuation));
    const rows = geometry.rows;
    while (lines.length < rows - 1) lines.push('');
    lines.push(withNumber(''));
  }
  return { lines, blocks: body.blocks };
}

/** A unit of wrapping: one word, or words that never break apart ("3 cm"). */
interface Unit {
  words: string[];
  address: boolean;
}

/** A block's words grouped into units, in order. */
function unitsOf(block: CellBlock, blank: string): Unit[] {
  const glue = new Set(block.glue ?? []);
  const addresses = new Set(block.addresses ?? []);
  const units: Unit[] = [];
  block.cells
    .split(blank)
    .filter((word) => word !== '')
    .forEach((word, index) => {
      const last = units.at(-1);
      if (last && glue.has(index - 1)) last.words.push(word);
      else units.push({ words: [word], address: addresses.has(index) });
    });
  return units;
}

/**
 * A block's lines: words kept whole, units kept together, hanging indents, titles and
 * headings centred. An address longer than the room left goes to the next line whole;
 * longer than a line, it starts where it is and breaks after a slash or a period or
 * before the at sign, with the continuation sign at the line end (never at a hyphen).
 */
function layBlock(block: CellBlock, options: PaginateOptions): { lines: string[]; cut: boolean } {
  const { cols } = options.geometry;
  const { blank } = options;
  const level = block.level ?? 0;
  const [first, rest] = indents(block.kind, level);
  const centred = block.kind === 'title' || block.kind === 'heading';
  const queue = unitsOf(block, blank);
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
  const put = (text: string) => {
    used += cellCount(text) + (line.length > 0 ? 1 : 0);
    line.push(text);
  };
  for (let unit = queue.shift(); unit; unit = queue.shift()) {
    const width = cols - indentOf();
    const free = width - used - (line.length > 0 ? 1 : 0);
    const text = unit.words.join(blank);
    if (cellCount(text) <= free) {
      put(text);
      continue;
    }
    if (unit.words.length > 1) {
      // Words that stay together go on the next line; only when longer than a line do they part.
      if (line.length > 0 && cellCount(text) <= cols - rest) {
        flush();
        queue.unshift(unit);
      } else queue.unshift(...unit.words.map((word) => ({ words: [word], address: unit.address })));
      continue;
    }
    const word = text;
    // A word longer than a line breaks where it must; an address that fits on the next line moves there whole.
    if (cellCount(word) > cols - rest) {
      const head = addressHead(word, free - cellCount(options.continuation), options);
      if (head) {
        put(head + options.continuation);
        flush();
        queue.unshift({ words: [[...word].slice(cellCount(head)).join('')], address: true });
        continue;
      }
    }
    // Not an address: break after a hyphen inside it if that part fits, else move on.
    const head = unit.address ? undefined : splitAfterHyphen(word, free, options);
    if (head) {
      put(head);
      flush();
      queue.unshift({ words: [[...word].slice(cellCount(head)).join('')], address: false });
      continue;
    }
    if (line.length > 0) {
      flush();
      queue.unshift(unit);
      continue;
    }
    // Longer than a whole line with no point to break it at: cut where the line ends
    // (reported by the caller).
    cut = true;
    const cells = [...word];
    put(cells.slice(0, width).join(''));
    flush();
    queue.unshift({ words: [cells.slice(width).join('')], address: unit.address });
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

/**
 * The longest start of `word`, ending in a single hyphen cell, that fits in `free` cells
 * and leaves each part HYPHEN_PART letters (indicator cells not counted).
 */
function splitAfterHyphen(word: string, free: number, options: PaginateOptions): string | undefined {
  const cells = [...word];
  const letters = (part: string[]) => part.filter((cell) => !options.indicators.includes(cell)).length;
  for (let end = Math.min(free, cells.length - 1); end > 1; end--) {
    if (cells[end - 1] !== options.hyphen || cells[end - 2] === options.hyphen || cells[end] === options.hyphen) {
      continue;
    }
    if (letters(cells.slice(0, end - 1)) >= HYPHEN_PART && letters(cells.slice(end)) >= HYPHEN_PART) {
      return cells.slice(0, end).join('');
    }
  }
  return undefined;
}

/**
 * The longest start of an address that fits in `free` cells and ends after a slash or a
 * period, or before an at sign (never between the two slashes of "https://").
 */
function addressHead(word: string, free: number, options: PaginateOptions): string | undefined {
  const cells = [...word];
  const endsWith = (end: number, signs: readonly string[]) =>
    signs.some((sign) => cells.slice(Math.max(0, end - cellCount(sign)), end).join('') === sign);
  const startsWith = (at: number, signs: readonly string[]) =>
    signs.some((sign) => cells.slice(at, at + cellCount(sign)).join('') === sign);
  for (let end = Math.min(free, cells.length - 1); end > 0; end--) {
    const after = endsWith(end, options.breakAfter) && !startsWith(end, options.breakAfter);
    if (after || startsWith(end, options.breakBefore)) return cells.slice(0, end).join('');
  }
  return undefined;
}

/**
 * Shortens a running head to whole words within `width` cells, ending in no comma,
 * colon, semicolon, period or dash ("Izin Belajar: Jenjang D-III," → "… D-III").
 */
export function shorten(text: string, width: number, blank: string, punctuation: readonly string[] = []): string {
  const trimmed = (head: string) => {
    let result = head;
    for (;;) {
      const sign = [blank, ...punctuation].find((cell) => cell !== '' && result.endsWith(cell));
      if (!sign || result === sign) return result;
      result = result.slice(0, -sign.length);
    }
  };
  if (cellCount(text) <= width) return trimmed(text);
  const words = text.split(blank);
  let result = '';
  for (const word of words) {
    const candidate = result === '' ? word : `${result}${blank}${word}`;
    if (cellCount(candidate) > width) break;
    result = candidate;
  }
  return result === '' ? [...text].slice(0, width).join('') : trimmed(result);
}

export function cellCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
