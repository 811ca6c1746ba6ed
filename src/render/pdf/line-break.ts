// Styled runs → lines that fit a width. Breaks only at spaces (never at a no-break space)
// and where the writer asked (`\n`), never hyphenates; a word longer than the line is cut
// between characters. Fonts are chosen per character from fallback chains, so every line
// knows its exact widths. No character of the text is ever dropped at a line's end.
import type { Position } from 'unist';
import { type Face, type FontChains, splitByFace } from './fonts.js';
import { LINE_BREAK, type Run } from './inline.js';
import type { FontStyle } from './theme.js';

export interface Segment {
  text: string;
  face: Face;
  /** Offset from the line's start. */
  x: number;
  width: number;
  link?: string;
  lang?: string;
  strike: boolean;
}

export interface Line {
  segments: Segment[];
  width: number;
}

/** Width of `text` in `face` at `size` points. */
export type Measure = (text: string, face: Face, size: number) => number;

export interface BreakOptions {
  chains: FontChains;
  measure: Measure;
  /** Exact width as drawn (kerning included), for placing segments; defaults to `measure`. */
  measureExact?: Measure;
  size: number;
  width: number;
  /** How `*emphasis*` prints. */
  emphasis: 'italic' | 'bold';
  /** Called once per run for characters no font has. */
  onMissing?: (characters: string[], position: Position | undefined) => void;
}

interface Piece {
  text: string;
  face: Face;
  link?: string;
  lang?: string;
  strike: boolean;
}

interface Word {
  pieces: Piece[];
  /** The face of a space after the word, or undefined when none follows. */
  space?: Face;
  hardBreak: boolean;
}

export function breakLines(runs: readonly Run[], options: BreakOptions): Line[] {
  const words = toWords(runs, options);
  const lines: Piece[][] = [[]];
  let lineWidth = 0;
  let pendingSpace: Face | undefined;
  const current = () => lines[lines.length - 1] as Piece[];
  const newLine = () => {
    lines.push([]);
    lineWidth = 0;
    pendingSpace = undefined;
  };
  for (const word of words) {
    const wordWidth = piecesWidth(word.pieces, options);
    const spaceWidth = pendingSpace ? options.measure(' ', pendingSpace, options.size) : 0;
    if (current().length > 0 && lineWidth + spaceWidth + wordWidth > options.width) newLine();
    if (current().length > 0 && pendingSpace) {
      current().push({ text: ' ', face: pendingSpace, strike: false });
      lineWidth += spaceWidth;
    }
    if (wordWidth > options.width) {
      // Too long for any line (a web address): cut after / . - ? & = when possible.
      const chars = word.pieces.flatMap((piece) => [...piece.text].map((char) => ({ ...piece, text: char })));
      const charWidths = chars.map((char) => options.measure(char.text, char.face, options.size));
      let start = 0;
      while (start < chars.length) {
        let end = start;
        let width = lineWidth;
        while (end < chars.length && (end === start || width + (charWidths[end] ?? 0) <= options.width)) {
          width += charWidths[end] ?? 0;
          end++;
        }
        if (end < chars.length) {
          for (let cut = end; cut > start; cut--) {
            if (cutsBefore(chars[cut - 1]?.text ?? '', chars[cut]?.text ?? '')) {
              end = cut;
              break;
            }
          }
        }
        for (let index = start; index < end; index++) {
          current().push(chars[index] as Piece);
          lineWidth += charWidths[index] ?? 0;
        }
        start = end;
        if (start < chars.length) newLine();
      }
    } else {
      current().push(...word.pieces);
      lineWidth += wordWidth;
    }
    pendingSpace = word.space;
    if (word.hardBreak) newLine();
  }
  return lines.filter((line, index) => line.length > 0 || index === 0).map((line) => toLine(line, options));
}

/**
 * Where a word too long for a line may be cut: after a slash (not inside `//`), or before
 * a dot, hyphen, comma, `?`, `&`, `=`, `_`, `#`, `%` or `~`, so a line never ends with a
 * hyphen a reader would take for a word broken in two (and drop when typing the address).
 */
