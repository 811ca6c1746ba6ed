// The output folder as Pelita owns it: refused when it is not Pelita's (or is the content
// folder, /, home …), locked against a second build, repaired after a kill, written one
// group of files (a procedure, or the site files) at a time so that a group is either all
// old or all new, and pruned of nothing but the files Pelita wrote and nobody changed.
import { readFileSync } from 'node:fs';
import { readdir, readFile, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Artifact } from '../render/types.js';
import { guardOutDir } from './guard-out-dir.js';
import { acquireLock, LOCK_FILE } from './lock.js';
import { artifactHash, knowHash } from './output-cache.js';
import { InTheWayError, OutFolderError } from './output-errors.js';
import { type Manifest, OUTPUT_MANIFEST, readManifest, sha256, writeManifest } from './output-manifest.js';
import { removeLeftovers } from './remove-leftovers.js';
import {
  appendDurably,
  commitTemp,
  lstatOrUndefined,
  prepareTarget,
  REAL_FS,
  removeIfThere,
  syncFolders,
  tempPathFor,
  type WriteFs,
  writeFileSafe,
  writeTemp,
} from './safe-write.js';

/** Lists a group's files while they are renamed into place, so a kill is finished at the next start. */
export const JOURNAL = '.pelita-journal.json';
/**
 * Groups put in place since the manifest was last written, one JSON line each: appending a
 * line costs the same for the 10th procedure as for the 10,000th, where rewriting the whole
 * manifest after every group grew with the corpus. Folded into the manifest at the next
 * start after a kill, and when the folder is closed.
 */
export const MANIFEST_LOG = '.pelita-output-log.jsonl';

export interface OutputFolderOptions {
  outDir: string;
  contentDir: string;
  templatesDir?: string;
  /** Build into a folder that is not (yet) Pelita's, replacing files in the way. */
  force?: boolean;
  fs?: WriteFs;
}

export interface PruneResult {
  /** `<lang>/<slug>` whose source file is gone and whose files were removed. */
  removed: string[];
  /** Files not removed because they changed after Pelita wrote them (or became links). */
  kept: string[];
}

/** Files written one by one that replace their targets together, at `commit`. */
export interface StagedGroup {
  /**
   * Writes the file beside its target (or finds the target already holds its bytes); returns
   * it as an artifact whose bytes are read back from disk each time they are asked for.
   */
  add(artifact: Artifact): Promise<Artifact>;
  /** Adds `last`, then puts every file in place: after a kill, all are old or all new. */
  commit(last?: readonly Artifact[]): Promise<string[]>;
  /** Removes the files written (the group is abandoned, e.g. a file is in the way). */
  discard(): Promise<void>;
}

export interface OutputFolder {
  readonly outDir: string;
  /** Writes files together: after a kill (and the next start), all are old or all new. */
  commit(artifacts: readonly Artifact[]): Promise<string[]>;
  /**
   * A group committed like `commit`'s, whose files are written (beside their targets) as they
   * are added, so a large group (the site files) is never held in memory whole.
   */
  stage(): StagedGroup;
  /** Records files already in place (reused from the cache) as Pelita's. */
  keep(artifacts: readonly Artifact[]): void;
  /**
   * Removes files of the last build that this one did not make, except those of documents
   * that exist but did not build (their older files stay).
   * @param current output paths written or kept by this build.
   * @param sources `<lang>/<slug>` of every document, valid or not; `built` those that built.
   */
  prune(current: ReadonlySet<string>, sources: ReadonlySet<string>, built: ReadonlySet<string>): Promise<PruneResult>;
  close(): Promise<void>;
}

export async function openOutputFolder(options: OutputFolderOptions): Promise<OutputFolder> {
  const fs = options.fs ?? REAL_FS;
  const outDir = await guardOutDir(options.outDir, options.contentDir, options.templatesDir);
  fs.mkdirSync(outDir, { recursive: true });
  if (!(await stat(outDir)).isDirectory()) throw new OutFolderError(`${options.outDir} is a file, not a folder.`);
  let manifest = await readManifest(outDir);
  const isNew = !manifest;
  if (!manifest) {
    const entries = (await readdir(outDir)).filter((name) => name !== LOCK_FILE);
    if (entries.length > 0 && !options.force) {
      throw new OutFolderError(
        `${options.outDir} already holds files that Pelita did not write (it has no ${OUTPUT_MANIFEST}). Build into an empty or new folder, or add --force to build into it anyway: Pelita then replaces only the files it makes and removes none.`,
      );
    }
    manifest = new Map();
  }
  const { release, tookOver } = await acquireLock(outDir);
  try {
    // A folder of Pelita's has a manifest from its first moment: a kill later leaves no files
    // that the next build would take for someone else's.
    const unfolded = await replayLog(outDir, manifest, fs);
    if (unfolded || isNew) {
      await writeManifest(outDir, manifest, fs);
      removeIfThere(join(outDir, MANIFEST_LOG), fs);
    }
    const interrupted = await finishJournal(outDir, manifest, fs);
    // Only a build that did not end leaves temporary files (a build that ends removes those of
    // a group it gives up): every folder is listed then, not at each start (at 10,000
    // procedures that is ≈ 25,000 listings).
    if (isNew || tookOver || unfolded || interrupted) await removeLeftovers(outDir, manifest);
  } catch (error) {
    await release();
    throw error;
  }
  const folder: PelitaOutput = new PelitaOutput(outDir, manifest, options.force === true, fs, async () => {
    try {
      if (folder.logged) {
        await writeManifest(outDir, manifest, fs);
        removeIfThere(join(outDir, MANIFEST_LOG), fs);
      }
    } finally {
      await release();
    }
  });
  return folder;
}

