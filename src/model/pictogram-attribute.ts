// `{pictogram=ID}` at the end of a requirement or step chooses its picture on the
// picture-language sheet; `{pictogram=none}` turns the picture off; `{caption="…"}`
// (alone or beside `pictogram=`) gives the tile a short caption. The attribute is cut
// from the text here, so no other edition ever shows it.
import type { Paragraph, PhrasingContent, Text } from 'mdast';
import type { Position } from 'unist';

export interface PictogramChoice {
  /** A concept id of templates/pictograms/lexicon.yaml, or `none`. */
  id: string;
  /** Where the attribute stands in the source. */
  position?: Position;
}

/** What a trailing `{…}` of an item says. */
export interface ItemAttributes {
  pictogram?: PictogramChoice;
  /** The writer's caption as written (may be empty: the rules report that). */
  caption?: string;
  /** Parts that are neither `pictogram=…` nor `caption="…"` (the rules report them). */
  unknown: string[];
  /** Where the whole `{…}` stands. */
  position?: Position;
}

/** A trailing `{…}` whose first word is one of our keys; other braces stay text. */
const ATTRIBUTE = /\s*\{\s*((?:pictogram|caption)\s*=[^{}]*)\}\s*$/;
/** `key=value`, the value bare or quoted with "…", '…' or “…” (editors turn quotes curly). */
const PAIR = /\s*([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|“([^”]*)”|'([^']*)'|([^\s"'“”]*))\s*/y;

/** The attribute at the end of an item's text, if any, and where it stands. */
export function findItemAttributes(content: readonly PhrasingContent[]): ItemAttributes | undefined {
  const last = content.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = ATTRIBUTE.exec(last.value);
  if (!match) return undefined;
  const position = attributePosition(last, match);
  const inside = match[1] ?? '';
  const result: ItemAttributes = { unknown: [], ...(position ? { position } : {}) };
  PAIR.lastIndex = 0;
  let at = 0;
  while (at < inside.length) {
    PAIR.lastIndex = at;
    const pair = PAIR.exec(inside);
    if (!pair || pair[0] === '') {
      result.unknown.push(inside.slice(at).trim());
      break;
    }
    at = PAIR.lastIndex;
    const key = (pair[1] ?? '').toLowerCase();
    const value = pair[2] ?? pair[3] ?? pair[4] ?? pair[5] ?? '';
    if (key === 'pictogram') result.pictogram = { id: value.toLowerCase(), ...(position ? { position } : {}) };
    else if (key === 'caption') result.caption = value.replace(/\s+/g, ' ').trim();
    else result.unknown.push(pair[0].trim());
  }
  return result;
}

/** The writer's picture choice alone. */
export function findPictogramAttribute(content: readonly PhrasingContent[]): PictogramChoice | undefined {
  return findItemAttributes(content)?.pictogram;
}

/** The item's text without a trailing attribute (a copy; the input is not changed). */
export function withoutItemAttributes(content: readonly PhrasingContent[]): PhrasingContent[] {
  const last = content.at(-1);
  if (last?.type !== 'text' || !ATTRIBUTE.test(last.value)) return [...content];
  const value = last.value.replace(ATTRIBUTE, '');
  return value === '' ? content.slice(0, -1) : [...content.slice(0, -1), { ...last, value }];
}

/** The text of an item's first paragraph, for rules that look at the raw list item. */
export function itemText(children: readonly unknown[]): PhrasingContent[] {
  const first = children[0] as Paragraph | undefined;
  return first?.type === 'paragraph' ? first.children : [];
}

function attributePosition(node: Text, match: RegExpExecArray): Position | undefined {
  const end = node.position?.end;
  if (!end || end.offset === undefined) return undefined;
  // The attribute ends the node and holds no line break, so it stands on the node's last line.
  const trimmed = match[0].trimStart();
  const length = trimmed.trimEnd().length;
  const trailing = trimmed.length - length;
  const endColumn = end.column - trailing;
  return {
    start: { line: end.line, column: endColumn - length, offset: end.offset - trailing - length },
    end: { line: end.line, column: endColumn, offset: end.offset - trailing },
  };
}
