// control-character: an invisible control character in the file (ESC, U+0001, U+FFFE …).
// It would break the SVG, PDF and braille editions at build, so check stops it with its place.
import type { Point } from 'unist';
import { CONTROL_CHARACTER, codePointName } from '../control-characters.js';
import { reportError } from '../report.js';
import type { Rule } from './rule.js';

/** More than this many are summed up in the last message. */
const SHOWN = 5;

export const controlCharacters: Rule = (draft) => {
  const found = [...draft.text.matchAll(CONTROL_CHARACTER)];
  for (const [index, match] of found.slice(0, SHOWN).entries()) {
    const more = index === SHOWN - 1 && found.length > SHOWN ? ` (${found.length - SHOWN} more in this file)` : '';
    reportError(
      draft.file,
      `An invisible control character (${codePointName(match[0])}) stands here${more}; no edition can carry it. Delete it: retype the text around it if your editor does not show it.`,
      pointAt(draft.text, match.index),
      'control-character',
    );
  }
};

export function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}
