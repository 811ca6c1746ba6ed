// `pelita verify`: checks an existing output folder against the content, writing nothing.
import type { VFile } from 'vfile';
import { outlinesFor } from '../outline/build-outline.js';
import { openCatalog } from '../render/catalog/read-catalog.js';
import { checkContent, type Folders } from './build.js';
import { type Fidelity, type VerifyInput, verifyCatalog, verifyProcedures } from './verify-output.js';

export async function verifyOutput(
  options: Folders & { outDir: string; cwd?: string },
): Promise<{ files: VFile[]; fidelity?: Fidelity; verified: number }> {
  const { site, checked, files, templates } = await checkContent(options);
  if (!site) return { files, verified: 0 };
  const input: VerifyInput = {
    outDir: options.outDir,
    site,
    words: templates.words,
    outline: outlinesFor(site, templates.words),
  };
  const procedures = checked.flatMap((doc) => (doc.procedure ? [{ procedure: doc.procedure, file: doc.file }] : []));
  const fidelity = await verifyProcedures(input, procedures);
  const catalog = await openCatalog(options.outDir);
  if (catalog !== undefined) await verifyCatalog(input, catalog, procedures, fidelity);
  return { files, fidelity, verified: procedures.length };
}
