// Runs `verify` over the procedures of a build (or of an existing output folder) and
// turns what is missing into positioned messages on each procedure's source file.
import type { VFile } from 'vfile';
import type { Words } from '../i18n/words.js';
import { reportError, START_OF_FILE } from '../model/report.js';
import type { Site } from '../model/site.js';
import type { Procedure } from '../model/types.js';
import type { Outline } from '../outline/types.js';
import { procedureDir } from '../render/types.js';
import type { EditionResult } from '../verify/verify.js';

// The readers of every edition (PDF text, Braille, audio scripts) load only when a file must be read.
const readers = () => import('../verify/verify.js');

export interface VerifiedProcedure {
  procedure: Procedure;
  results: EditionResult[];
}

export interface Fidelity {
  /** Per edition, over every procedure: texts found and expected. */
  totals: Map<string, { found: number; expected: number }>;
  procedures: VerifiedProcedure[];
}

export interface VerifyInput {
  outDir: string;
  site: Site;
  words: ReadonlyMap<string, Words>;
  outline(procedure: Procedure): Outline;
}

/** What verify found in files it read before, so files reused unchanged are not read again. */
export interface VerifyMemo {
  /** By `<lang>/<slug>`. */
  get(dir: string): EditionResult[] | undefined;
  set(dir: string, results: EditionResult[]): void;
}

/** A procedure to verify; with `dir`, its procedure is read only when the memo does not know it. */
export interface ToVerify {
  procedure: Procedure;
  file: VFile;
  dir?: string;
}

/** `paths`: only these files are read back (default: every edition file in the folder). */
export async function verifyProcedures(
  input: VerifyInput,
  procedures: readonly ToVerify[],
  paths?: ReadonlySet<string>,
  memo?: VerifyMemo,
): Promise<Fidelity> {
  const fidelity: Fidelity = { totals: new Map(), procedures: [] };
  for (const entry of procedures) {
    const { file } = entry;
    const dir = entry.dir ?? procedureDir(entry.procedure);
    let results = memo?.get(dir);
    if (!results) {
      results = await (await readers()).verifyProcedure(input.outline(entry.procedure), input, paths);
      memo?.set(dir, results);
    }
    for (const result of results) report(file, result);
    // The procedure is read (from a kept record) only by whoever asks for it.
    const verified = { results } as VerifiedProcedure;
    Object.defineProperty(verified, 'procedure', { get: () => entry.procedure, enumerable: true });
    fidelity.procedures.push(verified);
    for (const result of results) add(fidelity, result);
  }
  return fidelity;
}

/** Checks each procedure's entry of catalog.json (written after the procedures). */
export async function verifyCatalog(
  input: Pick<VerifyInput, 'outline'>,
  catalog: unknown,
  procedures: readonly ToVerify[],
  fidelity: Fidelity,
): Promise<Map<string, EditionResult>> {
  const { verifyCatalogEntry } = await readers();
  const found = new Map<string, EditionResult>();
  for (const entry of procedures) {
    const result = verifyCatalogEntry(input.outline(entry.procedure), catalog);
    report(entry.file, result);
    add(fidelity, result);
    found.set(entry.dir ?? procedureDir(entry.procedure), result);
  }
  return found;
}

/** What verifyCatalog found before, told again (the catalog and these procedures did not change). */
export function replayCatalog(
  procedures: readonly ToVerify[],
  found: Readonly<Record<string, EditionResult>>,
  fidelity: Fidelity,
): void {
  for (const entry of procedures) {
    const result = found[entry.dir ?? procedureDir(entry.procedure)];
    if (!result) continue;
    report(entry.file, result);
    add(fidelity, result);
  }
}

function add(fidelity: Fidelity, result: EditionResult): void {
  const total = fidelity.totals.get(result.edition) ?? { found: 0, expected: 0 };
  total.found += result.found;
  total.expected += result.expected;
  fidelity.totals.set(result.edition, total);
}

function report(file: VFile, result: EditionResult): void {
  for (const missing of result.missing) {
    reportError(
      file,
      { id: 'edition-missing-text', params: { edition: result.edition, path: result.path, text: missing.text } },
      missing.position ?? START_OF_FILE,
      'edition-missing-text',
    );
  }
}

/** `braille: 642/642 teks`, one line per edition, in a fixed order, in the messages' language. */
export function fidelityLines(
  fidelity: Fidelity,
  say: (id: string, params: Record<string, string | number>) => string,
): string[] {
  return [...fidelity.totals].map(([edition, { found, expected }]) =>
    say('summary-fidelity', { edition, found, expected }),
  );
}
