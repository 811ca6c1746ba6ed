// too-deep: lists and quotes nested deeper than LIMITS.nesting (or any nodes deeper than
// LIMITS.depth). Checked before any recursive walk (the rules, sanitising, the renderers)
// sees the tree, with an explicit stack so the check itself cannot overflow.
import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { LIMITS } from '../limits.js';
import { reportError } from '../report.js';

/** Before parsing: a line whose markers and indentation run past LIMITS.indent columns. */
export function checkIndentation(file: VFile, text: string): boolean {
  const prefix = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const lineText = text.slice(start, end < 0 ? text.length : end);
    const columns = prefix.exec(lineText)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (columns > LIMITS.indent) {
      reportError(file, { id: 'too-deep-indent', params: { max: LIMITS.indent } }, { line, column: 1 }, 'too-deep');
      return false;
    }
    if (end < 0) break;
    start = end + 1;
  }
  return true;
}

/**
 * After parsing: nesting of lists and quotes, and of any node.
 * @param place where to report, when the tree's positions are not the file's (site.yaml lines).
 */
export function checkNesting(file: VFile, root: Root, place?: Point): boolean {
  const stack: { node: Nodes; nesting: number; depth: number }[] = [{ node: root, nesting: 0, depth: 0 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node } = entry;
    const nesting = entry.nesting + (node.type === 'list' || node.type === 'blockquote' ? 1 : 0);
    if (nesting > LIMITS.nesting || entry.depth > LIMITS.depth) {
      reportError(
        file,
        nesting > LIMITS.nesting
          ? { id: 'too-deep-lists', params: { max: LIMITS.nesting } }
          : { id: 'too-deep-nodes', params: { max: LIMITS.depth } },
        place ?? node.position?.start,
        'too-deep',
      );
      return false;
    }
    if ('children' in node) {
      for (const child of node.children) stack.push({ node: child, nesting, depth: entry.depth + 1 });
    }
  }
  return true;
}
