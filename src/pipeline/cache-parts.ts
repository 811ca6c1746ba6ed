// How the output cache's entries are laid out on disk (format 2): a small index,
// `.pelita-cache.json`, naming the parts, and the parts in `.pelita-cache/`. Each procedure
// (`<lang>/<slug>`) belongs to one of K buckets by a stable hash (SHA-256 of `<lang>/<slug>`,
// first 32 bits mod K), and every owner of that procedure (`html:id/x`, `check:id/x`,
// `build:id/x`, `verify:id/x` …) is kept in its bucket's part, `<i>-of-<K>.json`; owners of
// no procedure (`site`) in `site.json`. K is the smallest power of two that leaves at most
// 32 procedures per bucket on average, a function of the entries alone: the same build gives
// the same files, whatever builds came before, and no part grows with the corpus. A build
// writes only the parts whose entries changed (an edit: one part, and the site part).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifact } from '../render/types.js';
import { IO_AT_ONCE, mapLimit } from './map-limit.js';

/** The index: format version, bucket count and the parts present. */
export const CACHE_MANIFEST = '.pelita-cache.json';
/** The folder of the parts. */
export const CACHE_PARTS = '.pelita-cache';
export const CACHE_FORMAT = 2;
/** The single-file manifest of format 1, still read so an upgrade renders nothing again. */
const SINGLE_FILE_FORMAT = 1;
const PROCEDURES_PER_BUCKET = 32;
const SITE_PART = 'site';

interface Index {
  version: number;
  buckets: number;
  parts: string[];
}

/** The bucket count for this many procedures: a power of two, so growing rewrites rarely. */
export function bucketCount(procedures: number): number {
  let buckets = 1;
  while (procedures > buckets * PROCEDURES_PER_BUCKET) buckets *= 2;
  return buckets;
}

/**
 * `<lang>/<slug>` of an owner (`html:id/x` → `id/x`); undefined for the site's own (`site`,
 * `site-part:catalog/id/1.json`).
 */
export function ownerDir(owner: string): string | undefined {
  // A site part's path may look like `<lang>/<slug>` (`site-part:jv/index.html`): it is the site's.
  if (owner.startsWith('site-part:')) return undefined;
  const colon = owner.indexOf(':');
  const dir = colon < 0 ? undefined : owner.slice(colon + 1);
  return dir !== undefined && /^[^/]+\/[^/]+$/.test(dir) ? dir : undefined;
}

const bucketMemo = new Map<string, number>();
function bucketOf(procedure: string): number {
  let bucket = bucketMemo.get(procedure);
  if (bucket === undefined) {
    bucket = createHash('sha256').update(procedure).digest().readUInt32BE(0);
    bucketMemo.set(procedure, bucket);
  }
  return bucket;
}

/** The name of the part (without `.json`) that holds an owner's entry. */
export function partOf(owner: string, buckets: number): string {
  const procedure = ownerDir(owner);
  if (procedure === undefined) return SITE_PART;
  // Zero-padded, so the parts list in bucket order.
  const bucket = String(bucketOf(procedure) % buckets).padStart(String(buckets - 1).length, '0');
  return `${bucket}-of-${buckets}`;
}

const partPath = (name: string) => `${CACHE_PARTS}/${name}.json`;

/** What was read: every entry, and how the parts were cut (to tell which ones change). */
export interface ReadParts<Entry> {
  entries: Map<string, Entry>;
  /** Bucket count of the parts read; 0 when there were none (or only a format-1 file). */
  buckets: number;
  /** The parts read, with the SHA-256 of their bytes. */
  parts: ReadonlyMap<string, string>;
}

/**
 * Reads the index and every part it names (all at start: every build asks for every
 * procedure's `build:` entry). Unreadable or of another format: no entries (render everything).
 */
