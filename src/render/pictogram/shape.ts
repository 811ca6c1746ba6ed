// The vector shapes of the sheet and its drawings, as data: the small part of SVG they
// use (groups, paths and the basic shapes). The SVG writes them as markup, the PDF draws
// them with its own operators, so neither reads back markup Pelita has just written.

export const SHAPE_TAGS = ['g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'] as const;
export type ShapeTag = (typeof SHAPE_TAGS)[number];

export interface Shape {
  tag: ShapeTag;
  /** Attribute values as written in the SVG, in order. */
  attributes: Readonly<Record<string, string>>;
  /** A group's shapes. */
  children?: readonly Shape[];
}

export function shape(tag: ShapeTag, attributes: Record<string, string>): Shape {
  return { tag, attributes };
}

/** The shape as SVG markup. */
export function shapeMarkup(node: Shape): string {
  const attributes = Object.entries(node.attributes)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  if (!node.children || node.children.length === 0) return `<${node.tag}${attributes}/>`;
  return `<${node.tag}${attributes}>${node.children.map(shapeMarkup).join('')}</${node.tag}>`;
}

/**
 * The shapes of a drawing file's markup (Pelita's own and the npm drawing sets: no
 * entities, comments or text; `<title>` is skipped). Anything else is an error, so a new
 * drawing that needs more of SVG is found by the test over every drawing of the lexicon.
 */
export function parseShapes(markup: string): Shape[] {
  const root: { children: Shape[] } = { children: [] };
  const open: { tag: string; children: Shape[] }[] = [{ tag: '', children: root.children }];
  const tags = /<title>[^<]*<\/title>|<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let end = 0;
  for (const match of markup.matchAll(tags)) {
    if (match.index !== end) break;
    end = match.index + match[0].length;
    const [whole, closing, tag = '', attributeText = '', selfClosing, text] = match;
    if (whole.startsWith('<title>')) continue;
    if (text !== undefined) {
      if (text.trim() !== '') throw new Error(`unexpected text in a drawing: "${text.trim().slice(0, 20)}"`);
      continue;
    }
    if (closing) {
      if (open.pop()?.tag !== tag || open.length === 0) throw new Error(`unbalanced </${tag}> in a drawing`);
      continue;
    }
    if (!(SHAPE_TAGS as readonly string[]).includes(tag)) throw new Error(`unsupported <${tag}> in a drawing`);
    const attributes: Record<string, string> = {};
    for (const [, name = '', value = ''] of attributeText.matchAll(/([a-zA-Z][a-zA-Z0-9:-]*)="([^"]*)"/g))
      attributes[name] = value;
    const node: Shape & { children: Shape[] } = { tag: tag as ShapeTag, attributes, children: [] };
    open.at(-1)?.children.push(node);
    if (!selfClosing) open.push({ tag, children: node.children });
  }
  if (end !== markup.length) throw new Error(`unreadable drawing markup at "${markup.slice(end, end + 20)}"`);
  if (open.length !== 1) throw new Error('unclosed element in a drawing');
  return root.children;
}
