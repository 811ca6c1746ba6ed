// Procedures read back from their last-good records (`<lang>/<slug>/.pelita-procedure.json`),
// a few at a time. Once a procedure's files are written, the build lets its procedure go and
// reads it here again when something asks for its body (the site files, a kept check): only
// the most recently read stay in memory, so memory does not grow with the corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedDocument } from '../model/check-documents.js';
import type { Procedure } from '../model/types.js';
import { procedureFromRecord } from './check-cache.js';
import { LAST_GOOD_FILE } from './last-good.js';

/** How many procedures read back stay in memory (the site renderers ask for each in turn). */
export const PROCEDURES_HELD = 32;

export interface ProcedureStore {
  /** The procedure of `<lang>/<slug>` as its record in the output folder holds it. */
  get(dir: string): Procedure;
}

export function procedureStore(outDir: string, held = PROCEDURES_HELD): ProcedureStore {
  // A Map keeps insertion order: the first key is the least recently used.
  const recent = new Map<string, Procedure>();
  return {
    get(dir) {
      let procedure = recent.get(dir);
      if (procedure) recent.delete(dir);
      else procedure = procedureFromRecord(readFileSync(join(outDir, ...dir.split('/'), LAST_GOOD_FILE)));
      recent.set(dir, procedure);
      if (recent.size > held) recent.delete(recent.keys().next().value as string);
      return procedure;
    },
  };
}

/** From now on `doc.procedure` is read through the store: the one in memory can go. */
export function releaseProcedure(doc: CheckedDocument, store: ProcedureStore, dir: string): void {
  Object.defineProperty(doc, 'procedure', { get: () => store.get(dir), enumerable: true, configurable: true });
}