class PelitaOutput implements OutputFolder {
  /** Groups were logged since the manifest was last written. */
  logged = false;
  /** Entries were added, changed or removed since the manifest was read or written. */
  private changed = false;
  constructor(
    readonly outDir: string,
    private readonly manifest: Manifest,
    private readonly force: boolean,
    private readonly fs: WriteFs,
    readonly close: () => Promise<void>,
  ) {}

  async commit(all: readonly Artifact[]): Promise<string[]> {
    const group = this.stage();
    try {
      for (const artifact of all) await group.add(artifact);
    } catch (error) {
      await group.discard();
      throw error;
    }
    return group.commit();
  }

  stage(): StagedGroup {
    const { fs, outDir, manifest } = this;
    /** Every path added, in order; those whose bytes changed also have a temporary file written. */
    const paths: string[] = [];
    const staged: { path: string; sha256: string; target: string; temp: string; at: { file: string } }[] = [];
    let open = true;
    const discard = async () => {
      open = false;
      for (const file of staged.splice(0)) removeIfThere(file.temp, fs);
    };
    const add = async (artifact: Artifact): Promise<Artifact> => {
      if (!open) throw new Error('this group of files is already committed or discarded');
      const sha256 = artifactHash(artifact);
      // A file already holding these bytes is not written again (no rename, no fsync).
      if (await this.holds(artifact)) {
        paths.push(artifact.path);
        return fileArtifact({ file: join(outDir, ...artifact.path.split('/')) }, artifact, sha256);
      }
      const { target, exists } = await prepareTarget(outDir, artifact.path, fs);
      if (!this.force && !manifest.has(artifact.path) && exists) throw new InTheWayError('foreign', target);
      const temp = await writeTemp(target, artifact.data, fs);
      paths.push(artifact.path);
      // Read from the temporary file until it is put in place, then from its target.
      const at = { file: temp };
      staged.push({ path: artifact.path, sha256, target, temp, at });
      return fileArtifact(at, artifact, sha256);
    };
    const commit = async (last: readonly Artifact[] = []): Promise<string[]> => {
      if (!open) throw new Error('this group of files is already committed or discarded');
      try {
        for (const artifact of last) await add(artifact);
        // The journal too can meet a full disk: then the written temporary files go as well.
        if (staged.length > 0)
          await writeFileSafe(
            outDir,
            JOURNAL,
            JSON.stringify({ files: staged.map(({ path, sha256 }) => ({ path, sha256 })) }),
            fs,
          );
      } catch (error) {
        await discard();
        throw error;
      }
      open = false;
      if (staged.length === 0) return paths;
      for (const file of staged) {
        await commitTemp(file.temp, file.target, fs);
        file.at.file = file.target;
      }
      await syncFolders(
        staged.map((file) => dirname(file.target)),
        fs,
      );
      const entries = staged.map(({ path, sha256 }) => ({ path, sha256 }));
      for (const entry of entries) manifest.set(entry.path, entry.sha256);
      await appendLog(outDir, entries, fs);
      this.logged = true;
      removeIfThere(join(outDir, JOURNAL), fs);
      return paths;
    };
    return { add, commit, discard };
  }

  /** True when Pelita wrote this file and it still holds exactly these bytes. */
  private async holds(artifact: Artifact): Promise<boolean> {
    if (this.manifest.get(artifact.path) !== artifactHash(artifact)) return false;
    const target = join(this.outDir, ...artifact.path.split('/'));
    const bytes = typeof artifact.data === 'string' ? Buffer.from(artifact.data) : artifact.data;
    const info = await lstatOrUndefined(target, this.fs).catch(() => undefined);
    if (!info?.isFile() || info.size !== bytes.byteLength) return false;
    return Buffer.compare(await readFile(target), bytes) === 0;
  }

  keep(artifacts: readonly Artifact[]): void {
    for (const artifact of artifacts) {
      const sha256 = artifactHash(artifact);
      if (this.manifest.get(artifact.path) === sha256) continue;
      this.manifest.set(artifact.path, sha256);
      this.changed = true;
    }
  }

