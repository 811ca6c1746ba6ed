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
/** A warning a renderer gave while making the files, shown again when they are reused. */
export interface CachedWarning {
  reason: string;
  line?: number;
  column?: number;
  ruleId: string;
  /** The renderer's message values, when it gave them (then its text comes from the catalogue). */
  params?: Readonly<Record<string, string | number>>;
}
interface CacheEntry {
  /** Hash of the renderer's cache key; empty for renderers without one (never reused). */
  key: string;
  files: CachedFile[];
  warnings?: CachedWarning[];
}

export interface OutputCache {
  /** The files rendered last time under this key, read from disk; undefined if stale or missing. */
  reuse(owner: string, key: string): Promise<Artifact[] | undefined>;
  /** The files a renderer made last time, whatever its key (editions not built this time). */
  previous(owner: string): Promise<Artifact[] | undefined>;
  /** Paths (and facts) of the files a renderer made last time, without reading them. */
  recorded(owner: string): Omit<Artifact, 'data'>[];
  /** The warnings recorded with the files last time. */
  warnings(owner: string): readonly CachedWarning[];
  /** Remembers what a renderer made (call once the files are written); `key` undefined: never reused. */
  record(owner: string, key: string | undefined, artifacts: readonly Artifact[], warnings?: CachedWarning[]): void;
  /** The manifest to write to `CACHE_MANIFEST`: sorted, so it is the same for the same build. */
  manifest(): Artifact;
}

/** Without `outDir` (`pelita check`) the cache is empty and nothing is reused. */
export async function openCache(outDir: string | undefined): Promise<OutputCache> {
  const entries = new Map<string, CacheEntry>(
    outDir ? Object.entries(await readManifest(join(outDir, CACHE_MANIFEST))) : [],
  );
  const readBack = async (entry: CacheEntry | undefined): Promise<Artifact[] | undefined> => {
    if (!entry || !outDir) return undefined;
    const artifacts: Artifact[] = [];
    for (const file of entry.files) {
      const data = await readFile(join(outDir, ...file.path.split('/'))).catch(() => undefined);
      if (!data || hash(data) !== file.sha256) return undefined;
      artifacts.push({ path: file.path, data: new Uint8Array(data), ...(file.facts ? { facts: file.facts } : {}) });
    }
    return artifacts;
  };
  return {
    async reuse(owner, key) {
      const entry = entries.get(owner);
      return entry && entry.key !== '' && entry.key === hash(key) ? readBack(entry) : undefined;
    },
    previous: (owner) => readBack(entries.get(owner)),
    recorded: (owner) =>
      (entries.get(owner)?.files ?? []).map((file) => ({
        path: file.path,
        ...(file.facts ? { facts: file.facts } : {}),
      })),
    warnings: (owner) => entries.get(owner)?.warnings ?? [],
    record(owner, key, artifacts, warnings = []) {
      entries.set(owner, {
        key: key === undefined ? '' : hash(key),
        files: artifacts.map((artifact) => ({
          path: artifact.path,
          sha256: hash(artifact.data),
          ...(artifact.facts ? { facts: { ...artifact.facts } } : {}),
        })),
        ...(warnings.length > 0 ? { warnings } : {}),
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
