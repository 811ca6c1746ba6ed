// Everything that puts marks on pages: the page flow (where the next line goes, when a
// page breaks), tagged structure, and text drawing. A "dry" pen measures instead: it
// follows the same code without a document or page breaks, so keep-together decisions
// use exactly the heights that drawing will use. Measurements are remembered per outline
// node and width, so layout stays linear however deep lists nest.
import type { Position } from 'unist';
import type { FontChains } from './fonts.js';
import type { Run } from './inline.js';
import { breakLines, type Line } from './line-break.js';
import type { EditionTheme, Theme } from './theme.js';

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

/** A structure element, or nothing when measuring. */
export type Tag = StructElement | undefined;

export interface TextStyle {
  size: number;
  /** Line box height in points. */
  lineHeight: number;
  color: string;
  strong?: boolean;
}

/** pdfkit's structure options, including those its types miss (bbox, placement, scope). */
export interface TagOptions {
  alt?: string;
  lang?: string;
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
  scope?: 'Column' | 'Row';
}

export type Warn = (
  reason: string,
  position: Position | undefined,
  ruleId: string,
  params?: Readonly<Record<string, string | number>>,
) => void;

/** How much layout work a document took (tests check it grows with the document only). */
export interface LayoutStats {
  /** Subtrees actually drawn on a dry pen to measure them (remembered ones not counted). */
  measures: number;
}

/** What a pen and the dry pens it makes share: remembered heights and the counts. */
interface Shared {
  heights: WeakMap<object, Map<string, number>>;
  stats: LayoutStats;
}

export class Pen {
  y: number;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly width: number;
  /** Height of a page's text area; a dry pen keeps its real pen's, to make the same choices. */
  readonly pageHeight: number;

  private readonly shared: Shared;

  constructor(
    readonly doc: Doc | undefined,
    readonly theme: EditionTheme,
    readonly colors: Theme['colors'],
    readonly chains: FontChains,
    readonly warn: Warn,
    page: { width: number; height: number; top: number; pageHeight?: number },
    shared?: Shared | LayoutStats,
  ) {
    this.shared = shared && 'heights' in shared ? shared : { heights: new WeakMap(), stats: shared ?? { measures: 0 } };
    this.top = page.top;
    this.y = page.top;
    this.bottom = doc ? page.height - theme.margin.bottom : Number.POSITIVE_INFINITY;
    this.left = theme.margin.left;
    this.width = page.width - theme.margin.left - theme.margin.right;
    this.pageHeight = page.pageHeight ?? this.bottom - this.top;
  }

  /** A pen that measures with the same fonts and widths, drawing nothing. */
  dry(): Pen {
    return new Pen(
      undefined,
      this.theme,
      this.colors,
      this.chains,
      this.warn,
      {
        width: this.width + this.theme.margin.left + this.theme.margin.right,
        height: Number.POSITIVE_INFINITY,
        top: 0,
        pageHeight: this.pageHeight,
      },
      this.shared,
    );
  }

