// The output folder's record of every file Pelita wrote there, with its SHA-256
// (output/.pelita-output.json). Only files listed here, unchanged since, are ever
// replaced or removed without --force; a folder without it is not Pelita's.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REAL_FS, type WriteFs, writeFileSafe } from './safe-write.js';

export const OUTPUT_MANIFEST = '.pelita-output.json';
const VERSION = 1;

/** Output path (`/`-separated) → SHA-256 of what Pelita wrote there. */
export type Manifest = Map<string, string>;

/** The manifest, or undefined when the folder has none (or one Pelita cannot read). */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  const text = await readFile(join(outDir, OUTPUT_MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as { version?: number; files?: Record<string, string> };
    if (parsed.version !== VERSION || typeof parsed.files !== 'object' || parsed.files === null) return undefined;
    return new Map(Object.entries(parsed.files).filter((entry) => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}

export async function writeManifest(outDir: string, manifest: Manifest, fs: WriteFs = REAL_FS): Promise<void> {
  const files = Object.fromEntries([...manifest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileSafe(outDir, OUTPUT_MANIFEST, `${JSON.stringify({ version: VERSION, files }, null, 1)}\n`, fs);
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
