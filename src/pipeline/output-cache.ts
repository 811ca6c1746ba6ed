// Reuse of renderers' files between builds. The manifest (output/.pelita-cache.json, an
// index of parts in output/.pelita-cache/, laid out by cache-parts.ts) records, per renderer and procedure, the hash of the cache key and the SHA-256 of each
// file it wrote. When the key matches and every file on disk still has its recorded hash,
// the files are reused instead of rendered again (like Eleventy's incremental builds).
// A file's hash is trusted without reading it while its size and modification time are
// those recorded for this output folder in the user's cache folder (this machine's own
// record, like git's index; kept out of the output folder, whose bytes stay the same for
// the same input); a reused file's bytes are read only when something asks for them.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { lstat, mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Artifact } from '../render/types.js';
import { partArtifacts, partOf, readParts } from './cache-parts.js';
import { IO_AT_ONCE, mapLimit } from './map-limit.js';
import { writeFileSafe } from './safe-write.js';

export { CACHE_MANIFEST, CACHE_PARTS } from './cache-parts.js';
/**
 * Where the size and modification time of an output folder's files are kept, with the hash
 * they had then: `$XDG_CACHE_HOME/pelita/stat/` (or `~/.cache/…`), one file per folder.
 */
export function statRecordPath(outDir: string): { dir: string; name: string } {
  const home = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return { dir: join(home, 'pelita', 'stat'), name: `${hash(resolve(outDir)).slice(0, 32)}.json` };
}
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
  /** What reading the files back found (`verify:<lang>/<slug>` entries). */
  results?: unknown;
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
  record(
    owner: string,
    key: string | undefined,
    artifacts: readonly Artifact[],
    warnings?: CachedWarning[],
    results?: unknown,
  ): void;
  /** Forgets the entries of owners `keep` refuses (documents that are gone). */
  forget(keep: (owner: string) => boolean): void;
  /**
   * The index (`CACHE_MANIFEST`) and every part, to commit together: a part whose entries
   * did not change is the file already there (so it is not written again), the others are
   * made anew, sorted, so they are the same for the same build.
   */
  manifestParts(): Artifact[];
  /** A result recorded under this key (what verify found in a procedure's files), if the key matches. */
  result(owner: string, key: string): unknown;
  recordResult(owner: string, key: string, results: unknown): void;
  /** The result recorded last time, whatever its key. */
  resultOf(owner: string): unknown;
  /** Records the size and time of every file whose hash this build knows (call at the end). */
  saveStats(): Promise<void>;
}

/** SHA-256 of files whose hash is known without reading them (reused from the cache). */
const knownHashes = new WeakMap<Artifact, string>();

/** Records the SHA-256 of an artifact whose bytes are read only when asked for. */
export function knowHash(artifact: Artifact, sha256: string): void {
  knownHashes.set(artifact, sha256);
}

/** An artifact's SHA-256, without reading a reused file. */
export function artifactHash(artifact: Artifact): string {
  const known = knownHashes.get(artifact);
  if (known !== undefined) return known;
  const computed = hash(artifact.data);
  knownHashes.set(artifact, computed);
  return computed;
}

type Stats = Record<string, [size: number, mtimeMs: number, sha256: string]>;