export async function readParts<Entry>(outDir: string): Promise<ReadParts<Entry>> {
  const none: ReadParts<Entry> = { entries: new Map(), buckets: 0, parts: new Map() };
  const parsed = (await readJson(join(outDir, CACHE_MANIFEST)))?.value;
  if (parsed?.version === SINGLE_FILE_FORMAT && isRecord(parsed.entries))
    return { ...none, entries: new Map(Object.entries(parsed.entries as Record<string, Entry>)) };
  const index = parsed as Partial<Index> | undefined;
  if (index?.version !== CACHE_FORMAT || typeof index.buckets !== 'number' || !Array.isArray(index.parts)) return none;
  const names = index.parts.filter((name): name is string => typeof name === 'string' && isPartName(name));
  const parts = await mapLimit(names, IO_AT_ONCE, (name) => readJson(join(outDir, ...partPath(name).split('/'))));
  // A part missing or unreadable: all is rendered again (a part alone would be a half cache).
  if (parts.some((part) => part?.value.version !== CACHE_FORMAT || !isRecord(part.value.entries))) return none;
  const entries = new Map<string, Entry>();
  const hashes = new Map<string, string>();
  for (const [index, part] of parts.entries()) {
    for (const [owner, entry] of Object.entries(part?.value.entries as object)) entries.set(owner, entry);
    hashes.set(names[index] as string, part?.sha256 as string);
  }
  return { entries, buckets: index.buckets, parts: hashes };
}

/**
 * The index and the parts for these entries. A part in `clean` (its entries unchanged since
 * read, under the same bucket count) is given as the file it is, with the hash it had when
 * read (told to `known`), read again only when the output folder compares it (it is then
 * not written); the others are made from the entries.
 */
export function partArtifacts<Entry>(
  outDir: string | undefined,
  entries: ReadonlyMap<string, Entry>,
  before: Pick<ReadParts<Entry>, 'buckets' | 'parts'>,
  clean: (part: string) => boolean,
  known: (artifact: Artifact, sha256: string) => void = () => {},
): Artifact[] {
  const procedures = new Set<string>();
  for (const owner of entries.keys()) {
    const procedure = ownerDir(owner);
    if (procedure !== undefined) procedures.add(procedure);
  }
  const buckets = bucketCount(procedures.size);
  const sameCut = buckets === before.buckets;
  const owners = new Map<string, string[]>();
  for (const owner of entries.keys()) {
    const part = partOf(owner, buckets);
    const list = owners.get(part);
    if (list) list.push(owner);
    else owners.set(part, [owner]);
  }
  const names = [...owners.keys()].sort(compare);
  const index: Index = { version: CACHE_FORMAT, buckets, parts: names };
  const artifacts: Artifact[] = [{ path: CACHE_MANIFEST, data: `${JSON.stringify(index)}\n` }];
  for (const name of names) {
    const sha256 = before.parts.get(name);
    if (outDir && sameCut && sha256 !== undefined && clean(name)) {
      const artifact = fileArtifact(outDir, partPath(name));
      known(artifact, sha256);
      artifacts.push(artifact);
    } else artifacts.push({ path: partPath(name), data: partText(owners.get(name) ?? [], entries) });
  }
  return artifacts;
}

/** One entry a line, sorted: compact, and a change shows as one line in a diff. */
function partText<Entry>(owners: string[], entries: ReadonlyMap<string, Entry>): string {
  const lines = owners.sort(compare).map((owner) => `${JSON.stringify(owner)}:${JSON.stringify(entries.get(owner))}`);
  return `{"version":${CACHE_FORMAT},"entries":{\n${lines.join(',\n')}\n}}\n`;
}

/**
 * A part as it is on disk (it holds the entries read), read each time its bytes are asked
 * for, so memory does not keep the parts (like a reused file, it must stay in place meanwhile).
 */
function fileArtifact(outDir: string, path: string): Artifact {
  return {
    path,
    get data(): Uint8Array {
      return readFileSync(join(outDir, ...path.split('/')));
    },
  };
}

function isPartName(name: string): boolean {
  return name === SITE_PART || /^\d+-of-\d+$/.test(name);
}

async function readJson(path: string): Promise<{ value: Record<string, unknown>; sha256: string } | undefined> {
  try {
    // Synchronous: a few dozen small parts, read one after another faster than through the thread pool.
    const bytes = readFileSync(path);
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return isRecord(value) ? { value, sha256: createHash('sha256').update(bytes).digest('hex') } : undefined;
  } catch {
    return undefined; // none yet, or unreadable
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
