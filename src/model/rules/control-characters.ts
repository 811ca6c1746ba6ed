// control-character: an invisible control character in the file (ESC, U+0001, U+FFFE …),
// typed or made by an escape (`"\u0001"` in YAML, `&#12;` in Markdown). It would break the
// SVG, PDF and braille editions at build, so check stops it with its place.
import type { Nodes } from 'mdast';
import type { Point, Position } from 'unist';
import { CONTROL_CHARACTER, codePointName, controlInData, firstControl } from '../control-characters.js';
import { frontMatterData, frontMatterPlace } from '../draft.js';
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
      {
        id: more ? 'control-character-more' : 'control-character',
        params: { char: codePointName(match[0]), more: found.length - SHOWN },
      },
      pointAt(draft.text, match.index),
      'control-character',
    );
  }
  if (found.length > 0) return;
  const escaped = escapedControl(draft.root) ?? frontMatterControl(draft);
  if (!escaped) return;
  reportError(
    draft.file,
    { id: 'control-character-escape', params: { char: codePointName(escaped.char) } },
    escaped.place,
    'control-character',
  );
};

interface Found {
  char: string;
  place: Point | Position | undefined;
}

/** A control character that only the parsed text holds (from a character reference). */
function escapedControl(root: Nodes): Found | undefined {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const value of Object.values(node)) {
      const char = typeof value === 'string' ? firstControl(value) : undefined;
      if (char) return { char, place: node.position };
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return undefined;
}

function frontMatterControl(draft: Parameters<Rule>[0]): Found | undefined {
  for (const [key, value] of Object.entries(frontMatterData(draft) ?? {})) {
    const char = controlInData([key, value]);
    if (char) return { char, place: frontMatterPlace(draft, key) };
  }
  return undefined;
}

export function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}
