// A checked writer that never follows a link. Every folder on the way is looked at with
// lstat (a link is an error naming it), the data goes to a temporary file beside the
// target (opened with O_EXCL | O_NOFOLLOW), every write's byte count and the final size are
// checked, the file is fsynced, renamed over the target and the folder fsynced. So a full
// disk or a kill never leaves a truncated file under a final name.
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { asDiskError, DiskError, InTheWayError } from './output-errors.js';

/** The file-system calls the writer uses; tests pass one that fails (ENOSPC, short writes). */
export interface WriteFs {
  open: typeof fsp.open;
  lstat: typeof fsp.lstat;
  mkdir: typeof fsp.mkdir;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
}

export const REAL_FS: WriteFs = fsp;

/** Temporary files end with this; whatever a kill leaves is removed at the next start. */
export const TEMP_SUFFIX = '.pelita-new';

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_SUFFIX}`);
}

/**
 * Makes the folders of `rel` (a `/`-separated path inside `root`) and checks that nothing
 * on the way, nor the target, is a link. `root` itself is the user's choice and may be one.
 * @returns the target's absolute path, and whether a file is already there.
 */
export async function prepareTarget(root: string, rel: string, fs: WriteFs = REAL_FS): Promise<string> {
  const parts = rel.split('/');
  let path = root;
  for (const part of parts.slice(0, -1)) {
    path = join(path, part);
    const stat = await lstatOrUndefined(path, fs);
    if (!stat) {
      await fs.mkdir(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw asDiskError(error, path);
      });
      continue;
    }
    if (stat.isSymbolicLink()) throw new InTheWayError('link', path);
    if (!stat.isDirectory()) throw new InTheWayError('not-a-folder', path);
  }
  const target = join(path, parts.at(-1) ?? '');
  const stat = await lstatOrUndefined(target, fs);
  if (stat?.isSymbolicLink()) throw new InTheWayError('link', target);
  if (stat && !stat.isFile()) throw new InTheWayError('not-a-file', target);
  return target;
}

/** Writes `data` completely to the temporary file of `target`, fsynced; returns its path. */
export async function writeTemp(target: string, data: string | Uint8Array, fs: WriteFs = REAL_FS): Promise<string> {
  const temp = tempPathFor(target);
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  // A temporary file left by a killed build is ours to replace (unlink never follows a link).
  await fs.unlink(temp).catch(() => undefined);
  const handle = await fs.open(temp, flags, 0o644).catch((error: unknown) => {
    throw asDiskError(error, target);
  });
  try {
    let offset = 0;
    while (offset < bytes.byteLength) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset);
      if (bytesWritten <= 0) throw new DiskError('full', target); // a write that takes nothing: no space
      offset += bytesWritten;
    }
    if ((await handle.stat()).size !== bytes.byteLength) throw new DiskError('full', target);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw asDiskError(error, target);
  }
  await handle.close().catch((error: unknown) => {
    throw asDiskError(error, target);
  });
  return temp;
}

/** Puts a written temporary file in place. */
export async function commitTemp(temp: string, target: string, fs: WriteFs = REAL_FS): Promise<void> {
  await fs.rename(temp, target).catch((error: unknown) => {
    throw asDiskError(error, target);
  });
}

/** Makes renames in these folders durable (some file systems cannot fsync a folder: fine). */
export async function syncFolders(folders: Iterable<string>, fs: WriteFs = REAL_FS): Promise<void> {
  for (const folder of new Set(folders)) {
    const handle = await fs.open(folder, constants.O_RDONLY | constants.O_DIRECTORY).catch(() => undefined);
    if (!handle) continue;
    await handle.sync().catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}

/** One file, written safely: for files that stand alone (manifests, a content file). */
export async function writeFileSafe(
  root: string,
  rel: string,
  data: string | Uint8Array,
  fs: WriteFs = REAL_FS,
): Promise<void> {
  const target = await prepareTarget(root, rel, fs);
  const temp = await writeTemp(target, data, fs);
  await commitTemp(temp, target, fs);
  await syncFolders([dirname(target)], fs);
}

export async function lstatOrUndefined(path: string, fs: WriteFs = REAL_FS) {
  return fs.lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw asDiskError(error, path);
  });
}
