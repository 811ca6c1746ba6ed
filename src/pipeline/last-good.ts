// The last version of each procedure that built, kept in its output folder, so a
// document that now has errors stays listed in the index and catalog (as "not updated")
// instead of vanishing while its older pages are still online.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Procedure } from '../model/types.js';
import { type Artifact, procedureDir } from '../render/types.js';

export const LAST_GOOD_FILE = '.pelita-procedure.json';
const VERSION = 1;

/** The record to write with a procedure's files. */
export function lastGoodArtifact(procedure: Procedure): Artifact {
  return {
    path: `${procedureDir(procedure)}/${LAST_GOOD_FILE}`,
    data: `${JSON.stringify({ version: VERSION, procedure })}\n`,
  };
}

/** The procedure as it last built into `outDir`, or undefined when it never did. */
export async function readLastGood(outDir: string, dir: string): Promise<Procedure | undefined> {
  try {
    const record = JSON.parse(await readFile(join(outDir, ...dir.split('/'), LAST_GOOD_FILE), 'utf8')) as {
      version?: number;
      procedure?: Procedure;
    };
    return record.version === VERSION ? record.procedure : undefined;
  } catch {
    return undefined; // never built, or written by another version: not listed
  }
}