  /**
   * Height `draw` takes when nothing breaks the page. With a `node` (an outline node or
   * anything else that stands for what `draw` draws) and a `key` naming the width and
   * variant, the height is measured once and remembered.
   */
  measure(draw: (pen: Pen) => void, node?: object, key = ''): number {
    const remembered = node ? this.shared.heights.get(node) : undefined;
    const hit = remembered?.get(key);
    if (hit !== undefined) return hit;
    this.shared.stats.measures++;
    const pen = this.dry();
    draw(pen);
    if (node) {
      const heights = remembered ?? new Map<string, number>();
      heights.set(key, pen.y);
      if (!remembered) this.shared.heights.set(node, heights);
    }
    return pen.y;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  /** Set on a pen that only finds the first height its content asks to keep together. */
  private needOnly = false;
  private need: number | undefined;

  /**
   * The height the content `draw` makes asks to keep together first (its first lines, its
   * first list item…): a heading needs that much room below it, or it moves to the next page.
   */
  firstNeed(draw: (pen: Pen) => void): number {
    this.shared.stats.measures++;
    const pen = this.dry();
    pen.needOnly = true;
    pen.y = 1; // below the top, so spacing counts as it will on the page
    try {
      draw(pen);
    } catch (error) {
      if (error !== FOUND) throw error;
    }
    return (pen.need ?? pen.y) - 1;
  }

  /** Starts a new page unless `height` fits below (or the page is still empty). */
  ensure(height: number): void {
    if (this.needOnly) {
      this.need = this.y + height;
      throw FOUND;
    }
    if (this.doc && this.y + height > this.bottom + 0.01 && this.y > this.top) this.newPage();
  }

  /** Keeps a block of `height` on one page when it can fit on one; otherwise at least `minimum`. */
  keepTogether(height: number, minimum: number): void {
    this.ensure(height <= this.pageHeight ? height : minimum);
  }

  /** Counts pages, so callers can tell whether a page broke. */
  page = 1;

  newPage(): void {
    this.doc?.addPage();
    this.page++;
    this.y = this.top;
  }

  /** Reserves a line box and returns its top. */
  take(height: number): number {
    this.ensure(height);
    const top = this.y;
    this.y += height;
    return top;
  }

  /** Vertical space between blocks; none at the top of a page. */
  space(height: number): void {
    if (this.y > this.top) this.y = Math.min(this.y + height, this.bottom);
  }

  /** A structure element under `parent` (the document's root when parent is the doc root). */
  tag(parent: Tag, type: string, options: TagOptions = {}): Tag {
    if (!this.doc || !parent) return undefined;
    const element = this.doc.struct(type, options as object);
    parent.add(element);
    return element;
  }

  /** Draws content belonging to `element` (a marked-content sequence). */
  mark(element: Tag, draw: () => void): void {
    if (!this.doc) return;
    if (element) element.add(draw);
    else draw();
  }

  /** Draws decoration that is not content (rules, bands): an artifact. */
  artifact(draw: (doc: Doc) => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    if (!this.doc) return;
    this.doc.markContent('Artifact', { type });
    draw(this.doc);
    this.doc.endMarkedContent();
  }

  /** Runs → lines of `width` (default: the full measure) in `style`. */
  lines(runs: readonly Run[], style: TextStyle, width = this.width): Line[] {
    // Measuring and drawing break the same text several times: remember the result.
    const key = `${style.size} ${style.strong === true} ${width} ${this.theme.emphasis}`;
    let cached = lineCache.get(runs);
    if (!cached) {
      cached = new Map();
      lineCache.set(runs, cached);
    }
    const hit = cached.get(key);
    if (hit && hit.chains === this.chains) {
      for (const [characters, position] of hit.missing) this.warnMissing(characters, position);
      return hit.lines;
    }
    const missing: [string[], Position | undefined][] = [];
    const lines = this.breakRuns(runs, style, width, missing);
    for (const [characters, position] of missing) this.warnMissing(characters, position);
    cached.set(key, { chains: this.chains, lines, missing });
    return lines;
  }

  private warnMissing(characters: string[], position: Position | undefined): void {
    this.warn(
      `The print fonts have no sign for ${characters.map(describe).join(', ')}; the PDF leaves it out there. Write it with other characters, or tell the Pelita maintainers which sign you need.`,
      position,
      'pdf-missing-glyph',
      { characters: characters.map(describe).join(', ') },
    );
  }

  private breakRuns(
    runs: readonly Run[],
    style: TextStyle,
    width: number,
    missing: [string[], Position | undefined][],
  ): Line[] {
    const strongRuns = style.strong ? runs.map((run) => ({ ...run, strong: true })) : runs;
    return breakLines(strongRuns, {
      chains: this.chains,
      size: style.size,
      width,
      emphasis: this.theme.emphasis,
      measure: (text, face, size) => measureWidth(face.font, text, size),
      measureExact: (text, face, size) => shapedWidth(face.font, text, size),
      onMissing: (characters, position) => missing.push([characters, position]),
    });
  }

  /**
   * Flows lines down the page at `x`, as content of `element`. Lines of one link are
   * tagged as a Link element with its annotation.
   */
  flowLines(element: Tag, lines: readonly Line[], style: TextStyle, x = this.left): void {
    let placed = -1;
    let top = this.y;
    const place = (index: number) => {
      while (placed < index) {
        top = this.take(style.lineHeight);
        placed++;
      }
      return top;
    };
    this.drawLines(element, lines, style, x, place);
    place(lines.length - 1);
  }

  /** Draws lines whose tops `place(index)` decides (cells and boxes place their own lines). */
  drawLines(
    element: Tag,
    lines: readonly Line[],
    style: TextStyle,
    left: number,
    place: (index: number) => number,
    align?: { width: number; mode: 'left' | 'right' | 'center' },
  ): void {
    const entries = lines.flatMap((line, index) => line.segments.map((segment) => ({ index, segment })));
    if (!this.doc) {
      place(lines.length - 1);
      return;
    }
    const doc = this.doc;
    const baseline = (top: number) => top + (style.lineHeight - style.size) / 2 + style.size * 0.8;
    const drawEntry = (entry: (typeof entries)[number], link?: Tag) => {
      const { segment } = entry;
      const y = baseline(place(entry.index));
      const spare = align ? align.width - (lines[entry.index]?.width ?? 0) : 0;
      const x = left + (align?.mode === 'right' ? spare : align?.mode === 'center' ? spare / 2 : 0);
      const color = segment.link ? this.colors.accent : style.color;
      doc
        .font(segment.face.key)
        .fontSize(style.size)
        .fillColor(color)
        .text(segment.text, x + segment.x, y, {
          lineBreak: false,
          baseline: 'alphabetic',
          // Known already: spares pdfkit shaping the text a second time to measure it.
          textWidth: segment.width,
          wordCount: segment.text.trim() === '' ? 0 : segment.text.trim().split(/\s+/).length,
        } as PDFKit.Mixins.TextOptions);
      // pdfkit places underlines for top-aligned text; these lines follow the baseline.
      const rule = (offset: number) =>
        doc
          .moveTo(x + segment.x, y + offset)
          .lineTo(x + segment.x + segment.width, y + offset)
          .lineWidth(Math.max(0.5, style.size / 16))
          .stroke(color);
      if (segment.link && this.theme.underlineLinks && segment.text.trim() !== '') rule(style.size * 0.14);
      if (segment.strike) rule(-style.size * 0.3);
      if (segment.link && link) {
        const height = style.size * 1.1;
        doc.link(x + segment.x, y - style.size * 0.85, segment.width, height, segment.link, {
          structParent: link,
          Contents: new String(segment.link),
        } as never);
      }
    };
    // Runs of one link are a Link element; of one phrase in another language, a Span with its language.
    let start = 0;
    while (start < entries.length) {
      const { link, lang } = entries[start]?.segment ?? {};
      let end = start;
      while (end < entries.length && entries[end]?.segment.link === link && entries[end]?.segment.lang === lang) end++;
      const group = entries.slice(start, end);
      const options = lang ? { lang } : {};
      if (link) {
        const linkTag = this.tag(element, 'Link', options);
        this.mark(linkTag, () => {
          for (const entry of group) drawEntry(entry, linkTag);
        });
      } else {
        const target = lang ? this.tag(element, 'Span', options) : element;
        this.mark(target, () => {
          for (const entry of group) drawEntry(entry);
        });
      }
      start = end;
    }
  }
}

interface CachedLines {
  chains: FontChains;
  lines: Line[];
  missing: [string[], Position | undefined][];
}

const lineCache = new WeakMap<readonly Run[], Map<string, CachedLines>>();

/** Thrown to stop a `firstNeed` measurement once it knows the answer. */
const FOUND = Symbol('found');

const advances = new WeakMap<object, Map<number, number>>();

/**
 * Advance width of `text`: the sum of its glyphs' advances, cached per character. Kerning
 * is left out of measuring (it only ever narrows a line a little), which keeps layout fast.
 */
function measureWidth(font: import('fontkit').Font, text: string, size: number): number {
  let cache = advances.get(font);
  if (!cache) {
    cache = new Map();
    advances.set(font, cache);
  }
  let units = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    let advance = cache.get(codePoint);
    if (advance === undefined) {
      advance = (font.glyphForCodePoint(codePoint).advanceWidth * 1000) / font.unitsPerEm;
      cache.set(codePoint, advance);
    }
    units += advance;
  }
  return (units * size) / 1000;
}

const shaped = new WeakMap<object, Map<string, number>>();

/** Width of `text` as pdfkit draws it (shaped: kerning and ligatures), cached per word and font. */
function shapedWidth(font: import('fontkit').Font, text: string, size: number): number {
  let cache = shaped.get(font);
  if (!cache) {
    cache = new Map();
    shaped.set(font, cache);
  }
  // Like pdfkit, shape word by word (each with its trailing space), so words are cached.
  let units = 0;
  for (const word of text.match(/[^ \t]*[ \t]?/g) ?? []) {
    if (word === '') continue;
    let advance = cache.get(word);
    if (advance === undefined) {
      advance = ((font.layout(word) as { advanceWidth: number }).advanceWidth * 1000) / font.unitsPerEm;
      cache.set(word, advance);
    }
    units += advance;
  }
  return (units * size) / 1000;
}

function describe(character: string): string {
  const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `"${character}" (U+${code})`;
}