  async prune(
    current: ReadonlySet<string>,
    sources: ReadonlySet<string>,
    built: ReadonlySet<string>,
  ): Promise<PruneResult> {
    const { outDir, manifest } = this;
    const result: PruneResult = { removed: [], kept: [] };
    const removed = new Set<string>();
    const folders = new Set<string>();
    for (const path of [...manifest.keys()].sort()) {
      if (current.has(path)) continue;
      const key = procedureKey(path);
      if (key && sources.has(key) && !built.has(key)) continue; // has errors now: its older files stay
      const hash = manifest.get(path);
      manifest.delete(path);
      this.changed = true;
      const target = join(outDir, ...path.split('/'));
      if (await isUnchanged(outDir, path, target, hash)) {
        await unlink(target);
        if (key && !sources.has(key)) removed.add(key);
        for (let folder = dirname(target); folder.startsWith(`${outDir}/`); folder = dirname(folder))
          folders.add(folder);
      } else if (await lstatOrUndefined(target, this.fs).catch(() => undefined)) {
        result.kept.push(path);
      }
    }
    // Deepest first; a folder that still holds anything stays.
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => undefined);
    // A build that changed nothing (no group logged, nothing kept anew or removed) leaves
    // the manifest as it is: it already holds these entries.
    if (this.changed || this.logged) {
      await writeManifest(outDir, manifest);
      removeIfThere(join(outDir, MANIFEST_LOG), this.fs);
    }
    this.logged = false;
    this.changed = false;
    result.removed = [...removed].sort();
    return result;
  }
}

/** `<lang>/<slug>` of a procedure's file; undefined for the site's own files. */
/** An artifact whose bytes stay on disk (at `file`), read each time they are asked for. */
function fileArtifact(at: { readonly file: string }, artifact: Artifact, sha256: string): Artifact {
  const onDisk = {
    path: artifact.path,
    get data(): Uint8Array {
      return new Uint8Array(readFileSync(at.file));
    },
    ...(artifact.facts ? { facts: artifact.facts } : {}),
  };
  knowHash(onDisk, sha256);
  return onDisk;
}

function procedureKey(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length >= 3 ? `${parts[0]}/${parts[1]}` : undefined;
}

/** True when `target` is a plain file, reached through no link, with the hash Pelita recorded. */
async function isUnchanged(outDir: string, rel: string, target: string, hash: string | undefined): Promise<boolean> {
  if (hash === undefined) return false;
  try {
    let folder = outDir;
    for (const part of rel.split('/').slice(0, -1)) {
      folder = join(folder, part);
      const info = await lstatOrUndefined(folder);
      if (!info?.isDirectory() || info.isSymbolicLink()) return false;
    }
    const info = await lstatOrUndefined(target);
    return info?.isFile() === true && sha256(await readFile(target)) === hash;
  } catch {
    return false;
  }
}

/** Records a group's files in the log, durably, before its journal is removed. */
async function appendLog(outDir: string, entries: { path: string; sha256: string }[], fs: WriteFs): Promise<void> {
  appendDurably(join(outDir, MANIFEST_LOG), `${JSON.stringify(entries)}\n`, fs);
}

/** Adds the groups logged since the manifest was written (a line cut short by a kill is dropped). */
async function replayLog(outDir: string, manifest: Manifest, fs: WriteFs): Promise<boolean> {
  if (!(await lstatOrUndefined(join(outDir, MANIFEST_LOG), fs))?.isFile()) return false;
  const text = await readFile(join(outDir, MANIFEST_LOG), 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    try {
      for (const entry of JSON.parse(line) as { path: string; sha256: string }[])
        if (typeof entry.path === 'string' && typeof entry.sha256 === 'string') manifest.set(entry.path, entry.sha256);
    } catch {
      // the last line of a killed build may be cut short: its group's journal records it
    }
  }
  return true;
}

/** Finishes the renames of a group a kill interrupted, and records its files; true when there was one. */
async function finishJournal(outDir: string, manifest: Manifest, fs: WriteFs): Promise<boolean> {
  const text = await readFile(join(outDir, JOURNAL), 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  let files: { path: string; sha256: string }[] = [];
  try {
    files = (JSON.parse(text) as { files: typeof files }).files;
  } catch {
    // written atomically, so unreadable means not Pelita's: leave the files as they are
  }
  for (const file of files) {
    const { target } = await prepareTarget(outDir, file.path, fs);
    const temp = tempPathFor(target);
    if ((await lstatOrUndefined(temp, fs))?.isFile()) await commitTemp(temp, target, fs);
    manifest.set(file.path, file.sha256);
  }
  await writeManifest(outDir, manifest, fs);
  removeIfThere(join(outDir, JOURNAL), fs);
  return true;
}
