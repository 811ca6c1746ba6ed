// The texts an SVG carries for assistive technology: every <title> and <desc>, read with
// an XML parser.
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: true, preserveOrder: true, trimValues: false });

type Node = Record<string, Node[] | string>;

export function svgTexts(svg: string): string {
  const texts: string[] = [];
  const stack: { node: Node; inside: boolean }[] = (parser.parse(svg) as Node[]).map((node) => ({
    node,
    inside: false,
  }));
  while (stack.length > 0) {
    const { node, inside } = stack.pop() as { node: Node; inside: boolean };
    for (const [name, value] of Object.entries(node)) {
      if (name === '#text' && inside) texts.push(String(value));
      else if (Array.isArray(value)) {
        const into = inside || name === 'title' || name === 'desc';
        stack.push(...[...value].reverse().map((child) => ({ node: child, inside: into })));
      }
    }
  }
  return texts.join(' ');
}
