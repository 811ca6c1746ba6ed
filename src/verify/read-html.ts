// Text of an HTML page or fragment, as a browser would show it (scripts and styles aside).
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export function htmlText(html: string): string {
  const tree = fromHtml(html, { fragment: !/^\s*<!doctype/i.test(html) });
  const parts: string[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) continue;
    else if ('children' in node) stack.push(...[...node.children].reverse());
  }
  return parts.join(' ');
}