/** Without `outDir` (`pelita check`) the cache is empty and nothing is reused. */
export async function openCache(outDir: string | undefined): Promise<OutputCache> {
  const read = outDir ? await readParts<CacheEntry>(outDir) : undefined;
  const entries = read?.entries ?? new Map<string, CacheEntry>();
  /** Owners whose entry was set or removed since read: only their parts are made again. */
  const changed = new Set<string>();
  const set = (owner: string, entry: CacheEntry) => {
    entries.set(owner, entry);
    changed.add(owner);
  };
  const record = outDir ? statRecordPath(outDir) : undefined;
  const statsText = record ? await readFile(join(record.dir, record.name), 'utf8').catch(() => '') : '';
  const stats = parseStats(statsText);
  const recordedCount = Object.keys(stats).length;
  /** Paths found with the size, time and hash their record holds (and not written since). */
  const asRecorded = new Set<string>();
  /** Paths whose hash this build knows: their size and time are recorded at the end. */
  const known = new Map<string, string>();
  /** Size and time of files found unchanged by this build. */
  const seenNow = new Map<string, [size: number, mtimeMs: number]>();
  // Synchronous: a build asks this of every file of every procedure kept, and one lstat
  // costs microseconds where a promise's round trip through the thread pool costs far more.
  const unchanged = (path: string, sha256: string): boolean => {
    if (!outDir) return false;
    const target = join(outDir, ...path.split('/'));
    const info = lstatSync(target, { throwIfNoEntry: false });
    if (!info?.isFile()) return false;
    const seen = stats[path];
    const asWas = seen !== undefined && seen[0] === info.size && seen[1] === info.mtimeMs && seen[2] === sha256;
    if (asWas) asRecorded.add(path);
    const same = asWas || hash(readFileSync(target)) === sha256;
    if (same) {
      known.set(path, sha256);
      // Its size and time are recorded as they are now: not asked again at the end.
      seenNow.set(path, [info.size, info.mtimeMs]);
    }
    return same;
  };
  /** Every file this build knows was found with the size, time and hash recorded, and no other is recorded. */
  const sameAsRecorded = () => asRecorded.size === known.size && known.size === recordedCount;
  const readBack = async (entry: CacheEntry | undefined): Promise<Artifact[] | undefined> => {
    if (!entry || !outDir) return undefined;
    if (!entry.files.every((file) => unchanged(file.path, file.sha256))) return undefined;
    return entry.files.map((file) => lazyArtifact(outDir, file));
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
    record(owner, key, artifacts, warnings = [], results = undefined) {
      for (const artifact of artifacts) {
        const sha256 = artifactHash(artifact);
        // A file written again since it was found unchanged: its size and time are asked anew.
        if (known.get(artifact.path) !== sha256) {
          seenNow.delete(artifact.path);
          asRecorded.delete(artifact.path);
        }
        known.set(artifact.path, sha256);
      }
      set(owner, {
        key: key === undefined ? '' : hash(key),
        files: artifacts.map((artifact) => ({
          path: artifact.path,
          sha256: artifactHash(artifact),
          ...(artifact.facts ? { facts: { ...artifact.facts } } : {}),
        })),
        ...(warnings.length > 0 ? { warnings } : {}),
        ...(results === undefined ? {} : { results }),
      });
    },
    forget(keep) {
      for (const owner of [...entries.keys()]) {
        if (keep(owner)) continue;
        entries.delete(owner);
        changed.add(owner);
      }
    },
    manifestParts() {
      const before = read ?? { buckets: 0, parts: new Map<string, string>() };
      const touched = new Set([...changed].map((owner) => partOf(owner, before.buckets || 1)));
      return partArtifacts(
        outDir,
        entries,
        before,
        (part) => !touched.has(part),
        (artifact, sha256) => knownHashes.set(artifact, sha256),
      );
    },
    result(owner, key) {
      const entry = entries.get(owner);
      return entry && entry.key === hash(key) ? entry.results : undefined;
    },
    resultOf: (owner) => entries.get(owner)?.results,
    recordResult(owner, key, results) {
      set(owner, { key: hash(key), files: [], results });
    },
    async saveStats() {
      if (!outDir || !record) return;
      // A rebuild with nothing changed found every file as recorded: the record stays as it is
      // (at 1,000 procedures, ≈ 14,000 entries not asked for, sorted and written out again).
      if (sameAsRecorded()) return;
      const next: Stats = {};
      const sorted = [...known].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      // Only files written now are asked for their size and time; the others were found unchanged.
      const unseen = sorted.filter(([path]) => !seenNow.has(path));
      const asked = await mapLimit(unseen, IO_AT_ONCE, async ([path]) => {
        const info = await lstat(join(outDir, ...path.split('/'))).catch(() => undefined);
        return info?.isFile() ? ([info.size, info.mtimeMs] as [number, number]) : undefined;
      });
      const infos = new Map(unseen.map(([path], index) => [path, asked[index]]));
      for (const [path, sha256] of sorted) {
        const info = seenNow.get(path) ?? infos.get(path);
        if (info) next[path] = [info[0], info[1], sha256];
      }
      const text = JSON.stringify(next);
      if (text === statsText) return; // as it was read: nothing to write
      // Only a speed-up: a cache folder that cannot be written means hashing next time.
      await mkdir(record.dir, { recursive: true })
        .then(() => writeFileSafe(record.dir, record.name, text))
        .catch(() => undefined);
    },
  };
}

/** A reused file: its bytes are read from disk the first time they are asked for. */
function lazyArtifact(outDir: string, file: CachedFile): Artifact {
  let data: Uint8Array | undefined;
  const artifact = {
    path: file.path,
    get data(): Uint8Array {
      data ??= new Uint8Array(readFileSync(join(outDir, ...file.path.split('/'))));
      return data;
    },
    ...(file.facts ? { facts: file.facts } : {}),
  };
  knownHashes.set(artifact, file.sha256);
  return artifact;
}

function parseStats(text: string): Stats {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Stats) : {};
  } catch {
    return {}; // none yet, or unreadable
  }
}

/** The cache entries of several output folders (shards of one build), as one index and its parts. */
export async function mergedManifest(outDirs: readonly string[]): Promise<Artifact[]> {
  const entries = new Map<string, CacheEntry>();
  for (const dir of outDirs)
    for (const [owner, entry] of (await readParts<CacheEntry>(dir)).entries) entries.set(owner, entry);
  return partArtifacts(undefined, entries, { buckets: 0, parts: new Map() }, () => false);
}

function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
