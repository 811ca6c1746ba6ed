// Reads a content folder: site.yaml and every `<lang>/<slug>.md`.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceDocument } from '../model/check-documents.js';

export interface ContentFolder {
  siteText?: string;
  documents: SourceDocument[];
}

/** Language folders are the content folder's sub-folders; hidden entries are skipped. */
export async function loadContent(contentDir: string): Promise<ContentFolder> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  const siteText = entries.some((entry) => entry.isFile() && entry.name === 'site.yaml')
    ? await readFile(join(contentDir, 'site.yaml'), 'utf8')
    : undefined;
  const documents: SourceDocument[] = [];
  for (const folder of entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))) {
    const files = await readdir(join(contentDir, folder.name), { withFileTypes: true });
    for (const file of files) {
      if (!file.isFile() || !file.name.endsWith('.md') || file.name.startsWith('.')) continue;
      documents.push({
        source: `${folder.name}/${file.name}`,
        bytes: await readFile(join(contentDir, folder.name, file.name)),
      });
    }
  }
  documents.sort((a, b) => (a.source < b.source ? -1 : 1));
  return { siteText, documents };
}
