// Where checked procedures wait, so that a large corpus's are not all held in memory: from
// the moment a document is checked until its files are written, its procedure is kept as
// compressed JSON; once written, it is read back from its last-good record
// (`<lang>/<slug>/.pelita-procedure.json`). Only the procedures most recently asked for are
// held whole, so memory does not grow with the corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CheckedDocument } from '../model/check-documents.js';
import type { Procedure } from '../model/types.js';
import { LAST_GOOD_FILE } from './last-good.js';

/** How many procedures stay whole in memory (more than the render loop has under way at once). */
export const PROCEDURES_HELD = 32;

export interface ProcedureStore {
  /** The procedure of `<lang>/<slug>`, whole. */
  get(dir: string): Procedure;
  /** From now on `doc.procedure` is asked of the store, which keeps it compressed. */
  pack(doc: CheckedDocument, dir: string): void;
  /** Its files are written: from now on it is read back from its record in the output folder. */
  written(doc: CheckedDocument, dir: string): void;
}

/** @param outDir where written procedures' records are; without it none is ever written. */
export function procedureStore(outDir?: string, held = PROCEDURES_HELD): ProcedureStore {
  const packed = new Map<string, Buffer>();
  // A Map keeps insertion order: the first key is the least recently used.
  const recent = new Map<string, Procedure>();
  const read = (dir: string): Procedure => {
    const bytes = packed.get(dir);
    if (bytes) return JSON.parse(inflateRawSync(bytes).toString('utf8')) as Procedure;
    if (!outDir) throw new Error(`no procedure kept for ${dir}`);
    const record = readFileSync(join(outDir, ...dir.split('/'), LAST_GOOD_FILE), 'utf8');
    return (JSON.parse(record) as { procedure: Procedure }).procedure;
  };
  /** Makes `procedure` the most recently used, letting the least recently used go. */
  const hold = (dir: string, procedure: Procedure): Procedure => {
    recent.delete(dir);
    recent.set(dir, procedure);
    if (recent.size > held) recent.delete(recent.keys().next().value as string);
    return procedure;
  };
  const store: ProcedureStore = {
    get: (dir) => hold(dir, recent.get(dir) ?? read(dir)),
    pack(doc, dir) {
      const procedure = doc.procedure;
      if (!procedure) return;
      // Level 1: a fraction of a millisecond per procedure, and about a fifth of the JSON's size.
      packed.set(dir, deflateRawSync(JSON.stringify(procedure), { level: 1 }));
      hold(dir, procedure);
      askStore(doc, store, dir);
    },
    written(doc, dir) {
      packed.delete(dir);
      askStore(doc, store, dir);
    },
  };
  return store;
}

function askStore(doc: CheckedDocument, store: ProcedureStore, dir: string): void {
  // So that asking whether it is valid does not read it back (isValid).
  doc.valid = true;
  Object.defineProperty(doc, 'procedure', { get: () => store.get(dir), enumerable: true, configurable: true });
}
