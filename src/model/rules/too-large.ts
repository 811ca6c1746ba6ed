// too-large: a document past LIMITS.bytes, LIMITS.listItems or LIMITS.nodes. Such a file
// would take minutes and gigabytes to render (10,000 requirements: over a million SVG
// elements), so check refuses it, and says how to split it.
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { LIMITS } from '../limits.js';
import { reportError, START_OF_FILE } from '../report.js';

const HELP = 'Split the procedure into several files (one per service), or shorten it.';

export function checkBytes(file: VFile, bytes: Uint8Array): boolean {
  if (bytes.byteLength <= LIMITS.bytes) return true;
  reportError(
    file,
    `The file is ${bytes.byteLength.toLocaleString('en')} bytes; Pelita publishes procedures of up to ${LIMITS.bytes.toLocaleString('en')} bytes. ${HELP}`,
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
        `The document has more than ${LIMITS.listItems.toLocaleString('en')} list items (this is item ${items.toLocaleString('en')}). ${HELP}`,
        node.position?.start,
        'too-large',
      );
      return false;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  if (nodes <= LIMITS.nodes) return true;
  reportError(
    file,
    `The document is too complex to publish (more than ${LIMITS.nodes.toLocaleString('en')} parts: paragraphs, words in emphasis, links, table cells). ${HELP}`,
    START_OF_FILE,
    'too-large',
  );
  return false;
}