function cutsBefore(previous: string, next: string): boolean {
  return (previous === '/' && next !== '/') || /^[.\-,?&=_#%~]$/.test(next);
}

function toWords(runs: readonly Run[], options: BreakOptions): Word[] {
  const words: Word[] = [];
  let word: Word = { pieces: [], hardBreak: false };
  const close = (space: Face | undefined, hardBreak: boolean) => {
    if (word.pieces.length > 0 || hardBreak) {
      word.space = space;
      word.hardBreak = hardBreak;
      words.push(word);
    } else if (space && words.length > 0) {
      const last = words[words.length - 1] as Word;
      last.space ??= space;
    }
    word = { pieces: [], hardBreak: false };
  };
  for (const run of runs) {
    const style = styleOf(run, options.emphasis);
    // Collapse white space as HTML does; keep no-break spaces; drop soft hyphens and zero-width spaces.
    // Line breaks are split off first: no font has a glyph for them.
    const text = run.text
      .replace(/[\u00ad\u200b]/g, '')
      .replace(/[ \t\r]+/g, ' ')
      .replace(/ ?\n ?/g, LINE_BREAK);
    text.split(LINE_BREAK).forEach((line, index) => {
      if (index > 0) close(undefined, true);
      const { pieces, missing } = splitByFace(options.chains, style, line);
      if (missing.length > 0) options.onMissing?.([...new Set(missing)], run.position);
      for (const piece of pieces) {
        for (const part of piece.text.split(/( )/)) {
          // A word ending in a hyphen ("Rp 0,-") stays with the next one: pdftotext and
          // other extractors take a hyphen at a line's end for a hyphenation and drop it.
          if (part === ' ' && endsInHyphen(word))
            addPiece(word, { text: part, face: piece.face, link: run.link, lang: run.lang, strike: run.strike });
          else if (part === ' ') close(piece.face, false);
          else if (part !== '')
            addPiece(word, { text: part, face: piece.face, link: run.link, lang: run.lang, strike: run.strike });
        }
      }
    });
  }
  close(undefined, false);
  // No trailing space at the end of the text.
  const last = words[words.length - 1];
  if (last) last.space = undefined;
  return words;
}

function endsInHyphen(word: Word): boolean {
  return word.pieces[word.pieces.length - 1]?.text.endsWith('-') === true;
}

function addPiece(word: Word, piece: Piece): void {
  const last = word.pieces[word.pieces.length - 1];
  if (last && alike(last, piece)) last.text += piece.text;
  else word.pieces.push(piece);
}

function alike(a: Piece, b: Piece): boolean {
  return a.face === b.face && a.link === b.link && a.lang === b.lang && a.strike === b.strike;
}

function styleOf(run: Run, emphasis: 'italic' | 'bold'): FontStyle {
  const bold = run.strong || (run.emphasis && emphasis === 'bold');
  const italic = run.emphasis && emphasis === 'italic';
  return bold && italic ? 'bold_italic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

function piecesWidth(pieces: readonly Piece[], options: BreakOptions): number {
  return pieces.reduce((sum, piece) => sum + options.measure(piece.text, piece.face, options.size), 0);
}

/** Joins neighbouring pieces that print alike into segments, and places them. */
function toLine(pieces: Piece[], options: BreakOptions): Line {
  // A space belongs to a link (and its underline) or a phrase only inside it.
  const spaced = pieces.map((piece, index) => {
    if (piece.text !== ' ') return piece;
    const [before, after] = [pieces[index - 1], pieces[index + 1]];
    const link = before?.link === after?.link ? before?.link : undefined;
    const lang = before?.lang === after?.lang ? before?.lang : undefined;
    return {
      text: piece.text,
      face: piece.face,
      strike: piece.strike,
      ...(link ? { link } : {}),
      ...(lang ? { lang } : {}),
    };
  });
  const merged: Piece[] = [];
  for (const piece of spaced) {
    const last = merged[merged.length - 1];
    if (last && alike(last, piece)) last.text += piece.text;
    else merged.push({ ...piece });
  }
  let x = 0;
  const segments = merged.map((piece) => {
    const width = (options.measureExact ?? options.measure)(piece.text, piece.face, options.size);
    const segment: Segment = { text: piece.text, face: piece.face, x, width, strike: piece.strike };
    if (piece.link) segment.link = piece.link;
    if (piece.lang) segment.lang = piece.lang;
    x += width;
    return segment;
  });
  return { segments, width: x };
}
