// `{pictogram=ID}` at the end of a requirement or step chooses its picture on the
// picture-language sheet; `{pictogram=none}` turns the picture off. The attribute is
// cut from the text here, so no other edition ever shows it.
import type { Paragraph, PhrasingContent, Text } from 'mdast';
import type { Position } from 'unist';

export interface PictogramChoice {
  /** A concept id of templates/pictograms/lexicon.yaml, or `none`. */
  id: string;
  /** Where the attribute stands in the source. */
  position?: Position;
}

const ATTRIBUTE = /\s*\{\s*pictogram\s*=\s*([^\s}]*)\s*\}\s*$/;

/** The attribute at the end of an item's text, if any, and where it stands. */
export function findPictogramAttribute(content: readonly PhrasingContent[]): PictogramChoice | undefined {
  const last = content.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = ATTRIBUTE.exec(last.value);
  if (!match) return undefined;
  return { id: (match[1] ?? '').toLowerCase(), position: attributePosition(last, match) };
}

/** The item's text without a trailing attribute (a copy; the input is not changed). */
export function withoutPictogramAttribute(content: readonly PhrasingContent[]): PhrasingContent[] {
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
