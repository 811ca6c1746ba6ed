// What a killed build leaves in the output folder: Pelita's temporary files (`.<name>.pelita-new`)
// and, from builds before the checked writer, write-file-atomic's (`<name>.<digits>` beside a
// file Pelita wrote). Removed at the next start; links are never followed.
import { type Dirent, readdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from './output-manifest.js';
import { TEMP_SUFFIX } from './safe-write.js';

export async function removeLeftovers(outDir: string, manifest: Manifest): Promise<void> {
  const written = new Set([...manifest.keys()]);
  const folders = [''];
  for (let rel = folders.pop(); rel !== undefined; rel = folders.pop()) {
    // Synchronous: every folder of the output is listed, and each listing is small.
    let entries: Dirent[];
    try {
      entries = readdirSync(join(outDir, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile() && isLeftover(entry.name, rel, written)) await unlink(join(outDir, path));
    }
  }
}

function isLeftover(name: string, folder: string, written: ReadonlySet<string>): boolean {
  if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) return true;
  const legacy = /^(.+)\.\d+$/.exec(name)?.[1];
  return legacy !== undefined && written.has(folder ? `${folder}/${legacy}` : legacy);
}
