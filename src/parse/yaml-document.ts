// YAML text → plain data plus the source position of every top-level key,
// so messages about front matter or site.yaml point at the right line.
import type { Point, Position } from 'unist';
import {
  type Document,
  isCollection,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';

export interface YamlData {
  data: unknown;
  /** Position of each top-level key's value (or of the key when it has no value). */
  positions: Map<string, Position>;
}

export interface YamlError {
  message: string;
  place: Point;
}

/**
 * @param origin position of the YAML text's first character in the file, so
 *   front matter (which starts on line 2) reports file lines.
 */
export function parseYaml(
  text: string,
  origin: Point = { line: 1, column: 1 },
): { ok: true; value: YamlData } | { ok: false; error: YamlError } {
  const lineCounter = new LineCounter();
  // A leading byte-order mark is the editor's, not part of the text.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const doc = parseDocument(text.slice(bom), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: origin.line + line - 1, column: line === 1 ? origin.column + col - 1 + bom : col };
  };
  const [first] = doc.errors;
  if (first) {
    return { ok: false, error: { message: firstLine(first.message), place: toPoint(errorStart(doc, first)) } };
  }
  const positions = new Map<string, Position>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
      const range = valueRange ?? pair.key.range;
      positions.set(String(pair.key.value), { start: toPoint(range[0]), end: toPoint(range[1]) });
    }
  }
  try {
    return { ok: true, value: { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), positions } };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // "Billion laughs": aliases of aliases that would expand to more than the memory holds.
    let place = toPoint(0);
    visit(doc, {
      Alias(_key, node) {
        if (node.range) place = toPoint(node.range[0]);
        return visit.BREAK;
      },
    });
    return {
      ok: false,
      error: {
        message: `the aliases (*name) repeat other aliases too often, which would make the text enormous; write the values out instead`,
        place,
      },
    };
  }
}

/** Aliases of aliases that expand past this many nodes are refused (yaml's own guard). */
const MAX_ALIAS_COUNT = 100;

/**
 * An unclosed quote or bracket is reported where the text ends; the writer needs
 * the line where it opened: the start of the outermost quoted value or flow list
 * still open at the error.
 */
function errorStart(doc: Document, error: YAMLError): number {
  const at = error.pos[0];
  let start = at;
  visit(doc, (_key, node) => {
    const open = (isScalar(node) && node.type !== 'PLAIN') || (isCollection(node) && node.flow === true);
    const range = isNode(node) ? node.range : undefined;
    if (open && range && range[0] < start && at <= range[2]) start = range[0];
  });
  return start;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
