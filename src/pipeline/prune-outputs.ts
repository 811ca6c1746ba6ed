// When a procedure's Markdown file is deleted, its published pages must go too: an
// old page would keep telling citizens requirements and fees nobody maintains.
// Only folders holding nothing but files Pelita makes are removed.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * @param sources `<lang>/<slug>` of every document in the content folder, valid or not
 *   (a document with errors keeps its older outputs).
 * @param pelitaFiles file names Pelita writes into a procedure folder.
 * @returns the `<lang>/<slug>` folders removed.
 */
export async function pruneRemovedProcedures(
  outDir: string,
  languages: readonly string[],
  sources: ReadonlySet<string>,
  pelitaFiles: ReadonlySet<string>,
): Promise<string[]> {
  const removed: string[] = [];
  for (const lang of languages) {
    const folders = await readdir(join(outDir, lang), { withFileTypes: true }).catch(() => []);
    for (const folder of folders.filter((entry) => entry.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const key = `${lang}/${folder.name}`;
      if (sources.has(key)) continue;
      const files = await readdir(join(outDir, lang, folder.name), { withFileTypes: true });
      if (files.length === 0 || !files.every((file) => file.isFile() && pelitaFiles.has(file.name))) continue;
      await rm(join(outDir, lang, folder.name), { recursive: true });
      removed.push(key);
    }
  }
  return removed;
}
