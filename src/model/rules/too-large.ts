// too-large: a document past LIMITS.bytes, LIMITS.listItems or LIMITS.nodes. Such a file
// would take minutes and gigabytes to render (10,000 requirements: over a million SVG
// elements), so check refuses it, and says how to split it.
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { LIMITS } from '../limits.js';
import { reportError, START_OF_FILE } from '../report.js';

export function checkBytes(file: VFile, bytes: Uint8Array): boolean {
  if (bytes.byteLength <= LIMITS.bytes) return true;
  reportError(
    file,
    { id: 'too-large-bytes', params: { bytes: bytes.byteLength, max: LIMITS.bytes } },
    START_OF_FILE,
    'too-large',
  );
  return false;
}

/** Call after checkNesting: the tree is then shallow. */
export function checkCounts(file: VFile, root: Root): boolean {
  let items = 0;
  let nodes = 0;
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    nodes++;
    if (node.type === 'listItem' && ++items === LIMITS.listItems + 1) {
      reportError(
        file,
        { id: 'too-large-items', params: { max: LIMITS.listItems, item: items } },
        node.position?.start,
        'too-large',
      );
      return false;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  if (nodes <= LIMITS.nodes) return true;
  reportError(file, { id: 'too-large-nodes', params: { max: LIMITS.nodes } }, START_OF_FILE, 'too-large');
  return false;
}
