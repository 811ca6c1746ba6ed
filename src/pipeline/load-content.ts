// Reads a content folder: site.yaml and every `<lang>/<slug>.md`.
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { SourceDocument } from '../model/check-documents.js';
import { reportWarning, START_OF_FILE } from '../model/report.js';
import { readText } from './read-text.js';

export interface ContentFolder {
  siteText?: string;
  documents: SourceDocument[];
  /** site.yaml, language folders and `.md` files that are symbolic links: not read, reported. */
  links: string[];
}

/**
 * Language folders are the content folder's sub-folders; hidden entries are skipped. Links
 * are not followed: they could publish any file of the machine.
 */
export async function loadContent(contentDir: string): Promise<ContentFolder> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  const links = entries
    .filter((entry) => entry.isSymbolicLink() && !entry.name.startsWith('.'))
    .filter((entry) => entry.name === 'site.yaml' || !entry.name.includes('.') || entry.name.endsWith('.md'))
    .map((entry) => entry.name);
  const siteText = entries.some((entry) => entry.isFile() && entry.name === 'site.yaml')
    ? await readText(join(contentDir, 'site.yaml'))
    : undefined;
  const sources: string[] = [];
  for (const folder of entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))) {
    const files = await readdir(join(contentDir, folder.name), { withFileTypes: true });
    for (const file of files) {
      if (file.isSymbolicLink() && file.name.endsWith('.md')) links.push(`${folder.name}/${file.name}`);
      if (!file.isFile() || !file.name.endsWith('.md') || file.name.startsWith('.')) continue;
      sources.push(`${folder.name}/${file.name}`);
    }
  }
  // Read one after another, synchronously: for small files an open-stat-read-close through
  // the thread pool costs several times the read itself.
  const documents: SourceDocument[] = sources.map((source) => ({
    source,
    bytes: readFileSync(join(contentDir, ...source.split('/'))),
  }));
  documents.sort((a, b) => (a.source < b.source ? -1 : 1));
  return { siteText, documents, links: links.sort() };
}

/** The message for a link that loadContent skipped. */
export function linkWarning(path: string): VFile {
  const file = new VFile({ path });
  reportWarning(file, { id: 'symlinked-content' }, START_OF_FILE, 'symlinked-content');
  return file;
}
