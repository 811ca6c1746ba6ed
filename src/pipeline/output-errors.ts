// What can go wrong when writing the output folder, as errors the CLI turns into one
// plain sentence and an exit code. None of them says anything about the content.

/** The disk refused a write (full, read-only, no permission): nothing half-written was put in place. */
export class DiskError extends Error {
  constructor(
    readonly kind: 'full' | 'read-only' | 'no-permission' | 'failed',
    readonly path: string,
  ) {
    super(diskReason(kind, path));
  }
}

function diskReason(kind: DiskError['kind'], path: string): string {
  switch (kind) {
    case 'full':
      return `the disk is full: nothing was replaced (writing ${path}). Free some space and build again.`;
    case 'read-only':
      return `the disk is read-only: nothing was replaced (writing ${path}). Build into a folder on a writable disk.`;
    case 'no-permission':
      return `Pelita may not write ${path}: nothing was replaced. Check the folder's permissions, or build into another folder.`;
    case 'failed':
      return `the disk failed while writing ${path}: nothing was replaced. Check the disk and build again.`;
  }
}

const DISK_CODES: Record<string, DiskError['kind']> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  EIO: 'failed',
};

/** The error as a DiskError when the disk caused it; otherwise the error itself. */
export function asDiskError(error: unknown, path: string): unknown {
  if (error instanceof DiskError) return error;
  const kind = DISK_CODES[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
  return kind ? new DiskError(kind, path) : error;
}

/** Something stands where Pelita must write: a link, a folder, or a file Pelita did not write. */
export class InTheWayError extends Error {
  constructor(
    readonly kind: 'link' | 'not-a-file' | 'not-a-folder' | 'foreign',
    readonly path: string,
  ) {
    super(inTheWayReason(kind, path));
  }
}

function inTheWayReason(kind: InTheWayError['kind'], path: string): string {
  switch (kind) {
    case 'link':
      return `${path} is a symbolic link; Pelita never writes through links. Remove the link, then build again.`;
    case 'not-a-file':
      return `${path} is in the way: Pelita must write a file there, but it is a folder or a special file. Move it away.`;
    case 'not-a-folder':
      return `${path} is in the way: Pelita must make a folder there, but it is a file. Move it away.`;
    case 'foreign':
      return `${path} was not written by Pelita, so it is not replaced. Move it away, or build with --force to replace it.`;
  }
}

/** The output folder cannot be used (it is the content folder, holds other files, …): exit 2. */
export class OutFolderError extends Error {}

/** Another build is writing into the same output folder. */
export class LockedError extends Error {}
