// `pelita merge OUT SHARD…`: the procedure folders that `build --shard i/n` wrote into
// several folders (on several machines) are copied into one output folder with their cache
// records; the build that follows then reuses every file (nothing is rendered) and makes
// the site files (index, catalog and whatever site renderers exist) from all of them, so
// the folder is byte for byte what one build on one machine makes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Artifact } from '../render/types.js';
import { DEFAULT_TEMPLATES_DIR } from './load-templates.js';
import { mergedManifest } from './output-cache.js';
import { OutFolderError } from './output-errors.js';
import { openOutputFolder } from './output-folder.js';
import { readManifest, sha256 } from './output-manifest.js';

export interface MergeOptions {
  outDir: string;
  shardDirs: readonly string[];
  contentDir: string;
  templatesDir?: string;
  force?: boolean;
}

/** Copies every shard's procedure files and cache records into `outDir`; returns the files copied. */
export async function mergeShards(options: MergeOptions): Promise<number> {
  const output = await openOutputFolder({ ...options, templatesDir: options.templatesDir ?? DEFAULT_TEMPLATES_DIR });
  let copied = 0;
  try {
    for (const shardDir of options.shardDirs) {
      const manifest = await readManifest(shardDir);
      if (!manifest) throw new OutFolderError(`${shardDir} is not a folder Pelita built (it has no manifest).`);
      // One procedure at a time: its files are replaced together, and memory holds one procedure.
      const groups = new Map<string, string[]>();
      for (const path of [...manifest.keys()].sort()) {
        const parts = path.split('/');
        if (parts.length < 3) continue; // the shard's own bookkeeping; site files come from the build after
        const dir = `${parts[0]}/${parts[1]}`;
        groups.set(dir, [...(groups.get(dir) ?? []), path]);
      }
      for (const paths of groups.values()) {
        const artifacts: Artifact[] = [];
        for (const path of paths) {
          const data = new Uint8Array(await readFile(join(shardDir, ...path.split('/'))));
          if (sha256(data) !== manifest.get(path))
            throw new OutFolderError(`${join(shardDir, path)} changed after Pelita wrote it: build that shard again.`);
          artifacts.push({ path, data });
        }
        await output.commit(artifacts);
        copied += artifacts.length;
      }
    }
    await output.commit(await mergedManifest(options.shardDirs));
  } finally {
    await output.close();
  }
  return copied;
}
