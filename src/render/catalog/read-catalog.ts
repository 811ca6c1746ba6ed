// Reads a split catalog back (catalog.json and its catalog/<lang>.json files) as one object
// whose `languages[]` each hold their `procedures`, the shape `pelita verify` looks entries up in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface IndexLanguage {
  lang: string;
  file: string;
}

/** The whole catalog of an output folder, or undefined when it has none. */
export async function readCatalog(outDir: string): Promise<unknown> {
  const text = await readFile(join(outDir, 'catalog.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const index = JSON.parse(text) as { languages?: IndexLanguage[] };
  const languages = await Promise.all(
    (index.languages ?? []).map(async (language) => JSON.parse(await readFile(join(outDir, language.file), 'utf8'))),
  );
  return { ...index, languages };
}
