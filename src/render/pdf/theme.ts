// The PDF theme (templates/pdf/theme.yaml), typed and checked. A wrong theme is a
// mistake in Pelita's own files, so it throws with a message naming the key.
import type { Term } from '../../i18n/terms.js';
import type { NoteMarks } from './inline.js';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'bold_italic';
export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'bold_italic'];

export interface EditionTheme {
  id: 'leaflet' | 'large_print';
  file: string;
  term: Term;
  page: 'A4' | 'A5';
  margin: { top: number; right: number; bottom: number; left: number };
  body: number;
  lineHeight: number;
  heading1: number;
  heading2: number;
  heading3: number;
  small: number;
  /** Table text size, times `body`. */
  tableScale: number;
  facts: 'row' | 'stack';
  /** How `*emphasis*` prints: large print avoids italics. */
  emphasis: 'italic' | 'bold';
  underlineLinks: boolean;
  /** How footnote references print: `¹` or `[1]` (large print: no small type). */
  noteMarks: NoteMarks;
  qrSize: number;
}

export interface Theme {
  editions: EditionTheme[];
  colors: { text: string; muted: string; accent: string; band: string; rule: string };
  /** Font files (package paths) per style, tried in order for each character. */
  fonts: Record<FontStyle, string[]>;
}

/** Page sizes in points, portrait. */
export const PAGE_SIZES = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;

const EDITION_FILES = { leaflet: 'leaflet.pdf', large_print: 'large-print.pdf' } as const;
const EDITION_TERMS = { leaflet: 'edition_leaflet', large_print: 'edition_large_print' } as const;

export function readTheme(data: unknown): Theme {
  const root = record(data, 'theme');
  const editionData = record(root.editions, 'editions');
  const editions = (['leaflet', 'large_print'] as const).map((id) => readEdition(id, editionData[id]));
  const colorData = record(root.colors, 'colors');
  const color = (key: string) => {
    const value = colorData[key];
    if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`theme colors.${key}: #rrggbb`);
    return value;
  };
  const fontData = record(root.fonts, 'fonts');
  const fonts = Object.fromEntries(
    FONT_STYLES.map((style) => {
      const list = fontData[style];
      if (!Array.isArray(list) || list.length === 0) throw new Error(`theme fonts.${style}: a list of font files`);
      return [style, list.map(String)];
    }),
  ) as Record<FontStyle, string[]>;
  return {
    editions,
    colors: {
      text: color('text'),
      muted: color('muted'),
      accent: color('accent'),
      band: color('band'),
      rule: color('rule'),
    },
    fonts,
  };
}

function readEdition(id: EditionTheme['id'], data: unknown): EditionTheme {
  const edition = record(data, `editions.${id}`);
  const number = (key: string) => {
    const value = edition[key];
    if (typeof value !== 'number' || !(value > 0)) throw new Error(`theme editions.${id}.${key}: a positive number`);
    return value;
  };
  const oneOf = <T extends string>(key: string, options: readonly T[]): T => {
    const value = edition[key];
    if (!options.includes(value as T)) throw new Error(`theme editions.${id}.${key}: one of ${options.join(', ')}`);
    return value as T;
  };
  const margin = record(edition.margin, `editions.${id}.margin`);
  const side = (key: string) => {
    const value = margin[key];
    if (typeof value !== 'number' || value < 0) throw new Error(`theme editions.${id}.margin.${key}: a number`);
    return value;
  };
  return {
    id,
    file: EDITION_FILES[id],
    term: EDITION_TERMS[id],
    page: oneOf('page', ['A4', 'A5'] as const),
    margin: { top: side('top'), right: side('right'), bottom: side('bottom'), left: side('left') },
    body: number('body'),
    lineHeight: number('line_height'),
    heading1: number('heading1'),
    heading2: number('heading2'),
    heading3: number('heading3'),
    small: number('small'),
    tableScale: number('table_scale'),
    facts: oneOf('facts', ['row', 'stack'] as const),
    emphasis: oneOf('emphasis', ['italic', 'bold'] as const),
    underlineLinks: edition.underline_links === true,
    noteMarks: oneOf('note_marks', ['superscript', 'brackets'] as const),
    qrSize: number('qr_size'),
  };
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`theme ${name}: a map`);
  return value as Record<string, unknown>;
}
