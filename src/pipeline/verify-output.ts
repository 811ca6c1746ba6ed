// Runs `verify` over the procedures of a build (or of an existing output folder) and
// turns what is missing into positioned messages on each procedure's source file.
import type { VFile } from 'vfile';
import type { Words } from '../i18n/words.js';
import { reportError, START_OF_FILE } from '../model/report.js';
import type { Site } from '../model/site.js';
import type { Procedure } from '../model/types.js';
import type { Outline } from '../outline/types.js';
import { type CatalogFiles, type CatalogPart, partFor } from '../render/catalog/read-catalog.js';
import { procedureDir } from '../render/types.js';
import type { EditionResult } from '../verify/verify.js';

export { catalogOf } from '../render/catalog/read-catalog.js';

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

/**
 * Checks each procedure's entry in the catalog (written after the procedures). The entries are
 * looked up in the index and read from their part's own bytes, one part at a time: only the
 * parts that hold one of `procedures` are parsed.
 */
export async function verifyCatalog(
  input: Pick<VerifyInput, 'outline'>,
  catalog: CatalogFiles | undefined,
  procedures: readonly ToVerify[],
  fidelity: Fidelity,
): Promise<Map<string, EditionResult>> {
  const { verifyCatalogEntry } = await readers();
  const byPart = new Map<string, ToVerify[]>();
  for (const entry of procedures) {
    const file =
      (catalog && partFor(catalog.index, entry.procedure.lang, entry.procedure.slug))?.file ?? 'catalog.json';
    const group = byPart.get(file);
    if (group) group.push(entry);
    else byPart.set(file, [entry]);
  }
  const results = new Map<ToVerify, EditionResult>();
  for (const [file, entries] of byPart) {
    const text = file === 'catalog.json' ? undefined : await catalog?.text(file);
    const part = text === undefined ? undefined : (JSON.parse(text) as CatalogPart);
    // The part alone, in the shape the entry is looked up in: its language's procedures.
    const view = part ? { languages: [{ lang: part.lang, procedures: part.procedures ?? [] }] } : undefined;
    for (const entry of entries) results.set(entry, verifyCatalogEntry(input.outline(entry.procedure), view, file));
  }
  // Told in the order of `procedures`, whatever the parts.
  const found = new Map<string, EditionResult>();
  for (const entry of procedures) {
    const result = results.get(entry) as EditionResult;
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
