// Styled runs → lines that fit a width. Breaks only at spaces (never at a no-break space),
// never hyphenates; a word longer than the line is cut between characters. Fonts are
// chosen per character from fallback chains, so every line knows its exact widths.
import type { Position } from 'unist';
import { type Face, type FontChains, splitByFace } from './fonts.js';
import type { Run } from './inline.js';
import type { FontStyle } from './theme.js';

export interface Segment {
  text: string;
  face: Face;
  /** Offset from the line's start. */
  x: number;
  width: number;
  link?: string;
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
          for (let cut = end - 1; cut > start; cut--) {
            if (/[/.\-?&=_]/.test(chars[cut - 1]?.text ?? '')) {
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
    const text = run.text
      .replace(/[\u00ad\u200b]/g, '')
      .replace(/[ \t\r]+/g, ' ')
      .replace(/ ?\n ?/g, '\n');
    const { pieces, missing } = splitByFace(options.chains, style, text);
    if (missing.length > 0) options.onMissing?.([...new Set(missing)], run.position);
    for (const piece of pieces) {
      const parts = piece.text.split(/([ \n])/);
      for (const part of parts) {
        if (part === ' ') close(piece.face, false);
        else if (part === '\n') close(undefined, true);
        else if (part !== '') addPiece(word, { text: part, face: piece.face, link: run.link, strike: run.strike });
      }
    }
  }
  close(undefined, false);
  // No trailing space at the end of the text.
  const last = words[words.length - 1];
  if (last) last.space = undefined;
  return words;
}

function addPiece(word: Word, piece: Piece): void {
  const last = word.pieces[word.pieces.length - 1];
  if (last && last.face === piece.face && last.link === piece.link && last.strike === piece.strike)
    last.text += piece.text;
  else word.pieces.push(piece);
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
  // A space belongs to a link (and its underline) only inside that link.
  const spaced = pieces.map((piece, index) => {
    if (piece.text !== ' ') return piece;
    const link = pieces[index - 1]?.link === pieces[index + 1]?.link ? pieces[index - 1]?.link : undefined;
    return { ...piece, link };
  });
  const merged: Piece[] = [];
  for (const piece of spaced) {
    const last = merged[merged.length - 1];
    if (last && last.face === piece.face && last.link === piece.link && last.strike === piece.strike)
      last.text += piece.text;
    else merged.push({ ...piece });
  }
  let x = 0;
  const segments = merged.map((piece) => {
    const width = (options.measureExact ?? options.measure)(piece.text, piece.face, options.size);
    const segment: Segment = { text: piece.text, face: piece.face, x, width, strike: piece.strike };
    if (piece.link) segment.link = piece.link;
    x += width;
    return segment;
  });
  return { segments, width: x };
}
