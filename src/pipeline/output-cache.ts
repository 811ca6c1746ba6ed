// Reuse of slow renderers' files between builds. The manifest (output/.pelita-cache.json)
// records, per renderer and procedure, the renderer's cache key and the SHA-256 of each file
// it wrote. When the key matches and every file on disk still has its recorded hash, the
// files are read back instead of rendered again (like Eleventy's incremental builds).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Artifact } from '../render/types.js';

export const CACHE_MANIFEST = '.pelita-cache.json';
const MANIFEST_VERSION = 1;

interface CachedFile {
  path: string;
  sha256: string;
  facts?: Record<string, number>;
}
interface CacheEntry {
  key: string;
  files: CachedFile[];
}

export interface OutputCache {
  /** The files rendered last time under this key, read from disk; undefined if stale or missing. */
  reuse(owner: string, key: string): Promise<Artifact[] | undefined>;
  /** Remembers what a renderer made (call once the files are written). */
  record(owner: string, key: string, artifacts: readonly Artifact[]): void;
  /** The manifest to write to `CACHE_MANIFEST`: sorted, so it is the same for the same build. */
  manifest(): Artifact;
}

export async function openCache(outDir: string): Promise<OutputCache> {
  const entries = new Map<string, CacheEntry>(Object.entries(await readManifest(join(outDir, CACHE_MANIFEST))));
  return {
    async reuse(owner, key) {
      const entry = entries.get(owner);
      if (!entry || entry.key !== hash(key)) return undefined;
      const artifacts: Artifact[] = [];
      for (const file of entry.files) {
        const data = await readFile(join(outDir, ...file.path.split('/'))).catch(() => undefined);
        if (!data || hash(data) !== file.sha256) return undefined;
        artifacts.push({ path: file.path, data: new Uint8Array(data), ...(file.facts ? { facts: file.facts } : {}) });
      }
      return artifacts;
    },
    record(owner, key, artifacts) {
      entries.set(owner, {
        key: hash(key),
        files: artifacts.map((artifact) => ({
          path: artifact.path,
          sha256: hash(artifact.data),
          ...(artifact.facts ? { facts: { ...artifact.facts } } : {}),
        })),
      });
    },
    manifest() {
      const sorted = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return {
        path: CACHE_MANIFEST,
        data: `${JSON.stringify({ version: MANIFEST_VERSION, entries: sorted }, null, 1)}\n`,
      };
    },
  };
}

async function readManifest(path: string): Promise<Record<string, CacheEntry>> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as {
      version?: number;
      entries?: Record<string, CacheEntry>;
    };
    return parsed.version === MANIFEST_VERSION && parsed.entries ? parsed.entries : {};
  } catch {
    return {}; // no manifest yet, or unreadable: render everything
  }
}

function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
